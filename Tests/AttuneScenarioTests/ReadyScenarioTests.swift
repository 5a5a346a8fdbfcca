import AttuneModel
import Foundation
import Testing

@testable import AttuneScenario

@Suite("Ready scenarios")
struct ReadyScenarioTests {
    @Test("every ready scenario loads, with words for the chooser", arguments: ReadyScenarios.orderedNames)
    func loads(name: String) throws {
        let scenario = try ScenarioLoader.resolve(name)
        #expect(scenario.name == name)
        #expect(!scenario.title.isEmpty)
        #expect(!scenario.about.isEmpty)
        #expect((2...4).contains(scenario.notice.count))
        #expect((2...4).contains(scenario.tryThis.count))
        #expect(!scenario.narration.isEmpty)
        #expect(scenario.narration.contains { if case .at = $0.trigger { true } else { false } })
        #expect(scenario.narration.contains { if case .on = $0.trigger { true } else { false } })
        #expect(!scenario.usesHumanCaregiver)
        #expect(scenario.sourcePath?.hasSuffix("Scenarios/\(name).yaml") == true)
    }

    @Test("the folder has a file for each ready name and nothing else")
    func folderMatchesNames() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: ReadyScenarios.directory)
            .filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(files == ReadyScenarios.orderedNames.map { "\($0).yaml" }.sorted())
        #expect(ReadyScenarios.names == ReadyScenarios.orderedNames)
    }

    @Test("a folder's other scenarios are listed, but not a named pipe, a folder or a device called x.yaml")
    func onlyRegularFiles() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        func place(_ name: String) -> String { folder.appendingPathComponent(name).path }
        try minimalYAML.write(toFile: place("mine.yaml"), atomically: true, encoding: .utf8)
        try minimalYAML.write(toFile: place("other.yaml"), atomically: true, encoding: .utf8)
        try minimalYAML.write(toFile: place("bad\u{1B}]0;x.yaml"), atomically: true, encoding: .utf8)
        try minimalYAML.write(toFile: place("notes.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: place("linked.yaml"), withDestinationPath: place("mine.yaml"))
        try FileManager.default.createSymbolicLink(atPath: place("dangling.yaml"), withDestinationPath: place("gone.yaml"))
        try FileManager.default.createDirectory(atPath: place("folder.yaml"), withIntermediateDirectories: false)
        guard mkfifo(place("x.yaml"), 0o644) == 0 else {
            Issue.record("mkfifo failed")
            return
        }
        _ = mknod(place("device.yaml"), S_IFCHR | 0o666, nullDevice)
        let names = finishing(within: 5) { ReadyScenarios.names(in: folder.path) }
        #expect(names == ReadyScenarios.orderedNames + ["linked", "mine", "other"])
    }

    @Test("all() loads them all, the side-by-side scene first")
    func allInChooserOrder() {
        let all = ReadyScenarios.all()
        #expect(all.map(\.name) == ReadyScenarios.orderedNames)
        #expect(all.first?.name == "wait-or-chase")
        #expect(ReadyScenarios.loadEach().allSatisfy { (try? $0.result.get()) != nil })
    }

    @Test("wait-or-chase sets the two scenes side by side")
    func waitOrChase() throws {
        let scenario = try ScenarioLoader.resolve("wait-or-chase")
        let plan = scenario.plan
        #expect(plan.infant.ageMonths == 4)
        #expect(plan.infant.trust == 0.8)
        #expect(plan.dyads.map(\.label) == ["Waits", "Chases"])
        #expect(plan.caregiver(dyad: 0, phase: 0).policy == .attuned)
        #expect(plan.caregiver(dyad: 1, phase: 0).policy == .intrusive)
        #expect(plan.phases.count == 1)
        #expect(plan.totalSeconds == 120)
    }

    @Test("the still face runs play, still face and reunion, two minutes each")
    func stillFace() throws {
        let plan = try ScenarioLoader.resolve("still-face").plan
        #expect(plan.phases.map(\.name) == ["play", "still-face", "reunion"])
        #expect(plan.phases.map(\.durationSeconds) == [120, 120, 120])
        #expect((0..<3).map { plan.caregiver(dyad: 0, phase: $0).policy } == [.attuned, .stillFace, .attuned])
    }

    @Test(
        "the other ready scenarios have the caregiver, infant and length they promise",
        arguments: [
            ("scene-a-waits", Policy.attuned, 120.0), ("scene-b-chases", .intrusive, 120),
            ("good-enough", .goodEnough, 180), ("withdrawn", .withdrawn, 120), ("anxious", .anxious, 120),
            ("history-of-intrusion", .attuned, 180),
        ])
    func singleCaregiver(name: String, policy: Policy, seconds: Double) throws {
        let plan = try ScenarioLoader.resolve(name).plan
        #expect(plan.dyads.count == 1)
        #expect(plan.caregiver(dyad: 0, phase: 0).policy == policy)
        #expect(plan.totalSeconds == seconds)
        if name == "history-of-intrusion" { #expect(plan.infant.trust == 0.2) }
    }

    @Test("the workshop scenes come last in the chooser")
    func workshopOrder() {
        #expect(Array(ReadyScenarios.orderedNames.suffix(2)) == ["workshop-wait-or-lean-in", "workshop-still-face"])
    }

    @Test("wait or lean in asks at the first look-away: wait (attuned) or lean in (intrusive)")
    func workshopWaitOrLeanIn() throws {
        let scenario = try ScenarioLoader.resolve("workshop-wait-or-lean-in")
        #expect(scenario.plan.dyads.count == 1)
        #expect(scenario.plan.caregiver(dyad: 0, phase: 0).policy == .attuned)
        #expect(scenario.decisions.count == 1)
        let decision = try #require(scenario.decisions.first)
        #expect(decision.trigger == .on(.infantLooksAway))
        #expect(decision.choices.map(\.key) == ["w", "i"])
        #expect(
            decision.choices.map(\.effect) == [
                .caregiver(CaregiverSettings(policy: .attuned)), .caregiver(CaregiverSettings(policy: .intrusive)),
            ])
    }

    @Test("the workshop still face asks before, during and at the start of the reunion")
    func workshopStillFace() throws {
        let scenario = try ScenarioLoader.resolve("workshop-still-face")
        let plan = scenario.plan
        #expect(plan.phases.map(\.name) == ["play", "still-face", "reunion"])
        #expect((0..<3).map { plan.caregiver(dyad: 0, phase: $0).policy } == [.attuned, .stillFace, .attuned])
        let times = scenario.decisions.compactMap { decision -> Double? in
            if case let .at(seconds) = decision.trigger { return seconds }
            return nil
        }
        let play = plan.phases[0].durationSeconds
        let still = plan.phases[1].durationSeconds
        #expect(times.count == 3)
        #expect(times[0] < play)
        // The room's first question comes within a minute at 1x.
        #expect(times[0] < 60)
        #expect(times[1] > play && times[1] < play + still)
        #expect(times[2] == play + still)
        // Every way back in the reunion sets a policy, so no choice made
        // during the still face carries on into the reunion.
        for choice in scenario.decisions[2].choices {
            guard case let .caregiver(settings) = choice.effect else {
                Issue.record("a reunion choice sets her policy")
                continue
            }
            #expect(settings.policy != nil && settings.policy != .stillFace)
        }
    }

    @Test("the folder is found from the source tree")
    func directory() {
        #expect(ReadyScenarios.directory.hasSuffix("Scenarios"))
        #expect(FileManager.default.fileExists(atPath: ReadyScenarios.directory))
    }
}

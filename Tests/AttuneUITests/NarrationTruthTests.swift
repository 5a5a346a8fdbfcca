import AttuneModel
import AttuneScenario
import Testing

@testable import AttuneUI

/// What is wrong with narration `text` about `dyad` at the step it
/// appeared, as the screen shows that step (the gauge's zone, the heart
/// rate's number, the face); empty when it is all true.
func untruths(_ text: String, dyad: Dyad) -> [String] {
    let infant = dyad.infant
    let traits = dyad.traits
    let zone = ScreenWords.zone(arousal: infant.arousal, behavior: infant.behavior, traits: traits).word
    var problems: [String] = []
    func require(_ condition: Bool, _ what: String) {
        if !condition { problems.append("\(what) (arousal \(infant.arousal), zone \(zone), \(infant.behavior), \(infant.affect))") }
    }
    if text.contains("far above the comfortable range") {
        require(zone == "overwhelmed", "far above the range while the gauge does not say overwhelmed")
    } else if text.contains("above the comfortable range") {
        require(zone == "too high" || zone == "overwhelmed", "above the range while the gauge says \(zone)")
    }
    if text.contains("neared the top of the comfortable range") {
        require(zone == "in range" && infant.arousal >= traits.windowHigh - 0.1, "near the top of the range")
    }
    if text.contains("is in the comfortable range") { require(zone == "in range", "in the range") }
    if text.contains("looks around the room") {
        require(infant.behavior == .exploring, "looking around the room")
        require(!text.contains("comfortable range"), "a look around the room told as arousal")
    }
    if infant.behavior == .exploring && text.contains("The baby looks away") {
        require(false, "a look around the room told as a look-away")
    }
    if text.contains("smiles and coos") { require(infant.affect == .delighted, "smiles while the face does not") }
    if text.contains("not smiling") || text.contains("no longer smiling") {
        require(infant.affect != .delighted, "not smiling while the face smiles")
    }
    if let match = text.firstMatch(of: /(\d+) bpm/) {
        require(Int(match.1) == Int(infant.heartRate.rounded()), "\(match.1) bpm while the screen shows \(Int(infant.heartRate.rounded()))")
    }
    if text.contains("heart rate is up to") || text.contains("heart rate climbed to") {
        require(infant.heartRate >= traits.restingHeartRate + Narrator.heartUpBeats, "a heart rate said to be up")
    }
    if text.contains("heart rate is down to") || text.contains("calmer now") {
        require(infant.arousal <= traits.returnLevel + 0.1, "calmer")
    }
    if text.contains("The baby cries") { require(infant.behavior == .crying, "crying") }
    if text.contains("The baby fusses") { require(infant.behavior == .fussing, "fussing") }
    return problems
}

@Suite("The narration is true of the step it describes")
struct NarrationTruthTests {
    /// Runs `scenario` with `seed` to its end (answering every question
    /// with its first choice) and checks every sentence of the narrator's
    /// own when it appears.
    func check(_ scenario: Scenario, seed: UInt64) -> (lines: Int, problems: [String]) {
        var timeline = Timeline(scenario: scenario, seed: seed)
        let labels = scenario.plan.dyads.map(\.label)
        var lines = 0
        var problems: [String] = []
        while !timeline.isFinished {
            if let open = timeline.openDecision {
                timeline.branch(with: .decide(decision: open, choice: 0))
            }
            let index = timeline.cursor
            timeline.step()
            guard let line = timeline.now.narrator.newest, line.step == index, !line.isCaption else { continue }
            var text = line.text
            var d = 0
            if labels.count > 1, let found = labels.firstIndex(where: { text.hasPrefix("\($0): ") }) {
                d = found
                text = String(text.dropFirst(labels[found].count + 2))
            }
            lines += 1
            for problem in untruths(text, dyad: timeline.now.simulation.dyads[d]) {
                problems.append("\(scenario.name) seed \(seed) at step \(index): \"\(text)\": \(problem)")
            }
        }
        return (lines, problems)
    }

    @Test(arguments: ReadyScenarios.names)
    func everyReadyScenario(name: String) throws {
        let scenario = try readyScenario(name)
        let result = check(scenario, seed: scenario.seed)
        #expect(result.lines > 5)
        #expect(result.problems.isEmpty, "\(result.problems.prefix(5).joined(separator: "\n"))")
    }

    @Test func babiesDrawnFromThePopulation() throws {
        for name in ["wait-or-chase", "still-face", "history-of-intrusion"] {
            var scenario = try readyScenario(name)
            scenario.plan.population = .default
            for seed: UInt64 in 1...4 {
                let result = check(scenario, seed: seed)
                #expect(result.problems.isEmpty, "\(result.problems.prefix(5).joined(separator: "\n"))")
            }
        }
    }

    @Test func theStillFaceTellsTheHeartRateRising() throws {
        let scenario = try readyScenario("still-face")
        var timeline = Timeline(scenario: scenario, seed: scenario.seed)
        var told: [(String, Dyad)] = []
        while !timeline.isFinished {
            let index = timeline.cursor
            timeline.step()
            if let line = timeline.now.narrator.newest, line.step == index, line.text.hasPrefix("Facing the still face") {
                told.append((line.text, timeline.now.simulation.dyads[0]))
            }
        }
        #expect(told.count == 1, "once, in the still-face phase")
        let (text, dyad) = try #require(told.first)
        #expect(dyad.caregiver.action == .stillFace)
        #expect(
            text.hasPrefix("Facing the still face, the baby's heart beats faster: \(Int(dyad.infant.heartRate.rounded())) bpm, up from "))
    }

    @Test func theCheckItselfCatchesAnUntruth() throws {
        var timeline = Timeline(scenario: try readyScenario("scene-a-waits"), seed: 3)
        timeline.step()
        let dyad = timeline.now.simulation.dyads[0]
        #expect(!untruths("The baby looks away: its arousal went above the comfortable range.", dyad: dyad).isEmpty)
        #expect(!untruths("The baby looks around the room: something else caught its eye.", dyad: dyad).isEmpty)
        #expect(!untruths("The baby cries: its heart rate is up to 999 bpm.", dyad: dyad).isEmpty)
        #expect(untruths("The caregiver soothes: a low voice, a gentle hand.", dyad: dyad).isEmpty)
    }
}

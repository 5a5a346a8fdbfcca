import AttuneModel
import Foundation
import Testing

@testable import AttuneScenario

@Suite("Reading a scenario")
struct LoadingTests {
    @Test("a minimal file fills in every default")
    func defaults() throws {
        let s = try scenario(minimalYAML)
        #expect(s.name == "test")
        #expect(s.title == "Test")
        #expect(s.about == "")
        #expect(s.seed == 1)
        #expect(s.plan.stepSeconds == 0.1)
        #expect(s.plan.infant == InfantParameters())
        #expect(s.plan.dyads == [DyadPlan(label: "Caregiver 1", caregiver: CaregiverSettings(policy: .attuned))])
        #expect(s.plan.phases == [PhasePlan(name: "play", durationSeconds: 60)])
        #expect(s.narration.isEmpty && s.notice.isEmpty && s.tryThis.isEmpty)
        #expect(s.sourcePath == nil)
        #expect(!s.usesHumanCaregiver)
    }

    @Test("every field is read")
    func everyField() throws {
        let yaml = """
            title: Peek-a-boo — the caregiver waits
            about: One or two plain sentences.
            seed: 7
            step: 50ms
            infant:
              age_months: 4.5
              reactivity: 0.4
              soothability: 0.6
              trust: 0.8
            dyads:
              - label: Waits
                caregiver:
                  policy: attuned
                  patience: 6s
                  sensitivity: 0.9
                  reaction: 800ms
                  anxiety: 0.3
                  energy: 0.6
              - label: Chases
                caregiver: { policy: intrusive }
            duration: 2min
            narration:
              - { at: 5s, text: "Five seconds in." }
              - { on: infant-looks-away, text: "Away.", once: true, dyad: Waits }
            notice: ["One thing", "Another"]
            try: A single text is a list of one.
            """
        let s = try scenario(yaml, name: "peekaboo")
        #expect(s.title == "Peek-a-boo — the caregiver waits")
        #expect(s.about == "One or two plain sentences.")
        #expect(s.seed == 7)
        #expect(s.plan.stepSeconds == 0.05)
        #expect(s.plan.infant == InfantParameters(ageMonths: 4.5, reactivity: 0.4, soothability: 0.6, trust: 0.8))
        #expect(
            s.plan.dyads[0]
                == DyadPlan(
                    label: "Waits",
                    caregiver: CaregiverSettings(
                        policy: .attuned, patienceSeconds: 6, sensitivity: 0.9, reactionSeconds: 0.8, anxiety: 0.3, energy: 0.6)))
        #expect(s.plan.dyads[1] == DyadPlan(label: "Chases", caregiver: CaregiverSettings(policy: .intrusive)))
        #expect(s.plan.totalSeconds == 120)
        #expect(
            s.narration == [
                NarrationCue(trigger: .at(seconds: 5), text: "Five seconds in."),
                NarrationCue(trigger: .on(.infantLooksAway), text: "Away.", once: true, dyad: "Waits"),
            ])
        #expect(s.notice == ["One thing", "Another"])
        #expect(s.tryThis == ["A single text is a list of one."])
    }

    @Test("the complete example in docs/scenarios.md loads")
    func documentedExample() throws {
        let docs = URL(fileURLWithPath: ReadyScenarios.directory).deletingLastPathComponent()
            .appendingPathComponent("docs/scenarios.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        let start = try #require(text.range(of: "```yaml\n"))
        let end = try #require(text.range(of: "```", range: start.upperBound..<text.endIndex))
        let s = try scenario(String(text[start.upperBound..<end.lowerBound]), name: "example")
        #expect(s.plan.dyads.map(\.label) == ["Waits", "Chases"])
        #expect(s.plan.dyads[0].caregiver.patienceSeconds == 8)
        #expect(s.plan.totalSeconds == 120)
    }

    @Test("a phase's caregiver overrides only the fields it names, for every dyad")
    func phaseOverrideMergesNamedFields() throws {
        let yaml = """
            title: Test
            dyads:
              - label: A
                caregiver: { policy: attuned, patience: 6s, energy: 0.7 }
              - label: B
                caregiver: { policy: intrusive, sensitivity: 0.4 }
            phases:
              - { name: play, duration: 30s }
              - { name: tired, duration: 30s, caregiver: { energy: 0.2, reaction: 2s } }
              - { name: still, duration: 30s, caregiver: { policy: still-face } }
            """
        let plan = try scenario(yaml).plan
        let a = plan.caregiver(dyad: 0, phase: 1)
        #expect(a.policy == .attuned)
        #expect(a.patienceSeconds == 6)
        #expect(a.energy == 0.2)
        #expect(a.reactionSeconds == 2)
        #expect(a.sensitivity == CaregiverParameters.defaults(for: .attuned).sensitivity)
        let b = plan.caregiver(dyad: 1, phase: 1)
        #expect(b.policy == .intrusive)
        #expect(b.sensitivity == 0.4)
        #expect(b.energy == 0.2)
        #expect(b.patienceSeconds == CaregiverParameters.defaults(for: .intrusive).patienceSeconds)
        #expect(plan.caregiver(dyad: 0, phase: 2).policy == .stillFace)
        #expect(plan.caregiver(dyad: 0, phase: 2).patienceSeconds == 6)
        #expect(plan.caregiver(dyad: 0, phase: 0) == CaregiverSettings(policy: .attuned, patienceSeconds: 6, energy: 0.7).parameters)
    }

    @Test("a human caregiver anywhere is flagged")
    func humanCaregiver() throws {
        let inPhase = try scenario(
            """
            title: Test
            dyads: [ { caregiver: { policy: attuned } } ]
            phases:
              - { name: watch, duration: 10s }
              - { name: you, duration: 10s, caregiver: { policy: human } }
            """)
        #expect(inPhase.usesHumanCaregiver)
        let inDyad = try scenario(minimalYAML.replacingOccurrences(of: "attuned", with: "human"))
        #expect(inDyad.usesHumanCaregiver)
    }

    @Test("quoted numbers and YAML booleans are read as written")
    func lenientScalars() throws {
        let s = try scenario(minimalYAML + "infant: { trust: \"0.3\" }\nnarration: [ { on: repair, once: yes, text: Yes } ]\n")
        #expect(s.plan.infant.trust == 0.3)
        #expect(s.narration.first?.once == true)
    }
}

@Suite("--set overrides")
struct OverrideTests {
    let phased = """
        title: Test
        dyads:
          - label: A
            caregiver: { policy: attuned }
          - label: B
        phases:
          - { name: play, duration: 120s }
          - { name: still-face, duration: 120s, caregiver: { policy: still-face } }
        """

    @Test("overrides change values, and add missing fields and sets of fields")
    func validOverrides() throws {
        let s = try scenario(
            minimalYAML,
            overrides: [
                "infant.age_months=8", "dyads.0.caregiver.patience=2s", "seed=3", "title=Hello, world", "step=20ms",
            ])
        #expect(s.plan.infant.ageMonths == 8)
        #expect(s.plan.dyads[0].caregiver.patienceSeconds == 2)
        #expect(s.seed == 3)
        #expect(s.title == "Hello, world")
        #expect(s.plan.stepSeconds == 0.02)

        let p = try scenario(
            phased,
            overrides: [
                "phases.1.duration=60s", "dyads.1.caregiver.policy=intrusive", "dyads.1.caregiver.energy=0.2",
            ])
        #expect(p.plan.phases[1].durationSeconds == 60)
        #expect(p.plan.dyads[1].caregiver == CaregiverSettings(policy: .intrusive, energy: 0.2))
        #expect(p.plan.caregiver(dyad: 1, phase: 1).policy == .stillFace)
        #expect(p.plan.caregiver(dyad: 1, phase: 1).energy == 0.2)
    }

    @Test("a quoted value stays text; later overrides win")
    func quotingAndOrder() throws {
        let s = try scenario(minimalYAML, overrides: ["title=\"8\"", "seed=4", "seed=5"])
        #expect(s.title == "8")
        #expect(s.seed == 5)
    }

    @Test("a bad overridden value is reported against the override")
    func invalidValue() {
        #expect(
            problems(minimalYAML, overrides: ["infant.age_months=30"]) == [
                "--set infant.age_months=30: infant.age_months is 30; it must be between 2 and 12"
            ])
        #expect(
            problems(minimalYAML, overrides: ["dyads.0.caregiver.patience=2"]) == [
                "--set dyads.0.caregiver.patience=2: dyads.0.caregiver.patience is 2; write a duration with a unit, like 2s"
            ])
        #expect(
            problems(minimalYAML, overrides: ["infant.age_month=3"]) == [
                "--set infant.age_month=3: infant has no field called \"age_month\"; did you mean \"age_months\"?"
            ])
        #expect(
            problems(phased, overrides: ["dyads.1.caregiver.energy=0.2"]) == [
                "--set dyads.1.caregiver.energy=0.2: dyads.1.caregiver has no policy; add one, like  policy: attuned  (the policies are attuned, intrusive, withdrawn, still-face, good-enough, anxious and human)"
            ])
    }

    @Test("problems in the file and in overrides are listed together, the file's first")
    func mixed() {
        let yaml = minimalYAML + "infant: { trust: 3 }\n"
        #expect(
            problems(yaml, overrides: ["seed=-1"]) == [
                "test.yaml:5:18: infant.trust is 3; it must be between 0 and 1",
                "--set seed=-1: seed is -1; it must be a whole number, 0 or more, like 7",
            ])
    }

    @Test(
        "a malformed PATH=VALUE",
        arguments: [
            ("infant.age_months", "--set infant.age_months: write it as PATH=VALUE, like infant.age_months=8"),
            (
                "=3",
                "--set =3: \"\" is not a path; write field names joined by dots, and list positions as numbers from 0, like dyads.0.caregiver.patience=2s"
            ),
            (
                "infant..trust=3",
                "--set infant..trust=3: \"infant..trust\" is not a path; write field names joined by dots, and list positions as numbers from 0, like dyads.0.caregiver.patience=2s"
            ),
        ])
    func malformed(text: String, expected: String) {
        #expect(problems(minimalYAML, overrides: [text]) == [expected])
    }

    @Test("a path that cannot be followed")
    func badPaths() {
        #expect(
            problems(minimalYAML, overrides: ["dyads.3.caregiver.energy=0.2"]) == [
                "--set dyads.3.caregiver.energy=0.2: dyads has no position 3; the only position is 0 (positions count from 0)"
            ])
        #expect(
            problems(phased, overrides: ["phases.-1.duration=3s"]) == [
                "test.yaml:5:5: dyads.1 has no caregiver; add one, like  caregiver: { policy: attuned }",
                "--set phases.-1.duration=3s: phases has no position -1; the positions are 0 to 1 (positions count from 0)",
            ])
        #expect(
            problems(minimalYAML, overrides: ["phases.0.duration=60s"]) == [
                "--set phases.0.duration=60s: phases is not in the file, so there is no position 0 to change"
            ])
        #expect(
            problems(minimalYAML, overrides: ["title.size=3"]) == [
                "--set title.size=3: title is a single value, so it has no part called \"size\""
            ])
        #expect(
            problems(minimalYAML, overrides: ["dyads.first.label=A"]) == [
                "--set dyads.first.label=A: dyads is a list; name a position in it with a number from 0, like dyads.0"
            ])
    }
}

@Suite("Long and deep --set overrides")
struct OverrideLimitTests {
    @Test("a path of 10,000 parts is refused before it is followed, without a crash")
    func tenThousandParts() {
        let path = Array(repeating: "a", count: 10_000).joined(separator: ".")
        let found = problems(minimalYAML, overrides: ["\(path)=1"])
        #expect(found.count == 1)
        let expected =
            ": the path has 10000 parts, but no field in a scenario file is deeper than 6 (like decisions.0.choices.0.caregiver.patience); check the path"
        #expect(found.first?.hasPrefix("--set a.a.a.a") == true)
        #expect(found.first?.hasSuffix(expected) == true)
        // The echoed override is cut short, not printed whole.
        let label = found.first.map { String($0.dropLast(expected.count)) } ?? ""
        #expect(label.count <= 60)
        #expect(label.hasSuffix("…"))
    }

    @Test("a path one part deeper than any field is refused; the deepest field is still accepted")
    func deepestPath() throws {
        #expect(ScenarioReader.maximumPathDepth == 6)
        #expect(ScenarioReader.deepestPath == "decisions.0.choices.0.caregiver.patience")
        let loaded = try scenario(decisionYAML, overrides: ["decisions.0.choices.0.caregiver.patience=2s"])
        #expect(loaded.decisions[0].choices[0].effect == .caregiver(CaregiverSettings(policy: .attuned, patienceSeconds: 2)))
        #expect(
            problems(decisionYAML, overrides: ["decisions.0.choices.0.caregiver.patience.x=2s"]) == [
                "--set decisions.0.choices.0.caregiver.patience.x=2s: the path has 7 parts, but no field in a scenario file is deeper than 6 (like decisions.0.choices.0.caregiver.patience); check the path"
            ])
    }

    @Test("a very long value or path is echoed short and checked in linear time")
    func longText() {
        let long = String(repeating: "x", count: 200_000)
        let started = Date()
        let keyProblems = problems(minimalYAML, overrides: ["infant.\(long)=1"])
        let valueProblems = problems(minimalYAML, overrides: ["seed=\(long)"])
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(keyProblems.count == 1)
        #expect(keyProblems.first?.hasPrefix("--set infant.xxxx") == true)
        #expect(keyProblems.first?.contains("infant has no field called \"xxxx") == true)
        #expect(valueProblems.count == 1)
        #expect(valueProblems.first?.hasPrefix("--set seed=xxxx") == true)
        for line in keyProblems + valueProblems { #expect(line.count < 400) }
    }

    @Test("an override longer than a whole scenario file is refused")
    func overLongOverride() {
        let long = String(repeating: "x", count: YAMLReading.maximumBytes + 1)
        let found = problems(minimalYAML, overrides: ["title=\(long)"])
        #expect(found.count == 1)
        #expect(
            found.first?.hasSuffix(": this --set is 1.1 MiB long; it can be at most 1 MiB, like a whole scenario file; check the value")
                == true)
    }
}

@Suite("Finding a scenario by name or path")
struct ResolveTests {
    @Test("a ready scenario by name, and by its file name")
    func byName() throws {
        #expect(try ScenarioLoader.resolve("still-face").title == "The still face")
        #expect(try ScenarioLoader.resolve("still-face.yaml").name == "still-face")
        let changed = try ScenarioLoader.resolve("still-face", overrides: ["seed=99"])
        #expect(changed.seed == 99)
    }

    @Test("any file by path")
    func byPath() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("my-scene.yaml").path
        try minimalYAML.write(toFile: path, atomically: true, encoding: .utf8)
        let s = try ScenarioLoader.resolve(path)
        #expect(s.name == "my-scene")
        #expect(s.sourcePath == path)
        #expect(try ScenarioLoader.load(path: path).title == "Test")
    }

    @Test("a scenario keeps the exact text it was loaded from, before overrides")
    func sourceText() throws {
        let text = "# A comment the loader skips\r\n" + minimalYAML.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(try scenario(text).sourceText == text)
        #expect(try scenario(text, overrides: ["title=Changed"]).sourceText == text)
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("my-scene.yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let loaded = try ScenarioLoader.resolve(path, overrides: ["seed=4"])
        #expect(loaded.sourceText == text)
        #expect(loaded.sourceText?.utf8.count == text.utf8.count)
        try "title: Overwritten later\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(loaded.sourceText == text)
        #expect(
            try ScenarioLoader.resolve("still-face").sourceText
                == String(
                    contentsOfFile: ReadyScenarios.directory + "/still-face.yaml", encoding: .utf8))
        #expect(Scenario(name: "made", title: "Made", plan: try scenario(minimalYAML).plan).sourceText == nil)
    }

    @Test("problems in a file name the path as given")
    func problemsNamePath() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("bad.yaml").path
        try (minimalYAML + "seed: x\n").write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try ScenarioLoader.resolve(path)
            Issue.record("expected a problem")
        } catch {
            #expect(error.errors.map(\.description) == ["\(path):5:7: seed is \"x\"; it must be a whole number, 0 or more, like 7"])
        }
    }

    @Test("an unknown name gets a suggestion and the list of ready scenarios")
    func unknownName() {
        do {
            _ = try ScenarioLoader.resolve("still-fase")
            Issue.record("expected a problem")
        } catch {
            #expect(
                error.errors.map(\.description) == [
                    "still-fase: there is no ready scenario called \"still-fase\"; did you mean \"still-face\"? The ready scenarios are wait-or-chase, scene-a-waits, scene-b-chases, still-face, good-enough, withdrawn, anxious, history-of-intrusion, workshop-wait-or-lean-in and workshop-still-face; to open your own file, give its path, like my-scene.yaml"
                ])
        }
    }
}

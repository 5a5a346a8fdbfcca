import Foundation
import Testing

@testable import AttuneScenario

@Suite("Problems in a file, each at its line and column")
struct ErrorTests {
    @Test("a value out of range")
    func outOfRange() {
        let yaml = """
            title: Test
            infant:
              age_months: 30
            dyads:
              - caregiver: { policy: attuned }
            duration: 60s
            """
        #expect(problems(yaml) == ["test.yaml:3:15: infant.age_months is 30; it must be between 2 and 12"])
    }

    @Test("a value of the wrong type")
    func wrongType() {
        let yaml = """
            title: Test
            infant:
              reactivity: high
              trust: [1, 2]
            dyads:
              - caregiver: { policy: attuned }
            duration: 60s
            """
        #expect(
            problems(yaml) == [
                "test.yaml:3:15: infant.reactivity is \"high\"; it must be a number between 0 and 1",
                "test.yaml:4:10: infant.trust is a list; write a number between 0 and 1, or a mean and a standard deviation for babies that differ from run to run, like  trust: {mean: 0.7, sd: 0.15}",
            ])
    }

    @Test("a misspelt policy gets a suggestion")
    func badPolicy() {
        let yaml = """
            title: Test
            dyads:
              - caregiver: { policy: intrusve }
            duration: 60s
            """
        #expect(
            problems(yaml) == [
                "test.yaml:3:26: dyads.0.caregiver.policy is \"intrusve\"; did you mean \"intrusive\"? The policies are attuned, intrusive, withdrawn, still-face, good-enough, anxious and human"
            ])
    }

    @Test("a policy word nothing like any policy lists them all")
    func unknownPolicy() {
        let yaml = minimalYAML.replacingOccurrences(of: "attuned", with: "kind")
        #expect(
            problems(yaml) == [
                "test.yaml:3:26: dyads.0.caregiver.policy is \"kind\"; it must be one of attuned, intrusive, withdrawn, still-face, good-enough, anxious or human"
            ])
    }

    @Test("an unknown key gets a \"did you mean\"")
    func unknownKeyWithSuggestion() {
        let yaml = """
            title: Test
            infant:
              age_month: 4
            dyads:
              - caregiver: { policy: attuned, patiense: 6s }
            duration: 60s
            """
        #expect(
            problems(yaml) == [
                "test.yaml:3:3: infant has no field called \"age_month\"; did you mean \"age_months\"?",
                "test.yaml:5:35: dyads.0.caregiver has no field called \"patiense\"; did you mean \"patience\"?",
            ])
    }

    @Test("an unknown key with nothing close lists the allowed keys")
    func unknownKeyWithoutSuggestion() {
        let yaml = minimalYAML + "colour: blue\n"
        #expect(
            problems(yaml) == [
                "test.yaml:5:1: the file has no field called \"colour\"; the fields it can have are title, about, seed, step, infant, dyads, phases, duration, narration, decisions, notice and try"
            ])
    }

    @Test("a missing required field is reported where it belongs")
    func missingFields() {
        let yaml = """
            about: No title, no dyads, no duration.
            """
        #expect(
            problems(yaml) == [
                "test.yaml:1:1: the file has no title; add one, like  title: Peek-a-boo",
                "test.yaml:1:1: the file has no dyads; add a dyads list with at least one caregiver, like  dyads: [ { caregiver: { policy: attuned } } ]",
                "test.yaml:1:1: the file has no duration; add one, like  duration: 120s  (or list phases, each with its own duration)",
            ])
        let noPolicy = """
            title: Test
            dyads:
              - label: A
                caregiver:
                  patience: 3s
              - label: B
            duration: 60s
            """
        #expect(
            problems(noPolicy) == [
                "test.yaml:5:7: dyads.0.caregiver has no policy; add one, like  policy: attuned  (the policies are attuned, intrusive, withdrawn, still-face, good-enough, anxious and human)",
                "test.yaml:6:5: dyads.1 has no caregiver; add one, like  caregiver: { policy: attuned }",
            ])
    }

    @Test("two dyads with the same label")
    func duplicateLabels() {
        let yaml = """
            title: Test
            dyads:
              - label: Waits
                caregiver: { policy: attuned }
              - label: Waits
                caregiver: { policy: intrusive }
            duration: 60s
            """
        #expect(
            problems(yaml) == [
                "test.yaml:5:12: dyads.1.label is \"Waits\", the same as dyads.0.label; give each caregiver a label of its own"
            ])
    }

    @Test("a bare number where a duration is needed suggests a unit")
    func bareNumberDuration() {
        let yaml = """
            title: Test
            dyads:
              - caregiver:
                  policy: attuned
                  patience: 6
            duration: 60s
            step: 0.1sec
            """
        #expect(
            problems(yaml) == [
                "test.yaml:5:17: dyads.0.caregiver.patience is 6; write a duration with a unit, like 6s",
                "test.yaml:7:7: step is \"0.1sec\"; write a duration with a unit: ms, s or min (like 800ms, 6s or 2min)",
            ])
    }

    @Test("a decimal comma is pointed out")
    func decimalComma() {
        let yaml = """
            title: Test
            infant: { trust: "0,5" }
            dyads:
              - caregiver: { policy: attuned, reaction: "1,5s" }
            duration: 60s
            """
        #expect(
            problems(yaml) == [
                "test.yaml:2:18: infant.trust is \"0,5\"; it must be a number between 0 and 1 (write decimals with a point: 0.5)",
                "test.yaml:4:45: dyads.0.caregiver.reaction is \"1,5s\"; write decimals with a point: 1.5s",
            ])
    }

    @Test("durations out of range name the allowed range in the same units")
    func durationOutOfRange() {
        let yaml = """
            title: Test
            dyads:
              - caregiver: { policy: attuned, reaction: 6s }
            duration: 0s
            """
        #expect(
            problems(yaml) == [
                "test.yaml:3:45: dyads.0.caregiver.reaction is 6s; it must be between 0.1s and 5s",
                "test.yaml:4:11: duration is 0s; it must be longer than 0s and at most 24 hours (1440min)",
            ])
    }

    @Test("malformed YAML is reported where the YAML reader stopped")
    func malformedYAML() {
        let yaml = """
            title: Test
              about: oops
            duration: 60s
            """
        let found = problems(yaml)
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("test.yaml:2:8: this isn't valid YAML: a colon here starts a field where none can start") == true)
    }

    @Test("a tab used for indenting is explained")
    func tabIndent() {
        let found = problems("title: Test\ninfant:\n\tage_months: 4\n")
        #expect(found.count == 1)
        #expect(
            found.first?.hasPrefix("test.yaml:3:1: this isn't valid YAML: this character can't start a value; indent with spaces, not tabs")
                == true)
    }

    @Test("a key written twice")
    func duplicateKey() {
        let found = problems(minimalYAML + "title: Again\n")
        #expect(found == ["test.yaml:1:1: \"title\" appears twice in the same place; keep one of them"])
    }

    @Test("an empty file, or one with only comments", arguments: ["", "   \n\n", "# only a comment\n", "~\n"])
    func emptyFile(text: String) {
        #expect(
            problems(text) == [
                "test.yaml: the file is empty; a scenario needs at least a title, dyads and a duration (docs/scenarios.md has a complete example)"
            ])
    }

    @Test("a file that is a list, not a set of fields")
    func notAMapping() {
        #expect(
            problems("- title: Test\n") == [
                "test.yaml:1:1: the file should be a set of fields, one per line, like  title: Peek-a-boo ; it is a list"
            ])
    }

    @Test("a file over 1 MiB is refused before it is read as YAML")
    func hugeText() throws {
        let huge = minimalYAML + String(repeating: "# padding padding padding\n", count: 45_000)
        #expect(
            problems(huge) == [
                "test.yaml: the file is 1.2 MiB; a scenario file can be at most 1 MiB. Is this the right file?"
            ])
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("huge.yaml").path
        try huge.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: ScenarioErrors.self) { try ScenarioLoader.load(path: path) }
        do {
            _ = try ScenarioLoader.load(path: path)
        } catch {
            #expect(
                error.errors.map(\.description) == [
                    "\(path): the file is 1.2 MiB; a scenario file can be at most 1 MiB. Is this the right file?"
                ])
        }
    }

    @Test("a billion-laughs alias bomb is refused quickly, at the first alias")
    func aliasBomb() {
        var lines = ["a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]"]
        for (previous, name) in zip("abcdefgh", "bcdefghi") {
            lines.append("\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]")
        }
        lines.append("title: *i")
        let start = ContinuousClock.now
        let found = problems(lines.joined(separator: "\n"))
        #expect(ContinuousClock.now - start < .seconds(5))
        #expect(
            found.first
                == "test.yaml:2:8: *a is a YAML alias; scenario files don't use anchors and aliases (&name, *name), so write the value out in full where it is needed"
        )
        #expect(found.count == 51)
        #expect(found.last == "test.yaml: …and 23 more problems")
    }

    @Test("an alias used as a key is refused before the YAML is read")
    func aliasKey() {
        let bomb = """
            a: &a [1, 2, 3]
            b: &b [*a, *a, *a]
            ? *b
            : x
            *a : y
            """
        #expect(
            problems(bomb) == [
                "test.yaml:3:3: *b is a YAML alias used as a key; scenario files don't use anchors and aliases (&name, *name), so write each key out in full",
                "test.yaml:5:1: *a is a YAML alias used as a key; scenario files don't use anchors and aliases (&name, *name), so write each key out in full",
            ])
    }

    @Test("a single alias is refused where it is written; stars in quotes and text are fine")
    func simpleAlias() throws {
        let yaml = """
            title: &t Test
            about: "A *starred* word, and a * on its own."
            notice: [ 'see *this*', *t ]
            dyads:
              - caregiver: { policy: attuned }
            duration: 60s
            """
        #expect(
            problems(yaml) == [
                "test.yaml:3:25: *t is a YAML alias; scenario files don't use anchors and aliases (&name, *name), so write the value out in full where it is needed"
            ])
        let fine = try scenario(minimalYAML + "about: \"A *starred* word\"\nnotice:\n  - |\n    *Look* here.\n")
        #expect(fine.about == "A *starred* word")
        #expect(fine.notice == ["*Look* here."])
    }

    @Test("values nested too deeply are refused without a crash")
    func deepNesting() {
        let found = problems("title: " + String(repeating: "[", count: 20_000))
        #expect(found.count == 1)
        #expect(found.first?.contains("nested too deeply") == true)
    }

    @Test("a missing file, and a folder given as a file")
    func missingFile() throws {
        do {
            _ = try ScenarioLoader.load(path: "/no/such/folder/scene.yaml")
            Issue.record("expected a problem")
        } catch {
            #expect(error.errors.count == 1)
            #expect(
                error.errors[0].description.hasPrefix("/no/such/folder/scene.yaml: there is no file here; check the name and the folder"))
        }
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            _ = try ScenarioLoader.load(path: folder.path)
            Issue.record("expected a problem")
        } catch {
            #expect(
                error.errors.map(\.description) == [
                    "\(folder.path): this is a folder, not a scenario file; give the path of a .yaml file inside it"
                ])
        }
    }

    @Test("a file that is not UTF-8 text")
    func notText() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("binary.yaml").path
        try Data([0x74, 0x69, 0xFF, 0xFE, 0x00, 0x80]).write(to: URL(fileURLWithPath: path))
        do {
            _ = try ScenarioLoader.load(path: path)
            Issue.record("expected a problem")
        } catch {
            #expect(
                error.errors.map(\.description) == [
                    "\(path): the file is not plain UTF-8 text; save it as UTF-8 (plain text) and try again"
                ])
        }
    }

    @Test("every problem in a file is listed, in file order")
    func manyProblems() {
        let yaml = """
            title: Test
            seed: -3
            infant:
              age_months: 1
              trust: 2
            dyads:
              - caregiver: { policy: attuned }
            duration: 60
            """
        #expect(
            problems(yaml) == [
                "test.yaml:2:7: seed is -3; it must be a whole number, 0 or more, like 7",
                "test.yaml:4:15: infant.age_months is 1; it must be between 2 and 12",
                "test.yaml:5:10: infant.trust is 2; it must be between 0 and 1",
                "test.yaml:8:11: duration is 60; write a duration with a unit, like 60s",
            ])
    }

    @Test("more than 50 problems are cut to 50 and a count")
    func manyManyProblems() {
        var yaml = minimalYAML + "narration:\n"
        for index in 0..<60 { yaml += "  - { on: nothing-\(index), text: Hello }\n" }
        let found = problems(yaml)
        #expect(found.count == 51)
        #expect(
            found[0].hasPrefix("test.yaml:6:11: narration.0.on is \"nothing-0\", which is not an event; the events are infant-looks-away, ")
        )
        #expect(found[50] == "test.yaml: …and 10 more problems")
    }

    @Test("thousands of problems are counted, not all kept")
    func thousandsOfProblems() {
        var yaml = minimalYAML + "narration:\n"
        for _ in 0..<1200 { yaml += "  - { on: nothing, text: Hello }\n" }
        let found = problems(yaml)
        #expect(found.count == 51)
        #expect(found[50] == "test.yaml: …and 1150 more problems")
    }

    @Test("duration beside phases, and phases without names or durations")
    func phaseProblems() {
        let yaml = """
            title: Test
            dyads:
              - caregiver: { policy: attuned }
            duration: 60s
            phases:
              - { name: play, duration: 60s }
              - { duration: 30s }
              - { name: Play }
            """
        #expect(
            problems(yaml) == [
                "test.yaml:4:1: duration is given, and so are phases; remove duration: each phase has its own",
                "test.yaml:7:5: phases.1 has no name; add one, like  name: play",
                "test.yaml:8:5: phases.2 has no duration; add one, like  duration: 120s",
                "test.yaml:8:13: phases.2.name is \"Play\", the same as phases.0.name; give each phase a name of its own",
            ])
    }

    @Test("more than four dyads")
    func tooManyDyads() {
        var yaml = "title: Test\nduration: 60s\ndyads:\n"
        for index in 0..<5 { yaml += "  - { label: D\(index), caregiver: { policy: attuned } }\n" }
        #expect(
            problems(yaml) == [
                "test.yaml:4:3: dyads lists 5 caregivers; at most 4 fit side by side, so keep 4 or fewer"
            ])
    }

    @Test("narration problems: unknown event, unknown dyad, both triggers, a time after the end")
    func narrationProblems() {
        let yaml = """
            title: Test
            dyads:
              - label: Waits
                caregiver: { policy: attuned }
            duration: 60s
            narration:
              - { on: infant-look-away, text: Away }
              - { on: repair, dyad: Wait, text: Back }
              - { at: 5s, on: repair, text: Both }
              - { at: 90s, text: Late }
              - { text: Never }
              - { at: 5s }
              - { on: repair, once: maybe, text: Hm }
            """
        #expect(
            problems(yaml) == [
                "test.yaml:7:11: narration.0.on is \"infant-look-away\", which is not an event; did you mean \"infant-looks-away\"?",
                "test.yaml:8:25: narration.1.dyad is \"Wait\", but no dyad has that label; did you mean \"Waits\"?",
                "test.yaml:9:7: narration.2 has both at and on; keep one of them",
                "test.yaml:10:11: narration.3.at is 90s; it must be between 0s and 60s (the run lasts 60s)",
                "test.yaml:11:5: narration.4 needs a time or an event; add  at: 5s  or  on: infant-looks-away",
                "test.yaml:12:5: narration.5 has no text; add one, like  text: The baby looks away.",
                "test.yaml:13:25: narration.6.once is \"maybe\"; write true or false",
            ])
    }

    @Test("ScenarioError reads file:line:column: message")
    func errorDescription() {
        #expect(ScenarioError(file: "a.yaml", line: 3, column: 7, message: "m").description == "a.yaml:3:7: m")
        #expect(ScenarioError(file: "a.yaml", message: "m").description == "a.yaml: m")
        #expect(
            ScenarioErrors([ScenarioError(file: "a", message: "x"), ScenarioError(file: "b", message: "y")]).description == "a: x\nb: y")
    }

    @Test("suggestions catch typos, swaps and prefixes, and nothing far off")
    func suggestions() {
        #expect(Suggestions.closest(to: "titel", in: ScenarioReader.topKeys) == "title")
        #expect(Suggestions.closest(to: "age", in: ScenarioReader.infantKeys) == "age_months")
        #expect(Suggestions.closest(to: "still face", in: ["still-face", "attuned"]) == "still-face")
        #expect(Suggestions.closest(to: "Attuned", in: ["still-face", "attuned"]) == "attuned")
        #expect(Suggestions.closest(to: "colour", in: ScenarioReader.topKeys) == nil)
    }
}

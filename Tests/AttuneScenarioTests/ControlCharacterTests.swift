import Foundation
import Testing

@testable import AttuneScenario

/// True when `text` holds a character that a terminal, a CSV or an SVG
/// reader could take for an instruction: C0 and C1 controls, DEL, and the
/// direction overrides and isolates.
func hasRawControl(_ text: String) -> Bool {
    text.unicodeScalars.contains {
        $0.value < 0x20 || (0x7F...0x9F).contains($0.value)
            || (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value)
    }
}

/// The refusal for a field holding a control character.
func refusal(_ path: String, _ what: String, at position: Int) -> String {
    "\(path) contains \(what) at position \(position); scenario text must be plain printable text — remove it"
}

@Suite("Control characters in scenario text")
struct ControlCharacterTests {
    /// Each kind of refused character: as a YAML escape, as itself, and in
    /// words.
    static let kinds: [(escape: String, character: String, words: String)] = [
        (#"\e"#, "\u{1B}", "a control character (ESC, U+001B)"),
        (#"\a"#, "\u{07}", "a control character (BEL, U+0007)"),
        (#"\0"#, "\u{00}", "a control character (NUL, U+0000)"),
        (#"\x01"#, "\u{01}", "a control character (SOH, U+0001)"),
        (#"\x7f"#, "\u{7F}", "a control character (DEL, U+007F)"),
        (#"\r"#, "\r", "a control character (CR, U+000D)"),
        (#"\x9b"#, "\u{9B}", "a C1 control character (U+009B)"),
        (#"\N"#, "\u{85}", "a C1 control character (U+0085)"),
        (#"\u202e"#, "\u{202E}", "a direction override (RLO, U+202E)"),
        (#"\u202a"#, "\u{202A}", "a direction override (LRE, U+202A)"),
        (#"\u2066"#, "\u{2066}", "a direction isolate (LRI, U+2066)"),
        (#"\u2069"#, "\u{2069}", "a direction isolate (PDI, U+2069)"),
    ]

    /// A scenario with `X` in one field, the field's path, and where its
    /// value starts.
    static let places: [(yaml: String, path: String, line: Int, column: Int)] = [
        ("title: \"aXb\"\n" + minimalYAML.replacingOccurrences(of: "title: Test\n", with: ""), "title", 1, 8),
        (minimalYAML + "narration:\n  - { at: 5s, text: \"aXb\" }\n", "narration.0.text", 6, 21),
        (minimalYAML.replacingOccurrences(of: "  - caregiver:", with: "  - label: \"aXb\"\n    caregiver:"), "dyads.0.label", 3, 12),
        (
            decisionYAML.replacingOccurrences(of: "question: The baby has turned away. What now?", with: "question: \"aXb\""),
            "decisions.0.question", 9, 15
        ),
    ]

    @Test("each kind of control character is refused in a title, a caption, a label and a question, where it is written")
    func refusedEverywhere() {
        for kind in Self.kinds {
            for place in Self.places {
                let yaml = place.yaml.replacingOccurrences(of: "aXb", with: "a\(kind.escape)b")
                #expect(
                    problems(yaml) == [
                        "test.yaml:\(place.line):\(place.column): " + refusal(place.path, kind.words, at: 2)
                    ], "\(kind.words) in \(place.path)")
            }
        }
    }

    @Test("an escape that would recolour and retitle a terminal is refused with one problem per field")
    func onePerField() {
        let yaml = minimalYAML.replacingOccurrences(of: "title: Test", with: #"title: "W\e[31mRED\e]0;pwned\a""#)
        #expect(problems(yaml) == ["test.yaml:1:8: " + refusal("title", "a control character (ESC, U+001B)", at: 2)])
        let hex = minimalYAML.replacingOccurrences(of: "title: Test", with: #"title: "\x1b]0;x\x07""#)
        #expect(problems(hex) == ["test.yaml:1:8: " + refusal("title", "a control character (ESC, U+001B)", at: 1)])
    }

    @Test("every text field is checked: about, notice, try, phase names, choice labels, a caption's dyad")
    func everyTextField() {
        let esc = #""a\eb""#
        #expect(
            problems(minimalYAML + "about: \(esc)\n") == [
                "test.yaml:5:8: " + refusal("about", "a control character (ESC, U+001B)", at: 2)
            ])
        #expect(
            problems(minimalYAML + "notice:\n  - fine\n  - \(esc)\ntry: \(esc)\n") == [
                "test.yaml:7:5: " + refusal("notice.1", "a control character (ESC, U+001B)", at: 2),
                "test.yaml:8:6: " + refusal("try", "a control character (ESC, U+001B)", at: 2),
            ])
        let phased = """
            title: Test
            dyads:
              - caregiver: { policy: attuned }
            phases:
              - { name: \(esc), duration: 60s }
            """
        #expect(problems(phased) == ["test.yaml:5:13: " + refusal("phases.0.name", "a control character (ESC, U+001B)", at: 2)])
        let choice = decisionYAML.replacingOccurrences(of: "label: lean in", with: "label: \(esc)")
        #expect(
            problems(choice) == [
                "test.yaml:12:26: " + refusal("decisions.0.choices.1.label", "a control character (ESC, U+001B)", at: 2)
            ])
        let cue = decisionYAML + "narration:\n  - { at: 5s, text: Hello, dyad: \(esc) }\n"
        #expect(problems(cue) == ["test.yaml:14:34: " + refusal("narration.0.dyad", "a control character (ESC, U+001B)", at: 2)])
    }

    @Test("a control character at the end of a text is not trimmed away unseen")
    func trailing() {
        let yaml = minimalYAML.replacingOccurrences(of: "title: Test", with: #"title: "Test\r""#)
        #expect(problems(yaml) == ["test.yaml:1:8: " + refusal("title", "a control character (CR, U+000D)", at: 5)])
    }

    @Test("tabs and line breaks in text are fine, and so is a file saved with CRLF line ends")
    func tabsAndLineEnds() throws {
        let yaml = minimalYAML + "about: \"one\\ttwo\\nthree\"\nnotice:\n  - |\n    first line\n    second line\n"
        let loaded = try scenario(yaml)
        #expect(loaded.about == "one\ttwo\nthree")
        let crlf = try scenario(yaml.replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(crlf.title == "Test")
        #expect(crlf.notice == ["first line\nsecond line"])
        #expect(crlf.about == "one\ttwo\nthree")
        #expect(try scenario(minimalYAML, overrides: ["title=\"one\ttwo\""]).title == "one\ttwo")
    }

    @Test("describe shows a file path's control characters made visible")
    func describePath() throws {
        var loaded = try scenario(minimalYAML)
        loaded.sourcePath = "/tmp/\u{1B}]0;x\u{07}/test.yaml"
        let text = describe(loaded)
        #expect(text.contains(#"(file: /tmp/\u{1B}]0;x\u{07}/test.yaml)"#))
        #expect(!hasRawControl(text.replacingOccurrences(of: "\n", with: "")))
    }

    @Test("a --set value is checked like the file's values", arguments: kinds.map(\.character).indices)
    func overriddenValue(index: Int) {
        let kind = Self.kinds[index]
        let found = problems(minimalYAML, overrides: ["dyads.0.label=W\(kind.character)[31m"])
        #expect(found.count == 1)
        #expect(found.first?.hasSuffix(": " + refusal("dyads.0.label", kind.words, at: 2)) == true, "\(found)")
        #expect(found.first?.hasPrefix("--set dyads.0.label=W\\u{") == true, "\(found)")
        #expect(!found.contains(where: hasRawControl))
    }

    @Test("a file whose name holds a control character is refused, its name shown with the character made visible")
    func fileName() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("bad\u{1B}]0;x\u{07}.yaml").path
        try minimalYAML.write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try ScenarioLoader.load(path: path)
            Issue.record("expected a problem")
        } catch {
            let shownPath = path.replacingOccurrences(of: "\u{1B}", with: #"\u{1B}"#).replacingOccurrences(of: "\u{07}", with: #"\u{07}"#)
            #expect(
                error.errors.map(\.description) == [
                    #"\#(shownPath): the scenario's name "bad\u{1B}]0;x\u{07}" contains a control character (ESC, U+001B); a scenario is named after its file, so rename the file using plain printable characters"#
                ])
        }
        #expect(
            problems(minimalYAML, name: "new\nline") == [
                #"new\u{0A}line.yaml: the scenario's name "new\u{0A}line" contains a control character (LF, U+000A); a scenario is named after its file, so rename the file using plain printable characters"#
            ])
    }

    @Test("no message repeats a raw control character, whatever the user gave")
    func noRawControlInMessages() throws {
        let e = "\u{1B}"
        var found: [String] = []
        found += problems(minimalYAML + #""ke\ey": 1"# + "\n")
        found += problems(minimalYAML.replacingOccurrences(of: "policy: attuned", with: #"policy: "att\euned""#))
        found += problems(minimalYAML + #"seed: "\e7""# + "\nstep: \"6\\x9bs\"\n")
        found += problems(minimalYAML.replacingOccurrences(of: "duration: 60s", with: #"duration: "6\es""#))
        found += problems(minimalYAML + "narration:\n  - { on: \"infant\\e\", text: Hi, once: \"\\a\" }\n")
        found += problems(decisionYAML.replacingOccurrences(of: "key: w", with: #"key: "\e""#))
        found += problems(minimalYAML + #""a\e": 1"# + "\n" + #""a\e": 2"# + "\n")
        found += problems(
            minimalYAML.replacingOccurrences(of: "  - caregiver:", with: "  - label: \"A\\tB\"\n    caregiver:")
                + "narration:\n  - { at: 5s, text: Hi, dyad: C }\n")
        let twoPhases =
            "title: Test\ndyads:\n  - caregiver: { policy: attuned }\nphases:\n  - { name: \"a\\nb\", duration: 60s }\n  - { name: \"a\\nb\", duration: 60s }\n"
        found += problems(twoPhases)
        found += problems(
            minimalYAML,
            overrides: [
                "infant.a\(e)=1", "dya\(e)ds.0.label=x", "title.\(e)=3", "\(e)]0;x", "dyads.9\(e).label=x", "seed=\(e)",
            ])
        found += problems("title: [\u{202E}")
        do {
            _ = try ScenarioLoader.resolve("\(e)]0;pwned\u{07}")
            Issue.record("expected a problem")
        } catch {
            found += error.errors.map(\.description)
            #expect(!error.errors.map(\.message).contains(where: hasRawControl))
        }
        #expect(found.count >= 15)
        for line in found {
            #expect(!hasRawControl(line), "\(line.debugDescription)")
        }
    }

    @Test("an error made with raw control characters still prints them visibly")
    func safetyNet() {
        let error = ScenarioError(file: "a\u{1B}.yaml", line: 1, column: 2, message: "b\u{07}c\u{9B}d\u{202E}e\nf")
        #expect(error.description == #"a\u{1B}.yaml:1:2: b\u{07}c\u{9B}d\u{202E}e\u{0A}f"#)
        #expect(!hasRawControl(ScenarioErrors(error).description))
    }

    @Test("messages repeat user text made visible and cut short")
    func echo() {
        #expect(MessageText.echo("plain") == "plain")
        #expect(MessageText.echo("a\u{1B}b\tc") == #"a\u{1B}b\u{09}c"#)
        #expect(MessageText.echo(String(repeating: "x", count: 100), limit: 10) == "xxxxxxxxx…")
        #expect(MessageText.echo("\u{1B}\u{1B}\u{1B}", limit: 10) == #"\u{1B}…"#)
        #expect(MessageText.visible("a\r\nb\u{2066}") == #"a\u{0D}\u{0A}b\u{2066}"#)
    }
}

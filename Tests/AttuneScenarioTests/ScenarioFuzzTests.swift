import AttuneModel
import AttuneTestSupport
import Foundation
import Testing

@testable import AttuneScenario

/// Texts a fuzz case starts from: every ready scenario file, and the minimal
/// scenario the other tests use.
enum FuzzSeeds {
    /// The package's `Scenarios/` folder, found from this file's place
    /// (Tests/AttuneScenarioTests/ScenarioFuzzTests.swift).
    static var scenariosFolder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Scenarios")
    }

    /// The names of the texts, sorted, `minimal` first.
    static let names: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: scenariosFolder.path)) ?? []
        return ["minimal"] + files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }()

    /// The text called `name`.
    static func text(_ name: String) throws -> String {
        if name == "minimal" { return minimalYAML }
        return try String(contentsOf: scenariosFolder.appendingPathComponent("\(name).yaml"), encoding: .utf8)
    }
}

/// Random edits of a scenario file's text, each described in a few words so
/// that a failing case says what was done to the file.
struct YAMLMutator {
    var random: SplitMix64

    /// Characters a mutation may insert: YAML's indicators, line breaks and
    /// tabs, control characters, letters outside ASCII and combining marks.
    static let pool: [Character] = [
        ":", "-", "[", "]", "{", "}", "&", "*", "!", "|", ">", "'", "\"", "#", "%", "@", ",", "?", "`", " ", "\t",
        "\n", "\r", "\u{1B}", "\u{07}", "\u{00}", "\u{7F}", "\u{9B}", "\u{202E}", "\u{FEFF}", "\u{200B}", "é", "ß",
        "Ж", "中", "ع", "🙂", "ﬁ", "\u{0301}", "\u{0308}", "\u{20DD}", "0", "9", ".", "a",
    ]
    /// Numbers a mutation may write in place of a number.
    static let extremes = ["0", "-1", "1e309", "99999999999999999999", ".nan", "0x10", "-0", "1e-320", ".inf", "007"]

    /// `text` with 1 to 4 random edits, and the edits in words.
    mutating func mutate(_ text: String) -> (text: String, edits: [String]) {
        var characters = Array(text)
        var edits: [String] = []
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            edits.append(mutateOnce(&characters))
        }
        return (String(characters), edits)
    }

    private mutating func mutateOnce(_ characters: inout [Character]) -> String {
        switch Int.random(in: 0..<100, using: &random) {
        case 0..<15:
            guard !characters.isEmpty else { return "delete nothing" }
            let start = Int.random(in: 0..<characters.count, using: &random)
            let length = Int.random(in: 1...min(80, characters.count - start), using: &random)
            characters.removeSubrange(start..<(start + length))
            return "delete \(length) at \(start)"
        case 15..<25:
            var lines = split(characters)
            let index = Int.random(in: 0..<lines.count, using: &random)
            lines.insert(lines[index], at: index)
            characters = join(lines)
            return "duplicate line \(index + 1)"
        case 25..<35:
            var lines = split(characters)
            let a = Int.random(in: 0..<lines.count, using: &random)
            let b = Int.random(in: 0..<lines.count, using: &random)
            lines.swapAt(a, b)
            characters = join(lines)
            return "swap lines \(a + 1) and \(b + 1)"
        case 35..<60:
            let at = Int.random(in: 0...characters.count, using: &random)
            let character = Self.pool.randomElement(using: &random)!
            characters.insert(character, at: at)
            return "insert \(character.unicodeScalars.map { "U+\(String($0.value, radix: 16))" }.joined()) at \(at)"
        case 60..<78:
            let numbers = numberRanges(characters)
            guard let range = numbers.randomElement(using: &random) else { return "no number to change" }
            let value = Self.extremes.randomElement(using: &random)!
            characters.replaceSubrange(range, with: Array(value))
            return "number at \(range.lowerBound) becomes \(value)"
        case 78..<93:
            var lines = split(characters)
            let index = Int.random(in: 0..<lines.count, using: &random)
            let indent = lines[index].prefix { $0 == " " }.count
            let rest = lines[index].dropFirst(indent)
            switch Int.random(in: 0..<4, using: &random) {
            case 0: lines[index] = Array(rest)
            case 1: lines[index] = Array(repeating: " ", count: indent + Int.random(in: 1...4, using: &random)) + rest
            case 2: lines[index] = Array(repeating: " ", count: max(0, indent - Int.random(in: 1...4, using: &random))) + rest
            default: lines[index] = ["\t"] + rest
            }
            characters = join(lines)
            return "re-indent line \(index + 1)"
        default:
            let at = Int.random(in: 0...characters.count, using: &random)
            characters.removeSubrange(at...)
            return "truncate at \(at)"
        }
    }

    private func split(_ characters: [Character]) -> [[Character]] {
        characters.split(separator: "\n", omittingEmptySubsequences: false).map(Array.init)
    }

    private func join(_ lines: [[Character]]) -> [Character] {
        Array(lines.joined(separator: ["\n"]))
    }

    /// Where the numbers are: runs of digits with any point and minus sign.
    private func numberRanges(_ characters: [Character]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var i = 0
        while i < characters.count {
            guard characters[i].isASCII, characters[i].isNumber else { i += 1; continue }
            var start = i
            if start > 0, characters[start - 1] == "-" { start -= 1 }
            while i < characters.count, characters[i].isASCII, characters[i].isNumber || characters[i] == "." { i += 1 }
            ranges.append(start..<i)
        }
        return ranges
    }
}

/// Random `--set` overrides: dotted paths from the file's own field names,
/// numbers and junk, with random values.
struct OverrideMutator {
    var random: SplitMix64
    /// Field names found in the file (`title`, `age_months`...).
    let words: [String]

    init(random: SplitMix64, text: String) {
        self.random = random
        var found = Set<String>()
        for line in text.split(separator: "\n") {
            let trimmed = line.drop { $0 == " " || $0 == "-" }
            if let colon = trimmed.firstIndex(of: ":") {
                let key = trimmed[..<colon]
                if !key.isEmpty, key.allSatisfy({ $0.isLetter || $0 == "_" }) { found.insert(String(key)) }
            }
        }
        words = found.sorted() + ["dyads", "phases", "caregiver", "infant", "narration", "decisions", "choices"]
    }

    static let junk = ["", " ", "x y", "🙂", "\u{1B}[31m", "é\u{0301}", "[", "*a", "&a", "-1", "99999999999999999999", "..", "=", "#"]
    static let values = [
        "8", "2s", "0", "-1", "1e309", ".nan", "0x10", "99999999999999999999", "attuned", "still-face", "human", "true",
        "\"quoted\"", "'single'", "[1, 2]", "{a: 1}", "", "~", "null", "*alias", "&a x", "|", ">", "- a", "a: b",
        "\u{1B}[31mred", "\u{00}", "\u{202E}evil", "120s", "0.5", "infant-looks-away", "\"unclosed", "[", "{",
    ]

    /// One to four overrides: in 4 cases out of 10 all of them plausible
    /// (a path a scenario has, an ordinary or extreme value), otherwise
    /// mostly random.
    mutating func overrides() -> [String] {
        let plausible = Int.random(in: 0..<10, using: &random) < 4
        return (0..<Int.random(in: 1...4, using: &random)).map { _ in plausible ? plausibleOverride() : override() }
    }

    /// Paths a scenario may set, each with values at the edges of what it
    /// allows and a few just outside, for overrides that stand a chance of
    /// loading (so that odd but allowed values reach the model).
    static let plausible: [(path: String, values: [String])] = {
        let fraction = ["0", "1", "0.5", "0.999", "1e-9", "1.0000001", "-0"]
        let policy = ["attuned", "intrusive", "withdrawn", "still-face", "good-enough", "anxious", "human", "Human"]
        let length = ["10ms", "0.01s", "1s", "1440min", "86400s", "86401s", "0s"]
        return [
            ("seed", ["0", "18446744073709551615", "18446744073709551616", "7"]),
            ("step", ["10ms", "0.01s", "1s", "9ms", "0.5s"]),
            ("infant.age_months", ["2", "12", "4.5", "1.999", "12.0001"]),
            ("infant.reactivity", fraction), ("infant.soothability", fraction), ("infant.trust", fraction),
            ("duration", length), ("phases.0.duration", length), ("phases.1.caregiver.policy", policy),
            ("dyads.0.caregiver.policy", policy), ("dyads.1.caregiver.policy", policy),
            ("dyads.0.caregiver.patience", ["0s", "120s", "2min", "121s", "1ms"]),
            ("dyads.0.caregiver.reaction", ["100ms", "5s", "0.1s", "99ms", "5001ms"]),
            ("dyads.0.caregiver.sensitivity", fraction), ("dyads.0.caregiver.anxiety", fraction),
            ("dyads.0.caregiver.energy", fraction), ("dyads.0.label", ["é\u{0301}", "\u{1B}[2J", "a b", "\"\""]),
            ("title", ["x", "\u{202E}evil", "''"]),
        ]
    }()

    private mutating func plausibleOverride() -> String {
        let (path, values) = Self.plausible.randomElement(using: &random)!
        return path + "=" + values.randomElement(using: &random)!
    }

    private mutating func override() -> String {
        if Int.random(in: 0..<10, using: &random) < 2 { return plausibleOverride() }
        let parts = (0..<Int.random(in: 1...12, using: &random)).map { _ in part() }
        let path = parts.joined(separator: ".")
        switch Int.random(in: 0..<20, using: &random) {
        case 0: return path  // no "="
        case 1: return "=" + value()
        default: return path + "=" + value()
        }
    }

    private mutating func part() -> String {
        switch Int.random(in: 0..<10, using: &random) {
        case 0..<6: return words.randomElement(using: &random)!
        case 6..<8: return String(Int.random(in: -1...5, using: &random))
        default: return Self.junk.randomElement(using: &random)!
        }
    }

    private mutating func value() -> String {
        switch Int.random(in: 0..<10, using: &random) {
        case 0..<7:
            return Self.values.randomElement(using: &random)!
        case 7:
            return String(repeating: "9", count: Int.random(in: 30...600, using: &random))
        default:
            let length = Int.random(in: 1...30, using: &random)
            return String((0..<length).map { _ in YAMLMutator.pool.randomElement(using: &random)! })
        }
    }
}

/// What one fuzz case did, to name it in a failure.
struct FuzzCase: CustomStringConvertible {
    var base: String
    var number: Int
    var edits: [String]
    var text: String
    var overrides: [String]

    var description: String {
        let shown = text.count > 600 ? String(text.prefix(600)) + "…(\(text.count) characters)" : text
        let sets = overrides.map { $0.count > 200 ? String($0.prefix(200)) + "…(\($0.count) characters)" : $0 }
        return
            "case \(number) from \(base): \(edits.joined(separator: "; ")); overrides \(sets.debugDescription)\n\(shown.debugDescription)"
    }
}

/// Loads one fuzz case and checks the outcome: a scenario, which then runs 50
/// steps, or problems that are all short, plain descriptions. Returns true
/// when it loaded.
@discardableResult
func checkLoad(_ fuzzCase: FuzzCase, name: String = "fuzz", sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
    let started = ContinuousClock.now
    defer {
        let took = ContinuousClock.now - started
        if took > .seconds(2) {
            Issue.record("loading took \(took): \(fuzzCase)", sourceLocation: sourceLocation)
        }
    }
    let scenario: Scenario
    do {
        scenario = try ScenarioLoader.load(yaml: fuzzCase.text, name: name, overrides: fuzzCase.overrides)
    } catch {
        if error.errors.isEmpty {
            Issue.record("refused with no problems: \(fuzzCase)", sourceLocation: sourceLocation)
        }
        for problem in error.errors {
            let description = problem.description
            if problem.message.isEmpty {
                Issue.record("a problem with no message (\(description.debugDescription)): \(fuzzCase)", sourceLocation: sourceLocation)
                break
            }
            guard description.count > 2000 else { continue }
            let complaint =
                "a problem's description is \(description.count) characters long (\(description.prefix(300).debugDescription)…): \(fuzzCase)"
            Issue.record(Comment(rawValue: complaint), sourceLocation: sourceLocation)
            break
        }
        return false
    }
    var simulation = Simulation(plan: scenario.plan, seed: 1)
    let none = [CaregiverAction?](repeating: nil, count: scenario.plan.dyads.count)
    for _ in 0..<50 { simulation.step(human: none) }
    if simulation.stepIndex != min(50, simulation.totalSteps) {
        Issue.record("the run took \(simulation.stepIndex) steps of 50: \(fuzzCase)", sourceLocation: sourceLocation)
    }
    return true
}

@Suite("Fuzzing the scenario loader: nothing crashes, every refusal is clear")
struct ScenarioFuzzTests {
    /// Mutated files per starting text (11 texts: about 4,000 loads).
    static let casesPerText = 360

    @Test("every starting text loads unchanged")
    func startingTextsLoad() throws {
        #expect(FuzzSeeds.names.count >= 2)
        for name in FuzzSeeds.names {
            let text = try FuzzSeeds.text(name)
            #expect(checkLoad(FuzzCase(base: name, number: 0, edits: [], text: text, overrides: [])), "\(name)")
        }
    }

    @Test("a mutated file loads or is refused with clear problems", .timeLimit(.minutes(2)), arguments: FuzzSeeds.names)
    func mutatedFiles(name: String) throws {
        let text = try FuzzSeeds.text(name)
        let seed = UInt64(FuzzSeeds.names.firstIndex(of: name)!) &* 0x1_0001 &+ 20_251_201
        var mutator = YAMLMutator(random: SplitMix64(seed: seed))
        var loaded = 0
        for number in 1...Self.casesPerText {
            let (mutated, edits) = mutator.mutate(text)
            if checkLoad(FuzzCase(base: name, number: number, edits: edits, text: mutated, overrides: [])) { loaded += 1 }
        }
        // Some edits (in comments, in texts) leave a file that still loads,
        // so the simulation part is exercised too.
        #expect(loaded > 0)
        #expect(loaded < Self.casesPerText)
    }

    @Test("random --set overrides load or are refused with clear problems", .timeLimit(.minutes(2)))
    func randomOverrides() throws {
        var random = SplitMix64(seed: 0xA77_0E5E7)
        var loaded = 0
        let cases = 1_000
        for number in 1...cases {
            let name = FuzzSeeds.names.randomElement(using: &random)!
            var mutator = OverrideMutator(random: SplitMix64(seed: random.next()), text: try FuzzSeeds.text(name))
            let overrides = mutator.overrides()
            let fuzzCase = FuzzCase(base: name, number: number, edits: [], text: try FuzzSeeds.text(name), overrides: overrides)
            if checkLoad(fuzzCase) { loaded += 1 }
        }
        #expect(loaded > 0)
        #expect(loaded < cases)
    }

    @Test(
        "a --set path of 10,000 parts that stops at a value or a list is refused quickly", .timeLimit(.minutes(1)),
        arguments: [
            "title", "duration", "dyads.x", "dyads.0.caregiver.policy",
        ])
    func longPathRefused(start: String) {
        let path = start + "." + Array(repeating: "a", count: 10_000).joined(separator: ".")
        for value in ["1", "x"] {
            checkLoad(
                FuzzCase(
                    base: "minimal", number: 0, edits: ["\(start) then 10,000 parts"], text: minimalYAML, overrides: [path + "=" + value]))
        }
    }

    // A path through fields that are not in the file once overflowed the
    // stack (one nested call per part); it is refused before it is followed.
    @Test(
        "a --set path of 10,000 new fields is refused or applied, quickly",
        .timeLimit(.minutes(1)), arguments: ["a", "0", "infant", "dyads.0.caregiver"])
    func longPathOfNewFields(start: String) {
        let path = start + "." + Array(repeating: "a", count: 10_000).joined(separator: ".")
        checkLoad(
            FuzzCase(
                base: "minimal", number: 0, edits: ["\(start) then 10,000 parts"], text: minimalYAML, overrides: [path + "=1"]))
    }

    @Test(
        "a --set value of 100,000 characters is refused or applied without echoing it whole", .timeLimit(.minutes(1)),
        arguments: [
            "title", "about", "seed", "infant.age_months", "dyads.0.caregiver.policy", "dyads.0.caregiver.patience", "duration",
            "nowhere", "dyads.0.label", "notice",
        ])
    func longValue(path: String) {
        let values = [
            String(repeating: "x", count: 100_000), String(repeating: "9", count: 100_000),
            "0." + String(repeating: "0", count: 99_997) + "5", String(repeating: "🙂", count: 100_000),
        ]
        for value in values {
            checkLoad(
                FuzzCase(
                    base: "minimal", number: 0, edits: ["\(value.count) characters of \(value.first!)"], text: minimalYAML,
                    overrides: [path + "=" + value]))
        }
    }

    @Test(
        "a number of 100,000 digits in the file is refused without echoing it whole", .timeLimit(.minutes(1)),
        arguments: [
            "seed", "infant.age_months", "step", "duration",
        ])
    func longNumberInFile(path: String) {
        for number in [String(repeating: "9", count: 100_000), "0." + String(repeating: "0", count: 99_997) + "5"] {
            let yaml: String
            switch path {
            case "duration": yaml = minimalYAML.replacingOccurrences(of: "60s", with: number)
            case "infant.age_months": yaml = minimalYAML + "infant:\n  age_months: \(number)\n"
            default: yaml = minimalYAML + "\(path): \(number)\n"
            }
            checkLoad(FuzzCase(base: "minimal", number: 0, edits: ["\(path): \(number.count) characters"], text: yaml, overrides: []))
        }
    }

    @Test("a file nested 10,000 deep (1,500 for block lists) is refused quickly", .timeLimit(.minutes(1)), arguments: ["[", "{a: ", "- "])
    func deepNesting(opening: String) {
        let closing = opening == "[" ? "]" : opening == "{a: " ? "}" : ""
        var deep = String(repeating: opening, count: 10_000) + "1" + String(repeating: closing, count: 10_000)
        if opening == "- " {
            // Block lists, one more space of indentation a level (10,000
            // levels would be 50 MB; 1,500 are past the YAML reader's limit).
            deep = (0..<1_500).map { String(repeating: " ", count: $0) + "-" }.joined(separator: "\n") + " 1"
        }
        let edit = "nested \(opening) deep"
        checkLoad(
            FuzzCase(base: "minimal", number: 0, edits: ["about " + edit], text: minimalYAML + "about: " + deep + "\n", overrides: []))
        checkLoad(FuzzCase(base: "minimal", number: 0, edits: [edit], text: deep, overrides: []))
    }
}

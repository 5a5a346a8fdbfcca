import AttuneModel
import AttuneScenario
import AttuneTestSupport
import Foundation
import Testing

@testable import AttuneUI

/// A mutated recording: its text, or its bytes when a mutation made them
/// something other than UTF-8 text (read with ``RecordingFormat/decode(_:)-(Data)``),
/// and what was done to it, for failure messages.
struct MutatedRecording: CustomStringConvertible {
    var bytes: [UInt8]
    /// True when the bytes went through byte-level edits (read as `Data`).
    var asData: Bool
    var number: Int
    var edits: [String]

    var description: String {
        let text = String(decoding: bytes, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let shown = lines.prefix(1).map { String($0.prefix(160)) + "…" } + lines.dropFirst().prefix(12).map(String.init)
        return "case \(number): \(edits.joined(separator: "; ")) (\(bytes.count) bytes, \(lines.count) lines)\n"
            + shown.joined(separator: "\n") + (lines.count > 13 ? "\n…" : "")
    }
}

/// Random edits of a recording's JSON lines: whole lines, bytes, numbers,
/// key words, header fields, the scenario text and the end line.
struct RecordingMutator {
    var random: SplitMix64

    static let numbers = [
        "0", "-1", "-0", "100000", "1e308", "-1e308", "0.5", "1e-7", "99999999999999999999", "1000", "1001", "300",
        "101", "4294967296", "9.3e18", "1.7976931348623157e308", "007", "1.",
    ]
    static let sizes = ["0", "1", "80", "24", "300", "301", "100", "1000", "1001", "100000", "-5"]
    static let keyWords = [
        "up", "down", "left", "right", "page-up", "page-down", "home", "end", "enter", "escape", "backspace", "tab",
        "resize", "tick", "interrupt", "char:q", "char:W", "char:w", "char:i", "char:+", "char:-", "char: ", "char:?",
        "ctrl:c", "ctrl:l", "ctrl:Z", "char:", "char:ab", "jump", "char:🙂", "char:é", "char:\\u001b", "char:\\n",
        "CHAR:q", "",
    ]
    static let headerValues: [(field: String, values: [String])] = [
        ("attune_recording", ["0", "2", "1.0", "true", "\"1\"", "null", "[1]", "-1", "1e308"]),
        ("seed", ["\"0\"", "\"18446744073709551615\"", "\"18446744073709551616\"", "\"-1\"", "7", "\"7.5\"", "\"\"", "null", "\"0x10\""]),
        ("speed", ["0", "-1", "1e308", "0.25", "32", "1000", "\"fast\"", "1e-308", "null", "2"]),
        ("paused", ["true", "false", "1", "0", "\"true\"", "null"]),
        ("ascii", ["true", "false", "1", "\"yes\"", "null"]),
        ("presenter", ["true", "false", "0", "null", "[]"]),
        ("created", ["0", "-1", "1e308", "1e19", "-1e19", "1.5", "\"now\"", "9.3e18", "1764000000.25"]),
        ("hash", ["\"0000000000000000\"", "\"\"", "1", "null"]),
        ("name", ["\"still-face\"", "\"\"", "1", "\"\\u001b[31m\""]),
        ("overrides", ["[]", "[\"infant.trust=0.1\"]", "\"seed=3\"", "null", "[1]"]),
    ]
    /// Bytes that are not UTF-8 on their own, or that YAML and JSON treat
    /// specially.
    static let oddBytes: [[UInt8]] = [
        [0xFF], [0xFE], [0xC3], [0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF], [0x00], [0x1B],
        [0x0A], [0x0D], [0x22], [0x5C], [0x7B], [0x7D], [0x2C], [0xEF, 0xBB, 0xBF],
    ]

    /// `text` with `edits` random edits (1 to 3 when not given).
    mutating func mutate(_ text: String, number: Int, edits count: Int? = nil) -> MutatedRecording {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var bytes: [UInt8]?
        var edits: [String] = []
        for _ in 0..<(count ?? Int.random(in: 1...3, using: &random)) {
            if bytes != nil || Int.random(in: 0..<100, using: &random) < 20 {
                var current = bytes ?? Array(lines.joined(separator: "\n").utf8)
                edits.append(mutateBytes(&current))
                bytes = current
            } else {
                edits.append(mutateLines(&lines))
            }
        }
        if let bytes { return MutatedRecording(bytes: bytes, asData: true, number: number, edits: edits) }
        return MutatedRecording(bytes: Array(lines.joined(separator: "\n").utf8), asData: false, number: number, edits: edits)
    }

    private mutating func mutateBytes(_ bytes: inout [UInt8]) -> String {
        guard !bytes.isEmpty else { return "no bytes to change" }
        switch Int.random(in: 0..<3, using: &random) {
        case 0:
            let at = Int.random(in: 0..<bytes.count, using: &random)
            let bit = UInt8(1) << UInt8.random(in: 0...7, using: &random)
            bytes[at] ^= bit
            return "flip bit \(bit) of byte \(at)"
        case 1:
            let at = Int.random(in: 0...bytes.count, using: &random)
            let odd = Self.oddBytes.randomElement(using: &random)!
            bytes.insert(contentsOf: odd, at: at)
            return "insert \(odd) at byte \(at)"
        default:
            let at = Int.random(in: 0...bytes.count, using: &random)
            bytes.removeSubrange(at...)
            return "cut at byte \(at)"
        }
    }

    private mutating func mutateLines(_ lines: inout [String]) -> String {
        // The last element is the empty text after the final newline.
        let body = max(1, lines.count - 1)
        switch Int.random(in: 0..<100, using: &random) {
        case 0..<8:
            let index = Int.random(in: 0..<body, using: &random)
            let count = Int.random(in: 1...min(3, lines.count - index), using: &random)
            lines.removeSubrange(index..<(index + count))
            return "delete \(count) lines at line \(index + 1)"
        case 8..<16:
            let index = Int.random(in: 0..<body, using: &random)
            lines.insert(lines[index], at: index)
            return "duplicate line \(index + 1)"
        case 16..<24:
            let a = Int.random(in: 0..<body, using: &random)
            let b = Int.random(in: 0..<body, using: &random)
            lines.swapAt(a, b)
            return "swap lines \(a + 1) and \(b + 1)"
        case 24..<42:
            guard let index = eventLine(lines, containing: "\"") else { return "no event line" }
            let ranges = numberRanges(lines[index])
            guard let range = ranges.randomElement(using: &random) else { return "no number on line \(index + 1)" }
            let value = Self.numbers.randomElement(using: &random)!
            lines[index].replaceSubrange(range, with: value)
            return "a number on line \(index + 1) becomes \(value)"
        case 42..<50:
            guard let index = eventLine(lines, containing: "\"resize\"") else { return "no resize line" }
            let width = Self.sizes.randomElement(using: &random)!
            let height = Self.sizes.randomElement(using: &random)!
            lines[index] = replaceValue(of: "resize", in: lines[index], with: "[\(width),\(height)]")
            return "line \(index + 1) resizes to [\(width),\(height)]"
        case 50..<60:
            guard let index = eventLine(lines, containing: "\"key\"") else { return "no key line" }
            let word = Self.keyWords.randomElement(using: &random)!
            lines[index] = replaceValue(of: "key", in: lines[index], with: "\"\(word)\"")
            return "the key on line \(index + 1) becomes \(word.debugDescription)"
        case 60..<64:
            guard let index = eventLine(lines, containing: "\"") else { return "no event line" }
            let words = ["at", "tick_us", "key", "step", "speed", "resize", "end", "events"]
            let from = words.randomElement(using: &random)!
            let to = (words + ["At", "tick", "", "at "]).randomElement(using: &random)!
            lines[index] = lines[index].replacingOccurrences(of: "\"\(from)\"", with: "\"\(to)\"")
            return "on line \(index + 1) \"\(from)\" becomes \"\(to)\""
        case 64..<80:
            let (field, values) = Self.headerValues.randomElement(using: &random)!
            let value = values.randomElement(using: &random)!
            lines[0] = replaceValue(of: field, in: lines[0], with: value)
            return "header \(field) becomes \(value)"
        case 80..<88:
            guard let start = lines[0].range(of: "\"text\":\"") else { return "no scenario text" }
            let offset = Int.random(in: 0..<200, using: &random)
            let at = lines[0].index(start.upperBound, offsetBy: offset, limitedBy: lines[0].endIndex) ?? start.upperBound
            let inserted = ["x", "\\n", " ", "\\\"", "\\u0000", "é"].randomElement(using: &random)!
            lines[0].insert(contentsOf: inserted, at: at)
            return "insert \(inserted) into the scenario text at \(offset)"
        default:
            guard let index = lines.lastIndex(where: { $0.hasPrefix("{\"end\"") }) else { return "no end line" }
            switch Int.random(in: 0..<3, using: &random) {
            case 0:
                lines.remove(at: index)
                return "drop the end line"
            case 1:
                lines.insert(lines[index], at: index)
                return "repeat the end line"
            default:
                let count = ["0", "-1", "1e308", "null", "\"3\"", String(Int.random(in: 0...1000, using: &random))]
                    .randomElement(using: &random)!
                lines[index] = replaceValue(of: "events", in: lines[index], with: count)
                return "the end line counts \(count)"
            }
        }
    }

    /// A random line after the header that contains `text`.
    private mutating func eventLine(_ lines: [String], containing text: String) -> Int? {
        let candidates = lines.indices.dropFirst().filter { lines[$0].contains(text) }
        return candidates.randomElement(using: &random)
    }

    /// `line` with the value of its last `"field":` replaced by `value`
    /// (the value ends at its closing quote or bracket, or at `,` or `}`).
    private func replaceValue(of field: String, in line: String, with value: String) -> String {
        guard let key = line.range(of: "\"\(field)\":", options: .backwards) else { return line }
        let characters = Array(line[key.upperBound...])
        var end = 0
        if characters.first == "\"" {
            end = 1
            while end < characters.count, characters[end] != "\"" { end += characters[end] == "\\" ? 2 : 1 }
            end = min(end + 1, characters.count)
        } else if characters.first == "[" || characters.first == "{" {
            var depth = 0
            repeat {
                if characters[end] == "[" || characters[end] == "{" { depth += 1 }
                if characters[end] == "]" || characters[end] == "}" { depth -= 1 }
                end += 1
            } while end < characters.count && depth > 0
        } else {
            while end < characters.count, characters[end] != ",", characters[end] != "}" { end += 1 }
        }
        return String(line[..<key.upperBound]) + value + String(characters[end...])
    }

    /// Where the numbers are on a line (outside quotes).
    private func numberRanges(_ line: String) -> [Range<String.Index>] {
        var ranges: [Range<String.Index>] = []
        var inString = false
        var i = line.startIndex
        while i < line.endIndex {
            let c = line[i]
            if c == "\"" { inString.toggle() }
            if !inString, c.isASCII, c.isNumber || c == "-" {
                let start = i
                while i < line.endIndex, line[i].isASCII, line[i].isNumber || "-+.eE".contains(line[i]) {
                    i = line.index(after: i)
                }
                ranges.append(start..<i)
                continue
            }
            i = line.index(after: i)
        }
        return ranges
    }
}

/// True when a refusal is a clear message: not empty, and not a giant echo
/// of the file.
func isClear(_ error: RecordingError) -> Bool {
    !error.message.isEmpty && error.description.count <= 2000
}

@Suite("Fuzzing recordings: nothing crashes, every refusal is a clear RecordingError")
struct RecordingFuzzTests {
    /// The number of mutated recordings.
    static let cases = 3_000
    /// Recordings with more events are read but not replayed.
    static let replayLimit = 20_000
    /// Every this many recordings that read back is also exported as a cast.
    static let castEvery = 50

    /// How a fuzz case ended.
    enum Outcome {
        case refused, readNotReplayed, replayed, refusedOnReplay
    }

    @Test("a mutated recording is read or refused, and one that reads replays or is refused", .timeLimit(.minutes(3)))
    func mutatedRecordings() throws {
        let session = try workshopSession()
        let text = RecordingFormat.encode(session.recording)
        var mutator = RecordingMutator(random: SplitMix64(seed: 20_251_201))
        var outcomes: [Outcome: Int] = [:]
        var read = 0
        var casts = 0
        for number in 1...Self.cases {
            let mutated = mutator.mutate(text, number: number)
            let outcome = Self.check(mutated, session: session) { recording in
                read += 1
                guard read % Self.castEvery == 0 else { return }
                casts += 1
                Self.checkCast(recording, scenario: session.scenario, case: mutated)
            }
            outcomes[outcome, default: 0] += 1
        }
        // Every outcome happens, so every path is exercised.
        #expect(outcomes[.refused, default: 0] > Self.cases / 10)
        #expect(outcomes[.replayed, default: 0] > Self.cases / 10)
        #expect(outcomes[.refusedOnReplay, default: 0] > 0)
        #expect(casts > 5)
    }

    @Test("every kind of edit alone is refused or read, and replays or is refused", .timeLimit(.minutes(1)))
    func eachEditAlone() throws {
        // One edit a case, so that a failure here names a single edit.
        let session = try workshopSession()
        let text = RecordingFormat.encode(session.recording)
        var mutator = RecordingMutator(random: SplitMix64(seed: 7))
        var outcomes: [Outcome: Int] = [:]
        for number in 1...300 {
            outcomes[Self.check(mutator.mutate(text, number: number, edits: 1), session: session), default: 0] += 1
        }
        #expect(outcomes[.refused, default: 0] > 0)
        #expect(outcomes[.replayed, default: 0] > 0)
    }

    /// Reads a mutated recording and, when it reads, replays it to the end
    /// (unless it has more than ``replayLimit`` events) and hands it to
    /// `afterReplay`; records an issue for a refusal that is not clear, and
    /// for a case that takes more than 5 seconds.
    static func check(
        _ mutated: MutatedRecording, session: RecordedSession, afterReplay: (Recording) -> Void = { _ in }
    ) -> Outcome {
        let started = ContinuousClock.now
        defer {
            let took = ContinuousClock.now - started
            if took > .seconds(5) { Issue.record("the case took \(took): \(mutated)") }
        }
        let recording: Recording
        do {
            recording = try decode(mutated)
        } catch {
            if !isClear(error) { Issue.record("an unclear refusal (\(error.description.prefix(300).debugDescription)): \(mutated)") }
            return .refused
        }
        guard recording.events.count <= replayLimit else { return .readNotReplayed }
        var replay = Replay(recording: recording, scenario: session.scenario)
        var outcome = Outcome.replayed
        do {
            try replay.advanceToEnd()
            if !replay.isAtEnd { Issue.record("the replay stopped before the end: \(mutated)") }
        } catch {
            outcome = .refusedOnReplay
            if !isClear(error) {
                Issue.record("an unclear refusal on replay (\(error.description.prefix(300).debugDescription)): \(mutated)")
            }
        }
        afterReplay(recording)
        return outcome
    }

    /// Reads a mutated recording as text, or as bytes when it was edited
    /// byte by byte; text is read both ways, and the two must agree.
    static func decode(_ mutated: MutatedRecording) throws(RecordingError) -> Recording {
        let data = Data(mutated.bytes)
        if mutated.asData { return try RecordingFormat.decode(data) }
        let text = String(decoding: mutated.bytes, as: UTF8.self)
        let fromText = Result { () throws(RecordingError) in try RecordingFormat.decode(text) }
        let fromData = Result { () throws(RecordingError) in try RecordingFormat.decode(data) }
        if fromText != fromData {
            Issue.record("text and bytes read differently (\(fromText) / \(fromData)): \(mutated)")
        }
        return try fromText.get()
    }

    /// Exports `recording` as a cast, unless a size in it is above 300 × 100
    /// (slow to draw): the cast is refused with a clear ``RecordingError``,
    /// or every line of it is JSON.
    static func checkCast(_ recording: Recording, scenario: Scenario, case mutated: MutatedRecording) {
        let large = recording.events.contains { event in
            if case let .resize(_, size) = event { return size.width > 300 || size.height > 100 }
            return false
        }
        guard !large else { return }
        let cast: String
        do {
            cast = try Asciicast.make(recording, scenario: scenario)
        } catch {
            if !isClear(error) { Issue.record("an unclear refusal of a cast (\(error.description.prefix(300))): \(mutated)") }
            return
        }
        let lines = cast.split(separator: "\n")
        #expect(!lines.isEmpty)
        for (index, line) in lines.enumerated() where (try? JSONSerialization.jsonObject(with: Data(line.utf8))) == nil {
            Issue.record("line \(index + 1) of the cast is not JSON (\(line.prefix(200).debugDescription)): \(mutated)")
            break
        }
    }

    // A recording whose "created" time is no time (1e19) once read and
    // replayed, then trapped when exported; it is refused as it is read.
    @Test("a recording created at a huge time is refused as it is read")
    func aRecordingCreatedAtAHugeTime() throws {
        let session = try workshopSession()
        for created in ["1e19", "-1", "1e308"] {
            let text = RecordingFormat.encode(session.recording)
                .replacingOccurrences(of: "\"created\":1764000000,", with: "\"created\":\(created),")
            #expect(throws: RecordingError.self) { try RecordingFormat.decode(text) }
        }
    }
}

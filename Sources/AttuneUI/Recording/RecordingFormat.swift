import AttuneModel
import Foundation

/// A recording that cannot be read, with the line it was found at (1-based;
/// nil for the whole file) and what is wrong, in plain words.
public struct RecordingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The line, 1-based, or nil.
    public var line: Int?
    /// What is wrong.
    public var message: String

    /// Creates an error.
    public init(line: Int? = nil, _ message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { line.map { "line \($0): \(message)" } ?? message }
}

/// Writes a ``Recording`` as JSON lines and reads it back, refusing files
/// that are not recordings, of another version, too large, or edited.
///
/// A live session writes its recording line by line as it goes (a
/// journal), and the end line only when it closes; a recording that stops
/// without its end line (the terminal went away, the program was killed)
/// reads back up to its last whole line, with ``Recording/ending`` saying
/// where it stops.
public enum RecordingFormat {
    /// The largest recording read, in bytes: 64 MiB, about 18 hours of a
    /// playing session (a playing session writes about 1 KB a second).
    public static let maximumBytes = 64 << 20
    /// The longest first line (the header, which holds the scenario's
    /// text of at most 1 MiB), in bytes: 4 MiB.
    public static let maximumHeaderBytes = 4 << 20
    /// The longest event line, in bytes: 4 KiB (an event line is under 100).
    public static let maximumEventBytes = 4 << 10
    /// The latest time of creation a header may give, seconds since 1970:
    /// the year 5000 or so (anything later is not a time a recording was made).
    public static let latestCreatedSeconds = 1e11

    /// The recording as JSON lines, each ending in a newline.
    public static func encode(_ recording: Recording) -> String {
        var text = headerLine(recording.header)
        for event in recording.events { text += eventLine(event) }
        text += endLine(events: recording.events.count)
        return text
    }

    /// The first line: the format's name and version, then the header.
    public static func headerLine(_ h: Recording.Header) -> String {
        var scenario: [String: Any] = [
            "name": h.scenarioName, "text": h.scenarioText, "hash": h.scenarioHash, "overrides": h.overrides,
        ]
        if let path = h.scenarioPath { scenario["path"] = path }
        if let population = h.population { scenario["population"] = population }
        var header: [String: Any] = [
            "scenario": scenario, "seed": String(h.seed), "speed": h.speed, "paused": h.paused, "ascii": h.ascii,
            "presenter": h.presenter, "created": h.createdSeconds,
        ]
        if let babies = h.roomBabies { header["room"] = ["babies": babies] }
        // The format's name and version come first, so that the first bytes
        // say what the file is.
        return "{\"attune_recording\":\(Recording.formatVersion)," + json(header).dropFirst() + "\n"
    }

    /// One event's line.
    public static func eventLine(_ event: Recording.Event) -> String {
        switch event {
        case let .tick(at, microseconds):
            json(["at": at, "tick_us": microseconds]) + "\n"
        case let .key(at, key, step, speed):
            json(["at": at, "key": KeyCoding.word(for: key), "step": step, "speed": speed]) + "\n"
        case let .resize(at, size):
            json(["at": at, "resize": [size.width, size.height]]) + "\n"
        case let .setting(at, step, setting):
            json(["at": at, "set": setting.path, "from": setting.from, "to": setting.value, "step": step]) + "\n"
        }
    }

    /// The last line: how many events came before it.
    public static func endLine(events: Int) -> String {
        json(["end": true, "events": events]) + "\n"
    }

    private static func json(_ object: [String: Any]) -> String {
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    /// Reads a recording from its text.
    /// - Throws: ``RecordingError`` for anything that is not a well-formed
    ///   recording of this version.
    public static func decode(_ text: String) throws(RecordingError) -> Recording {
        var text = text
        let result: Result<Recording, RecordingError> = text.withUTF8 { bytes in
            do throws(RecordingError) {
                return .success(try decode(bytes: bytes))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// Reads a recording from its bytes.
    /// - Throws: ``RecordingError`` for anything that is not a well-formed
    ///   recording of this version.
    public static func decode(_ data: Data) throws(RecordingError) -> Recording {
        let result: Result<Recording, RecordingError> = data.withUnsafeBytes { raw in
            do throws(RecordingError) {
                return .success(
                    try decode(bytes: UnsafeBufferPointer(start: raw.baseAddress?.assumingMemoryBound(to: UInt8.self), count: raw.count)))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// Reads a recording line by line, without copying the whole text.
    static func decode(bytes: UnsafeBufferPointer<UInt8>) throws(RecordingError) -> Recording {
        guard bytes.count <= maximumBytes else {
            throw RecordingError(
                "the file is \(describeBytes(bytes.count)); a recording can be at most \(describeBytes(maximumBytes)) (about 18 hours of a playing session). Is this the right file?"
            )
        }
        var lines = LineReader(bytes: bytes)
        guard let first = lines.next(), !(first.bytes.isEmpty && !first.ended && lines.isAtEnd) else {
            throw RecordingError("the file is empty; an Attune recording starts with a line naming its format")
        }
        guard first.bytes.count <= maximumHeaderBytes else {
            throw RecordingError(
                line: 1,
                "the first line is \(describeBytes(first.bytes.count)) long; a recording's first line is at most \(describeBytes(maximumHeaderBytes)). This is not an Attune recording, or it was edited"
            )
        }
        guard let head = object(first.bytes) else {
            if !first.ended && startsLikeRecording(first.bytes) {
                throw RecordingError(
                    "the recording stops inside its first line, before any event: there is nothing to play back (the session ended as it began)"
                )
            }
            throw RecordingError(
                line: 1, "this is not an Attune recording (its first line should start with {\"attune_recording\": 1, ...})")
        }
        guard let version = head["attune_recording"] else {
            throw RecordingError(
                line: 1, "this is not an Attune recording (its first line should start with {\"attune_recording\": 1, ...})")
        }
        if version is String {
            throw RecordingError(
                line: 1,
                "the format version is written as text (\"\(version)\"), but attune writes it as a number ({\"attune_recording\": 1, ...}); this file was not written by attune, or it was edited"
            )
        }
        // A JSON true also reads as the number 1: tell them apart by kind.
        let isBoolean = (version as? NSNumber).map { String(cString: $0.objCType) == "c" } ?? false
        guard !isBoolean, let number = version as? Int, number == Recording.formatVersion else {
            let written: String
            if isBoolean {
                written = "written as \((version as? Bool) == true ? "true" : "false"), not a number"
            } else if version is NSNull {
                written = "empty (null)"
            } else if let number = version as? NSNumber {
                written = "\(number)"
            } else {
                written = "not a number"
            }
            throw RecordingError(
                line: 1,
                "this recording is in format version \(written); this attune reads version \(Recording.formatVersion). Record it again with this attune"
            )
        }
        let header = try readHeader(head)
        var events: [Recording.Event] = []
        var lastAt = 0.0
        var ended = false
        var ending = Recording.Ending.complete
        while let line = lines.next() {
            let number = line.number
            if line.bytes.isEmpty && lines.isAtEnd && !line.ended { break }
            if ended {
                throw RecordingError(line: number, "there is more after the end line; the recording was edited")
            }
            let isLast = lines.isAtEnd
            guard line.bytes.count <= maximumEventBytes else {
                throw RecordingError(
                    line: number,
                    "this line is \(describeBytes(line.bytes.count)) long, but an event line is under 100 bytes; the recording was edited, or this is not an Attune recording"
                )
            }
            let parsed: ParsedLine
            do throws(RecordingError) {
                parsed = try parse(line.bytes, number: number)
            } catch {
                // The last line, cut off without its newline: a session that
                // stopped while writing. Everything before it plays.
                if isLast && !line.ended {
                    ending = .cutShort(lastLine: number - 1, atSeconds: lastAt)
                    break
                }
                throw error
            }
            switch parsed {
            case let .end(count):
                guard count == events.count else {
                    throw RecordingError(
                        line: number,
                        "the end line counts \(count.map(String.init) ?? "no") events, but there are \(events.count); the recording was edited"
                    )
                }
                ended = true
            case let .event(event):
                guard event.at >= lastAt else {
                    throw RecordingError(line: number, "the time (\"at\") is earlier than the line before; the recording was edited")
                }
                lastAt = event.at
                events.append(event)
            }
        }
        if !ended, case .complete = ending {
            ending = .cutShort(lastLine: events.count + 1, atSeconds: lastAt)
        }
        var recording = Recording(header: header, events: events)
        recording.ending = ending
        return recording
    }

    /// `1.3 MiB` (rounded up), `400 KiB` or `12 bytes`.
    public static func describeBytes(_ count: Int) -> String {
        if count >= 1 << 20 {
            let tenths = (Double(count) / Double(1 << 20) * 10).rounded(.up) / 10
            return tenths == tenths.rounded() ? "\(Int(tenths)) MiB" : "\(tenths) MiB"
        }
        if count >= 1 << 10 { return "\(count >> 10) KiB" }
        return "\(count) bytes"
    }

    /// True when `bytes` begin as a recording's first line does.
    private static func startsLikeRecording(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let prefix = Array("{\"attune_recording\"".utf8)
        return bytes.count >= prefix.count && zip(bytes, prefix).allSatisfy { $0 == $1 }
    }

    private enum ParsedLine {
        case event(Recording.Event)
        case end(count: Int?)
    }

    /// One line after the header: an event or the end.
    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>, number: Int) throws(RecordingError) -> ParsedLine {
        if let fast = FastLine.parse(bytes) { return fast.parsed }
        guard let fields = object(bytes) else {
            throw RecordingError(line: number, "this line is not valid JSON; the recording was cut short or edited")
        }
        if fields["end"] as? Bool == true {
            return .end(count: fields["events"] as? Int)
        }
        guard let at = fields["at"] as? Double, at.isFinite, at >= 0 else {
            throw RecordingError(line: number, "the time (\"at\") is missing or negative; the recording was edited")
        }
        if let microseconds = fields["tick_us"] as? Int {
            guard microseconds >= 0 else { throw RecordingError(line: number, "a tick must be 0 microseconds or more") }
            return .event(.tick(at: at, microseconds: microseconds))
        }
        if let word = fields["key"] as? String {
            guard let key = KeyCoding.key(for: word) else {
                throw RecordingError(line: number, "\"\(visible(word))\" is not a key Attune knows")
            }
            guard let step = fields["step"] as? Int, step >= 0, let speed = fields["speed"] as? Double, speed.isFinite else {
                throw RecordingError(line: number, "a key line needs its step (0 or more) and speed")
            }
            return .event(.key(at: at, key: key, step: step, speed: speed))
        }
        if let size = fields["resize"] as? [Int], size.count == 2, (1...1000).contains(size[0]), (1...1000).contains(size[1]) {
            return .event(.resize(at: at, size: Size(width: size[0], height: size[1])))
        }
        if let path = fields["set"] as? String {
            guard let step = fields["step"] as? Int, step >= 0, let from = fields["from"] as? Double, from.isFinite,
                let to = fields["to"] as? Double, to.isFinite
            else {
                throw RecordingError(line: number, "a set line needs its step (0 or more) and the values from and to")
            }
            guard let setting = LiveSetting(path: path, from: from, value: to) else {
                throw RecordingError(line: number, "\"\(visible(path))\" is not a setting the settings panel changes")
            }
            return .event(.setting(at: at, step: step, setting: setting))
        }
        throw RecordingError(line: number, "this line is neither a tick, a key, a size, a setting nor the end")
    }

    /// `text` with control characters shown as `\u{1B}`, for messages.
    static func visible(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func object(_ bytes: UnsafeBufferPointer<UInt8>) -> [String: Any]? {
        guard !bytes.isEmpty, let base = bytes.baseAddress else { return nil }
        let data = Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: bytes.count, deallocator: .none)
        guard let value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { return nil }
        return value as? [String: Any]
    }

    private static func readHeader(_ head: [String: Any]) throws(RecordingError) -> Recording.Header {
        guard let scenario = head["scenario"] as? [String: Any],
            let name = scenario["name"] as? String, let text = scenario["text"] as? String,
            let hash = scenario["hash"] as? String, let overrides = scenario["overrides"] as? [String]
        else {
            throw RecordingError(line: 1, "the header has no scenario (name, text, hash and overrides)")
        }
        guard let seedText = head["seed"] as? String, let seed = UInt64(seedText),
            let speed = head["speed"] as? Double, let paused = head["paused"] as? Bool,
            let ascii = head["ascii"] as? Bool, let presenter = head["presenter"] as? Bool,
            let created = head["created"] as? Double
        else {
            throw RecordingError(line: 1, "the header is missing the seed, speed, paused, ascii, presenter or created field")
        }
        guard speed.isFinite, speed > 0 else {
            throw RecordingError(line: 1, "the header's speed is \(speed), which is not a speed; the recording was edited")
        }
        guard created.isFinite, (0...Self.latestCreatedSeconds).contains(created) else {
            throw RecordingError(line: 1, "the header's time of creation (\"created\": \(created)) is not a time; the recording was edited")
        }
        var header = Recording.Header(
            scenarioName: name, scenarioPath: scenario["path"] as? String, scenarioText: text, overrides: overrides,
            population: scenario["population"] as? String, seed: seed, speed: speed, paused: paused, ascii: ascii,
            presenter: presenter, createdSeconds: created)
        if let room = head["room"] {
            guard let fields = room as? [String: Any], let babies = fields["babies"] as? Int, Room.allowedBabies.contains(babies) else {
                throw RecordingError(
                    line: 1,
                    "the header's room must say how many babies, \(Room.allowedBabies.lowerBound) to \(Room.allowedBabies.upperBound); the recording was edited"
                )
            }
            header.roomBabies = babies
        }
        guard header.scenarioHash == hash else {
            throw RecordingError(line: 1, "the scenario text in the recording does not match its hash; the recording was edited")
        }
        return header
    }

    /// Splits bytes into lines without copying them.
    private struct LineReader {
        let bytes: UnsafeBufferPointer<UInt8>
        var offset = 0
        var number = 0

        /// A line: its bytes (without the newline), its 1-based number, and
        /// whether a newline ended it.
        struct Line {
            var bytes: UnsafeBufferPointer<UInt8>
            var number: Int
            var ended: Bool
        }

        var isAtEnd: Bool { offset >= bytes.count }

        mutating func next() -> Line? {
            guard offset < bytes.count || (number == 0) else { return nil }
            number += 1
            let start = offset
            var end = start
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            let ended = end < bytes.count
            offset = ended ? end + 1 : end
            let slice = UnsafeBufferPointer(rebasing: bytes[start..<end])
            return Line(bytes: slice, number: number, ended: ended)
        }
    }

    /// The event lines attune itself writes, read without a general JSON
    /// parser: `{"at":T,"tick_us":N}`, `{"at":T,"key":"W","speed":S,"step":N}`,
    /// `{"at":T,"resize":[W,H]}` and `{"end":true,"events":N}`. Anything
    /// else goes to the general parser, which gives the messages.
    private struct FastLine {
        var parsed: ParsedLine

        static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> FastLine? {
            var scanner = Scanner(bytes: bytes)
            if scanner.literal("{\"end\":true,\"events\":") {
                guard let count = scanner.integer(), scanner.literal("}"), scanner.isAtEnd else { return nil }
                return FastLine(parsed: .end(count: count))
            }
            guard scanner.literal("{\"at\":"), let at = scanner.decimal(), at >= 0, scanner.literal(",\"") else { return nil }
            if scanner.literal("tick_us\":") {
                guard let microseconds = scanner.integer(), scanner.literal("}"), scanner.isAtEnd else { return nil }
                return FastLine(parsed: .event(.tick(at: at, microseconds: microseconds)))
            }
            if scanner.literal("key\":\"") {
                guard let word = scanner.plainString(), let key = KeyCoding.key(for: word),
                    scanner.literal(",\"speed\":"), let speed = scanner.decimal(),
                    scanner.literal(",\"step\":"), let step = scanner.integer(), scanner.literal("}"), scanner.isAtEnd
                else { return nil }
                return FastLine(parsed: .event(.key(at: at, key: key, step: step, speed: speed)))
            }
            if scanner.literal("resize\":[") {
                guard let width = scanner.integer(), scanner.literal(","), let height = scanner.integer(),
                    scanner.literal("]}"), scanner.isAtEnd, (1...1000).contains(width), (1...1000).contains(height)
                else { return nil }
                return FastLine(parsed: .event(.resize(at: at, size: Size(width: width, height: height))))
            }
            return nil
        }

        struct Scanner {
            let bytes: UnsafeBufferPointer<UInt8>
            var offset = 0

            var isAtEnd: Bool { offset == bytes.count }

            mutating func literal(_ text: StaticString) -> Bool {
                let count = text.utf8CodeUnitCount
                guard offset + count <= bytes.count else { return false }
                let start = text.utf8Start
                for i in 0..<count where bytes[offset + i] != start[i] { return false }
                offset += count
                return true
            }

            /// A non-negative whole number of at most 15 digits.
            mutating func integer() -> Int? {
                var value = 0
                var digits = 0
                while offset < bytes.count, (0x30...0x39).contains(bytes[offset]) {
                    value = value * 10 + Int(bytes[offset] - 0x30)
                    digits += 1
                    offset += 1
                    if digits > 15 { return nil }
                }
                return digits > 0 ? value : nil
            }

            /// A finite non-negative decimal as JSON writes it.
            mutating func decimal() -> Double? {
                let start = offset
                while offset < bytes.count,
                    (0x30...0x39).contains(bytes[offset]) || bytes[offset] == 0x2E
                        || bytes[offset] == 0x65 || bytes[offset] == 0x45 || bytes[offset] == 0x2D || bytes[offset] == 0x2B
                {
                    offset += 1
                }
                guard offset > start, offset - start <= 32 else { return nil }
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
                guard let value = Double(text), value.isFinite else { return nil }
                return value
            }

            /// A string without escapes, up to its closing quote.
            mutating func plainString() -> String? {
                let start = offset
                while offset < bytes.count, bytes[offset] != 0x22 {
                    if bytes[offset] == 0x5C || bytes[offset] < 0x20 { return nil }
                    offset += 1
                }
                guard offset < bytes.count else { return nil }
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
                offset += 1
                return text
            }
        }
    }
}

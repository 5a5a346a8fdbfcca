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
/// that are not recordings, of another version, cut short or edited.
public enum RecordingFormat {
    /// The recording as JSON lines, each ending in a newline.
    public static func encode(_ recording: Recording) -> String {
        let h = recording.header
        var header: [String: Any] = [
            "scenario": [
                "name": h.scenarioName, "text": h.scenarioText, "hash": h.scenarioHash, "overrides": h.overrides,
            ] as [String: Any],
            "seed": String(h.seed), "speed": h.speed, "paused": h.paused, "ascii": h.ascii, "presenter": h.presenter,
            "created": h.createdSeconds,
        ]
        if let path = h.scenarioPath {
            var scenario = header["scenario"] as! [String: Any]
            scenario["path"] = path
            header["scenario"] = scenario
        }
        // The format's name and version come first, so that the first bytes
        // say what the file is.
        var lines = ["{\"attune_recording\":\(Recording.formatVersion)," + json(header).dropFirst()]
        for event in recording.events {
            switch event {
            case let .tick(at, microseconds):
                lines.append(json(["at": at, "tick_us": microseconds]))
            case let .key(at, key, step, speed):
                lines.append(json(["at": at, "key": KeyCoding.word(for: key), "step": step, "speed": speed]))
            case let .resize(at, size):
                lines.append(json(["at": at, "resize": [size.width, size.height]]))
            }
        }
        lines.append(json(["end": true, "events": recording.events.count]))
        return lines.map { $0 + "\n" }.joined()
    }

    private static func json(_ object: [String: Any]) -> String {
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    /// Reads a recording.
    /// - Throws: ``RecordingError`` for anything that is not a whole,
    ///   well-formed recording of this version.
    public static func decode(_ text: String) throws(RecordingError) -> Recording {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let content = lines.last == "" ? Array(lines.dropLast()) : lines
        guard let first = content.first, !first.isEmpty else {
            throw RecordingError("the file is empty; an Attune recording starts with a line naming its format")
        }
        guard let head = object(first), let version = head["attune_recording"] else {
            throw RecordingError(line: 1, "this is not an Attune recording (its first line should start with {\"attune_recording\": 1, ...})")
        }
        guard let number = version as? Int, number == Recording.formatVersion else {
            throw RecordingError(
                line: 1,
                "this recording is in format version \(version); this attune reads version \(Recording.formatVersion). Record it again with this attune")
        }
        let header = try readHeader(head)
        var events: [Recording.Event] = []
        var lastAt = 0.0
        var ended = false
        for (index, line) in content.enumerated().dropFirst() {
            let number = index + 1
            if ended {
                throw RecordingError(line: number, "there is more after the end line; the recording was edited")
            }
            guard let fields = object(line) else {
                throw RecordingError(line: number, "this line is not valid JSON; the recording was cut short or edited")
            }
            if fields["end"] as? Bool == true {
                guard let count = fields["events"] as? Int, count == events.count else {
                    throw RecordingError(line: number, "the end line counts \(fields["events"] ?? "no") events, but there are \(events.count); the recording was edited")
                }
                ended = true
                continue
            }
            guard let at = fields["at"] as? Double, at.isFinite, at >= lastAt else {
                throw RecordingError(line: number, "the time (\"at\") is missing, negative or earlier than the line before")
            }
            lastAt = at
            if let microseconds = fields["tick_us"] as? Int {
                guard microseconds >= 0 else { throw RecordingError(line: number, "a tick must be 0 microseconds or more") }
                events.append(.tick(at: at, microseconds: microseconds))
            } else if let word = fields["key"] as? String {
                guard let key = KeyCoding.key(for: word) else {
                    throw RecordingError(line: number, "\"\(word)\" is not a key Attune knows")
                }
                guard let step = fields["step"] as? Int, step >= 0, let speed = fields["speed"] as? Double else {
                    throw RecordingError(line: number, "a key line needs its step (0 or more) and speed")
                }
                events.append(.key(at: at, key: key, step: step, speed: speed))
            } else if let size = fields["resize"] as? [Int], size.count == 2, size[0] > 0, size[1] > 0, size[0] <= 1000, size[1] <= 1000 {
                events.append(.resize(at: at, size: Size(width: size[0], height: size[1])))
            } else {
                throw RecordingError(line: number, "this line is neither a tick, a key, a size nor the end")
            }
        }
        guard ended else {
            throw RecordingError("the recording is cut short: it has no end line (it may have been stopped while it was being written)")
        }
        return Recording(header: header, events: events)
    }

    private static func object(_ line: String) -> [String: Any]? {
        guard let data = line.data(using: .utf8),
            let value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        else { return nil }
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
        let header = Recording.Header(
            scenarioName: name, scenarioPath: scenario["path"] as? String, scenarioText: text, overrides: overrides,
            seed: seed, speed: speed, paused: paused, ascii: ascii, presenter: presenter, createdSeconds: created)
        guard header.scenarioHash == hash else {
            throw RecordingError(line: 1, "the scenario text in the recording does not match its hash; the recording was edited")
        }
        return header
    }
}

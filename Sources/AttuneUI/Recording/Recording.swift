import Foundation

/// A live session written down so that it can be played back exactly: the
/// scenario (its full text, a hash of it, and any `--set` changes), the
/// starting options, and every message the app received (keys, with the
/// step the run was at and the speed after them; clock ticks; window
/// sizes), each with the wall-clock second it came at, and after a key
/// that changed a setting, what it changed.
///
/// Stored as JSON lines (docs/recordings.md): a header line with
/// `"attune_recording": 1` (the format version), one line per event, and
/// an end line that says how many events there are. A live session writes
/// the lines as it goes, so that a session that ends unexpectedly (the
/// terminal closed, the program killed) still leaves every event up to its
/// last moments; such a recording has no end line, and ``ending`` says so.
public struct Recording: Hashable, Sendable {
    /// The version of the format this code writes and reads.
    public static let formatVersion = 1

    /// What the run started from.
    public struct Header: Hashable, Sendable {
        /// The scenario's name (`workshop-wait-or-lean-in`).
        public var scenarioName: String
        /// The scenario file's path when recorded, or nil.
        public var scenarioPath: String?
        /// The scenario file's full text.
        public var scenarioText: String
        /// ``ContentHash/fnv1a64(_:)`` of the text, 16 hex digits.
        public var scenarioHash: String
        /// The `--set PATH=VALUE` changes, in order.
        public var overrides: [String]
        /// The `--population` asked for (`default` or `none`), or nil for
        /// the scenario's own babies (and in recordings made before it
        /// existed).
        public var population: String?
        /// The run's seed.
        public var seed: UInt64
        /// The speed the run started at, 0.25...32.
        public var speed: Double
        /// True when the run started paused.
        public var paused: Bool
        /// True for ASCII-only drawing.
        public var ascii: Bool
        /// True for the presenter layout.
        public var presenter: Bool
        /// For a room of babies (`attune room`), how many; nil for one run.
        public var roomBabies: Int? = nil
        /// When the recording began, seconds since 1970 (UTC).
        public var createdSeconds: Double

        /// Creates a header; the fields are as documented on each property.
        public init(
            scenarioName: String, scenarioPath: String?, scenarioText: String, overrides: [String], population: String? = nil,
            seed: UInt64, speed: Double, paused: Bool, ascii: Bool, presenter: Bool, createdSeconds: Double
        ) {
            self.scenarioName = scenarioName
            self.scenarioPath = scenarioPath
            self.scenarioText = scenarioText
            scenarioHash = ContentHash.fnv1a64(scenarioText)
            self.overrides = overrides
            self.population = population
            self.seed = seed
            self.speed = speed
            self.paused = paused
            self.ascii = ascii
            self.presenter = presenter
            self.createdSeconds = createdSeconds
        }
    }

    /// One message the app received.
    public enum Event: Hashable, Sendable {
        /// Wall-clock time passed, in whole microseconds (the app is given
        /// exactly `microseconds / 1_000_000` seconds, so a replay gets the
        /// same value to the last bit).
        case tick(at: Double, microseconds: Int)
        /// A key, the step the run was at when it came (0 when there was
        /// no run), and the speed after it.
        case key(at: Double, key: Key, step: Int, speed: Double)
        /// The window's size.
        case resize(at: Double, size: Size)
        /// A settings change the key before it made, with the step it was
        /// made at: not given to the app (the key makes it again), but
        /// checked by a replay, so that a recording says what changed and
        /// an edited one is refused.
        case setting(at: Double, step: Int, setting: LiveSetting)

        /// The seconds a tick gives the app for `microseconds`.
        public static func seconds(microseconds: Int) -> Double { Double(microseconds) / 1_000_000 }

        /// Seconds since the recording began.
        public var at: Double {
            switch self {
            case let .tick(at, _), let .key(at, _, _, _), let .resize(at, _), let .setting(at, _, _): at
            }
        }
    }

    /// How a recording read from a file ends.
    public enum Ending: Hashable, Sendable {
        /// With its end line: the session closed normally.
        case complete
        /// Without its end line: the session stopped unexpectedly after the
        /// line `lastLine` (1-based), `atSeconds` seconds in; everything up
        /// to there plays.
        case cutShort(lastLine: Int, atSeconds: Double)
    }

    /// What the run started from.
    public var header: Header
    /// The messages, in order.
    public var events: [Event]
    /// How the file ended (``Ending/complete`` for a recording made in
    /// memory).
    public var ending: Ending = .complete

    /// Creates a recording.
    public init(header: Header, events: [Event] = []) {
        self.header = header
        self.events = events
    }

    /// Seconds from the first to the last event.
    public var durationSeconds: Double { events.last?.at ?? 0 }
}

/// A 64-bit FNV-1a hash, written as 16 hex digits: enough to notice that a
/// scenario file changed since a recording was made.
public enum ContentHash {
    /// The hash of `text`'s UTF-8 bytes.
    public static func fnv1a64(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

import AttuneScenario

/// What a key asks of the replay viewer.
public enum ReplayCommand: Hashable, Sendable {
    /// Pause the playback, or play on.
    case togglePause
    /// Play faster.
    case faster
    /// Play slower.
    case slower
    /// Stop.
    case stop
    /// Stop at once (a quit signal).
    case interrupt
}

/// The viewer of a recorded session (`attune replay`) as a pure state
/// machine: it gives the recording's events to the app at their recorded
/// times, scaled by its own speed, answers the viewer's keys, and draws the
/// app at the viewer's size with a tag in the bottom-right corner saying
/// that this is a replay (its speed, paused, or ended). The shell only
/// feeds it elapsed time, keys and sizes, and paints ``frame``.
public struct ReplayViewer: Sendable {
    /// How the viewer ended.
    public enum Outcome: Hashable, Sendable {
        /// `q` or Esc.
        case stopped
        /// Ctrl-C, or another quit signal.
        case interrupted
    }

    /// One input to the viewer.
    public enum Message: Sendable {
        /// Wall-clock time passed, in seconds (0 or more).
        case elapsed(seconds: Double)
        /// A key.
        case key(Key)
        /// The viewer's window has this size.
        case resize(Size)
    }

    /// The viewer's keys.
    public static let keys = KeyTable<ReplayCommand, Void>([
        KeyBinding(id: "pause", keys: [(.character(" "), .togglePause)], helpKeys: "Space", help: ["pause the playback, or play on"]),
        KeyBinding(
            id: "speed",
            keys: [(.character("+"), .faster), (.character("="), .faster), (.character("-"), .slower), (.character("_"), .slower)],
            helpKeys: "+  -", help: ["play faster, slower (0.25x to 32x)"]),
        KeyBinding(id: "stop", keys: [(.character("q"), .stop), (.escape, .stop)], helpKeys: "q  Esc", help: ["stop"]),
        KeyBinding(id: "leave", keys: [(.interrupt, .interrupt)], helpKeys: "Ctrl-C", help: ["stop at once"]),
    ])

    /// The playback.
    public private(set) var replay: Replay
    /// The viewer's window size.
    public private(set) var size: Size
    /// How fast the recording plays, 0.25...32 times as it was recorded.
    public private(set) var speed: Double
    /// True while the playback is paused.
    public private(set) var isPaused: Bool
    /// Seconds of the recording played so far.
    public private(set) var position = 0.0
    /// Set when the viewer should close.
    public private(set) var outcome: Outcome?
    /// Grows whenever the frame may have changed.
    public private(set) var revision = 0

    /// A viewer of `replay` in a window of `size`, playing at `speed`
    /// (0.25...32), paused at first when `paused`.
    public init(replay: Replay, size: Size, speed: Double = 1, paused: Bool = false) {
        self.replay = replay
        self.size = size
        self.speed = min(max(speed, Speed.slowest), Speed.fastest)
        isPaused = paused
    }

    /// True once every event is given, or the recorded app ended.
    public var isFinished: Bool { replay.isAtEnd || replay.state.outcome != nil }

    /// The tag in the bottom-right corner.
    public var tag: String {
        if isFinished { return " replay ended · q leaves " }
        return isPaused ? " replay paused · Space plays " : " replay \(TextFormatting.speed(speed)) · Space pauses "
    }

    /// Seconds of wall-clock time until the next event is due, or nil when
    /// nothing moves until a key (paused, or finished).
    public var wakeDelaySeconds: Double? {
        guard !isPaused, !isFinished else { return nil }
        return max(0, (replay.recording.events[replay.position].at - position) / speed)
    }

    /// What the viewer shows now: the app at the viewer's size, with the tag.
    public var frame: Frame {
        var frame = AppView.render(replay.state(drawnAt: size))
        frame.write(
            tag, column: max(0, frame.width - tag.count), row: frame.height - 1,
            style: Style(foreground: .accent, bold: true, reverse: true))
        return frame
    }

    /// Applies one input.
    /// - Throws: ``RecordingError`` when the recording does not replay (a
    ///   key at another step than recorded).
    public mutating func update(_ message: Message) throws(RecordingError) {
        switch message {
        case let .elapsed(seconds):
            guard !isPaused else { return }
            position += max(0, seconds) * speed
            var moved = false
            while replay.state.outcome == nil, !replay.isAtEnd, replay.recording.events[replay.position].at <= position + 1e-9 {
                try replay.advance()
                moved = true
            }
            if moved { revision &+= 1 }
        case let .resize(newSize):
            size = newSize
            revision &+= 1
        case let .key(key):
            guard let command = Self.keys.command(for: key, in: ()) else { return }
            switch command {
            case .togglePause: isPaused.toggle()
            case .faster: speed = Speed.faster(than: speed)
            case .slower: speed = Speed.slower(than: speed)
            case .stop: outcome = .stopped
            case .interrupt: outcome = .interrupted
            }
            revision &+= 1
        }
    }
}

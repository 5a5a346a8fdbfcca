import AttuneScenario

/// Plays a ``Recording`` back through the app's update function: the same
/// messages in the same order give the same states and the same frames.
public struct Replay: Sendable {
    /// The recording being played.
    public let recording: Recording
    /// The app as it is now.
    public private(set) var state: AppState
    /// How many of the recording's events have been given to the app.
    public private(set) var position = 0
    /// How many of the app's settings changes the recording's `set` lines
    /// have confirmed.
    private var confirmedSettingChanges = 0
    /// The scenes the chooser gets if the recorded session opened it (the
    /// app's ``AppEffect/loadScenarios``); a recording does not carry them.
    public var chooserScenarios: [Scenario] = []

    /// Starts a replay of `recording` on `scenario` (loaded from the text
    /// the recording carries, with its overrides).
    /// - Parameter size: the window size to start at before the recorded
    ///   sizes arrive, default 80 × 24.
    public init(recording: Recording, scenario: Scenario, size: Size = AppState.minimumSize) {
        self.recording = recording
        let h = recording.header
        if let babies = h.roomBabies {
            state = AppState(
                room: scenario, babies: babies, size: size, ascii: h.ascii, seed: h.seed, speed: h.speed, paused: h.paused)
        } else {
            state = AppState(
                run: scenario, size: size, ascii: h.ascii, seed: h.seed, speed: h.speed, paused: h.paused,
                presenter: h.presenter)
        }
    }

    /// True once every event has been given.
    public var isAtEnd: Bool { position >= recording.events.count }

    /// Gives the next event to the app. Recorded window sizes are given
    /// too, so that the run waits wherever it waited (a window too small
    /// pauses it); a viewer draws the state at its own size.
    /// - Returns: the event given, or nil at the end.
    /// - Throws: ``RecordingError`` (with the event's line in the file) when
    ///   a key arrives at another step than the one recorded: the recording
    ///   was edited or made by another version of the model.
    @discardableResult
    public mutating func advance() throws(RecordingError) -> Recording.Event? {
        guard !isAtEnd else { return nil }
        let event = recording.events[position]
        position += 1
        if case .setting = event {
        } else if state.settingChanges > confirmedSettingChanges, let change = state.lastSettingChange {
            throw RecordingError(
                line: position + 1,
                "event \(position): the key before it changed \(change.setting.path) to \(change.setting.value) at step \(change.step), but the recording has no set line for it; the recording was edited, or made with another version of attune"
            )
        }
        switch event {
        case let .tick(_, microseconds):
            state.update(.tick(seconds: Recording.Event.seconds(microseconds: microseconds)))
        case let .key(_, key, step, _):
            let now = state.currentStep
            guard now == step else {
                // Line 1 is the header, so event n is on line n + 1.
                throw RecordingError(
                    line: position + 1,
                    "event \(position): the key \(KeyCoding.word(for: key)) was recorded at step \(step), but the replay is at step \(now); the recording was edited, or made with another version of attune"
                )
            }
            for effect in state.update(.key(key)) {
                switch effect {
                case .loadScenarios: state.update(.scenariosLoaded(chooserScenarios))
                // A replay is watched, not projected: it rings no bell.
                case .bell: break
                }
            }
        case let .resize(_, size):
            state.update(.resize(size))
        case let .setting(_, step, setting):
            guard state.settingChanges == confirmedSettingChanges + 1, let change = state.lastSettingChange,
                change.step == step, change.setting.path == setting.path, change.setting.from == setting.from,
                change.setting.value == setting.value
            else {
                let made =
                    state.settingChanges > confirmedSettingChanges
                    ? state.lastSettingChange.map {
                        "the replay changed \($0.setting.path) from \($0.setting.from) to \($0.setting.value) at step \($0.step)"
                    }
                        ?? "the replay changed nothing"
                    : "the replay changed nothing there"
                throw RecordingError(
                    line: position + 1,
                    "event \(position): the recording says \(setting.path) went from \(setting.from) to \(setting.value) at step \(step), but \(made); the recording was edited, or made with another version of attune"
                )
            }
            confirmedSettingChanges = state.settingChanges
        }
        return event
    }

    /// The app as a viewer of `size` shows it now: the same state, drawn at
    /// the viewer's own size (except that a moment when the recorded window
    /// was too small shows as the run waiting, not as the "too small"
    /// message).
    public func state(drawnAt size: Size) -> AppState {
        var shown = state
        shown.update(.resize(size))
        return shown
    }

    /// Plays every event left.
    public mutating func advanceToEnd() throws(RecordingError) {
        while !isAtEnd { try advance() }
    }

    /// Plays every event left and gives back every path the session tried
    /// through its questions: each path left behind by "what if" (`W`),
    /// whole, as it stood when the key was pressed, oldest first, then the
    /// path the session ended on. A session that tried one path gives one.
    ///
    /// The live session keeps only the figures of a path it leaves; the
    /// replay keeps the path itself, so that a report can draw it. Each
    /// kept path's figures are the ones the debrief shows
    /// (``DecisionBranch/init(timeline:)`` of it is the session's branch).
    /// A new scenario opened from the chooser starts the paths afresh.
    /// - Returns: the paths, oldest first; empty when no run was watched.
    public mutating func advanceToEndKeepingPaths() throws(RecordingError) -> [Timeline] {
        var left: [Timeline] = []
        while !isAtEnd {
            var before: Timeline?
            var kept = 0
            if case .key = recording.events[position], let session = state.session {
                before = session.timeline
                kept = session.branches.count
            }
            try advance()
            guard let session = state.session else { continue }
            if session.branches.count < left.count { left.removeAll() }
            if session.branches.count == kept + 1, var path = before {
                path.seek(to: path.recordedSteps)
                left.append(path)
            }
        }
        guard let session = state.session else { return [] }
        return left.count == session.branches.count ? left + [session.timeline] : [session.timeline]
    }
}

/// Collects what a live session receives, for a ``Recording``.
public struct Recorder: Sendable {
    /// The recording so far.
    public private(set) var recording: Recording
    /// How many of the app's settings changes have their `set` line.
    private var notedSettingChanges = 0
    /// When the last key came, seconds.
    private var lastKeyAt = 0.0

    /// Starts a recording with `header`.
    public init(header: Recording.Header) {
        recording = Recording(header: header)
    }

    /// Notes a tick of `microseconds` at `at` seconds; give the app
    /// ``Recording/Event/seconds(microseconds:)``.
    public mutating func tick(at: Double, microseconds: Int) {
        recording.events.append(.tick(at: Self.rounded(at), microseconds: microseconds))
    }

    /// Notes a key about to be given to `state` at `at` seconds; call
    /// ``noteSpeed(after:)`` once the app has taken it.
    public mutating func key(_ key: Key, at: Double, state: AppState) {
        lastKeyAt = Self.rounded(at)
        recording.events.append(.key(at: lastKeyAt, key: key, step: state.currentStep, speed: state.currentSpeed))
    }

    /// Records the speed after the last key (a speed change shows here).
    public mutating func noteSpeed(after state: AppState) {
        guard case let .key(at, key, step, _)? = recording.events.last else { return }
        recording.events[recording.events.count - 1] = .key(at: at, key: key, step: step, speed: state.currentSpeed)
    }

    /// Notes the settings change the last key made, if it made one (call
    /// after ``noteSpeed(after:)``): a `set` line after the key's.
    public mutating func noteSetting(after state: AppState) {
        guard state.settingChanges > notedSettingChanges else { return }
        notedSettingChanges = state.settingChanges
        guard let change = state.lastSettingChange else { return }
        recording.events.append(.setting(at: lastKeyAt, step: change.step, setting: change.setting))
    }

    /// `seconds` to the microsecond, so that it reads back from the file
    /// exactly as it was written.
    static func rounded(_ seconds: Double) -> Double { (seconds * 1_000_000).rounded() / 1_000_000 }

    /// Notes that the session draws with ASCII only (the terminal cannot
    /// show Unicode), so the replay does too.
    public mutating func useASCII() {
        recording.header.ascii = true
    }

    /// Notes the window's size at `at` seconds.
    public mutating func resize(_ size: Size, at: Double) {
        recording.events.append(.resize(at: Self.rounded(at), size: size))
    }

    /// Hands over the events noted since the last call and forgets them, so
    /// that a live session can write them out as it goes and keep none in
    /// memory. Call after ``noteSpeed(after:)`` for the last key.
    public mutating func takeEvents() -> [Recording.Event] {
        defer { recording.events.removeAll(keepingCapacity: true) }
        return recording.events
    }
}

import AttuneModel
import AttuneScenario

extension AppState {
    /// The most steps one tick may take (at 32× and 0.1 s steps a tick of
    /// up to 1 s needs 320).
    static let maximumStepsPerTick = 2_000

    /// Applies one message: the app's only way to change.
    /// - Returns: what the shell should do for the app (load scenarios).
    @discardableResult
    public mutating func update(_ message: AppMessage) -> [AppEffect] {
        let before = bell ? BellMoment(self) : nil
        var effects = apply(message)
        if let before, before.rings(after: self) { effects.append(.bell) }
        return effects
    }

    /// What the bell listens for, before a message: the run's step, its
    /// open question, and which caregivers hold a still face.
    private struct BellMoment {
        var cursor: Int
        var question: Int?
        var stillFaces: [Bool]

        init?(_ state: AppState) {
            switch state.screen {
            case let .live(session):
                cursor = session.timeline.cursor
                question = session.timeline.openDecision
                stillFaces = session.timeline.now.simulation.dyads.map { $0.caregiver.action == .stillFace }
            case let .room(room):
                // The whole room's caregivers go still together: the first
                // baby's caregivers stand for all of them.
                cursor = room.timeline.cursor
                question = room.timeline.openDecision
                stillFaces = room.timeline.now.room.babies[0].dyads.map { $0.caregiver.action == .stillFace }
            default:
                return nil
            }
        }

        /// True when the run moved on from here and, on the way, a question
        /// opened or a caregiver began a still face.
        func rings(after state: AppState) -> Bool {
            guard let now = BellMoment(state), now.cursor > cursor, now.stillFaces.count == stillFaces.count else { return false }
            if now.question != nil && question == nil { return true }
            return zip(stillFaces, now.stillFaces).contains { !$0.0 && $0.1 }
        }
    }

    private mutating func apply(_ message: AppMessage) -> [AppEffect] {
        switch message {
        case let .tick(seconds):
            if tick(seconds: seconds) { touch() }
            return []
        case let .resize(newSize):
            size = newSize
            touch()
            return []
        case let .scenariosLoaded(scenarios):
            scenes.scenarios = scenarios
            scenes.selected = min(scenes.selected, max(0, scenarios.count - 1))
            scenes.isLoading = false
            touch()
            return []
        case let .key(key):
            touch()
            return press(key)
        }
    }

    // MARK: - Time

    /// Advances the run by `seconds` of wall-clock time at its speed.
    /// Returns true when something on screen changed.
    private mutating func tick(seconds: Double) -> Bool {
        if isRunning, case .room = screen { return tickRoom(seconds: seconds) }
        guard isRunning, case var .live(session) = screen else { return false }
        let (changed, finished) = session.advance(wallSeconds: seconds, maximumSteps: Self.maximumStepsPerTick)
        screen = .live(session)
        if finished { openDebrief() }
        return changed
    }

    // MARK: - Keys

    private mutating func press(_ key: Key) -> [AppEffect] {
        switch key {
        case .interrupt:
            outcome = .interrupted
            return []
        case .resize, .tick:
            return []
        default:
            break
        }
        if isInfoShown {
            pressInInfo(key)
            return []
        }
        if isHelpShown {
            isHelpShown = false
            // From the keys, `i` opens "What am I looking at?".
            if key == .character("i") || key == .character("I") {
                isInfoShown = true
                infoScroll = 0
            }
            return []
        }
        if key == .character("?") {
            isHelpShown = true
            return []
        }
        switch screen {
        case .chooser:
            return pressInChooser(key)
        case var .live(session):
            let result = session.handle(key)
            if let setting = session.madeSetting {
                session.madeSetting = nil
                settingChanges += 1
                lastSettingChange = SettingChange(step: session.timeline.cursor, setting: setting)
            }
            screen = .live(session)
            if result == .openDebrief { openDebrief() }
            return []
        case var .debrief(debrief):
            return pressInDebrief(key, &debrief)
        case .room, .roomDebrief:
            return pressInRoom(key)
        }
    }

    /// The "What am I looking at?" page: the scrolling keys move it, any
    /// other key goes back.
    private mutating func pressInInfo(_ key: Key) {
        let page = max(1, InfoPage.bodyHeight(size) - 1)
        switch key {
        case .up, .character("k"): infoScroll -= 1
        case .down, .character("j"), .enter: infoScroll += 1
        case .pageUp: infoScroll -= page
        case .pageDown, .character(" "): infoScroll += page
        case .home: infoScroll = 0
        case .end: infoScroll = Int.max / 2
        default:
            isInfoShown = false
            infoScroll = 0
            return
        }
        infoScroll = min(max(0, infoScroll), InfoPage.maximumScroll(size: size, ascii: ascii))
    }

    private mutating func pressInChooser(_ key: Key) -> [AppEffect] {
        scenes.keyHint = nil
        guard let command = KeyMap.chooser.command(for: key, in: ()) else {
            scenes.keyHint = KeyMap.unknownKeyHint(key) { KeyMap.chooser.command(for: $0, in: ()) != nil }
            return []
        }
        let count = scenes.scenarios.count
        switch command {
        case .up:
            scenes.selected = max(0, scenes.selected - 1)
        case .down:
            scenes.selected = max(0, min(count - 1, scenes.selected + 1))
        case .first:
            scenes.selected = 0
        case .last:
            scenes.selected = max(0, count - 1)
        case .start:
            // A scene too long to keep whole is shown, with why, but not started.
            guard scenes.selected < count, Timeline.tooLong(scenes.scenarios[scenes.selected]) == nil else { return [] }
            start(scenes.scenarios[scenes.selected])
        case .room:
            guard scenes.selected < count else { return [] }
            startRoom(scenes.scenarios[scenes.selected])
        case .quit:
            outcome = .quit(summary: nil)
        case .help:
            isHelpShown = true
        }
        return []
    }

    /// Starts a fresh run of `scenario` on the live screen.
    mutating func start(_ scenario: Scenario) {
        screen = .live(LiveSession(scenario: scenario, seed: seedOverride ?? scenario.seed, speed: startSpeed))
    }

    /// Pauses the run and opens the debrief of what has happened so far.
    mutating func openDebrief() {
        guard case var .live(session) = screen else { return }
        session.isPaused = true
        session.owedSeconds = 0
        screen = .debrief(DebriefState(session: session))
    }

    /// What a key on a debrief page leads to, beyond the page itself.
    enum DebriefPageResult {
        /// The page stays: its scroll and key hint are updated.
        case stay
        /// The key left the page (for the scenes, or to quit), with these
        /// effects.
        case left([AppEffect])
        /// `r`: play the same scene again; each debrief does it its own way.
        case replay
        /// `b` or Esc: back to the paused run; each debrief does it its own way.
        case back
    }

    /// What a debrief key does alike on a run's debrief and a room's:
    /// scrolls `scroll` (in lines, a page being the window's height less
    /// 4, never past `maximumScroll`), goes back to the scenes, quits with
    /// the debrief's `text` as the summary, shows the keys, or, for a key
    /// the debrief does not use, sets `keyHint` to what to press instead
    /// (any other key clears it). `replay` and `back` are each debrief's own.
    mutating func pressOnDebriefPage(
        _ key: Key, scroll: inout Int, keyHint: inout String?, maximumScroll: () -> Int, text: () -> String
    ) -> DebriefPageResult {
        keyHint = nil
        guard let command = KeyMap.debrief.command(for: key, in: ()) else {
            keyHint = KeyMap.unknownKeyHint(key) { KeyMap.debrief.command(for: $0, in: ()) != nil }
            return .stay
        }
        let page = max(1, size.height - 4)
        switch command {
        case .lineUp:
            scroll -= 1
        case .lineDown:
            scroll += 1
        case .pageUp:
            scroll -= page
        case .pageDown:
            scroll += page
        case .top:
            scroll = 0
        case .bottom:
            scroll = Int.max / 2
        case .scenes:
            screen = .chooser
            if scenes.scenarios.isEmpty {
                scenes.isLoading = true
                return .left([.loadScenarios])
            }
            return .left([])
        case .quit:
            let summary = text()
            outcome = .quit(summary: ascii ? TextFormatting.ascii(summary) : summary)
            return .left([])
        case .help:
            isHelpShown = true
        case .replay:
            return .replay
        case .back:
            return .back
        }
        scroll = min(max(0, scroll), maximumScroll())
        return .stay
    }

    private mutating func pressInDebrief(_ key: Key, _ debrief: inout DebriefState) -> [AppEffect] {
        let report = debrief.report
        let (size, ascii) = (size, ascii)
        let result = pressOnDebriefPage(
            key, scroll: &debrief.scroll, keyHint: &debrief.keyHint,
            maximumScroll: { DebriefView.maximumScroll(report, size: size, ascii: ascii) }, text: { report.plainText })
        switch result {
        case .stay:
            screen = .debrief(debrief)
        case let .left(effects):
            return effects
        case .replay:
            start(debrief.session.scenario)
        case .back:
            screen = .live(debrief.session)
        }
        return []
    }
}

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
        if isHelpShown {
            isHelpShown = false
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
        }
    }

    private mutating func pressInChooser(_ key: Key) -> [AppEffect] {
        guard let command = KeyMap.chooser.command(for: key, in: ()) else { return [] }
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

    private mutating func pressInDebrief(_ key: Key, _ debrief: inout DebriefState) -> [AppEffect] {
        guard let command = KeyMap.debrief.command(for: key, in: ()) else { return [] }
        let page = max(1, size.height - 4)
        switch command {
        case .lineUp:
            debrief.scroll = max(0, debrief.scroll - 1)
        case .lineDown:
            debrief.scroll += 1
        case .pageUp:
            debrief.scroll = max(0, debrief.scroll - page)
        case .pageDown:
            debrief.scroll += page
        case .top:
            debrief.scroll = 0
        case .bottom:
            debrief.scroll = Int.max / 2
        case .replay:
            start(debrief.session.scenario)
            return []
        case .back:
            screen = .live(debrief.session)
            return []
        case .scenes:
            screen = .chooser
            if scenes.scenarios.isEmpty {
                scenes.isLoading = true
                return [.loadScenarios]
            }
            return []
        case .quit:
            outcome = .quit(summary: ascii ? TextFormatting.ascii(debrief.report.plainText) : debrief.report.plainText)
        case .help:
            isHelpShown = true
        }
        debrief.scroll = min(max(0, debrief.scroll), DebriefView.maximumScroll(debrief.report, size: size, ascii: ascii))
        screen = .debrief(debrief)
        return []
    }
}

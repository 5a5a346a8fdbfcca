import AttuneModel
import AttuneScenario

/// Which screen the app shows, each with its own state: a screen cannot be
/// written down without what it shows (a live screen without a run, a
/// debrief without its report).
public enum AppScreen: Sendable {
    /// The list of ready scenarios to choose from (``AppState/scenes``:
    /// the list and its selection outlive the chooser screen, so that it
    /// opens again where it was left).
    case chooser
    /// A run, live.
    case live(LiveSession)
    /// What happened in a run, after it ended or on `q`.
    case debrief(DebriefState)
    /// A room of babies, live (``RoomSession``).
    case room(RoomSession)
    /// What happened in a room, after it ended or on `q`.
    case roomDebrief(RoomDebriefState)

    /// Which screen, without its state.
    public enum Kind: Hashable, Sendable {
        /// The chooser.
        case chooser
        /// A run, live.
        case live
        /// The debrief.
        case debrief
        /// A room of babies.
        case room
        /// The debrief of a room.
        case roomDebrief
    }

    /// Which screen this is.
    public var kind: Kind {
        switch self {
        case .chooser: .chooser
        case .live: .live
        case .debrief: .debrief
        case .room: .room
        case .roomDebrief: .roomDebrief
        }
    }
}

/// The debrief screen: the run it tells of (paused, to go back to), its
/// report, and how far the page is scrolled.
public struct DebriefState: Sendable {
    /// The run, paused where the debrief opened.
    public var session: LiveSession
    /// What happened, made once when the debrief opened.
    public var report: DebriefReport
    /// How many lines the page is scrolled down, 0 or more.
    public var scroll: Int = 0
    /// What to press instead, after a key the debrief does not use; gone
    /// with the next key.
    public var keyHint: String?

    /// A debrief of `session` as it is now.
    public init(session: LiveSession) {
        self.session = session
        let branches = session.branches.isEmpty ? [] : session.branches + [DecisionBranch(timeline: session.timeline)]
        report = DebriefReport(timeline: session.timeline, branches: branches)
    }
}

/// Something the app asks its shell to do: the only way the pure app
/// reaches the world.
public enum AppEffect: Hashable, Sendable {
    /// Load the ready scenarios and send them back as
    /// ``AppMessage/scenariosLoaded(_:)``.
    case loadScenarios
    /// Ring the terminal's bell: a question opened or a still face began
    /// (only with ``AppState/bell``, `--bell`).
    case bell
}

/// How the app ended.
public enum AppOutcome: Hashable, Sendable {
    /// The user quit; `summary` is the run's figures in plain text, to print
    /// once the screen is closed (nil when no run was watched).
    case quit(summary: String?)
    /// Ctrl-C, SIGTERM or SIGHUP: stop at once.
    case interrupted
}

/// One input to the app's update function.
public enum AppMessage: Sendable {
    /// A key press (or `.resize`/`.interrupt` from the backend).
    case key(Key)
    /// Wall-clock time passed, in seconds (0 or more; more than 1 s counts
    /// as 1 s, so a stall never makes the run jump ahead).
    case tick(seconds: Double)
    /// The terminal's size now, in columns and rows.
    case resize(Size)
    /// The ready scenarios, in chooser order (answers ``AppEffect/loadScenarios``).
    case scenariosLoaded([Scenario])
}

/// The chooser: the ready scenarios and the one selected.
public struct ChooserState: Sendable {
    /// The scenarios, in chooser order (the side-by-side scene first).
    public var scenarios: [Scenario]
    /// Index of the selected scenario.
    public var selected: Int
    /// True while the scenarios are being loaded.
    public var isLoading: Bool
    /// What to press instead, after a key the chooser does not use; gone
    /// with the next key.
    public var keyHint: String?

    /// Creates a chooser over `scenarios` with the first one selected.
    public init(scenarios: [Scenario], selected: Int = 0, isLoading: Bool = false) {
        self.scenarios = scenarios
        self.selected = selected
        self.isLoading = isLoading
    }
}

/// A short message about something the user did ("Back to 0:42"), shown
/// above the narration for 4 s of wall-clock time while the run plays (and
/// for as long as it is paused).
public struct Notice: Hashable, Sendable {
    /// The message, in plain words.
    public var text: String
    /// Wall-clock seconds it has been shown while the run played.
    public var shownSeconds: Double = 0

    /// How long a notice stays, in wall-clock seconds of play.
    public static let lifetimeSeconds = 4.0

    /// Creates a fresh notice.
    public init(_ text: String) {
        self.text = text
    }
}

/// One run on the live screen: its timeline and the controls around it.
public struct LiveSession: Sendable {
    /// The run and its history.
    public var timeline: Timeline
    /// Simulated seconds per wall-clock second, 0.25...32, default 1.
    public var speed: Double
    /// True while paused.
    public var isPaused: Bool
    /// The dyad `c`, `h` and the action keys act on (0-based); Tab moves it.
    public var selectedDyad: Int = 0
    /// Per dyad, the policy the caregiver followed before the keyboard took
    /// her place (to give it back on `h`).
    public var policyBeforeHuman: [Policy?]
    /// The latest notice, if any.
    public var notice: Notice?
    /// The paths through the scenario's decisions left behind by "what if"
    /// (`W`), oldest first; the debrief sets them beside the current one.
    public var branches: [DecisionBranch] = []
    /// The settings panel while it is open (`s`), or nil.
    public var settings: SettingsPanel?
    /// The settings change the last key made, until the app takes it
    /// (``AppState/lastSettingChange``).
    var madeSetting: LiveSetting?
    /// Simulated seconds owed to the run but not yet stepped (below one step).
    var owedSeconds: Double = 0

    /// Starts a session on a fresh run.
    /// - Parameters:
    ///   - scenario: what to run.
    ///   - seed: the run's seed.
    ///   - speed: 0.25...32, default 1.
    ///   - paused: start paused, default false.
    public init(scenario: Scenario, seed: UInt64, speed: Double = 1, paused: Bool = false) {
        timeline = Timeline(scenario: scenario, seed: seed)
        self.speed = min(max(speed, Speed.slowest), Speed.fastest)
        isPaused = paused
        policyBeforeHuman = Array(repeating: nil, count: scenario.plan.dyads.count)
    }

    /// The scenario being run.
    public var scenario: Scenario { timeline.scenario }

    /// The policy the caregiver of `dyad` follows now.
    public func policy(dyad: Int) -> Policy {
        timeline.now.simulation.dyads[dyad].caregiver.parameters.policy
    }

    /// True while the run plays: not paused, not finished, no question open.
    public var isRunning: Bool {
        !isPaused && !timeline.isFinished && timeline.openDecision == nil
    }

    /// The notice to show now, if one is fresh.
    public var currentNotice: Notice? {
        guard let notice, notice.shownSeconds < Notice.lifetimeSeconds else { return nil }
        return notice
    }
}

/// A settings change and the step it was made at.
public struct SettingChange: Hashable, Sendable {
    /// The step the run was at (the change applies from it on).
    public var step: Int
    /// What changed.
    public var setting: LiveSetting

    /// Creates a change.
    public init(step: Int, setting: LiveSetting) {
        self.step = step
        self.setting = setting
    }
}

/// The whole live app as one value: the screen and its state, the
/// overlays, the terminal's size, and the options every run starts with.
///
/// ``update(_:)`` is the only way it changes, and ``AppView/render(_:)``
/// draws it; neither touches the terminal, the clock or the file system.
public struct AppState: Sendable {
    /// The screen shown, with its state.
    public var screen: AppScreen
    /// The terminal's size, columns × rows.
    public var size: Size
    /// True to draw with ASCII only (`--ascii`, or a terminal without UTF-8).
    public var ascii: Bool
    /// True for the projector layout of the live screen (`attune present`):
    /// faces and gauge drawn big, captions and questions in bold on their
    /// own band, no key bar (``PresenterView``). Default false.
    public var presenter = false
    /// The ready scenes, in chooser order, once loaded (empty before), and
    /// the one last selected: what the chooser shows when it opens again.
    public var scenes: ChooserState
    /// True to ring the terminal's bell (``AppEffect/bell``) when a
    /// question opens and when a still face begins, for rooms where people
    /// look away from the screen (`--bell`). Default false.
    public var bell = false
    /// True while the help overlay is shown.
    public var isHelpShown = false
    /// True while the "What am I looking at?" page is shown (``InfoPage``:
    /// `?`, then `i`).
    public var isInfoShown = false
    /// How many lines the "What am I looking at?" page is scrolled down.
    public var infoScroll = 0
    /// The seed every run uses instead of its scenario's (`--seed`), or nil.
    public var seedOverride: UInt64?
    /// The speed new runs start at, 0.25...32, default 1.
    public var startSpeed: Double
    /// Set when the app should end.
    public var outcome: AppOutcome?
    /// Grows by one whenever something on screen may have changed; the
    /// shell draws again only when it moved.
    public private(set) var revision = 0
    /// How many settings changes keys have made since the app started (a
    /// recording writes a `set` line for each, and a replay checks them).
    public internal(set) var settingChanges = 0
    /// The latest settings change, with the step the run was at, or nil.
    public internal(set) var lastSettingChange: SettingChange?

    /// The smallest terminal the screens fit, columns × rows: 80 × 24.
    public static let minimumSize = Size(width: 80, height: 24)

    /// An app opening on the chooser.
    /// - Parameters:
    ///   - scenarios: the ready scenarios in chooser order.
    ///   - size: the terminal's size.
    ///   - ascii: draw with ASCII only, default false.
    ///   - seed: a seed for every run instead of each scenario's, default nil.
    ///   - speed: the speed runs start at, 0.25...32, default 1.
    public init(chooser scenarios: [Scenario], size: Size, ascii: Bool = false, seed: UInt64? = nil, speed: Double = 1) {
        scenes = ChooserState(scenarios: scenarios)
        screen = .chooser
        self.size = size
        self.ascii = ascii
        seedOverride = seed
        startSpeed = min(max(speed, Speed.slowest), Speed.fastest)
    }

    /// An app opening straight on a run of `scenario`.
    /// - Parameters:
    ///   - scenario: what to run.
    ///   - size: the terminal's size.
    ///   - ascii: draw with ASCII only, default false.
    ///   - seed: the seed, default the scenario's.
    ///   - speed: 0.25...32, default 1.
    ///   - paused: start paused, default false.
    ///   - presenter: the projector layout, default false.
    public init(
        run scenario: Scenario, size: Size, ascii: Bool = false, seed: UInt64? = nil, speed: Double = 1, paused: Bool = false,
        presenter: Bool = false
    ) {
        self.size = size
        self.ascii = ascii
        self.presenter = presenter
        scenes = ChooserState(scenarios: [])
        seedOverride = seed
        startSpeed = min(max(speed, Speed.slowest), Speed.fastest)
        screen = .live(LiveSession(scenario: scenario, seed: seed ?? scenario.seed, speed: startSpeed, paused: paused))
    }

    /// The run on screen — live, or told of by the debrief — or nil in the
    /// chooser.
    public var session: LiveSession? {
        switch screen {
        case let .live(session): session
        case let .debrief(debrief): debrief.session
        case .chooser, .room, .roomDebrief: nil
        }
    }

    /// The room on screen — live, or told of by its debrief — or nil.
    public var room: RoomSession? {
        switch screen {
        case let .room(room): room
        case let .roomDebrief(debrief): debrief.room
        default: nil
        }
    }

    /// The step of the run or room on screen (0 with neither), which a
    /// recording notes with each key.
    public var currentStep: Int {
        session?.timeline.cursor ?? room?.timeline.cursor ?? 0
    }

    /// The speed of the run or room on screen, or the speed runs start at.
    public var currentSpeed: Double {
        session?.speed ?? room?.speed ?? startSpeed
    }

    /// The chooser's state while it is shown, or nil.
    public var chooser: ChooserState? {
        if case .chooser = screen { return scenes }
        return nil
    }

    /// The debrief's report while it is shown, or nil.
    public var debrief: DebriefReport? {
        if case let .debrief(debrief) = screen { return debrief.report }
        return nil
    }

    /// How far the debrief is scrolled (0 on other screens).
    public var debriefScroll: Int {
        if case let .debrief(debrief) = screen { return debrief.scroll }
        return 0
    }

    /// True when the terminal is smaller than ``minimumSize``.
    public var isTooSmall: Bool {
        size.width < Self.minimumSize.width || size.height < Self.minimumSize.height
    }

    /// True while simulated time runs: a run on the live screen, not
    /// paused, not finished, with no overlay or page over it and a large
    /// enough terminal.
    public var isRunning: Bool {
        guard !isTooSmall, !isHelpShown, !isInfoShown else { return false }
        switch screen {
        case let .live(session): return session.isRunning
        case let .room(room): return room.isRunning
        default: return false
        }
    }

    /// Seconds until the next step is due (the shell waits for a key at
    /// most this long), or nil when nothing moves until a key is pressed.
    /// Never below 1/30 s, so the screen is drawn at most 30 times a second.
    public var wakeDelaySeconds: Double? {
        guard isRunning else { return nil }
        if case let .room(room) = screen { return room.wakeDelaySeconds }
        guard case let .live(session) = screen else { return nil }
        let due = (session.timeline.stepSeconds - session.owedSeconds) / session.speed
        return max(due, 1.0 / 30)
    }

    mutating func touch() { revision &+= 1 }
}

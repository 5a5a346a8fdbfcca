import AttuneModel
import AttuneScenario

/// The debrief of a room: the room it tells of (paused, to go back to),
/// its report, and how far the page is scrolled.
public struct RoomDebriefState: Sendable {
    /// The room, paused where the debrief opened.
    public var room: RoomSession
    /// What happened, made once when the debrief opened.
    public var report: RoomReport
    /// How many lines the page is scrolled down, 0 or more.
    public var scroll: Int = 0
    /// What to press instead, after a key the debrief does not use; gone
    /// with the next key.
    public var keyHint: String?

    /// A debrief of `room` as it is now.
    public init(room: RoomSession) {
        self.room = room
        report = RoomReport(timeline: room.timeline, branches: room.branches)
    }
}

extension AppState {
    /// An app opening straight on a room of babies.
    /// - Parameters:
    ///   - scenario: what every baby runs; its plan's population is the
    ///     one the babies are drawn from (see ``RoomSession``).
    ///   - babies: how many, within ``Room/allowedBabies``; default 24.
    ///   - size: the terminal's size.
    ///   - ascii: draw with ASCII only, default false.
    ///   - seed: baby 1's seed, default the scenario's.
    ///   - speed: 0.25...32, default 1.
    ///   - paused: start paused, default false.
    public init(
        room scenario: Scenario, babies: Int = RoomSession.defaultBabies, size: Size, ascii: Bool = false, seed: UInt64? = nil,
        speed: Double = 1, paused: Bool = false
    ) {
        self.init(chooser: [], size: size, ascii: ascii, seed: seed, speed: speed)
        screen = .room(
            RoomSession(scenario: scenario, babies: babies, firstSeed: seed ?? scenario.seed, speed: startSpeed, paused: paused))
    }

    /// The scenario as a room runs it: its babies drawn from the default
    /// population, unless the file gives spreads of its own.
    public static func roomScenario(_ scenario: Scenario) -> Scenario {
        var copy = scenario
        if copy.plan.population.isFixed { copy.plan.population = .default }
        return copy
    }

    /// Starts a room of ``RoomSession/defaultBabies`` babies in `scenario`
    /// (from the chooser). A scene too long to keep whole, or with a
    /// caregiver in the keyboard's hands, is not started.
    mutating func startRoom(_ scenario: Scenario) {
        guard Timeline.tooLong(scenario) == nil, !scenario.usesHumanCaregiver else { return }
        screen = .room(
            RoomSession(
                scenario: Self.roomScenario(scenario), babies: RoomSession.defaultBabies, firstSeed: seedOverride ?? scenario.seed,
                speed: startSpeed))
    }

    /// Advances the room by `seconds` of wall-clock time; true when
    /// something on screen changed.
    mutating func tickRoom(seconds: Double) -> Bool {
        guard case var .room(room) = screen else { return false }
        // The room leaves `screen` while it steps, so that its arrays (the
        // babies, the tallies, the checkpoints) are not shared and each
        // step changes them in place instead of copying them first.
        screen = .chooser
        let (changed, finished) = room.advance(wallSeconds: seconds, maximumSteps: Self.maximumStepsPerTick)
        screen = .room(room)
        if finished { openRoomDebrief() }
        return changed
    }

    /// Pauses the room and opens the debrief of what has happened so far.
    mutating func openRoomDebrief() {
        guard case var .room(room) = screen else { return }
        room.isPaused = true
        room.owedSeconds = 0
        screen = .roomDebrief(RoomDebriefState(room: room))
    }

    /// A key on the room or on its debrief.
    mutating func pressInRoom(_ key: Key) -> [AppEffect] {
        switch screen {
        case var .room(room):
            let result = room.handle(key, size: size)
            screen = .room(room)
            if result == .openDebrief { openRoomDebrief() }
            return []
        case var .roomDebrief(debrief):
            return pressInRoomDebrief(key, &debrief)
        default:
            return []
        }
    }

    private mutating func pressInRoomDebrief(_ key: Key, _ debrief: inout RoomDebriefState) -> [AppEffect] {
        let report = debrief.report
        let (size, ascii) = (size, ascii)
        let result = pressOnDebriefPage(
            key, scroll: &debrief.scroll, keyHint: &debrief.keyHint,
            maximumScroll: { RoomDebriefView.maximumScroll(report, size: size, ascii: ascii) }, text: { report.plainText })
        switch result {
        case .stay:
            screen = .roomDebrief(debrief)
        case let .left(effects):
            return effects
        case .replay:
            let room = debrief.room
            screen = .room(
                RoomSession(
                    scenario: room.scenario, babies: room.timeline.babyCount, firstSeed: room.timeline.firstSeed, speed: room.speed))
        case .back:
            screen = .room(debrief.room)
        }
        return []
    }
}

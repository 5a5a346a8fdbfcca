import AttuneModel
import AttuneScenario

/// The room on screen: its timeline and the controls around it (speed,
/// pause, the baby selected, a notice), the baby opened from it if any,
/// and the paths left behind by "what if".
public struct RoomSession: Sendable {
    /// The room and its history.
    public var timeline: RoomTimeline
    /// Simulated seconds per wall-clock second, 0.25...32.
    public var speed: Double
    /// True while paused.
    public var isPaused: Bool
    /// The baby selected in the grid (0-based).
    public var selected = 0
    /// The latest notice, if any.
    public var notice: Notice?
    /// The baby opened in the dyad view, or nil while the grid shows.
    public var lens: RoomLens?
    /// The paths through the scenario's questions left behind by "what
    /// if" (`W`), oldest first.
    public var branches: [RoomBranch] = []
    /// Simulated seconds owed to the room but not yet stepped.
    var owedSeconds = 0.0

    /// The default number of babies in a room.
    public static let defaultBabies = 24

    /// A fresh room.
    /// - Parameters:
    ///   - scenario: what every baby runs (its plan's population is the one
    ///     the babies are drawn from).
    ///   - babies: how many, within ``Room/allowedBabies``.
    ///   - firstSeed: baby 1's seed; baby `i` has `firstSeed + i - 1`.
    ///   - speed: 0.25...32, default 1.
    ///   - paused: start paused, default false.
    public init(scenario: Scenario, babies: Int, firstSeed: UInt64, speed: Double = 1, paused: Bool = false) {
        let count = min(max(babies, Room.allowedBabies.lowerBound), Room.allowedBabies.upperBound)
        timeline = RoomTimeline(scenario: scenario, babies: count, firstSeed: firstSeed)
        self.speed = min(max(speed, Speed.slowest), Speed.fastest)
        isPaused = paused
    }

    /// The scenario the room runs.
    public var scenario: Scenario { timeline.scenario }

    /// True while the room plays: not paused, not finished, no question open.
    public var isRunning: Bool {
        !isPaused && !timeline.isFinished && timeline.openDecision == nil
    }

    /// The notice to show now, if one is fresh.
    public var currentNotice: Notice? {
        guard let notice, notice.shownSeconds < Notice.lifetimeSeconds else { return nil }
        return notice
    }

    /// The shortest wall-clock time between two frames of a playing room:
    /// 1/15 s. A room changes everywhere at once, and fifteen frames a
    /// second show it moving while keeping its cost low (docs/performance.md).
    public static let frameSeconds = 1.0 / 15

    /// Seconds until the next step is due (at least ``frameSeconds``).
    var wakeDelaySeconds: Double {
        max((timeline.stepSeconds - owedSeconds) / speed, Self.frameSeconds)
    }

    /// The baby `baby` (0-based) in a few words, with its number:
    /// "Baby 7 of 24: 4 months old · easily stirred, slow to settle".
    public func babyLine(_ baby: Int) -> String {
        let infant = timeline.now.room.babies[baby].infant
        return "Baby \(baby + 1) of \(timeline.babyCount): " + Temperament.phrases(infant).joined(separator: " · ")
    }
}

/// One path taken through a room's questions, kept when "what if" goes
/// back to a question: its choices and the room's figures on it.
public struct RoomBranch: Hashable, Sendable {
    /// The labels of the choices taken, in order.
    public var choices: [String]
    /// Seconds of the run this path reached.
    public var seconds: Double
    /// Per dyad, each baby's figures over the run so far: `[dyad][baby]`.
    public var figures: [[PhaseMetrics]]

    /// The path of `timeline` at its current step.
    public init(timeline: RoomTimeline) {
        choices = timeline.now.decisions.choiceLabels
        seconds = timeline.seconds
        let metrics = timeline.now.room.metrics
        figures = (0..<timeline.dyadCount).map { RoomFigures.wholeRun(of: metrics, dyad: $0) }
    }

    /// The choices in a few words: `wait`, `wait, then lean in`, or
    /// `no choice yet`.
    public var name: String {
        switch choices.count {
        case 0: "no choice yet"
        case 1: choices[0]
        default: choices.dropLast().joined(separator: ", ") + ", then " + choices.last!
        }
    }
}

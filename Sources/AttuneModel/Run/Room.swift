/// A room of babies: many runs of one plan side by side, stepped together.
///
/// Baby `i` (counted from 1) is the run of the plan with seed
/// `firstSeed + i - 1` (wrapping past 2^64 - 1), exactly as run `i` of a
/// batch that starts from the same seed: the same baby is drawn from the
/// plan's population, it meets the same caregivers and the same random
/// draws, and so its figures are the batch's figures for that run, to the
/// last bit. Every baby faces its own copy of each of the plan's
/// caregivers, and all go through the phases together (every caregiver of
/// the room goes still at the same moment).
///
/// A pure value: copying it keeps a moment of the whole room.
public struct Room: Sendable {
    /// What every baby runs.
    public let plan: RunPlan
    /// Baby 1's seed.
    public let firstSeed: UInt64
    /// Each baby's run, baby 1 first.
    public private(set) var babies: [Simulation]

    /// The allowed number of babies in a room.
    public static let allowedBabies = 1...500

    /// A room of `count` babies, each at its first step.
    /// - Parameters:
    ///   - plan: a valid plan (at least one dyad and one phase).
    ///   - count: how many babies, at least 1.
    ///   - firstSeed: baby 1's seed; baby `i` has `firstSeed + i - 1`.
    public init(plan: RunPlan, babies count: Int, firstSeed: UInt64) {
        self.plan = plan
        self.firstSeed = firstSeed
        babies = (0..<max(1, count)).map { Simulation(plan: plan, seed: firstSeed &+ UInt64($0)) }
    }

    /// The seed of baby `baby` (0-based index into ``babies``): the seed
    /// of run `baby + 1` of a batch starting at ``firstSeed``.
    public func seed(ofBaby baby: Int) -> UInt64 { firstSeed &+ UInt64(baby) }

    /// How many babies.
    public var count: Int { babies.count }
    /// How many caregivers each baby faces.
    public var dyadCount: Int { plan.dyads.count }
    /// Steps taken (the same for every baby).
    public var stepIndex: Int { babies[0].stepIndex }
    /// The phase now, index into `plan.phases`.
    public var phaseIndex: Int { babies[0].phaseIndex }
    /// True once every phase has run.
    public var isFinished: Bool { babies[0].isFinished }
    /// Seconds since the start.
    public var timeSeconds: Double { babies[0].timeSeconds }
    /// The total number of steps of a run.
    public var totalSteps: Int { babies[0].totalSteps }

    /// Advances every baby one step.
    /// - Parameters:
    ///   - human: per dyad, the action chosen at the keyboard for every
    ///     caregiver of that dyad (used only while her policy is `human`).
    ///   - events: filled with each baby's events, baby by baby, dyad by
    ///     dyad (`events[baby * dyadCount + dyad]`); empty sets once
    ///     finished.
    public mutating func step(human: [CaregiverAction?] = [], events: inout [Events]) {
        events.removeAll(keepingCapacity: true)
        for b in babies.indices {
            events.append(contentsOf: babies[b].step(human: human))
        }
    }

    /// Runs every baby to the end with no per-step output (the batch's
    /// path).
    public mutating func runToEnd() {
        for b in babies.indices { babies[b].runToEnd() }
    }

    /// Changes the caregiver of dyad `dyad` in every baby's run from now on
    /// (a live policy switch, or an answer to a question for the room).
    public mutating func setLiveCaregiver(_ settings: CaregiverSettings, dyad: Int) {
        for b in babies.indices { babies[b].setLiveCaregiver(settings, dyad: dyad) }
    }

    /// Every baby's figures, indexed `[baby][dyad][phase]`.
    public var metrics: [[[PhaseMetrics]]] { babies.map(\.metrics) }
}

import AttuneModel
import AttuneScenario

/// The whole room at one step: every baby's run, the room's questions, and
/// the keyboard's actions waiting for the next step.
public struct RoomMoment: Sendable {
    /// Every baby's run.
    public var room: Room
    /// The scenario's questions, asked of the whole room: a question is
    /// reached the first time its event happens to any baby (or at its
    /// time), and its answer changes every caregiver of its dyad.
    public var decisions: DecisionTracker
    /// Per dyad, the action chosen for the next step, for every caregiver
    /// of that dyad following `human` (an answer that puts the keyboard in
    /// her place), or nil.
    public var pendingHuman: [CaregiverAction?]
}

/// A room of babies with its whole history, as ``Timeline`` keeps one
/// run's: every step's ``RoomTally`` per dyad, the inputs with the step
/// they apply to, and a checkpoint of the whole room every
/// ``checkpointSteps`` steps.
///
/// Going back restores the nearest earlier checkpoint and steps forward
/// again with the recorded inputs; the model is deterministic, so the room
/// comes back exactly as it was. An input given while behind the newest
/// recorded step drops the recorded future first (a new future). The same
/// inputs at the same steps always give the same room, and baby `i` of a
/// room with no inputs is run `i` of `attune batch` from the same seed.
public struct RoomTimeline: Sendable {
    /// The scenario every baby runs (its plan carries the population the
    /// babies are drawn from).
    public let scenario: Scenario
    /// The room at the current step.
    public private(set) var now: RoomMoment
    /// The tallies, inputs and checkpoints recorded so far.
    private var history: CheckpointedHistory<RoomMoment, RoomTally>
    /// Every recorded step's tallies, step by step, dyad by dyad
    /// (`tallies[step * dyadCount + dyad]`).
    public var tallies: [RoomTally] { history.records }
    /// The inputs, by the step they apply to, in the order given.
    public var inputs: [Int: [LiveInput]] { history.inputs }
    /// How many dyads each baby has.
    public let dyadCount: Int
    /// Steps between checkpoints: at least 50, more for a long run or a
    /// large room, so that the checkpoints hold at most about
    /// ``checkpointBudget`` copies of a dyad.
    public let checkpointSteps: Int
    /// Grows whenever recorded inputs are dropped (a new future, or a
    /// question asked again), so that a baby opened before knows to start
    /// again from the room's inputs.
    public private(set) var inputRevision = 0
    /// The events of the last step, reused from step to step.
    private var events: [Events] = []

    /// The most copies of a dyad the checkpoints keep (babies × dyads ×
    /// checkpoints), about 30 MB.
    public static let checkpointBudget = 12_000

    /// A room of `babies` babies running `scenario`, baby 1 with
    /// `firstSeed`, at step 0.
    public init(scenario: Scenario, babies: Int, firstSeed: UInt64) {
        self.scenario = scenario
        dyadCount = scenario.plan.dyads.count
        let room = Room(plan: scenario.plan, babies: babies, firstSeed: firstSeed)
        let totalSteps = room.totalSteps
        let copies = room.count * dyadCount
        checkpointSteps = max(
            Timeline.minimumCheckpointSteps, totalSteps / Timeline.maximumCheckpoints,
            (totalSteps * copies + Self.checkpointBudget - 1) / Self.checkpointBudget)
        let start = RoomMoment(
            room: room, decisions: DecisionTracker(scenario: scenario),
            pendingHuman: Array(repeating: nil, count: dyadCount))
        now = start
        history = CheckpointedHistory(
            start: start, dyadCount: dyadCount, checkpointSteps: checkpointSteps, expectedSteps: totalSteps)
        events.reserveCapacity(copies)
    }

    /// How many babies.
    public var babyCount: Int { now.room.count }
    /// Baby 1's seed.
    public var firstSeed: UInt64 { now.room.firstSeed }
    /// The current step.
    public var cursor: Int { now.room.stepIndex }
    /// How many steps are recorded.
    public var recordedSteps: Int { history.recordedSteps }
    /// True when the current step is behind the newest recorded one.
    public var isRewound: Bool { cursor < recordedSteps }
    /// True once the run has taken all its steps.
    public var isFinished: Bool { now.room.isFinished }
    /// The step length in seconds.
    public var stepSeconds: Double { scenario.plan.stepSeconds }
    /// Seconds since the start at the current step.
    public var seconds: Double { now.room.timeSeconds }
    /// Seconds at the newest recorded step.
    public var recordedSeconds: Double { Double(recordedSteps) * stepSeconds }
    /// The run's length in seconds.
    public var totalSeconds: Double { Double(now.room.totalSteps) * stepSeconds }
    /// The question waiting for an answer at the current step, if any.
    public var openDecision: Int? { now.decisions.current }

    /// The tally of `dyad` at step `step` (0-based, below ``recordedSteps``).
    public func tally(step: Int, dyad: Int) -> RoomTally {
        history.records[step * dyadCount + dyad]
    }

    /// Takes one step: at the newest moment a new step is recorded; behind
    /// it the recorded step is taken again (with the same result).
    public mutating func step() {
        guard !isFinished else { return }
        let index = cursor
        let human = now.pendingHuman
        for d in now.pendingHuman.indices { now.pendingHuman[d] = nil }
        now.room.step(human: human, events: &events)
        var union = Array(repeating: Events(), count: dyadCount)
        for (k, e) in events.enumerated() { union[k % dyadCount].formUnion(e) }
        now.decisions.observe(step: index, events: union)
        if index == recordedSteps {
            for d in 0..<dyadCount {
                history.append(RoomTally(room: now.room, dyad: d, events: events, dyadCount: dyadCount))
            }
        }
        arrive()
    }

    private mutating func arrive() {
        for input in history.arrive(at: cursor, now) { apply(input) }
    }

    private mutating func apply(_ input: LiveInput) {
        switch input {
        case let .policy(dyad, policy):
            guard dyad < dyadCount else { return }
            now.room.setLiveCaregiver(CaregiverSettings(policy: policy), dyad: dyad)
        case let .act(dyad, action):
            guard dyad < dyadCount else { return }
            now.pendingHuman[dyad] = action
        case let .decide(decision, choice):
            let points = scenario.decisions
            guard points.indices.contains(decision), points[decision].choices.indices.contains(choice) else { return }
            for dyad in now.decisions.dyads(of: decision) {
                switch points[decision].choices[choice].effect {
                case let .caregiver(settings):
                    now.room.setLiveCaregiver(settings, dyad: dyad)
                case let .action(action):
                    now.room.setLiveCaregiver(CaregiverSettings(policy: .human), dyad: dyad)
                    now.pendingHuman[dyad] = action
                }
            }
            now.decisions.answer(decision: decision, choice: choice)
        case .set:
            // The room has no settings panel: each baby keeps the traits
            // drawn for it, so a room never receives a settings change.
            return
        }
    }

    /// Moves to step `target` (clamped to 0...``recordedSteps``): back by
    /// restoring a checkpoint and stepping again, forward by replaying the
    /// recorded steps.
    public mutating func seek(to target: Int) {
        let goal = min(max(0, target), recordedSteps)
        if goal < cursor {
            now = history.checkpoint(atOrBefore: goal)
            for input in history.inputs(at: cursor) { apply(input) }
        }
        while cursor < goal && !isFinished { step() }
    }

    /// Gives an input at the current step, for every baby. Behind the
    /// newest recorded step this starts a new future: the recorded steps
    /// after this one, their inputs and checkpoints are dropped first.
    /// - Returns: true when recorded steps were dropped.
    @discardableResult
    public mutating func branch(with input: LiveInput) -> Bool {
        var dropped = false
        if isRewound {
            history.dropFuture(from: cursor, keepingInputsOfStep: true)
            inputRevision += 1
            dropped = true
        }
        history.add(input, at: cursor)
        apply(input)
        return dropped
    }

    /// Goes back to the step at which `decision` was reached and asks it
    /// again: everything recorded from that step on is dropped. Nothing
    /// happens when the decision has not been reached.
    public mutating func reopen(decision: Int) {
        guard now.decisions.decisions.indices.contains(decision), let target = now.decisions.reachedStep[decision] else {
            return
        }
        history.dropFuture(from: target, keepingInputsOfStep: false)
        now = history.checkpoint(atOrBefore: target)
        for input in history.inputs(at: cursor) { apply(input) }
        while cursor < target && !isFinished { step() }
        inputRevision += 1
    }
}

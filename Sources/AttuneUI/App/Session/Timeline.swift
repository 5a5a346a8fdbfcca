import AttuneModel
import AttuneScenario

/// The state of a run at one step: the simulation, its narration, and the
/// keyboard's actions waiting for the next step.
public struct Moment: Sendable {
    /// The run.
    public var simulation: Simulation
    /// The narration so far.
    public var narrator: Narrator
    /// Per dyad, the action chosen at the keyboard for the next step (used
    /// by a caregiver following `human`), or nil.
    public var pendingHuman: [CaregiverAction?]
    /// The decision points reached, answered and waiting.
    public var decisions: DecisionTracker
    /// The coaching for the person in a caregiver's place.
    public var coach: Coach
}

/// A run with its whole history: every step's samples, the keyboard's
/// inputs with the step they apply to, and a checkpoint of the run every
/// ``checkpointSteps`` steps.
///
/// Moving back restores the nearest earlier checkpoint and steps forward
/// again with the recorded inputs; the model is deterministic, so this
/// gives back exactly the moment that was left. Moving forward again
/// replays the recorded history. An input given while behind the newest
/// recorded step ``branch(with:)``es: the recorded future is dropped and a
/// new one grows from this moment. The same inputs at the same moments
/// always give the same run.
///
/// Inputs recorded for step `n` are applied on arrival at step `n` (after
/// `n` steps), so ``now`` always includes the inputs of its own step.
public struct Timeline: Sendable {
    /// The scenario being run.
    public let scenario: Scenario
    /// The run's seed.
    public let seed: UInt64
    /// The run at the current step.
    public private(set) var now: Moment
    /// The samples, inputs and checkpoints recorded so far.
    private var history: CheckpointedHistory<Moment, DyadSample>
    /// Every recorded step's samples, step by step, dyad by dyad
    /// (`samples[step * dyadCount + dyad]`).
    public var samples: [DyadSample] { history.records }
    /// The keyboard's inputs, by the step they apply to, in the order given.
    public var inputs: [Int: [LiveInput]] { history.inputs }
    /// How many dyads the run has.
    public let dyadCount: Int
    /// Steps between checkpoints: 50 (5 s at the default 0.1 s step), or
    /// 1/200 of the run when that is more, so that a long run keeps at most
    /// about 200 checkpoints (going back re-steps at most that many steps).
    public let checkpointSteps: Int

    /// The most dyad-steps (steps × dyads) a timeline keeps: 4,000,000,
    /// about 80 MB of samples. Every step is kept so that the live screen
    /// can go back, the debrief can tell the whole story and a report can
    /// draw it; a longer scenario is refused by the commands that need this
    /// (``tooLong(_:)``), while `batch` and `trace` stream any length.
    public static let maximumDyadSteps = 4_000_000

    /// Why `scenario` is too long to keep every step of, in plain words,
    /// or nil when it fits under ``maximumDyadSteps``.
    public static func tooLong(_ scenario: Scenario) -> String? {
        let steps = scenario.plan.stepsPerPhase.reduce(0, +)
        let dyads = scenario.plan.dyads.count
        let total = steps.multipliedReportingOverflow(by: dyads)
        guard total.overflow || total.partialValue > maximumDyadSteps else { return nil }
        func grouped(_ n: Int) -> String {
            let digits = Array(String(n))
            var out = ""
            for (i, d) in digits.enumerated() {
                if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
                out.append(d)
            }
            return out
        }
        let count = total.overflow ? "more than \(grouped(maximumDyadSteps))" : grouped(total.partialValue)
        return
            "this scenario is too long to watch or draw: it has \(count) moments to keep (\(grouped(steps)) steps × \(dyads) \(dyads == 1 ? "caregiver" : "caregivers")), "
            + "and the live screen and reports keep every one, at most \(grouped(maximumDyadSteps)). "
            + "Use a longer step (like step: 0.1s), a shorter duration or fewer caregivers; `attune batch` and `attune trace` run any length."
    }

    /// The fewest steps between checkpoints.
    public static let minimumCheckpointSteps = 50
    /// The most checkpoints a run keeps, about.
    public static let maximumCheckpoints = 200

    /// The policy that stands in wherever the keyboard would take a
    /// caregiver's place, in a run made to compare with the player's
    /// (``standIn(for:policy:)``); nil in a live run.
    public let standIn: Policy?

    /// Starts a run of `scenario` with `seed`, at step 0.
    public init(scenario: Scenario, seed: UInt64) {
        self.init(scenario: scenario, seed: seed, standIn: nil)
    }

    private init(scenario: Scenario, seed: UInt64, standIn: Policy?) {
        self.standIn = standIn
        self.scenario = scenario
        self.seed = seed
        dyadCount = scenario.plan.dyads.count
        let totalSteps = scenario.plan.stepsPerPhase.reduce(0, +)
        checkpointSteps = max(Self.minimumCheckpointSteps, totalSteps / Self.maximumCheckpoints)
        let start = Moment(
            simulation: Simulation(plan: scenario.plan, seed: seed), narrator: Narrator(scenario: scenario),
            pendingHuman: Array(repeating: nil, count: scenario.plan.dyads.count),
            decisions: DecisionTracker(scenario: scenario), coach: Coach(scenario: scenario))
        now = start
        history = CheckpointedHistory(
            start: start, dyadCount: dyadCount, checkpointSteps: checkpointSteps, expectedSteps: totalSteps)
    }

    /// The current step: how many steps the run has taken.
    public var cursor: Int { now.simulation.stepIndex }
    /// How many steps are recorded (the newest moment reached).
    public var recordedSteps: Int { history.recordedSteps }
    /// True when the current step is behind the newest recorded one.
    public var isRewound: Bool { cursor < recordedSteps }
    /// True once the run has taken all its steps.
    public var isFinished: Bool { now.simulation.isFinished }
    /// The step length in seconds.
    public var stepSeconds: Double { scenario.plan.stepSeconds }
    /// Seconds since the start at the current step.
    public var seconds: Double { now.simulation.timeSeconds }
    /// Seconds at the newest recorded step.
    public var recordedSeconds: Double { Double(recordedSteps) * stepSeconds }
    /// The run's length in seconds.
    public var totalSeconds: Double { Double(now.simulation.totalSteps) * stepSeconds }

    /// The sample of `dyad` at step `step` (0-based, below ``recordedSteps``).
    public func sample(step: Int, dyad: Int) -> DyadSample {
        history.records[step * dyadCount + dyad]
    }

    /// Takes one step: at the newest moment a new step is recorded; behind
    /// it the recorded step is taken again (with the same result).
    public mutating func step() {
        guard !isFinished else { return }
        let index = cursor
        let human = now.pendingHuman
        for d in now.pendingHuman.indices { now.pendingHuman[d] = nil }
        let events = now.simulation.step(human: human)
        now.narrator.observe(step: index, events: events, simulation: now.simulation)
        now.decisions.observe(step: index, events: events)
        now.coach.observe(step: index, events: events, simulation: now.simulation)
        if index == recordedSteps {
            for d in 0..<dyadCount {
                history.append(DyadSample(now.simulation.dyads[d], events: events[d]))
            }
        }
        arrive()
    }

    /// Bookkeeping on reaching a step: a checkpoint when one is due, then
    /// the inputs recorded for this step.
    private mutating func arrive() {
        for input in history.arrive(at: cursor, now) { apply(input) }
    }

    private mutating func apply(_ input: LiveInput) {
        switch input {
        case let .policy(dyad, policy):
            guard dyad < dyadCount else { return }
            let followed = policy == .human ? (standIn ?? .human) : policy
            now.simulation.setLiveCaregiver(CaregiverSettings(policy: followed), dyad: dyad)
        case let .act(dyad, action):
            guard dyad < dyadCount, standIn == nil else { return }
            now.pendingHuman[dyad] = action
        case let .decide(decision, choice):
            let points = scenario.decisions
            guard points.indices.contains(decision), points[decision].choices.indices.contains(choice) else { return }
            for dyad in now.decisions.dyads(of: decision) {
                switch points[decision].choices[choice].effect {
                case let .caregiver(settings):
                    now.simulation.setLiveCaregiver(settings, dyad: dyad)
                case let .action(action):
                    if let standIn {
                        now.simulation.setLiveCaregiver(CaregiverSettings(policy: standIn), dyad: dyad)
                    } else {
                        now.simulation.setLiveCaregiver(CaregiverSettings(policy: .human), dyad: dyad)
                        now.pendingHuman[dyad] = action
                    }
                }
            }
            now.decisions.answer(decision: decision, choice: choice)
        case let .set(setting):
            now.simulation.apply(setting)
        }
    }

    /// The same run as `timeline` up to its current step — the same
    /// scenario, seed, settings changes, policy switches and answers — with
    /// `policy` wherever the keyboard had a caregiver's place: the
    /// scenario's `human` caregivers follow it from the start, and taking
    /// her place (`h`, an action key, an answer that hands her to the
    /// keyboard) switches her to it instead. Made without a screen, for the
    /// debrief to set what the player did beside what, say, the attuned
    /// caregiver did with the same baby.
    public static func standIn(for timeline: Timeline, policy: Policy = .attuned) -> Timeline {
        var scenario = timeline.scenario
        for d in scenario.plan.dyads.indices where scenario.plan.dyads[d].caregiver.policy == .human {
            scenario.plan.dyads[d].caregiver.policy = policy
        }
        for p in scenario.plan.phases.indices where scenario.plan.phases[p].caregiver.policy == .human {
            scenario.plan.phases[p].caregiver.policy = policy
        }
        var run = Timeline(scenario: scenario, seed: timeline.seed, standIn: policy)
        let end = min(timeline.cursor, timeline.recordedSteps)
        for step in 0...end {
            for input in timeline.inputs[step] ?? [] {
                run.history.add(input, at: step)
                run.apply(input)
            }
            if step < end && !run.isFinished { run.step() }
        }
        return run
    }

    /// The decision waiting for an answer at the current step, if any.
    public var openDecision: Int? { now.decisions.current }

    /// Goes back to the step at which `decision` was reached and asks it
    /// again: everything recorded from that step on (samples, inputs, the
    /// answer, checkpoints) is dropped, so a new answer starts a new future.
    /// Nothing happens when the decision has not been reached.
    public mutating func reopen(decision: Int) {
        guard now.decisions.decisions.indices.contains(decision), let target = now.decisions.reachedStep[decision] else {
            return
        }
        history.dropFuture(from: target, keepingInputsOfStep: false)
        now = history.checkpoint(atOrBefore: target)
        for input in history.inputs(at: cursor) { apply(input) }
        while cursor < target && !isFinished { step() }
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

    /// Gives an input at the current step. Behind the newest recorded step
    /// this starts a new future: the recorded steps after this one, their
    /// inputs and checkpoints are dropped first.
    public mutating func branch(with input: LiveInput) {
        if isRewound { history.dropFuture(from: cursor, keepingInputsOfStep: true) }
        history.add(input, at: cursor)
        apply(input)
    }
}

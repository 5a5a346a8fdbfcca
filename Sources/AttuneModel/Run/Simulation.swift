/// A whole run: every dyad of a plan stepped through every phase.
///
/// A pure value: copying it keeps a moment of the run (rewind), and the same
/// plan and seed always give the same run.
public struct Simulation: Sendable {
    /// What is being run.
    public let plan: RunPlan
    /// The run's seed.
    public let seed: UInt64
    /// The baby of this run: the plan's infant, or one drawn from the plan's
    /// population with the seed; ``setLiveInfant(_:)`` changes it during a
    /// run.
    public private(set) var infant: InfantParameters
    /// The dyads, in plan order.
    public private(set) var dyads: [Dyad]
    /// The phase now, index into `plan.phases`.
    public private(set) var phaseIndex: Int = 0
    /// Steps taken in the current phase.
    public private(set) var stepInPhase: Int = 0
    /// Steps taken in all.
    public private(set) var stepIndex: Int = 0
    /// Caregiver fields changed live, per dyad, laid over the plan.
    public private(set) var liveCaregiver: [CaregiverSettings]
    /// True once every phase has run.
    public private(set) var isFinished: Bool = false
    /// Steps in each phase.
    public let stepsPerPhase: [Int]

    /// Creates a run at its first step.
    /// - Parameters:
    ///   - plan: a valid plan (at least one dyad and one phase).
    ///   - seed: any 64-bit value.
    public init(plan: RunPlan, seed: UInt64) {
        self.plan = plan
        self.seed = seed
        let baby = plan.population.draw(around: plan.infant, seed: seed)
        infant = baby
        stepsPerPhase = plan.stepsPerPhase
        liveCaregiver = Array(repeating: CaregiverSettings(), count: plan.dyads.count)
        dyads = plan.dyads.indices.map { d in
            Dyad(
                infant: baby, caregiver: plan.caregiver(dyad: d, phase: 0), phases: plan.phases.count,
                stepSeconds: plan.stepSeconds, seed: seed)
        }
    }

    /// Seconds since the start of the run.
    public var timeSeconds: Double { Double(stepIndex) * plan.stepSeconds }
    /// Seconds since the start of the current phase.
    public var phaseSeconds: Double { Double(stepInPhase) * plan.stepSeconds }
    /// The total number of steps in the run.
    public var totalSteps: Int { stepsPerPhase.reduce(0, +) }
    /// The figures, indexed `[dyad][phase]`.
    public var metrics: [[PhaseMetrics]] { dyads.map(\.metrics) }

    /// Advances every dyad one step.
    /// - Parameter human: per dyad, the action chosen at the keyboard (used
    ///   only by dyads whose policy is `human`); may be shorter than `dyads`.
    /// - Returns: the events of each dyad; empty sets once finished.
    @discardableResult
    public mutating func step(human: [CaregiverAction?] = []) -> [Events] {
        guard !isFinished else { return Array(repeating: [], count: dyads.count) }
        let dt = plan.stepSeconds
        let phase = phaseIndex
        var out = [Events]()
        out.reserveCapacity(dyads.count)
        for d in dyads.indices {
            var e = dyads[d].step(dt: dt, phase: phase, human: d < human.count ? human[d] : nil)
            if stepInPhase == 0 { e.insert(.phaseStart) }
            out.append(e)
        }
        advanceClock()
        return out
    }

    /// Runs to the end with no per-step output: the fast path for batches.
    public mutating func runToEnd() {
        let dt = plan.stepSeconds
        while !isFinished {
            let phase = phaseIndex
            let remaining = stepsPerPhase[phase] - stepInPhase
            dyads.withUnsafeMutableBufferPointer { all in
                for d in all.indices {
                    // Stepped as a local value (moved out and back, so its
                    // arrays stay uniquely owned): the optimiser keeps its
                    // fields in registers across steps.
                    let slot = all.baseAddress! + d
                    var dyad = slot.move()
                    dyad.run(steps: remaining, dt: dt, phase: phase)
                    slot.initialize(to: dyad)
                }
            }
            stepIndex += remaining
            stepInPhase += remaining - 1
            advanceClock(countStep: false)
        }
    }

    private mutating func advanceClock(countStep: Bool = true) {
        if countStep { stepIndex += 1 }
        stepInPhase += 1
        if stepInPhase >= stepsPerPhase[phaseIndex] {
            if phaseIndex + 1 < plan.phases.count {
                phaseIndex += 1
                stepInPhase = 0
                applyCaregivers()
            } else {
                isFinished = true
                for d in dyads.indices { dyads[d].finish(lastPhase: phaseIndex) }
            }
        }
    }

    private mutating func applyCaregivers() {
        for d in dyads.indices {
            let settings = liveCaregiver[d].resolved(over: plan.phases[phaseIndex].caregiver.resolved(over: plan.dyads[d].caregiver))
            dyads[d].setCaregiver(settings.parameters)
        }
    }

    /// Changes the infant's parameters from now on (a live change of its
    /// temperament, age or trust), for every dyad alike: each dyad's
    /// ``Dyad/traits`` are derived again from them. A new `trust` also
    /// becomes each infant's trust now (the parameter is where trust starts;
    /// setting it mid-run sets it there); the rest of the infant's state
    /// carries on.
    public mutating func setLiveInfant(_ parameters: InfantParameters) {
        let trustChanged = parameters.trust != infant.trust
        infant = parameters
        for d in dyads.indices {
            dyads[d].setInfant(parameters)
            if trustChanged { dyads[d].infant.trust = parameters.trust }
        }
    }

    /// Changes a caregiver's fields from now on (a live policy switch, or
    /// the keyboard taking her place with `human`).
    public mutating func setLiveCaregiver(_ settings: CaregiverSettings, dyad: Int) {
        liveCaregiver[dyad] = settings.resolved(over: liveCaregiver[dyad])
        applyCaregivers()
    }
}

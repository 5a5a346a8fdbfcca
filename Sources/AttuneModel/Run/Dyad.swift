/// One caregiver and her copy of the infant, stepped together, with the
/// figures of each phase collected alongside.
public struct Dyad: Sendable {
    /// The infant's derived traits (``setInfant(_:)`` derives them again
    /// when its parameters change during a run).
    public private(set) var traits: InfantTraits
    /// The infant now.
    public var infant: InfantState
    /// The caregiver now.
    public var caregiver: CaregiverState
    /// Coordination and the rupture in progress.
    public var coordination: CoordinationState
    /// The figures of finished phases, index = phase; the running phase's
    /// figures live in `current` until it ends (see ``metrics``).
    var finished: [PhaseMetrics]
    /// The figures of the phase in progress.
    var current: PhaseMetrics
    /// The index of the phase in progress.
    var currentPhase: Int = 0
    /// Seconds of the look-away in progress (0 while looking).
    public var lookAwaySeconds: Double = 0
    /// The infant's random stream (noise, gaze and behaviour hazards).
    var infantRandom: RandomSource
    /// The caregiver's random stream (perception, policy choices).
    var caregiverRandom: RandomSource

    /// Creates a dyad at rest.
    /// - Parameters:
    ///   - infant: the infant's traits.
    ///   - caregiver: her parameters for the first phase.
    ///   - phases: how many phases the run has (≥ 1).
    ///   - stepSeconds: the step, seconds.
    ///   - seed: the run's seed; every dyad of a run gets the same streams.
    public init(infant: InfantParameters, caregiver: CaregiverParameters, phases: Int, stepSeconds: Double, seed: UInt64) {
        traits = InfantTraits(infant)
        self.infant = InfantState(traits: traits, parameters: infant)
        self.caregiver = CaregiverState(parameters: caregiver, baseline: traits.baseline)
        coordination = CoordinationState()
        var empty = PhaseMetrics(stepSeconds: stepSeconds)
        empty.infant = infant
        finished = Array(repeating: empty, count: max(1, phases))
        current = empty
        var splitter = RandomSource(seed: seed)
        infantRandom = RandomSource(seed: splitter.next())
        caregiverRandom = RandomSource(seed: splitter.next())
    }

    /// The figures per phase, index = phase (the phase in progress so far).
    public var metrics: [PhaseMetrics] {
        var all = finished
        all[currentPhase] = current
        return all
    }

    /// True when the two fit right now.
    public var isCoordinated: Bool { coordination.coordinated }

    /// Advances one step of `dt` seconds in phase `phase`.
    /// - Parameter human: the keyboard's action, for the `human` policy.
    /// - Returns: what happened.
    public mutating func step(dt: Double, phase: Int, human: CaregiverAction? = nil) -> Events {
        let traits = self.traits
        return step(dt: dt, phase: phase, human: human, traits: traits)
    }

    /// One step, with the traits handed in: a caller that steps many times
    /// copies them out once, rather than once a step.
    @inline(__always)
    mutating func step(dt: Double, phase: Int, human: CaregiverAction?, traits: InfantTraits) -> Events {
        if phase != currentPhase { moveTo(phase: phase) }
        var events = caregiver.advance(
            dt: dt, gaze: infant.gaze, behavior: infant.behavior, arousal: infant.excitement, traits: traits,
            human: caregiver.parameters.policy == .human ? human : nil, rng: &caregiverRandom)
        let wasLooking = infant.gaze == .atCaregiver
        events.formUnion(
            infant.advance(dt: dt, action: caregiver.action, intensity: caregiver.intensity, traits: traits, rng: &infantRandom))
        let affect = infant.affect
        let coordinated = Coordination.isCoordinated(
            gaze: infant.gaze, behavior: infant.behavior, affect: affect, arousal: infant.excitement,
            action: caregiver.action, windowHigh: traits.windowHigh)

        // Figures for this phase.
        Self.record(
            into: &current, lookAway: &lookAwaySeconds, gaze: infant.gaze, behavior: infant.behavior, affect: affect,
            arousal: infant.arousal, trust: infant.trust, secondsSinceIntrusion: infant.secondsSinceIntrusion,
            action: caregiver.action, coordinated: coordinated, wasLooking: wasLooking, dt: dt)
        current.heartRateSum += infant.heartRate
        if infant.heartRate > current.peakHeartRate { current.peakHeartRate = infant.heartRate }
        current.rsaSum += infant.rsa
        // The strict, matched-state reading, and how soon a mismatch ends.
        let matched = MatchedState.isMatched(behavior: infant.behavior, affect: affect, action: caregiver.action)
        if matched {
            current.matchedSteps &+= 1
            if !coordination.matched {
                current.mismatches &+= 1
                if coordination.unmatchedSeconds <= MatchedState.quickRepairSeconds + 1e-9 { current.quickRepairs &+= 1 }
                if coordination.unmatchedSeconds <= MatchedState.fewSeconds + 1e-9 { current.fewSecondRepairs &+= 1 }
            }
            coordination.unmatchedSeconds = 0
        } else {
            coordination.unmatchedSeconds += dt
        }
        coordination.matched = matched
        // Ruptures and repairs; a rupture belongs to the phase it began in.
        if coordinated {
            if coordination.inRupture {
                events.insert(.repair)
                let latency = coordination.mismatchSeconds
                if coordination.rupturePhase == currentPhase {
                    current.repairs += 1
                    current.repairLatencies.append(latency)
                } else {
                    finished[coordination.rupturePhase].repairs += 1
                    finished[coordination.rupturePhase].repairLatencies.append(latency)
                }
                coordination.inRupture = false
            }
            coordination.mismatchSeconds = 0
        } else {
            coordination.mismatchSeconds += dt
            if coordination.inRupture {
                if coordination.rupturePhase == currentPhase {
                    if coordination.mismatchSeconds > current.longestRuptureSeconds {
                        current.longestRuptureSeconds = coordination.mismatchSeconds
                    }
                } else if coordination.mismatchSeconds > finished[coordination.rupturePhase].longestRuptureSeconds {
                    finished[coordination.rupturePhase].longestRuptureSeconds = coordination.mismatchSeconds
                }
            } else if coordination.mismatchSeconds > Coordination.ruptureThresholdSeconds {
                coordination.inRupture = true
                coordination.rupturePhase = currentPhase
                current.ruptures += 1
                current.longestRuptureSeconds = max(current.longestRuptureSeconds, coordination.mismatchSeconds)
                events.insert(.rupture)
            }
        }
        coordination.coordinated = coordinated
        return events
    }

    /// Advances `steps` steps of `dt` seconds in phase `phase`, with no
    /// keyboard and no per-step output: the batch path.
    mutating func run(steps: Int, dt: Double, phase: Int) {
        let traits = self.traits
        for _ in 0..<steps { _ = step(dt: dt, phase: phase, human: nil, traits: traits) }
    }

    /// Files the running phase's figures and starts the next phase's.
    mutating func moveTo(phase: Int) {
        finished[currentPhase] = current
        current = finished[phase]
        currentPhase = phase
    }

    @inline(__always)
    static func record(
        into m: inout PhaseMetrics, lookAway lookAwaySeconds: inout Double, gaze: Gaze, behavior: Behavior,
        affect: Affect, arousal a: Double, trust: Double, secondsSinceIntrusion: Double,
        action: CaregiverAction, coordinated: Bool, wasLooking: Bool, dt: Double
    ) {
        // Step counts cannot come near 2^63 (a day is 8.6 million steps at
        // the smallest step): added without overflow checks.
        m.steps &+= 1
        if gaze == .atCaregiver { m.gazeAtCaregiverSteps &+= 1 }
        if affect.isPositive { m.positiveSteps &+= 1 }
        if affect.isNegative { m.negativeSteps &+= 1 }
        if behavior == .withdrawn { m.withdrawnSteps &+= 1 }
        if behavior.isDistress { m.distressSteps &+= 1 }
        if behavior == .crying { m.cryingSteps &+= 1 }
        if coordinated { m.coordinatedSteps &+= 1 }
        m.arousalSum += a
        if a > m.peakArousal { m.peakArousal = a }
        m.trustEnd = trust
        if gaze != .atCaregiver {
            lookAwaySeconds += dt
        } else if !wasLooking {
            // A look-away just ended with the infant turning back.
            m.lookAways += 1
            m.lookAwaySeconds += lookAwaySeconds
            m.lookAwayLengths.append(lookAwaySeconds)
            if action != .intrude && secondsSinceIntrusion > 1 { m.returnedOnOwn += 1 }
            lookAwaySeconds = 0
        }
    }

    /// Closes what is still open at the end of a run: a look-away still
    /// going is counted (not as a return), in the last phase.
    public mutating func finish(lastPhase: Int) {
        if lastPhase != currentPhase { moveTo(phase: lastPhase) }
        if infant.gaze != .atCaregiver && lookAwaySeconds > 0 {
            current.lookAways += 1
            current.lookAwaySeconds += lookAwaySeconds
            current.lookAwayLengths.append(lookAwaySeconds)
            lookAwaySeconds = 0
        }
    }

    /// Gives the infant new parameters from now on (a live change of its
    /// temperament): its traits are derived again from them, while its
    /// state — arousal, stress, mood, where it looks, what it does, its
    /// trust — carries on. The figures of finished and running phases keep
    /// the parameters they started with.
    public mutating func setInfant(_ parameters: InfantParameters) {
        traits = InfantTraits(parameters)
    }

    /// Switches the caregiver's parameters (a new phase or a live change);
    /// what she perceives and feels carries on.
    public mutating func setCaregiver(_ parameters: CaregiverParameters) {
        caregiver.parameters = parameters
    }
}

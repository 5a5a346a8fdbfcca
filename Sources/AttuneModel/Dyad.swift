/// One caregiver and her copy of the infant, stepped together, with the
/// figures of each phase collected alongside.
public struct Dyad: Sendable {
    /// The infant's derived traits.
    public let traits: InfantTraits
    /// The infant now.
    public var infant: InfantState
    /// The caregiver now.
    public var caregiver: CaregiverState
    /// Coordination and the rupture in progress.
    public var coordination: CoordinationState
    /// The figures per phase, index = phase.
    public var metrics: [PhaseMetrics]
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
        metrics = Array(repeating: PhaseMetrics(stepSeconds: stepSeconds), count: max(1, phases))
        var splitter = RandomSource(seed: seed)
        infantRandom = RandomSource(seed: splitter.next())
        caregiverRandom = RandomSource(seed: splitter.next())
    }

    /// True when the two fit right now.
    public var isCoordinated: Bool { coordination.coordinated }

    /// Advances one step of `dt` seconds in phase `phase`.
    /// - Parameter human: the keyboard's action, for the `human` policy.
    /// - Returns: what happened.
    public mutating func step(dt: Double, phase: Int, human: CaregiverAction? = nil) -> Events {
        var events = caregiver.advance(
            dt: dt, infant: infant, traits: traits, human: caregiver.parameters.policy == .human ? human : nil,
            rng: &caregiverRandom)
        let wasLooking = infant.gaze == .atCaregiver
        events.formUnion(
            infant.advance(dt: dt, action: caregiver.action, intensity: caregiver.intensity, traits: traits, rng: &infantRandom))
        let coordinated = Coordination.isCoordinated(infant: infant, action: caregiver.action, traits: traits)

        // Figures for this phase.
        Self.record(
            into: &metrics[phase], lookAway: &lookAwaySeconds, infant: infant, action: caregiver.action,
            coordinated: coordinated, wasLooking: wasLooking, dt: dt)
        // Ruptures and repairs.
        if coordinated {
            if coordination.inRupture {
                events.insert(.repair)
                let latency = coordination.mismatchSeconds
                metrics[coordination.rupturePhase].repairs += 1
                metrics[coordination.rupturePhase].repairLatencies.append(latency)
            }
            coordination.inRupture = false
            coordination.mismatchSeconds = 0
        } else {
            coordination.mismatchSeconds += dt
            if !coordination.inRupture && coordination.mismatchSeconds > Coordination.ruptureThresholdSeconds {
                coordination.inRupture = true
                coordination.rupturePhase = phase
                metrics[phase].ruptures += 1
                events.insert(.rupture)
            }
            if coordination.inRupture && coordination.mismatchSeconds > metrics[coordination.rupturePhase].longestRuptureSeconds {
                metrics[coordination.rupturePhase].longestRuptureSeconds = coordination.mismatchSeconds
            }
        }
        coordination.coordinated = coordinated
        return events
    }

    static func record(
        into m: inout PhaseMetrics, lookAway lookAwaySeconds: inout Double, infant: InfantState,
        action: CaregiverAction, coordinated: Bool, wasLooking: Bool, dt: Double
    ) {
        let a = infant.arousal
        let affect = infant.affect
        m.steps += 1
        if infant.gaze == .atCaregiver { m.gazeAtCaregiverSteps += 1 }
        if affect.isPositive { m.positiveSteps += 1 }
        if affect.isNegative { m.negativeSteps += 1 }
        if infant.behavior.isDistress { m.distressSteps += 1 }
        if infant.behavior == .crying { m.cryingSteps += 1 }
        if coordinated { m.coordinatedSteps += 1 }
        m.arousalSum += a
        if a > m.peakArousal { m.peakArousal = a }
        m.trustEnd = infant.trust
        if infant.gaze != .atCaregiver {
            lookAwaySeconds += dt
        } else if !wasLooking {
            // A look-away just ended with the infant turning back.
            m.lookAways += 1
            m.lookAwaySeconds += lookAwaySeconds
            if action != .intrude && infant.secondsSinceIntrusion > 1 { m.returnedOnOwn += 1 }
            lookAwaySeconds = 0
        }
    }

    /// Closes what is still open at the end of a run: a look-away still
    /// going is counted (not as a return), in the last phase.
    public mutating func finish(lastPhase: Int) {
        if infant.gaze != .atCaregiver && lookAwaySeconds > 0 {
            metrics[lastPhase].lookAways += 1
            metrics[lastPhase].lookAwaySeconds += lookAwaySeconds
            lookAwaySeconds = 0
        }
    }

    /// Switches the caregiver's parameters (a new phase or a live change);
    /// what she perceives and feels carries on.
    public mutating func setCaregiver(_ parameters: CaregiverParameters) {
        caregiver.parameters = parameters
    }
}

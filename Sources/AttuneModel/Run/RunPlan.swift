/// One caregiver facing the infant, as a scenario names it.
public struct DyadPlan: Sendable, Hashable {
    /// A short label shown on screen and in output ("Waits").
    public var label: String
    /// The caregiver fields this dyad names; the rest come from the policy.
    public var caregiver: CaregiverSettings

    /// Creates a dyad plan.
    public init(label: String, caregiver: CaregiverSettings) {
        self.label = label
        self.caregiver = caregiver
    }
}

/// One stretch of a run (play, still face, reunion...).
public struct PhasePlan: Sendable, Hashable {
    /// The phase's name, as shown and reported.
    public var name: String
    /// How long it lasts, in seconds (> 0).
    public var durationSeconds: Double
    /// Caregiver fields this phase overrides for every dyad.
    public var caregiver: CaregiverSettings

    /// Creates a phase plan.
    public init(name: String, durationSeconds: Double, caregiver: CaregiverSettings = CaregiverSettings()) {
        self.name = name
        self.durationSeconds = durationSeconds
        self.caregiver = caregiver
    }
}

/// Everything the model needs to run: the infant, the dyads, the phases and
/// the step. A scenario file decodes into one of these plus its texts.
public struct RunPlan: Sendable, Hashable {
    /// The infant's traits; every dyad meets its own copy of this infant.
    /// With a ``population``, these are the population's centre and each
    /// run draws its own baby around them.
    public var infant: InfantParameters
    /// How babies vary around ``infant`` from run to run (default: not at
    /// all, every run the same baby).
    public var population = InfantPopulation()
    /// One or more caregivers.
    public var dyads: [DyadPlan]
    /// One or more phases, run in order.
    public var phases: [PhasePlan]
    /// The simulation step in seconds (``ParameterCatalog/step``).
    public var stepSeconds: Double

    /// Creates a plan.
    public init(
        infant: InfantParameters, dyads: [DyadPlan], phases: [PhasePlan],
        stepSeconds: Double = ParameterCatalog.step.defaultValue
    ) {
        self.infant = infant
        self.dyads = dyads
        self.phases = phases
        self.stepSeconds = stepSeconds
    }

    /// The caregiver parameters dyad `dyad` uses during phase `phase`.
    public func caregiver(dyad: Int, phase: Int) -> CaregiverParameters {
        phases[phase].caregiver.resolved(over: dyads[dyad].caregiver).parameters
    }

    /// The number of steps in each phase (at least one each).
    public var stepsPerPhase: [Int] {
        phases.map { max(1, Int(($0.durationSeconds / stepSeconds).rounded())) }
    }

    /// The total length of the run in seconds.
    public var totalSeconds: Double { phases.reduce(0) { $0 + $1.durationSeconds } }
}

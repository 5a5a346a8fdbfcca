/// The infant's fixed traits for a run.
///
/// Every field has a meaning, unit, range and default listed in
/// ``ParameterCatalog``; ``validated()`` clamps nothing and trusts the caller,
/// so the scenario loader checks ranges before building one.
public struct InfantParameters: Sendable, Hashable {
    /// Age in months, 2...12, default 4. Older infants recover faster and
    /// have a wider window of tolerance.
    public var ageMonths: Double
    /// How strongly stimulation raises arousal, 0...1, default 0.5.
    public var reactivity: Double
    /// How well comfort calms the infant, 0...1, default 0.5.
    public var soothability: Double
    /// The infant's expectation, from its history so far, that its cues will
    /// be respected and its bids answered, 0...1, default 0.7.
    public var trust: Double

    /// Creates infant parameters; see each field for units and ranges.
    public init(ageMonths: Double = 4, reactivity: Double = 0.5, soothability: Double = 0.5, trust: Double = 0.7) {
        self.ageMonths = ageMonths
        self.reactivity = reactivity
        self.soothability = soothability
        self.trust = trust
    }
}

/// The caregiver's traits and policy for a stretch of the run.
public struct CaregiverParameters: Sendable, Hashable {
    /// The rules she follows.
    public var policy: Policy
    /// How long she waits through a look-away before reaching in, in seconds,
    /// 0...120. Default depends on the policy (attuned 12 s, intrusive 1 s).
    public var patienceSeconds: Double
    /// The chance of reading a cue right when she notices it, 0...1.
    public var sensitivity: Double
    /// Her reaction latency: how long after a cue she notices it, seconds,
    /// 0.1...5.
    public var reactionSeconds: Double
    /// How fast her own anxiety rises while the infant is away or fussing,
    /// 0...1. Anxiety shortens her patience.
    public var anxiety: Double
    /// The intensity of her play, 0...1.
    public var energy: Double

    /// Creates caregiver parameters; unspecified fields take the policy's
    /// defaults.
    public init(
        policy: Policy, patienceSeconds: Double? = nil, sensitivity: Double? = nil,
        reactionSeconds: Double? = nil, anxiety: Double? = nil, energy: Double? = nil
    ) {
        let d = Self.defaults(for: policy)
        self.policy = policy
        self.patienceSeconds = patienceSeconds ?? d.patienceSeconds
        self.sensitivity = sensitivity ?? d.sensitivity
        self.reactionSeconds = reactionSeconds ?? d.reactionSeconds
        self.anxiety = anxiety ?? d.anxiety
        self.energy = energy ?? d.energy
    }

    private init(_ policy: Policy, _ patience: Double, _ sensitivity: Double, _ reaction: Double, _ anxiety: Double, _ energy: Double) {
        self.policy = policy
        self.patienceSeconds = patience
        self.sensitivity = sensitivity
        self.reactionSeconds = reaction
        self.anxiety = anxiety
        self.energy = energy
    }

    /// The defaults each policy brings: patience s, sensitivity, reaction s,
    /// anxiety, energy.
    public static func defaults(for policy: Policy) -> CaregiverParameters {
        switch policy {
        case .attuned: CaregiverParameters(policy, 12, 0.9, 0.8, 0.15, 0.6)
        case .intrusive: CaregiverParameters(policy, 1, 0.5, 0.5, 0.6, 0.9)
        case .withdrawn: CaregiverParameters(policy, 15, 0.35, 2.5, 0.2, 0.3)
        case .stillFace: CaregiverParameters(policy, 0, 0, 1, 0.2, 0)
        case .goodEnough: CaregiverParameters(policy, 5, 0.7, 1.2, 0.3, 0.6)
        case .anxious: CaregiverParameters(policy, 6, 0.75, 0.8, 0.8, 0.65)
        case .human: CaregiverParameters(policy, 0, 1, 0.5, 0.2, 0.6)
        }
    }
}

/// Caregiver fields a scenario names: `nil` means "not said here".
///
/// Dyads name some fields; a phase may name others, overriding only those for
/// every dyad. ``resolved(over:)`` merges two layers and ``parameters``
/// fills what is still unsaid from the policy's defaults.
public struct CaregiverSettings: Sendable, Hashable {
    public var policy: Policy?
    public var patienceSeconds: Double?
    public var sensitivity: Double?
    public var reactionSeconds: Double?
    public var anxiety: Double?
    public var energy: Double?

    /// Creates settings; every field is optional.
    public init(
        policy: Policy? = nil, patienceSeconds: Double? = nil, sensitivity: Double? = nil,
        reactionSeconds: Double? = nil, anxiety: Double? = nil, energy: Double? = nil
    ) {
        self.policy = policy
        self.patienceSeconds = patienceSeconds
        self.sensitivity = sensitivity
        self.reactionSeconds = reactionSeconds
        self.anxiety = anxiety
        self.energy = energy
    }

    /// These settings laid over `base`: fields named here win.
    public func resolved(over base: CaregiverSettings) -> CaregiverSettings {
        CaregiverSettings(
            policy: policy ?? base.policy,
            patienceSeconds: patienceSeconds ?? base.patienceSeconds,
            sensitivity: sensitivity ?? base.sensitivity,
            reactionSeconds: reactionSeconds ?? base.reactionSeconds,
            anxiety: anxiety ?? base.anxiety,
            energy: energy ?? base.energy)
    }

    /// Complete parameters: unsaid fields come from the policy's defaults
    /// (the `attuned` policy when none is named).
    public var parameters: CaregiverParameters {
        CaregiverParameters(
            policy: policy ?? .attuned, patienceSeconds: patienceSeconds, sensitivity: sensitivity,
            reactionSeconds: reactionSeconds, anxiety: anxiety, energy: energy)
    }
}

/// One documented parameter: its file key, meaning, unit, range and default.
public struct ParameterSpec: Sendable {
    /// The key as written in scenario files (`age_months`).
    public let key: String
    /// What it means, in a plain sentence.
    public let meaning: String
    /// The unit: "months", "seconds", or "" for a 0...1 share.
    public let unit: String
    /// The smallest allowed value.
    public let minimum: Double
    /// The largest allowed value.
    public let maximum: Double
}

/// The one place where every model parameter's range is written down; the
/// scenario loader validates against it and the docs quote it.
public enum ParameterCatalog {
    /// Infant parameters, in file order.
    public static let infant: [ParameterSpec] = [
        ParameterSpec(key: "age_months", meaning: "age; older infants recover faster and tolerate more", unit: "months", minimum: 2, maximum: 12),
        ParameterSpec(key: "reactivity", meaning: "how strongly stimulation stirs the infant up", unit: "", minimum: 0, maximum: 1),
        ParameterSpec(key: "soothability", meaning: "how well comfort calms the infant", unit: "", minimum: 0, maximum: 1),
        ParameterSpec(key: "trust", meaning: "the infant's history so far: how sure it is that its cues will be respected", unit: "", minimum: 0, maximum: 1),
    ]

    /// Caregiver parameters (besides `policy`), in file order.
    public static let caregiver: [ParameterSpec] = [
        ParameterSpec(key: "patience", meaning: "how long she waits through a look-away before reaching in", unit: "seconds", minimum: 0, maximum: 120),
        ParameterSpec(key: "sensitivity", meaning: "the chance she reads a cue right", unit: "", minimum: 0, maximum: 1),
        ParameterSpec(key: "reaction", meaning: "how long after a cue she notices it", unit: "seconds", minimum: 0.1, maximum: 5),
        ParameterSpec(key: "anxiety", meaning: "how fast her own worry rises while the baby is away or upset", unit: "", minimum: 0, maximum: 1),
        ParameterSpec(key: "energy", meaning: "how intense her play is", unit: "", minimum: 0, maximum: 1),
    ]

    /// The allowed simulation step, in seconds.
    public static let stepSeconds: ClosedRange<Double> = 0.01...1
    /// The longest allowed phase or run, in seconds (24 hours).
    public static let maximumDurationSeconds: Double = 86_400
}

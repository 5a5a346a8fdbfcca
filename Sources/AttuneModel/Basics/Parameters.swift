/// The infant's fixed traits for a run.
///
/// Each field's key, meaning, unit and range are in
/// ``ParameterCatalog/infant``; its default is here, in ``init``. Nothing
/// is clamped: the scenario loader checks ranges before building one.
public struct InfantParameters: Sendable, Hashable {
    /// Age in months. Older infants recover faster and have a wider window
    /// of tolerance.
    public var ageMonths: Double
    /// How strongly stimulation raises arousal, a share.
    public var reactivity: Double
    /// How well comfort calms the infant, a share.
    public var soothability: Double
    /// The infant's expectation, from its history so far, that its cues will
    /// be respected and its bids answered, a share.
    public var trust: Double
    /// How readily the infant smiles and seeks a face (positive
    /// affectivity), a share.
    public var sociability: Double

    /// Creates infant parameters; the defaults here are the defaults
    /// everywhere.
    public init(
        ageMonths: Double = 4, reactivity: Double = 0.5, soothability: Double = 0.5, trust: Double = 0.7,
        sociability: Double = 0.5
    ) {
        self.ageMonths = ageMonths
        self.reactivity = reactivity
        self.soothability = soothability
        self.trust = trust
        self.sociability = sociability
    }
}

/// The caregiver's traits and policy for a stretch of the run.
///
/// Each field's key, meaning, unit and range are in
/// ``ParameterCatalog/caregiver``; its default depends on the policy and is
/// in ``defaults(for:)``.
public struct CaregiverParameters: Sendable, Hashable {
    /// The rules she follows.
    public var policy: Policy
    /// How long she waits through a look-away before reaching in, seconds.
    public var patienceSeconds: Double
    /// The chance of reading a cue right when she notices it, a share.
    public var sensitivity: Double
    /// Her reaction latency: how long after a cue she notices it, seconds.
    public var reactionSeconds: Double
    /// How fast her own anxiety rises while the infant is away or fussing,
    /// a share. Anxiety shortens her patience.
    public var anxiety: Double
    /// The intensity of her play, a share.
    public var energy: Double
    /// How closely and how fast she tracks the infant, a share: low, she is
    /// slow to notice; high, she follows every flicker of its gaze.
    public var contingency: Double

    /// Creates caregiver parameters; unspecified fields take the policy's
    /// defaults.
    public init(
        policy: Policy, patienceSeconds: Double? = nil, sensitivity: Double? = nil,
        reactionSeconds: Double? = nil, anxiety: Double? = nil, energy: Double? = nil, contingency: Double? = nil
    ) {
        self =
            CaregiverSettings(
                policy: policy, patienceSeconds: patienceSeconds, sensitivity: sensitivity, reactionSeconds: reactionSeconds,
                anxiety: anxiety, energy: energy, contingency: contingency
            ).parameters
    }

    private init(
        _ policy: Policy, patience: Double, sensitivity: Double, reaction: Double, anxiety: Double, energy: Double,
        contingency: Double
    ) {
        self.policy = policy
        self.patienceSeconds = patience
        self.sensitivity = sensitivity
        self.reactionSeconds = reaction
        self.anxiety = anxiety
        self.energy = energy
        self.contingency = contingency
    }

    /// The defaults each policy brings: the one place they are written.
    public static func defaults(for policy: Policy) -> CaregiverParameters {
        switch policy {
        case .attuned:
            CaregiverParameters(policy, patience: 12, sensitivity: 0.9, reaction: 0.8, anxiety: 0.15, energy: 0.6, contingency: 0.5)
        case .intrusive:
            CaregiverParameters(policy, patience: 1, sensitivity: 0.5, reaction: 0.5, anxiety: 0.6, energy: 0.9, contingency: 0.8)
        case .withdrawn:
            CaregiverParameters(policy, patience: 15, sensitivity: 0.35, reaction: 2.5, anxiety: 0.2, energy: 0.3, contingency: 0.15)
        case .stillFace:
            CaregiverParameters(policy, patience: 0, sensitivity: 0, reaction: 1, anxiety: 0.2, energy: 0, contingency: 0)
        case .goodEnough:
            CaregiverParameters(policy, patience: 5, sensitivity: 0.7, reaction: 1.2, anxiety: 0.3, energy: 0.6, contingency: 0.45)
        case .anxious:
            CaregiverParameters(policy, patience: 6, sensitivity: 0.75, reaction: 0.8, anxiety: 0.8, energy: 0.65, contingency: 0.65)
        case .human:
            CaregiverParameters(policy, patience: 0, sensitivity: 1, reaction: 0.5, anxiety: 0.2, energy: 0.6, contingency: 0.5)
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
    public var contingency: Double?

    /// Creates settings; every field is optional.
    public init(
        policy: Policy? = nil, patienceSeconds: Double? = nil, sensitivity: Double? = nil,
        reactionSeconds: Double? = nil, anxiety: Double? = nil, energy: Double? = nil, contingency: Double? = nil
    ) {
        self.policy = policy
        self.patienceSeconds = patienceSeconds
        self.sensitivity = sensitivity
        self.reactionSeconds = reactionSeconds
        self.anxiety = anxiety
        self.energy = energy
        self.contingency = contingency
    }

    /// These settings laid over `base`: fields named here win.
    ///
    /// Written field by field rather than by walking the registry: it runs
    /// at the start of every run and phase, and a key path costs hundreds
    /// of nanoseconds. A test checks that it covers every registry entry.
    public func resolved(over base: CaregiverSettings) -> CaregiverSettings {
        var merged = base
        if let policy { merged.policy = policy }
        if let patienceSeconds { merged.patienceSeconds = patienceSeconds }
        if let sensitivity { merged.sensitivity = sensitivity }
        if let reactionSeconds { merged.reactionSeconds = reactionSeconds }
        if let anxiety { merged.anxiety = anxiety }
        if let energy { merged.energy = energy }
        if let contingency { merged.contingency = contingency }
        return merged
    }

    /// Complete parameters: unsaid fields come from the policy's defaults
    /// (the `attuned` policy when none is named). Field by field, like
    /// ``resolved(over:)``, and checked against the registry the same way.
    public var parameters: CaregiverParameters {
        var complete = CaregiverParameters.defaults(for: policy ?? .attuned)
        if let patienceSeconds { complete.patienceSeconds = patienceSeconds }
        if let sensitivity { complete.sensitivity = sensitivity }
        if let reactionSeconds { complete.reactionSeconds = reactionSeconds }
        if let anxiety { complete.anxiety = anxiety }
        if let energy { complete.energy = energy }
        if let contingency { complete.contingency = contingency }
        return complete
    }
}

/// The unit of a parameter, which also says how files write its values.
public enum ParameterUnit: String, Sendable {
    /// Months: a plain number.
    case months
    /// Seconds: a duration, written with a unit in files (`800ms`, `6s`,
    /// `2min`) and shown as `6s`.
    case seconds
    /// A share from 0 (none) to 1 (full): a plain number.
    case share

    /// True for a duration (seconds written with a unit); false for a plain
    /// number.
    public var isDuration: Bool { self == .seconds }
}

/// What every documented parameter states once: its file key, meaning,
/// unit and range.
public struct ParameterSpec: Sendable {
    /// The key as written in scenario files (`age_months`).
    public let key: String
    /// What it means, in plain words (lower case, no full stop), as the docs
    /// quote it.
    public let meaning: String
    /// The unit, which also says whether files write a duration or a plain
    /// number.
    public let unit: ParameterUnit
    /// The allowed values; the scenario loader refuses anything outside.
    public let range: ClosedRange<Double>

    /// True for a duration (seconds written with a unit in files).
    public var isDuration: Bool { unit.isDuration }
    /// The smallest allowed value.
    public var minimum: Double { range.lowerBound }
    /// The largest allowed value.
    public var maximum: Double { range.upperBound }
}

/// Where a parameter lives in the value that holds it.
public typealias ParameterField<Root> = WritableKeyPath<Root, Double> & Sendable

/// An infant parameter: its spec and its field in ``InfantParameters``.
/// Its default is that field in `InfantParameters()`.
@dynamicMemberLookup
public struct InfantParameter: Sendable {
    /// Key, meaning, unit and range.
    public let spec: ParameterSpec
    /// The field it sets.
    public let field: any ParameterField<InfantParameters>

    /// Creates an entry; see ``ParameterSpec`` for the fields.
    public init(
        key: String, field: any ParameterField<InfantParameters>, unit: ParameterUnit, range: ClosedRange<Double>,
        meaning: String
    ) {
        spec = ParameterSpec(key: key, meaning: meaning, unit: unit, range: range)
        self.field = field
    }

    /// The value when a scenario does not say.
    public var defaultValue: Double { InfantParameters()[keyPath: field] }

    /// The spec's facts, read as the entry's own (`parameter.key`).
    public subscript<Value>(dynamicMember fact: KeyPath<ParameterSpec, Value>) -> Value { spec[keyPath: fact] }
}

/// A caregiver parameter: its spec, the optional field a scenario layer
/// names it in (``CaregiverSettings``) and the field the model reads
/// (``CaregiverParameters``). Its default depends on the policy:
/// ``CaregiverParameters/defaults(for:)`` holds them.
@dynamicMemberLookup
public struct CaregiverParameter: Sendable {
    /// Key, meaning, unit and range.
    public let spec: ParameterSpec
    /// The field in a scenario's settings (`nil` there means "not said").
    public let setting: any WritableKeyPath<CaregiverSettings, Double?> & Sendable
    /// The field the model reads.
    public let field: any ParameterField<CaregiverParameters>

    /// Creates an entry; see ``ParameterSpec`` for the fields.
    public init(
        key: String, setting: any WritableKeyPath<CaregiverSettings, Double?> & Sendable,
        field: any ParameterField<CaregiverParameters>, unit: ParameterUnit, range: ClosedRange<Double>, meaning: String
    ) {
        spec = ParameterSpec(key: key, meaning: meaning, unit: unit, range: range)
        self.setting = setting
        self.field = field
    }

    /// The value `policy` brings when a scenario does not say.
    public func defaultValue(for policy: Policy) -> Double { CaregiverParameters.defaults(for: policy)[keyPath: field] }

    /// The spec's facts, read as the entry's own (`parameter.key`).
    public subscript<Value>(dynamicMember fact: KeyPath<ParameterSpec, Value>) -> Value { spec[keyPath: fact] }
}

/// A number of the whole run: its spec, its field in ``RunPlan`` and its
/// default.
@dynamicMemberLookup
public struct RunParameter: Sendable {
    /// Key, meaning, unit and range.
    public let spec: ParameterSpec
    /// The field it sets.
    public let field: any ParameterField<RunPlan>
    /// The value when a scenario does not say.
    public let defaultValue: Double

    /// Creates an entry; see ``ParameterSpec`` for the fields.
    public init(
        key: String, field: any ParameterField<RunPlan>, unit: ParameterUnit, range: ClosedRange<Double>,
        defaultValue: Double, meaning: String
    ) {
        spec = ParameterSpec(key: key, meaning: meaning, unit: unit, range: range)
        self.field = field
        self.defaultValue = defaultValue
    }

    /// The spec's facts, read as the entry's own (`parameter.key`).
    public subscript<Value>(dynamicMember fact: KeyPath<ParameterSpec, Value>) -> Value { spec[keyPath: fact] }
}

/// The registry of model parameters: each one's key, meaning, unit, range
/// and field, written once. The scenario loader reads and checks fields by
/// walking it, `attune describe` and sweeps use it, and a test checks that
/// the docs' tables say what it says.
///
/// To add a parameter, see "How to add a parameter" in docs/architecture.md.
public enum ParameterCatalog {
    /// Infant parameters, in file order.
    public static let infant: [InfantParameter] = [
        InfantParameter(
            key: "age_months", field: \.ageMonths, unit: .months, range: 2...12,
            meaning: "age; older infants recover faster, tolerate more and wait longer for an answer"),
        InfantParameter(
            key: "reactivity", field: \.reactivity, unit: .share, range: 0...1,
            meaning: "how strongly stimulation stirs the infant up"),
        InfantParameter(
            key: "soothability", field: \.soothability, unit: .share, range: 0...1,
            meaning: "how well comfort calms the infant"),
        InfantParameter(
            key: "trust", field: \.trust, unit: .share, range: 0...1,
            meaning: "the infant's history so far: how sure it is that its cues will be respected and its bids answered"),
        InfantParameter(
            key: "sociability", field: \.sociability, unit: .share, range: 0...1,
            meaning: "how readily the infant smiles and seeks a face; a less sociable infant looks more at things"),
    ]

    /// What a caregiver's `policy` field means (its values are the
    /// ``Policy`` words; each policy brings its own defaults).
    public static let policyMeaning = "the rules she follows; each policy brings its own defaults for the other fields"

    /// Caregiver parameters (besides `policy`), in file order.
    public static let caregiver: [CaregiverParameter] = [
        CaregiverParameter(
            key: "patience", setting: \.patienceSeconds, field: \.patienceSeconds, unit: .seconds, range: 0...120,
            meaning: "how long she waits through a look-away before reaching in"),
        CaregiverParameter(
            key: "sensitivity", setting: \.sensitivity, field: \.sensitivity, unit: .share, range: 0...1,
            meaning:
                "the chance she reads a cue right when she notices it; it also sets how soon she notices a misreading and how much she tones her play down as the infant nears overload"
        ),
        CaregiverParameter(
            key: "reaction", setting: \.reactionSeconds, field: \.reactionSeconds, unit: .seconds, range: 0.1...5,
            meaning: "how long a cue must show before she notices it"),
        CaregiverParameter(
            key: "anxiety", setting: \.anxiety, field: \.anxiety, unit: .share, range: 0...1,
            meaning: "how fast her own worry rises while the infant is away or upset; worry shortens her patience"),
        CaregiverParameter(
            key: "energy", setting: \.energy, field: \.energy, unit: .share, range: 0...1,
            meaning: "how intense her play is"),
        CaregiverParameter(
            key: "contingency", setting: \.contingency, field: \.contingency, unit: .share, range: 0...1,
            meaning:
                "how closely and how fast she tracks the infant: low, she is slow to notice its cues; high, she follows every flicker of its gaze"
        ),
    ]

    /// The simulation step (the file's `step`).
    public static let step = RunParameter(
        key: "step", field: \.stepSeconds, unit: .seconds, range: 0.01...1, defaultValue: 0.1,
        meaning: "how far the model moves forward at each step")

    /// The longest allowed phase or run, in seconds (24 hours).
    public static let maximumDurationSeconds: Double = 86_400
}

import AttuneModel

/// One dyad at the end of one step, as the strip charts and the debrief
/// read it back: kept for every step of a run (about 20 bytes each).
public struct DyadSample: Hashable, Sendable {
    /// The infant's arousal, 0...1.
    public var arousal: Float
    /// The caregiver's intensity, 0...1.
    public var intensity: Float
    /// Where the infant looked.
    public var gaze: Gaze
    /// What the infant did.
    public var behavior: Behavior
    /// The affect the infant showed.
    public var affect: Affect
    /// What the caregiver did.
    public var action: CaregiverAction
    /// True when the pair fitted (see ``Coordination``).
    public var coordinated: Bool
    /// True while a rupture was in progress (a miscoordinated stretch past
    /// the 0.5 s threshold).
    public var inRupture: Bool
    /// What happened during the step.
    public var events: Events
    /// The policy the caregiver followed (`human` while the keyboard had
    /// her place).
    public var policy: Policy

    /// Creates a sample; the fields are as documented on each property.
    public init(
        arousal: Float, intensity: Float, gaze: Gaze, behavior: Behavior, affect: Affect,
        action: CaregiverAction, coordinated: Bool, inRupture: Bool, events: Events, policy: Policy = .attuned
    ) {
        self.policy = policy
        self.arousal = arousal
        self.intensity = intensity
        self.gaze = gaze
        self.behavior = behavior
        self.affect = affect
        self.action = action
        self.coordinated = coordinated
        self.inRupture = inRupture
        self.events = events
    }

    /// The sample of `dyad` as it is now, with the events of its last step.
    public init(_ dyad: Dyad, events: Events) {
        self.init(
            arousal: Float(dyad.infant.arousal), intensity: Float(dyad.caregiver.intensity),
            gaze: dyad.infant.gaze, behavior: dyad.infant.behavior, affect: dyad.infant.affect,
            action: dyad.caregiver.action, coordinated: dyad.isCoordinated,
            inRupture: dyad.coordination.inRupture, events: events, policy: dyad.caregiver.parameters.policy)
    }
}

/// Something the person at the keyboard changed in a run. Inputs are
/// recorded with the step they apply to, so that replaying a run with the
/// same inputs gives the same run.
public enum LiveInput: Hashable, Sendable {
    /// The caregiver of dyad `dyad` (0-based) follows `policy` from this
    /// step on (a live policy switch, or the keyboard taking her place with
    /// `human`).
    case policy(dyad: Int, Policy)
    /// The caregiver of dyad `dyad` (0-based, following `human`) does
    /// `action` from this step on.
    case act(dyad: Int, CaregiverAction)
    /// The answer to a decision point: choice `choice` (0-based) of the
    /// scenario's decision `decision` (0-based).
    case decide(decision: Int, choice: Int)
    /// A parameter of the baby or of a caregiver changed in the settings
    /// panel, from this step on.
    case set(LiveSetting)
}

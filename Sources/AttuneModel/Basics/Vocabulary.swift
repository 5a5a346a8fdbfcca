/// Where the infant is looking.
public enum Gaze: UInt8, Sendable, CaseIterable, Hashable {
    /// Looking at the caregiver's face.
    case atCaregiver
    /// Looking away, head turned a little.
    case away
    /// Turned far away: head and body turned from the caregiver.
    case farAway

    /// The plain word used in traces, CSV and on screen.
    public var word: String {
        switch self {
        case .atCaregiver: "at-caregiver"
        case .away: "away"
        case .farAway: "far-away"
        }
    }
}

/// What the infant is doing: the visible, discrete behaviour.
public enum Behavior: UInt8, Sendable, CaseIterable, Hashable {
    case engaged, smiling, cooing, bidding, lookingAway, selfSoothing
    case fussing, crying, pushingAway, withdrawn
    /// Looking around at something else that caught its eye: not a
    /// look-away to calm down.
    case exploring

    /// The plain word used in traces, CSV and on screen.
    public var word: String {
        switch self {
        case .engaged: "engaged"
        case .smiling: "smiling"
        case .cooing: "cooing"
        case .bidding: "bidding"
        case .lookingAway: "looking-away"
        case .selfSoothing: "self-soothing"
        case .fussing: "fussing"
        case .crying: "crying"
        case .pushingAway: "pushing-away"
        case .withdrawn: "withdrawn"
        case .exploring: "exploring"
        }
    }

    /// Fussing, crying or pushing away: what `distress_pct` counts.
    @inline(__always) public var isDistress: Bool {
        self == .fussing || self == .crying || self == .pushingAway
    }

    /// Looking away or self-soothing: the infant is regulating itself.
    @inline(__always) public var isRegulating: Bool {
        self == .lookingAway || self == .selfSoothing
    }
}

/// The affect the infant shows on its face and voice.
public enum Affect: UInt8, Sendable, CaseIterable, Hashable {
    case delighted, interested, neutral, dull, fussy, distressed, protesting, withdrawn

    /// The plain word used in traces, CSV and on screen.
    public var word: String {
        switch self {
        case .delighted: "delighted"
        case .interested: "interested"
        case .neutral: "neutral"
        case .dull: "dull"
        case .fussy: "fussy"
        case .distressed: "distressed"
        case .protesting: "protesting"
        case .withdrawn: "withdrawn"
        }
    }

    /// Delighted (smiling, cooing, laughing): positive affect as still-face
    /// studies code it. Interest is attentive, not yet positive.
    @inline(__always) public var isPositive: Bool { self == .delighted }
    /// Fussy, distressed (crying) or protesting: negative affect as
    /// still-face studies code it. Quiet withdrawal is counted apart.
    @inline(__always) public var isNegative: Bool { self == .fussy || self == .distressed || self == .protesting }
}

/// What the caregiver is doing.
public enum CaregiverAction: UInt8, Sendable, CaseIterable, Hashable {
    /// Playful build-ups: peek-a-boo, exaggerated faces, a singing voice.
    case play
    /// A warm welcome when the infant looks back.
    case greet
    /// Sitting back, watching, available, out of the infant's line of sight.
    case wait
    /// Calm, slow comfort: a low voice, a gentle hand.
    case soothe
    /// Leaning into the infant's line of sight, clicking, moving closer.
    case intrude
    /// A still, unresponsive face, held on purpose (the still-face procedure).
    case stillFace
    /// Attention elsewhere: flat, turned away, not available.
    case disengage

    /// The plain word used in traces, CSV and scenario files.
    public var word: String {
        switch self {
        case .play: "play"
        case .greet: "greet"
        case .wait: "wait"
        case .soothe: "soothe"
        case .intrude: "intrude"
        case .stillFace: "still-face"
        case .disengage: "disengage"
        }
    }

    /// The action in a short plain phrase, for the screen.
    public var phrase: String {
        switch self {
        case .play: "plays"
        case .greet: "greets the baby"
        case .wait: "sits back and waits"
        case .soothe: "soothes"
        case .intrude: "leans in"
        case .stillFace: "holds a still face"
        case .disengage: "looks elsewhere"
        }
    }

    /// Parses a word as used in scenario files.
    public init?(word: String) {
        guard let match = Self.allCases.first(where: { $0.word == word }) else { return nil }
        self = match
    }
}

/// A caregiver response policy: the rules she follows, and her default
/// parameters.
public enum Policy: UInt8, Sendable, CaseIterable, Hashable {
    /// Waits through look-aways, greets the return, soothes distress.
    case attuned
    /// Chases the infant's gaze and escalates.
    case intrusive
    /// Slow and flat; misses bids.
    case withdrawn
    /// Holds a still, unresponsive face throughout.
    case stillFace
    /// Means well, misreads sometimes, notices and repairs.
    case goodEnough
    /// Waits, but her patience erodes as her own anxiety rises.
    case anxious
    /// The person at the keyboard chooses every action.
    case human

    /// The word used in scenario files and on the command line.
    public var word: String {
        switch self {
        case .attuned: "attuned"
        case .intrusive: "intrusive"
        case .withdrawn: "withdrawn"
        case .stillFace: "still-face"
        case .goodEnough: "good-enough"
        case .anxious: "anxious"
        case .human: "human"
        }
    }

    /// Parses a word as used in scenario files.
    public init?(word: String) {
        guard let match = Self.allCases.first(where: { $0.word == word }) else { return nil }
        self = match
    }
}

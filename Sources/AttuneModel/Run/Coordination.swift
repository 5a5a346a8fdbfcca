/// Whether the two fit at a moment, and the rupture/repair bookkeeping.
public enum Coordination {
    /// The shortest miscoordinated stretch that counts as a rupture, seconds.
    public static let ruptureThresholdSeconds = 0.5

    /// True when the infant's state and the caregiver's action fit:
    /// mutual engagement inside the window, regulation met by waiting, or
    /// distress met by soothing (docs/model.md, "Coordination").
    @inline(__always)
    public static func isCoordinated(
        gaze: Gaze, behavior: Behavior, affect: Affect, arousal: Double, action: CaregiverAction, windowHigh: Double
    ) -> Bool {
        switch behavior {
        case .engaged, .smiling, .cooing:
            return gaze == .atCaregiver && (affect == .delighted || affect == .interested)
                && arousal <= windowHigh && (action == .play || action == .greet)
        case .bidding:
            return action == .play || action == .greet
        case .lookingAway, .selfSoothing, .exploring:
            return action == .wait
        case .fussing, .crying, .pushingAway, .withdrawn:
            return action == .soothe
        }
    }
}

/// The strict, matched-state reading of a moment (Tronick & Cohn, 1989):
/// each partner is in one of a few states, and the moment is matched only
/// when both are in the same one.
public enum MatchedState {
    /// A partner's state in the strict coding.
    public enum Phase: UInt8, Sendable {
        /// Playing: the infant looking with positive affect (smiling, cooing,
        /// interested, bidding); the caregiver playing or greeting.
        case play
        /// Attending: the infant looking, neutral or sober; the caregiver
        /// watching (waiting, soothing).
        case attend
        /// Turned away: the infant looking away, exploring, soothing itself or
        /// withdrawn; the caregiver disengaged (looking elsewhere).
        case avert
        /// The infant protesting (fussing, crying, pushing away); the
        /// caregiver eliciting (leaning in). These two never match.
        case protest
        /// The caregiver eliciting: leaning in to win the gaze back.
        case elicit
        /// The caregiver's still face: present but not responding, a state
        /// of no interaction that matches nothing.
        case still
    }

    /// The infant's state.
    @inline(__always)
    public static func infant(behavior: Behavior, affect: Affect) -> Phase {
        if behavior.isDistress { return .protest }
        if behavior == .smiling || behavior == .cooing || behavior == .bidding { return .play }
        if behavior == .engaged { return affect == .delighted || affect == .interested ? .play : .attend }
        return .avert
    }

    /// The caregiver's state.
    @inline(__always)
    public static func caregiver(action: CaregiverAction) -> Phase {
        if action == .play || action == .greet { return .play }
        if action == .wait || action == .soothe { return .attend }
        if action == .intrude { return .elicit }
        if action == .stillFace { return .still }
        return .avert
    }

    /// True when both partners are in the same state.
    @inline(__always)
    public static func isMatched(behavior: Behavior, affect: Affect, action: CaregiverAction) -> Bool {
        let baby = infant(behavior: behavior, affect: affect)
        return baby != .protest && baby == caregiver(action: action)
    }

    /// A mismatch that ends within this many seconds counts as repaired
    /// quickly, seconds.
    public static let quickRepairSeconds = 2.0

    /// A mismatch that ends within this many seconds counts as repaired
    /// within "a few seconds", seconds.
    public static let fewSeconds = 5.0
}

/// The running state of coordination for one dyad.
public struct CoordinationState: Sendable, Hashable {
    /// Coordinated at the last step.
    public var coordinated: Bool = true
    /// Seconds of the current miscoordinated stretch (0 when coordinated).
    public var mismatchSeconds: Double = 0
    /// True once the current stretch has become a rupture.
    public var inRupture: Bool = false
    /// The phase the current rupture began in.
    public var rupturePhase: Int = 0
    /// True when the partners were matched at the last step (strict coding).
    public var matched: Bool = true
    /// Seconds of the current strict mismatch (0 while matched).
    public var unmatchedSeconds: Double = 0

    /// Creates the state of a pair that starts coordinated.
    public init() {}
}

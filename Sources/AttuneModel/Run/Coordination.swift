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
            return gaze == .atCaregiver && affect.isPositive
                && arousal <= windowHigh && (action == .play || action == .greet)
        case .bidding:
            return action == .play || action == .greet
        case .lookingAway, .selfSoothing:
            return action == .wait
        case .fussing, .crying, .pushingAway, .withdrawn:
            return action == .soothe
        }
    }
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

    /// Creates the state of a pair that starts coordinated.
    public init() {}
}

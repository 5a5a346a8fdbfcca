/// Quantities derived once per run from ``InfantParameters``: the resting
/// baseline, the window of tolerance and the rates of the arousal equation.
/// docs/model.md gives every formula.
public struct InfantTraits: Sendable, Hashable {
    /// Resting arousal, 0...1.
    public let baseline: Double
    /// Top of the window of tolerance: above it the infant is overstimulated.
    public let windowHigh: Double
    /// Bottom of the window of tolerance: below it the infant is under-aroused.
    public let windowLow: Double
    /// Far above the window: the infant is distressed (fusses).
    public let distressLevel: Double
    /// Arousal the infant must fall below before it turns back.
    public let returnLevel: Double
    /// Recovery rate towards baseline while looking at the caregiver, per second.
    public let recoveryRate: Double
    /// How strongly stimulation raises arousal, per second.
    public let gain: Double
    /// How strongly soothing lowers arousal, per second.
    public let soothing: Double
    /// Seconds of unanswered bidding before the infant protests.
    public let bidPatienceSeconds: Double
    /// 1 / (windowHigh − baseline): scales how calm the infant is, for the
    /// growth of its need for connection.
    public let inverseComfortSpan: Double

    /// Derives the traits.
    public init(_ p: InfantParameters) {
        let age = (min(max(p.ageMonths, 2), 12) - 2) / 10  // 0 at 2 months, 1 at 12
        baseline = 0.22 + 0.1 * p.reactivity
        windowHigh = 0.58 + 0.08 * age - 0.08 * (p.reactivity - 0.5)
        windowLow = max(0.05, baseline - 0.12)
        distressLevel = windowHigh + 0.12
        returnLevel = baseline + 0.45 * (windowHigh - baseline)
        recoveryRate = 0.045 + 0.045 * age
        gain = 0.16 * (0.6 + 0.8 * p.reactivity)
        soothing = 0.1 + 0.25 * p.soothability
        bidPatienceSeconds = 5 + 5 * age
        inverseComfortSpan = 1 / max(0.05, windowHigh - baseline)
    }
}

/// Quantities derived once per run from ``InfantParameters``: the resting
/// baseline, the window of tolerance, the rates of the arousal and stress
/// equations, curiosity, and the resting heart rate and vagal tone.
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
    /// How fast stress builds under a stressor, per second at full input.
    public let stressGain: Double
    /// How fast stress fades without one, per second.
    public let stressRecovery: Double
    /// How strongly things other than the caregiver's face draw the
    /// infant's eyes, 0...1: 0 up to 3 months, rising to 1 at 6 months.
    public let curiosity: Double
    /// Heart rate at rest, beats per minute (falls with age).
    public let restingHeartRate: Double
    /// Vagal tone at rest (respiratory sinus arrhythmia), ln(ms²) (rises
    /// with age).
    public let restingRSA: Double
    /// How reactive the infant is, 0...1 (the parameter, kept for the rules
    /// that weigh protest against quiet withdrawal).
    public let reactivity: Double
    /// How readily the infant smiles and seeks a face, 0...1 (the
    /// parameter).
    public let sociability: Double
    /// The valence above which a stimulated infant smiles: lower for a more
    /// sociable one.
    public let smileLevel: Double
    /// The stress above which the infant protests (fusses) rather than
    /// watching soberly: lower for a more reactive one.
    public let protestLevel: Double

    /// Derives the traits.
    public init(_ p: InfantParameters) {
        let months = min(max(p.ageMonths, 2), 12)
        let age = (months - 2) / 10  // 0 at 2 months, 1 at 12
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
        stressGain = 0.01 + 0.1 * p.reactivity
        stressRecovery = 0.01 + 0.03 * p.soothability + 0.012 * age
        curiosity = min(1, max(0, (months - 3) / 3)) * (1.3 - 0.6 * p.sociability)
        restingHeartRate = 146 - 1.4 * months + 24 * (p.reactivity - 0.5) - 16 * (p.soothability - 0.5)
        restingRSA = 3.0 + 0.1 * months - 1.0 * (p.reactivity - 0.5) + 2.0 * (p.soothability - 0.5)
        reactivity = p.reactivity
        sociability = p.sociability
        smileLevel = 0.36 - 0.3 * (p.sociability - 0.5)
        protestLevel = max(0.05, 1.0 - 1.1 * p.reactivity)
    }
}

/// The figures of one dyad over one phase, accumulated step by step.
///
/// One component collects them (``MetricsCollector``) so agents carry no
/// bookkeeping. Shares are of the phase's steps; times are in seconds.
public struct PhaseMetrics: Sendable, Hashable {
    /// The step length, in seconds.
    public var stepSeconds: Double
    /// Steps counted in this phase.
    public var steps: Int = 0
    /// Steps the infant looked at the caregiver.
    public var gazeAtCaregiverSteps: Int = 0
    /// Steps with delighted or interested affect.
    public var positiveSteps: Int = 0
    /// Steps with fussy, distressed (crying) or protesting affect.
    public var negativeSteps: Int = 0
    /// Steps quietly withdrawn (counted apart from negative affect).
    public var withdrawnSteps: Int = 0
    /// Steps fussing, crying or pushing away.
    public var distressSteps: Int = 0
    /// Steps the infant was crying.
    public var cryingSteps: Int = 0
    /// Steps the pair were coordinated.
    public var coordinatedSteps: Int = 0
    /// Sum of arousal over the steps (for the mean).
    public var arousalSum: Double = 0
    /// Highest arousal seen, 0...1.
    public var peakArousal: Double = 0
    /// Sum of heart rate over the steps, beats per minute (for the mean).
    public var heartRateSum: Double = 0
    /// Highest heart rate seen, beats per minute.
    public var peakHeartRate: Double = 0
    /// Sum of vagal tone over the steps, ln(ms²) (for the mean).
    public var rsaSum: Double = 0
    /// Steps the partners were in the same state (strict, matched-state
    /// coding; see ``MatchedState``).
    public var matchedSteps: Int = 0
    /// Strict mismatches that ended (by a match) in this phase.
    public var mismatches: Int = 0
    /// Of those, the ones that ended within ``MatchedState/quickRepairSeconds``.
    public var quickRepairs: Int = 0
    /// Of those, the ones that ended within ``MatchedState/fewSeconds``.
    public var fewSecondRepairs: Int = 0
    /// The infant this dyad met (drawn from the population when the
    /// scenario has one).
    public var infant = InfantParameters()
    /// Miscoordinated stretches that lasted past the rupture threshold and
    /// began in this phase.
    public var ruptures: Int = 0
    /// Of those, the ones repaired (a return to coordination).
    public var repairs: Int = 0
    /// Repair latencies in seconds, in order.
    public var repairLatencies: [Double] = []
    /// The longest rupture, repaired or not, in seconds.
    public var longestRuptureSeconds: Double = 0
    /// Look-aways that ended (or were still going at the end of the run) in
    /// this phase.
    public var lookAways: Int = 0
    /// Their total length, in seconds.
    public var lookAwaySeconds: Double = 0
    /// Each look-away's length in seconds, in order.
    public var lookAwayLengths: [Double] = []
    /// Look-aways the infant ended itself while the caregiver was not
    /// intruding (none in the last second).
    public var returnedOnOwn: Int = 0
    /// The infant's trust at the end of the phase, 0...1.
    public var trustEnd: Double = 0

    /// Creates empty figures.
    public init(stepSeconds: Double) {
        self.stepSeconds = stepSeconds
        repairLatencies.reserveCapacity(64)
        lookAwayLengths.reserveCapacity(32)
    }

    /// The phase's length in seconds.
    public var durationSeconds: Double { Double(steps) * stepSeconds }

    private func percent(_ count: Int) -> Double {
        steps == 0 ? 0 : 100 * Double(count) / Double(steps)
    }

    /// Share of time looking at the caregiver, percent.
    public var gazeAtCaregiverPercent: Double { percent(gazeAtCaregiverSteps) }
    /// Share of time with positive affect, percent.
    public var positiveAffectPercent: Double { percent(positiveSteps) }
    /// Share of time with negative affect, percent.
    public var negativeAffectPercent: Double { percent(negativeSteps) }
    /// Share of time fussing, crying or pushing away, percent.
    public var distressPercent: Double { percent(distressSteps) }
    /// Share of time crying, percent.
    public var cryingPercent: Double { percent(cryingSteps) }
    /// Share of time coordinated, percent.
    public var coordinatedPercent: Double { percent(coordinatedSteps) }
    /// Mean arousal, 0...1.
    public var meanArousal: Double { steps == 0 ? 0 : arousalSum / Double(steps) }
    /// Mean heart rate, beats per minute.
    public var meanHeartRate: Double { steps == 0 ? 0 : heartRateSum / Double(steps) }
    /// Mean vagal tone, ln(ms²).
    public var meanRSA: Double { steps == 0 ? 0 : rsaSum / Double(steps) }
    /// Share of time quietly withdrawn, percent.
    public var withdrawnPercent: Double { percent(withdrawnSteps) }
    /// Share of time in matched states (strict), percent.
    public var matchedPercent: Double { percent(matchedSteps) }
    /// Share of strict mismatches repaired within 2 s, percent; none without
    /// a mismatch.
    public var quickRepairPercent: Double? { mismatches == 0 ? nil : 100 * Double(quickRepairs) / Double(mismatches) }
    /// Share of strict mismatches repaired within 5 s, percent; none without
    /// a mismatch.
    public var fewSecondRepairPercent: Double? {
        mismatches == 0 ? nil : 100 * Double(fewSecondRepairs) / Double(mismatches)
    }
    /// Median repair latency in seconds; `nil` when nothing was repaired.
    public var medianRepairSeconds: Double? { Self.median(repairLatencies) }
    /// Mean look-away length in seconds; `nil` when there was none.
    public var meanLookAwaySeconds: Double? { lookAways == 0 ? nil : lookAwaySeconds / Double(lookAways) }
    /// Median look-away length in seconds; `nil` when there was none.
    public var medianLookAwaySeconds: Double? { Self.median(lookAwayLengths) }
    /// Ruptures not repaired.
    public var unrepaired: Int { ruptures - repairs }

    /// The median of some values; `nil` for none.
    public static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }
}

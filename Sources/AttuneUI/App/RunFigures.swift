import AttuneModel

/// One dyad's figures over the whole run so far (every phase together),
/// as the live screen and the debrief show them.
public struct RunFigures: Hashable, Sendable {
    /// Miscoordinated stretches longer than 0.5 s.
    public var ruptures: Int
    /// Of those, the ones repaired.
    public var repairs: Int
    /// Repair latencies, seconds, in order.
    public var repairLatencies: [Double]
    /// The longest rupture, seconds.
    public var longestRuptureSeconds: Double
    /// Seconds fussing, crying or pushing away.
    public var distressSeconds: Double
    /// Seconds looking at the caregiver.
    public var gazeAtCaregiverSeconds: Double
    /// Seconds with delighted or interested affect.
    public var positiveSeconds: Double
    /// Seconds counted in all.
    public var seconds: Double
    /// Look-aways that ended (or were still going at the end of a finished run).
    public var lookAways: Int
    /// Their total length, seconds.
    public var lookAwaySeconds: Double
    /// Look-aways the infant ended itself while nobody leaned in.
    public var returnedOnOwn: Int
    /// The infant's trust at the end, 0...1.
    public var trustEnd: Double

    /// Adds up the figures of every phase.
    public init(phases: [PhaseMetrics]) {
        ruptures = phases.reduce(0) { $0 + $1.ruptures }
        repairs = phases.reduce(0) { $0 + $1.repairs }
        repairLatencies = phases.flatMap(\.repairLatencies)
        longestRuptureSeconds = phases.map(\.longestRuptureSeconds).max() ?? 0
        distressSeconds = phases.reduce(0) { $0 + Double($1.distressSteps) * $1.stepSeconds }
        gazeAtCaregiverSeconds = phases.reduce(0) { $0 + Double($1.gazeAtCaregiverSteps) * $1.stepSeconds }
        positiveSeconds = phases.reduce(0) { $0 + Double($1.positiveSteps) * $1.stepSeconds }
        seconds = phases.reduce(0) { $0 + $1.durationSeconds }
        lookAways = phases.reduce(0) { $0 + $1.lookAways }
        lookAwaySeconds = phases.reduce(0) { $0 + $1.lookAwaySeconds }
        returnedOnOwn = phases.reduce(0) { $0 + $1.returnedOnOwn }
        trustEnd = phases.last(where: { $0.steps > 0 })?.trustEnd ?? 0
    }

    /// The median repair latency in seconds; nil when nothing was repaired.
    public var medianRepairSeconds: Double? { PhaseMetrics.median(repairLatencies) }
    /// Ruptures not (yet) repaired.
    public var unrepaired: Int { ruptures - repairs }
    /// Share of time looking at the caregiver, percent.
    public var gazeAtCaregiverPercent: Double { seconds > 0 ? 100 * gazeAtCaregiverSeconds / seconds : 0 }
    /// Share of time with positive affect, percent.
    public var positivePercent: Double { seconds > 0 ? 100 * positiveSeconds / seconds : 0 }
}

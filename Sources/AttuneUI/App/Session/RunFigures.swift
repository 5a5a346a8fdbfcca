import AttuneModel

/// One dyad's figures over the whole run so far (every phase together),
/// as the live screen and the debrief show them.
///
/// The figures the registry names (``Figures``) are read through it from
/// the run's phases combined (``combined``), so the screen shows the same
/// values as batch rows would for one long phase; the screen keeps its own
/// words for them. Two figures are the screen's own: the time in distress
/// in seconds, and the share of time looking at the caregiver, which the
/// screen has always worked out through seconds (see
/// ``gazeAtCaregiverPercent``).
public struct RunFigures: Hashable, Sendable {
    /// Every phase so far, combined as if one phase.
    public var combined: PhaseMetrics
    /// Seconds fussing, crying or pushing away, added up phase by phase.
    public var distressSeconds: Double
    /// Share of time looking at the caregiver, percent: seconds looking over
    /// seconds counted, each added up phase by phase.
    ///
    /// The registry's ``Figures/gazeAtCaregiver`` divides step counts
    /// instead. The two agree except in the last bit, which can tip a
    /// whole percentage at an exact half (9 steps of 24 is 37.5%: "37%"
    /// this way, "38%" the registry's way), so the screen keeps its own
    /// arithmetic and shows what it always showed.
    public var gazeAtCaregiverPercent: Double

    /// Look-aways begun so far: those that ended, and the one still going
    /// (which the registry's ``Figures/lookAways`` counts only once the run
    /// has finished). The debrief's table, the paths tried and its moment
    /// by moment list all count this way.
    public var lookAways: Int

    /// Adds up the figures of every phase.
    /// - Parameter lookAwayInProgress: the baby is turned away in a
    ///   look-away the phases have not counted yet (default false).
    public init(phases: [PhaseMetrics], lookAwayInProgress: Bool = false) {
        combined = PhaseMetrics.combined(phases)
        lookAways = Int(Figures.lookAways.value(combined) ?? 0) + (lookAwayInProgress ? 1 : 0)
        distressSeconds = phases.reduce(0) { $0 + Double($1.distressSteps) * $1.stepSeconds }
        let gazeSeconds = phases.reduce(0) { $0 + Double($1.gazeAtCaregiverSteps) * $1.stepSeconds }
        let seconds = phases.reduce(0) { $0 + $1.durationSeconds }
        gazeAtCaregiverPercent = seconds > 0 ? 100 * gazeSeconds / seconds : 0
    }

    /// The figures of `dyad` so far, its look-away in progress counted.
    public init(dyad: Dyad) {
        self.init(phases: dyad.metrics, lookAwayInProgress: dyad.infant.gaze != .atCaregiver && dyad.lookAwaySeconds > 0)
    }

    /// A figure of the registry over the run so far; `nil` when it has no
    /// value (a median of no repairs).
    public subscript(_ figure: Figure) -> Double? { figure.value(combined) }

    /// A count of the registry over the run so far.
    private func count(_ figure: Figure) -> Int { Int(self[figure] ?? 0) }

    /// Miscoordinated stretches longer than the rupture threshold (0.5 s).
    public var ruptures: Int { count(Figures.ruptures) }
    /// Of those, the ones repaired.
    public var repairs: Int { count(Figures.repairs) }
    /// Ruptures not (yet) repaired.
    public var unrepaired: Int { count(Figures.unrepaired) }
    /// The median repair latency in seconds; nil when nothing was repaired.
    public var medianRepairSeconds: Double? { self[Figures.medianRepair] }
    /// The longest rupture, seconds.
    public var longestRuptureSeconds: Double { self[Figures.longestRupture] ?? 0 }
    /// The infant's trust at the end, 0...1.
    public var trustEnd: Double { self[Figures.trustEnd] ?? 0 }
}

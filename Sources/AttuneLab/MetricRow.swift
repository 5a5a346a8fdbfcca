import AttuneModel

/// The columns of a batch row: one row per run × dyad × phase.
///
/// The first twenty columns are fixed in name and order; `crying_pct`,
/// `unrepaired` and `median_lookaway_s` follow. Shares are percent with 3 decimals, seconds have 3
/// decimals, arousal and trust (0...1) have 4. A median or mean of nothing
/// (no repair, no look-away) is an empty CSV cell or a JSON `null`.
public enum MetricColumns {
    /// Column names, in output order.
    public static let names: [String] = [
        "run", "seed", "dyad", "phase", "duration_s",
        "gaze_at_caregiver_pct", "positive_affect_pct", "negative_affect_pct", "distress_pct",
        "mean_arousal", "peak_arousal", "coordinated_pct",
        "ruptures", "repairs", "median_repair_s", "longest_rupture_s",
        "lookaways", "mean_lookaway_s", "returned_on_own", "trust_end",
        "crying_pct", "unrepaired", "median_lookaway_s",
    ]

    /// Decimal places for percentages and seconds.
    public static let sharePlaces = 3
    /// Decimal places for arousal and trust (0...1).
    public static let levelPlaces = 4

    /// The cells of one row, in ``names`` order.
    /// - Parameters:
    ///   - run: the run number, counted from 1.
    ///   - seed: the run's seed.
    ///   - dyad: the dyad's label.
    ///   - phase: the phase's name.
    ///   - metrics: that dyad's figures over that phase.
    public static func cells(run: Int, seed: UInt64, dyad: String, phase: String, metrics m: PhaseMetrics) -> [Field] {
        let s = sharePlaces
        let l = levelPlaces
        return [
            .integer(run), .unsigned(seed), .text(dyad), .text(phase),
            .decimal(m.durationSeconds, places: s),
            .decimal(m.gazeAtCaregiverPercent, places: s),
            .decimal(m.positiveAffectPercent, places: s),
            .decimal(m.negativeAffectPercent, places: s),
            .decimal(m.distressPercent, places: s),
            .decimal(m.meanArousal, places: l),
            .decimal(m.peakArousal, places: l),
            .decimal(m.coordinatedPercent, places: s),
            .integer(m.ruptures), .integer(m.repairs),
            .decimal(m.medianRepairSeconds, places: s),
            .decimal(m.longestRuptureSeconds, places: s),
            .integer(m.lookAways),
            .decimal(m.meanLookAwaySeconds, places: s),
            .integer(m.returnedOnOwn),
            .decimal(m.trustEnd, places: l),
            .decimal(m.cryingPercent, places: s),
            .integer(m.unrepaired),
            .decimal(m.medianLookAwaySeconds, places: s),
        ]
    }

    /// Every row of one run: dyads in plan order, and within each dyad its
    /// phases in order.
    public static func rows(of run: BatchRun, plan: RunPlan) -> [[Field]] {
        var rows = [[Field]]()
        rows.reserveCapacity(plan.dyads.count * plan.phases.count)
        for (d, dyad) in plan.dyads.enumerated() {
            for (p, phase) in plan.phases.enumerated() {
                rows.append(cells(run: run.run, seed: run.seed, dyad: dyad.label, phase: phase.name, metrics: run.metrics[d][p]))
            }
        }
        return rows
    }
}

import AttuneModel

/// The columns of a batch row: one row per run × dyad × phase.
///
/// `run`, `seed`, `dyad` and `phase`, then every figure of
/// ``Figures/batchRows`` under its column name: the first twenty columns
/// are fixed in name and order, and figures added later follow them.
/// Shares and seconds have 3 decimals, arousal and trust (0...1) have 4,
/// counts are whole numbers. A median or mean of nothing (no repair, no
/// look-away) is an empty CSV cell or a JSON `null`.
public enum MetricColumns {
    /// The columns before the figures.
    public static let keys = ["run", "seed", "dyad", "phase"]

    /// Column names, in output order.
    public static let names: [String] = keys + Figures.batchRows.map(\.column)

    /// The cells of one row, in ``names`` order.
    /// - Parameters:
    ///   - run: the run number, counted from 1.
    ///   - seed: the run's seed.
    ///   - dyad: the dyad's label.
    ///   - phase: the phase's name.
    ///   - metrics: that dyad's figures over that phase.
    public static func cells(run: Int, seed: UInt64, dyad: String, phase: String, metrics m: PhaseMetrics) -> [Field] {
        var cells: [Field] = [.integer(run), .unsigned(seed), .text(dyad), .text(phase)]
        cells.reserveCapacity(names.count)
        for figure in Figures.batchRows { cells.append(cell(figure, of: m)) }
        return cells
    }

    /// One figure of one row: a whole number for a count, a decimal with
    /// the figure's row places otherwise, missing when there is no value.
    static func cell(_ figure: Figure, of metrics: PhaseMetrics) -> Field {
        guard let value = figure.value(metrics) else { return .missing }
        return figure.unit == .count ? .integer(Int(value)) : .decimal(value, places: figure.rowPlaces)
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

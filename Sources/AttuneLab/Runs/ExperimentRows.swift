import AttuneModel

/// The columns of a sweep's rows: one row per grid point × dyad × phase.
///
/// `point` (counted from 0), then one column per varied field (named by its
/// path; a duration's column gets `_s` and holds seconds), then `dyad`,
/// `phase` and `runs`, then for every figure of ``SweepFigures/all`` its mean
/// and the ends of its 95% confidence interval: `NAME_mean`, `NAME_lo`,
/// `NAME_hi`. A figure a run may lack (a median repair time in a run with
/// no repair) also gets `NAME_n`, the runs that had a value. The interval
/// is cut to what the figure can be (0 to 100 for a share in %); with one
/// run, or one value, it is empty (CSV) or `null` (JSON).
public enum SweepColumns {
    /// The column names for `grid`, in output order.
    public static func names(grid: SweepGrid) -> [String] {
        var names = ["point"] + grid.fields.map(\.column) + ["dyad", "phase", "runs"]
        for metric in SweepFigures.all {
            names += [metric.column + "_mean", metric.column + "_lo", metric.column + "_hi"]
            if metric.mayBeMissing { names.append(metric.column + "_n") }
        }
        return names
    }

    /// The rows of one grid point: dyads in plan order, and within each dyad
    /// its phases in order.
    public static func rows(of summary: SweepPointSummary, grid: SweepGrid) -> [[Field]] {
        let values = grid.values(ofPoint: summary.point)
        var rows = [[Field]]()
        for (d, dyad) in summary.plan.dyads.enumerated() {
            for (p, phase) in summary.plan.phases.enumerated() {
                var row: [Field] = [.integer(summary.point)]
                for (field, value) in zip(grid.fields, values) { row.append(cell(value, kind: field.kind)) }
                row += [.text(dyad.label), .text(phase.name), .integer(summary.runs)]
                for (k, metric) in SweepFigures.all.enumerated() {
                    let statistics = summary.statistics(metric: k, dyad: d, phase: p)
                    row += intervalCells(statistics.interval, places: metric.rowPlaces, range: metric.range)
                    if metric.mayBeMissing { row.append(.integer(statistics.count)) }
                }
                rows.append(row)
            }
        }
        return rows
    }

    /// A varied value as a cell: a number (seconds for a duration) or a word.
    static func cell(_ value: VariedValue, kind: VariedKind) -> Field {
        guard kind != .word, let number = value.number else { return .text(value.text) }
        let text = VariedField.shortest(number, places: 6)
        let places = text.firstIndex(of: ".").map { text.distance(from: $0, to: text.endIndex) - 1 } ?? 0
        return .decimal(number, places: places)
    }
}

/// Mean, lower and upper end of an interval as cells, the ends cut to
/// `range`; missing cells where there is no value or no spread.
func intervalCells(_ interval: ConfidenceInterval?, places: Int, range: ClosedRange<Double>) -> [Field] {
    guard let interval else { return [.missing, .missing, .missing] }
    guard let lower = interval.lower, let upper = interval.upper else {
        return [.decimal(interval.mean, places: places), .missing, .missing]
    }
    return [
        .decimal(interval.mean, places: places),
        .decimal(max(range.lowerBound, lower), places: places),
        .decimal(min(range.upperBound, upper), places: places),
    ]
}

import AttuneModel

/// A figure `sweep` reports for each grid point, dyad and phase: one of the
/// batch summary's figures (``SummaryMetric``, the same values and the same
/// statistics), with the column name its mean and interval get in output
/// rows, and the name `--plot` knows it by.
public struct SweepMetric: Sendable {
    /// The column name, as in `batch` rows: `median_repair_s`.
    public let column: String
    /// The batch summary's figure: label, value and the range it can take.
    public let summary: SummaryMetric
    /// Decimal places in output rows (3 for shares, seconds and counts, 4
    /// for arousal and trust).
    public let places: Int
    /// True when a run can have no value (no repair, no look-away); rows
    /// then also give how many runs had one (`COLUMN_n`).
    public let mayBeMissing: Bool

    /// Column names, places and whether a value may be missing, by the
    /// summary's labels.
    private static let columns: [String: (String, Int, Bool)] = [
        "Looking at the caregiver, %": ("gaze_at_caregiver_pct", 3, false),
        "Positive affect, %": ("positive_affect_pct", 3, false),
        "Negative affect, %": ("negative_affect_pct", 3, false),
        "Fussing or crying, %": ("distress_pct", 3, false),
        "Crying, %": ("crying_pct", 3, false),
        "Mean arousal (0-1)": ("mean_arousal", 4, false),
        "Peak arousal (0-1)": ("peak_arousal", 4, false),
        "In step together, %": ("coordinated_pct", 3, false),
        "Ruptures": ("ruptures", 3, false),
        "Repairs": ("repairs", 3, false),
        "Left unrepaired": ("unrepaired", 3, false),
        "Median time to repair, s": ("median_repair_s", 3, true),
        "Longest rupture, s": ("longest_rupture_s", 3, false),
        "Look-aways": ("lookaways", 3, false),
        "Mean look-away, s": ("mean_lookaway_s", 3, true),
        "Median look-away, s": ("median_lookaway_s", 3, true),
        "Came back on its own": ("returned_on_own", 3, false),
        "Trust at the end (0-1)": ("trust_end", 4, false),
    ]

    /// Every figure, in ``SummaryMetric/all`` order.
    public static let all: [SweepMetric] = SummaryMetric.all.map { metric in
        if let (column, places, missing) = columns[metric.label] {
            return SweepMetric(column: column, summary: metric, places: places, mayBeMissing: missing)
        }
        // A figure added to the summary later still gets a column.
        let slug = String(metric.label.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "_" })
        return SweepMetric(column: slug, summary: metric, places: 3, mayBeMissing: true)
    }

    /// The figures a sweep's readable table shows when no `--plot` is given.
    public static let tableDefaults = ["median_repair_s", "distress_pct", "coordinated_pct", "gaze_at_caregiver_pct"]

    /// The index in ``all`` of the figure named `name` (its column name).
    /// - Throws: ``ExperimentErrors`` listing the names, for an unknown one.
    public static func index(named name: String, option: String = "--plot") throws(ExperimentErrors) -> Int {
        if let i = all.firstIndex(where: { $0.column == name }) { return i }
        throw ExperimentErrors(unknownName(name, option: option, names: all.map(\.column)))
    }
}

/// A figure `days` reports for each day and dyad, over that day's sessions.
public enum DayMetric: Int, CaseIterable, Sendable {
    /// The infant's trust at the end of the day's last session, 0...1.
    case trustEnd
    /// Look-aways per session (all phases), averaged over the day's sessions.
    case lookAwaysPerSession
    /// Share of the day's steps fussing, crying or pushing away, percent.
    case distressPercent
    /// Share of the day's steps in step together (coordinated), percent.
    case coordinatedPercent
    /// The median of the day's repair latencies (every session and phase),
    /// seconds; a run with no repair that day has no value.
    case medianRepairSeconds

    /// The column name in output rows, and the name `--plot` takes.
    public var column: String {
        switch self {
        case .trustEnd: "trust_end"
        case .lookAwaysPerSession: "lookaways_per_session"
        case .distressPercent: "distress_pct"
        case .coordinatedPercent: "coordinated_pct"
        case .medianRepairSeconds: "median_repair_s"
        }
    }

    /// The figure in plain words, with its unit.
    public var label: String {
        switch self {
        case .trustEnd: "Trust at the end of the day (0-1)"
        case .lookAwaysPerSession: "Look-aways per session"
        case .distressPercent: "Fussing or crying, %"
        case .coordinatedPercent: "In step together, %"
        case .medianRepairSeconds: "Median time to repair, s"
        }
    }

    /// Decimal places in output rows.
    public var places: Int { self == .trustEnd ? 4 : 3 }

    /// Decimal places in the readable table.
    public var tablePlaces: Int {
        switch self {
        case .trustEnd: 3
        case .medianRepairSeconds: 2
        default: 1
        }
    }

    /// The values the figure can take; intervals are cut to it.
    public var range: ClosedRange<Double> {
        switch self {
        case .trustEnd: 0...1
        case .distressPercent, .coordinatedPercent: 0...100
        case .lookAwaysPerSession, .medianRepairSeconds: 0...Double.greatestFiniteMagnitude
        }
    }

    /// The figure named `name` (its column name).
    /// - Throws: ``ExperimentErrors`` listing the names, for an unknown one.
    public static func named(_ name: String, option: String = "--plot") throws(ExperimentErrors) -> DayMetric {
        if let m = allCases.first(where: { $0.column == name }) { return m }
        throw ExperimentErrors(unknownName(name, option: option, names: allCases.map(\.column)))
    }
}

/// "--plot NAME: there is no figure called …; did you mean …? The figures are …".
func unknownName(_ name: String, option: String, names: [String]) -> String {
    var message = "\(option) \(name): there is no figure called \"\(name)\""
    let lower = name.lowercased()
    let close = names.filter { $0.hasPrefix(lower) || (lower.count >= 4 && $0.contains(lower)) }
    message += close.count == 1 ? "; did you mean \"\(close[0])\"?" : "."
    message += " The figures are " + names.joined(separator: ", ") + "."
    return message
}

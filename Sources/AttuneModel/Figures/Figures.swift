/// What a figure measures, which fixes the values it can take and its
/// decimal places in output rows.
public enum FigureUnit: Sendable, Hashable {
    /// A share of the time, percent, 0...100.
    case percent
    /// A length of time, seconds, 0 or more.
    case seconds
    /// A level, 0...1 (arousal, trust).
    case level
    /// A number of things (ruptures, look-aways), 0 or more.
    case count
    /// A heart rate, beats per minute.
    case beatsPerMinute
    /// Vagal tone (respiratory sinus arrhythmia), ln(ms²).
    case vagalTone
    /// An age, months.
    case months

    /// The values a figure in this unit can take; an interval is shown cut
    /// to it.
    public var range: ClosedRange<Double> {
        switch self {
        case .percent: 0...100
        case .level: 0...1
        case .seconds, .count: 0...Double.greatestFiniteMagnitude
        case .beatsPerMinute: 0...300
        case .vagalTone: 0...12
        case .months: 0...24
        }
    }

    /// Decimal places in output rows (CSV, JSON): 3 for shares, seconds,
    /// vagal tone and the means of counts, 4 for levels, 2 for heart rates
    /// and ages. A count of one run is a whole number.
    public var rowPlaces: Int {
        switch self {
        case .level: 4
        case .beatsPerMinute, .months: 2
        default: 3
        }
    }
}

/// One figure of one dyad over some steps: its names, its unit, how it is
/// shown, and how it is read from finished ``PhaseMetrics``.
///
/// Every list of figures (batch rows, the batch summary, sweep rows, tables
/// and charts, `days`, the live screen and the debrief) reads these; see
/// ``Figures``.
public struct Figure: Sendable {
    /// The column name in output rows, and the name `--plot` takes
    /// (`median_repair_s`): snake_case, with the unit as a suffix where one
    /// could be confused (`_pct`, `_s`).
    public let column: String
    /// The figure in plain words with its unit, as tables and charts show
    /// it ("Median time to repair, s").
    public let label: String
    /// What the figure measures.
    public let unit: FigureUnit
    /// Decimal places in readable tables (the batch summary, sweep and days
    /// tables).
    public let tablePlaces: Int
    /// True when some steps give no value (a median of no repairs); rows of
    /// means then also say how many runs had one (`NAME_n`).
    public let mayBeMissing: Bool
    /// Which generation of batch columns the figure belongs to: batch rows
    /// hold generation 0's figures, then generation 1's, and so on, each in
    /// ``Figures/all`` order. A new figure takes a generation above every
    /// other, so the columns already in rows keep their positions.
    public let rowGeneration: Int
    /// True for a figure of batch rows only, not summed up in the batch
    /// summary or a sweep (`duration_s`).
    public let rowOnly: Bool
    /// The figure over some steps; `nil` when it has no value there.
    public let value: @Sendable (PhaseMetrics) -> Double?

    /// Creates a figure.
    /// - Parameters:
    ///   - column: the snake_case column name.
    ///   - label: plain words with the unit.
    ///   - unit: what it measures.
    ///   - tablePlaces: decimal places in readable tables.
    ///   - mayBeMissing: whether some steps give no value; default no.
    ///   - rowGeneration: its batch column generation; default 0.
    ///   - rowOnly: whether it is in batch rows only; default no.
    ///   - value: how it is read from finished figures.
    public init(
        column: String, label: String, unit: FigureUnit, tablePlaces: Int, mayBeMissing: Bool = false,
        rowGeneration: Int = 0, rowOnly: Bool = false, value: @escaping @Sendable (PhaseMetrics) -> Double?
    ) {
        self.column = column
        self.label = label
        self.unit = unit
        self.tablePlaces = tablePlaces
        self.mayBeMissing = mayBeMissing
        self.rowGeneration = rowGeneration
        self.rowOnly = rowOnly
        self.value = value
    }

    /// Decimal places in output rows, from the unit.
    public var rowPlaces: Int { unit.rowPlaces }
    /// The values the figure can take, from the unit.
    public var range: ClosedRange<Double> { unit.range }

    /// The same figure under another label (a figure that means something
    /// a little different where it is shown: "Trust at the end of the day").
    public func relabelled(_ label: String) -> Figure {
        Figure(
            column: column, label: label, unit: unit, tablePlaces: tablePlaces, mayBeMissing: mayBeMissing,
            rowGeneration: rowGeneration, rowOnly: rowOnly, value: value)
    }
}

/// The registry of figures: each figure Attune reports is named, described
/// and computed once, here, as Mesa's DataCollector names each reporter
/// once.
///
/// What reads it:
/// - batch rows (`MetricColumns`): `run`, `seed`, `dyad`, `phase`, then
///   ``batchRows``;
/// - the batch summary (`BatchSummary`): a row per figure of ``summary``,
///   label, table places and range from the entry;
/// - sweeps (`SweepColumns`, `SweepReport`, `--plot`): ``summary``, by
///   column name;
/// - `days` (`DayFigures`): some of these figures over a day's sessions
///   combined, and one of its own of the same shape;
/// - the live screen and the debrief (`RunFigures`): these figures over
///   the run's phases so far, combined (``PhaseMetrics/combined(_:)``),
///   under the screen's own words.
///
/// Choices:
/// - **One list, in the summary's order.** ``all`` is the order of the
///   batch summary and of sweep columns; a figure's place in it is its
///   place there.
/// - **Batch rows keep their own, older order, derived from the entries.**
///   Columns added after the first twenty went at the end of rows so that
///   scripts reading columns by position kept working. Each entry carries
///   its ``Figure/rowGeneration``; rows sort by generation, then by place
///   in ``all``. A new figure takes the next generation and so lands at the
///   end of rows.
/// - **`duration_s` is in rows only** (``Figure/rowOnly``): a phase's
///   length is set by the scenario, not measured.
/// - **Units fix ranges and row places**; readable tables choose their own
///   places per figure (a count of ruptures to 1 decimal, of unrepaired
///   ones to 2).
/// - **Figures read finished ``PhaseMetrics``.** The step records counters
///   (`Dyad.record`) and the registry only reads them, so the hot path is
///   untouched; a figure that needs a new counter adds it to
///   ``PhaseMetrics`` and to `Dyad.record` (and to
///   ``PhaseMetrics/add(_:)``, which combines phases).
public enum Figures {
    /// The phase's length, seconds (batch rows only).
    public static let durationSeconds = Figure(
        column: "duration_s", label: "Duration, s", unit: .seconds, tablePlaces: 1, rowOnly: true
    ) { $0.durationSeconds }
    /// Share of time looking at the caregiver, percent.
    public static let gazeAtCaregiver = Figure(
        column: "gaze_at_caregiver_pct", label: "Looking at the caregiver, %", unit: .percent, tablePlaces: 1
    ) { $0.gazeAtCaregiverPercent }
    /// Share of time with positive affect, percent.
    public static let positiveAffect = Figure(
        column: "positive_affect_pct", label: "Positive affect, %", unit: .percent, tablePlaces: 1
    ) { $0.positiveAffectPercent }
    /// Share of time with negative affect, percent.
    public static let negativeAffect = Figure(
        column: "negative_affect_pct", label: "Negative affect, %", unit: .percent, tablePlaces: 1
    ) { $0.negativeAffectPercent }
    /// Share of time fussing, crying or pushing away, percent.
    public static let distress = Figure(
        column: "distress_pct", label: "Fussing or crying, %", unit: .percent, tablePlaces: 1
    ) { $0.distressPercent }
    /// Share of time crying, percent.
    public static let crying = Figure(
        column: "crying_pct", label: "Crying, %", unit: .percent, tablePlaces: 1, rowGeneration: 1
    ) { $0.cryingPercent }
    /// Mean arousal, 0...1.
    public static let meanArousal = Figure(
        column: "mean_arousal", label: "Mean arousal (0-1)", unit: .level, tablePlaces: 3
    ) { $0.meanArousal }
    /// Highest arousal, 0...1.
    public static let peakArousal = Figure(
        column: "peak_arousal", label: "Peak arousal (0-1)", unit: .level, tablePlaces: 3
    ) { $0.peakArousal }
    /// Share of time in step together (coordinated), percent.
    public static let coordinated = Figure(
        column: "coordinated_pct", label: "In step together, %", unit: .percent, tablePlaces: 1
    ) { $0.coordinatedPercent }
    /// Ruptures: miscoordinated stretches past the rupture threshold.
    public static let ruptures = Figure(
        column: "ruptures", label: "Ruptures", unit: .count, tablePlaces: 1
    ) { Double($0.ruptures) }
    /// Ruptures repaired.
    public static let repairs = Figure(
        column: "repairs", label: "Repairs", unit: .count, tablePlaces: 1
    ) { Double($0.repairs) }
    /// Ruptures not (yet) repaired.
    public static let unrepaired = Figure(
        column: "unrepaired", label: "Left unrepaired", unit: .count, tablePlaces: 2, rowGeneration: 1
    ) { Double($0.unrepaired) }
    /// The median repair latency, seconds; none without a repair.
    public static let medianRepair = Figure(
        column: "median_repair_s", label: "Median time to repair, s", unit: .seconds, tablePlaces: 2, mayBeMissing: true
    ) { $0.medianRepairSeconds }
    /// The longest rupture, repaired or not, seconds.
    public static let longestRupture = Figure(
        column: "longest_rupture_s", label: "Longest rupture, s", unit: .seconds, tablePlaces: 1
    ) { $0.longestRuptureSeconds }
    /// Look-aways.
    public static let lookAways = Figure(
        column: "lookaways", label: "Look-aways", unit: .count, tablePlaces: 1
    ) { Double($0.lookAways) }
    /// The mean look-away length, seconds; none without a look-away.
    public static let meanLookAway = Figure(
        column: "mean_lookaway_s", label: "Mean look-away, s", unit: .seconds, tablePlaces: 2, mayBeMissing: true
    ) { $0.meanLookAwaySeconds }
    /// The median look-away length, seconds; none without a look-away.
    public static let medianLookAway = Figure(
        column: "median_lookaway_s", label: "Median look-away, s", unit: .seconds, tablePlaces: 2, mayBeMissing: true,
        rowGeneration: 1
    ) { $0.medianLookAwaySeconds }
    /// Look-aways the infant ended itself while nobody leaned in.
    public static let returnedOnOwn = Figure(
        column: "returned_on_own", label: "Came back on its own", unit: .count, tablePlaces: 1
    ) { Double($0.returnedOnOwn) }
    /// The infant's trust at the end, 0...1.
    public static let trustEnd = Figure(
        column: "trust_end", label: "Trust at the end (0-1)", unit: .level, tablePlaces: 3
    ) { $0.trustEnd }
    /// Share of time quietly withdrawn, percent (apart from negative affect).
    public static let withdrawn = Figure(
        column: "withdrawn_pct", label: "Quietly withdrawn, %", unit: .percent, tablePlaces: 1, rowGeneration: 2
    ) { $0.withdrawnPercent }
    /// Mean heart rate, beats per minute.
    public static let meanHeartRate = Figure(
        column: "mean_hr_bpm", label: "Mean heart rate, bpm", unit: .beatsPerMinute, tablePlaces: 1, rowGeneration: 2
    ) { $0.meanHeartRate }
    /// Highest heart rate, beats per minute.
    public static let peakHeartRate = Figure(
        column: "peak_hr_bpm", label: "Peak heart rate, bpm", unit: .beatsPerMinute, tablePlaces: 1, rowGeneration: 2
    ) { $0.peakHeartRate }
    /// Mean vagal tone (RSA), ln(ms²).
    public static let meanRSA = Figure(
        column: "mean_rsa", label: "Mean vagal tone (RSA), ln ms²", unit: .vagalTone, tablePlaces: 2, rowGeneration: 2
    ) { $0.meanRSA }
    /// Share of time in matched states (strict coding), percent.
    public static let matched = Figure(
        column: "matched_pct", label: "Matched states (strict), %", unit: .percent, tablePlaces: 1, rowGeneration: 2
    ) { $0.matchedPercent }
    /// Share of strict mismatches that ended within 2 s, percent.
    public static let quickRepair = Figure(
        column: "repaired_2s_pct", label: "Mismatches repaired within 2 s, %", unit: .percent, tablePlaces: 1,
        mayBeMissing: true, rowGeneration: 2
    ) { $0.quickRepairPercent }
    /// Share of strict mismatches that ended within 5 s, percent.
    public static let fewSecondRepair = Figure(
        column: "repaired_5s_pct", label: "Mismatches repaired within 5 s, %", unit: .percent, tablePlaces: 1,
        mayBeMissing: true, rowGeneration: 2
    ) { $0.fewSecondRepairPercent }
    /// The baby's age, months.
    public static let ageMonths = Figure(
        column: "age_months", label: "Age, months", unit: .months, tablePlaces: 1, rowGeneration: 2
    ) { $0.infant.ageMonths }
    /// The baby's reactivity, 0...1.
    public static let reactivity = Figure(
        column: "reactivity", label: "Reactivity (0-1)", unit: .level, tablePlaces: 2, rowGeneration: 2
    ) { $0.infant.reactivity }
    /// The baby's soothability, 0...1.
    public static let soothability = Figure(
        column: "soothability", label: "Soothability (0-1)", unit: .level, tablePlaces: 2, rowGeneration: 2
    ) { $0.infant.soothability }
    /// The baby's sociability, 0...1.
    public static let sociability = Figure(
        column: "sociability", label: "Sociability (0-1)", unit: .level, tablePlaces: 2, rowGeneration: 2
    ) { $0.infant.sociability }
    /// The baby's trust at the start of the run, 0...1.
    public static let trustStart = Figure(
        column: "trust_start", label: "Trust at the start (0-1)", unit: .level, tablePlaces: 2, rowGeneration: 2
    ) { $0.infant.trust }

    /// Every figure, in the batch summary's order (``durationSeconds``,
    /// in rows only, first).
    public static let all: [Figure] = [
        durationSeconds,
        gazeAtCaregiver, positiveAffect, negativeAffect, withdrawn, distress, crying,
        meanHeartRate, peakHeartRate, meanRSA, meanArousal, peakArousal,
        coordinated, matched, quickRepair, fewSecondRepair,
        ruptures, repairs, unrepaired, medianRepair, longestRupture,
        lookAways, meanLookAway, medianLookAway, returnedOnOwn,
        trustEnd,
        ageMonths, reactivity, soothability, sociability, trustStart,
    ]

    /// The figures of the batch summary and of sweeps, in order: every
    /// figure but the row-only ones.
    public static let summary: [Figure] = all.filter { !$0.rowOnly }

    /// The figures of batch rows, in column order: by
    /// ``Figure/rowGeneration``, then in ``all`` order.
    public static let batchRows: [Figure] = all.enumerated()
        .sorted { a, b in
            a.element.rowGeneration != b.element.rowGeneration
                ? a.element.rowGeneration < b.element.rowGeneration : a.offset < b.offset
        }
        .map(\.element)
}

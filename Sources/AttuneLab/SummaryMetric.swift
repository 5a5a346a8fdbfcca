import AttuneModel

/// One figure the summary table shows, with its plain-words name and how
/// many decimals it gets.
public struct SummaryMetric: Sendable {
    /// The row label, in plain words with the unit ("Looking at the
    /// caregiver, %").
    public let label: String
    /// Decimal places in the table.
    public let places: Int
    /// The values the figure can take; an interval is shown cut to it.
    public let range: ClosedRange<Double>
    /// The value for one dyad and phase of one run; `nil` when undefined
    /// (a median of no repairs).
    public let value: @Sendable (PhaseMetrics) -> Double?

    /// Creates a figure.
    public init(label: String, places: Int, range: ClosedRange<Double>, value: @escaping @Sendable (PhaseMetrics) -> Double?) {
        self.label = label
        self.places = places
        self.range = range
        self.value = value
    }

    private static let percent = 0.0...100
    private static let level = 0.0...1
    private static let count = 0.0...Double.greatestFiniteMagnitude

    /// The figures of the summary table, in order.
    public static let all: [SummaryMetric] = [
        SummaryMetric(label: "Looking at the caregiver, %", places: 1, range: percent) { $0.gazeAtCaregiverPercent },
        SummaryMetric(label: "Positive affect, %", places: 1, range: percent) { $0.positiveAffectPercent },
        SummaryMetric(label: "Negative affect, %", places: 1, range: percent) { $0.negativeAffectPercent },
        SummaryMetric(label: "Fussing or crying, %", places: 1, range: percent) { $0.distressPercent },
        SummaryMetric(label: "Crying, %", places: 1, range: percent) { $0.cryingPercent },
        SummaryMetric(label: "Mean arousal (0-1)", places: 3, range: level) { $0.meanArousal },
        SummaryMetric(label: "Peak arousal (0-1)", places: 3, range: level) { $0.peakArousal },
        SummaryMetric(label: "In step together, %", places: 1, range: percent) { $0.coordinatedPercent },
        SummaryMetric(label: "Ruptures", places: 1, range: count) { Double($0.ruptures) },
        SummaryMetric(label: "Repairs", places: 1, range: count) { Double($0.repairs) },
        SummaryMetric(label: "Left unrepaired", places: 2, range: count) { Double($0.unrepaired) },
        SummaryMetric(label: "Median time to repair, s", places: 2, range: count) { $0.medianRepairSeconds },
        SummaryMetric(label: "Longest rupture, s", places: 1, range: count) { $0.longestRuptureSeconds },
        SummaryMetric(label: "Look-aways", places: 1, range: count) { Double($0.lookAways) },
        SummaryMetric(label: "Mean look-away, s", places: 2, range: count) { $0.meanLookAwaySeconds },
        SummaryMetric(label: "Median look-away, s", places: 2, range: count) { $0.medianLookAwaySeconds },
        SummaryMetric(label: "Came back on its own", places: 1, range: count) { Double($0.returnedOnOwn) },
        SummaryMetric(label: "Trust at the end (0-1)", places: 3, range: level) { $0.trustEnd },
    ]
}

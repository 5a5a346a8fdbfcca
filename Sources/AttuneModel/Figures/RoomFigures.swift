/// The figures of a room of babies (``Room``): each registry figure
/// (``Figures``) of one dyad and phase, as its mean over the babies that
/// have a value.
///
/// Baby `i` of a room is run `i` of a batch from the same seed, so these
/// are the means the batch summary (`attune batch SCENARIO --population
/// default --runs N --seed S`) gives for the same dyad and phase.
public enum RoomFigures {
    /// The mean of `figure` over the babies, for dyad `dyad` in phase
    /// `phase`, and how many babies had a value; nil when none had one.
    /// - Parameter metrics: every baby's figures, `[baby][dyad][phase]`
    ///   (``Room/metrics``).
    public static func mean(_ figure: Figure, of metrics: [[[PhaseMetrics]]], dyad: Int, phase: Int) -> (
        mean: Double, count: Int
    )? {
        var sum = 0.0
        var count = 0
        for baby in metrics {
            if let value = figure.value(baby[dyad][phase]), value.isFinite {
                sum += value
                count += 1
            }
        }
        return count == 0 ? nil : (sum / Double(count), count)
    }

    /// The value of `figure` for every baby, for dyad `dyad` in phase
    /// `phase` (nil where a baby has none), baby 1 first.
    public static func values(_ figure: Figure, of metrics: [[[PhaseMetrics]]], dyad: Int, phase: Int) -> [Double?] {
        metrics.map { figure.value($0[dyad][phase]) }
    }

    /// Each baby's figures over the phases so far, combined
    /// (``PhaseMetrics/combined(_:)``), for dyad `dyad`: `[baby]`.
    public static func wholeRun(of metrics: [[[PhaseMetrics]]], dyad: Int) -> [PhaseMetrics] {
        metrics.map { PhaseMetrics.combined($0[dyad]) }
    }
}

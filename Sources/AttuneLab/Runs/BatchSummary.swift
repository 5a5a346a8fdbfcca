import AttuneModel

/// The readable summary of a batch: for each dyad and phase, the mean of
/// every figure over the runs with its 95% confidence interval, and the share
/// of runs with any fussing or crying.
///
/// Add runs one at a time (nothing per run is kept), then ``render(title:)``.
public struct BatchSummary: Sendable {
    /// The plan the runs came from.
    public let plan: RunPlan
    /// Runs added so far.
    public private(set) var runs = 0
    /// The lowest and highest seed seen.
    public private(set) var seeds: ClosedRange<UInt64>?
    /// Statistics indexed `[dyad][phase][metric]`, metric in
    /// ``Figures/summary`` order.
    private var statistics: [[[RunningStatistics]]]
    /// Runs with any fussing or crying, indexed `[dyad][phase]`.
    private var runsWithDistress: [[Int]]

    /// Creates an empty summary for runs of `plan`.
    public init(plan: RunPlan) {
        self.plan = plan
        let metrics = Figures.summary.count
        statistics = Array(
            repeating: Array(repeating: Array(repeating: RunningStatistics(), count: metrics), count: plan.phases.count),
            count: plan.dyads.count)
        runsWithDistress = Array(repeating: Array(repeating: 0, count: plan.phases.count), count: plan.dyads.count)
    }

    /// Adds one run's figures.
    public mutating func add(_ run: BatchRun) {
        runs += 1
        seeds = seeds.map { min($0.lowerBound, run.seed)...max($0.upperBound, run.seed) } ?? run.seed...run.seed
        for d in plan.dyads.indices {
            for p in plan.phases.indices {
                let m = run.metrics[d][p]
                for (k, metric) in Figures.summary.enumerated() {
                    if let v = metric.value(m), v.isFinite { statistics[d][p][k].add(v) }
                }
                if m.distressSteps > 0 { runsWithDistress[d][p] += 1 }
            }
        }
    }

    /// The mean and interval of metric `metric` (index into
    /// ``Figures/summary``) for one dyad and phase; `nil` when no run had
    /// a value.
    public func interval(metric: Int, dyad: Int, phase: Int) -> ConfidenceInterval? {
        statistics[dyad][phase][metric].interval
    }

    /// The share of runs, 0...1, in which the infant fussed or cried at all
    /// during that phase with that caregiver.
    public func distressShare(dyad: Int, phase: Int) -> Double {
        runs == 0 ? 0 : Double(runsWithDistress[dyad][phase]) / Double(runs)
    }

    /// The table as text: a heading, then one block per phase with a row per
    /// figure and a column per dyad, aligned the same way in every block.
    public func render(title: String) -> String {
        var out = title.isEmpty ? "" : title + "\n"
        let seedText =
            seeds.map { $0.lowerBound == $0.upperBound ? "seed \($0.lowerBound)" : "seeds \($0.lowerBound) to \($0.upperBound)" }
            ?? "no seeds"
        out += "\(runs) \(runs == 1 ? "run" : "runs"), \(seedText). Each cell: the mean over runs (its 95% confidence interval).\n"

        var labels = Figures.summary.map(\.label)
        labels.append("Runs with any fussing or crying")
        let headings = plan.phases.map { phase in
            let whole = phase.durationSeconds.rounded() == phase.durationSeconds
            return "Phase \"\(phase.name)\", \(Field.fixed(phase.durationSeconds, places: whole ? 0 : 1)) s"
        }
        // cells[phase][dyad][row] = (mean, interval)
        let cells = plan.phases.indices.map { p in plan.dyads.indices.map { d in column(dyad: d, phase: p) } }

        let labelWidth = (headings + labels).map(\.count).max() ?? 0
        let meanWidths = plan.dyads.indices.map { d in cells.flatMap { $0[d].map(\.0.count) }.max() ?? 0 }
        let intervalWidths = plan.dyads.indices.map { d in cells.flatMap { $0[d].map(\.1.count) }.max() ?? 0 }
        let columnWidths = plan.dyads.indices.map { d in
            max(plan.dyads[d].label.count, meanWidths[d] + (intervalWidths[d] > 0 ? 1 + intervalWidths[d] : 0))
        }
        let gap = "   "
        for p in plan.phases.indices {
            var header = Self.pad(headings[p], labelWidth)
            for (d, dyad) in plan.dyads.enumerated() {
                header += gap + Self.pad(dyad.label, columnWidths[d])
            }
            out += "\n" + Self.trimmed(header) + "\n"
            for (row, label) in labels.enumerated() {
                var line = Self.pad(label, labelWidth)
                for d in plan.dyads.indices {
                    let (mean, interval) = cells[p][d][row]
                    var cell = Self.padLeft(mean, meanWidths[d])
                    if intervalWidths[d] > 0 { cell += " " + interval }
                    line += gap + Self.pad(cell, columnWidths[d])
                }
                out += Self.trimmed(line) + "\n"
            }
        }
        out += "\nIntervals use Student's t for up to 31 runs and the normal value 1.96 beyond,\n"
        out += "cut to what a figure can be (0 to 100 for a share in %).\n"
        out += "Median time to repair and mean look-away average only the runs that had one.\n"
        return out
    }

    /// One dyad's cells for one phase: (mean, interval) per row.
    private func column(dyad d: Int, phase p: Int) -> [(String, String)] {
        var column = Figures.summary.enumerated().map { k, metric in
            Self.cell(interval(metric: k, dyad: d, phase: p), metric: metric)
        }
        let share = Field.fixed(100 * distressShare(dyad: d, phase: p), places: 1) + "%"
        column.append((share, "(\(runsWithDistress[d][p]) of \(runs))"))
        return column
    }

    private static func cell(_ ci: ConfidenceInterval?, metric: Figure) -> (String, String) {
        guard let ci else { return ("none", "") }
        let places = metric.tablePlaces
        let mean = Field.fixed(ci.mean, places: places)
        guard let lower = ci.lower, let upper = ci.upper else { return (mean, "(1 run)") }
        let low = max(metric.range.lowerBound, lower)
        let high = min(metric.range.upperBound, upper)
        return (mean, "(\(Field.fixed(low, places: places)) to \(Field.fixed(high, places: places)))")
    }

    private static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
    }

    private static func padLeft(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : String(repeating: " ", count: width - s.count) + s
    }

    private static func trimmed(_ s: String) -> String {
        var s = Substring(s)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}

import AttuneModel

/// The figures the batch summary compares as paired effect sizes, in order.
public enum EffectFigures {
    /// Looking at the caregiver, positive and negative affect, mean heart
    /// rate, mean vagal tone and time in step: figures every phase has.
    public static let all: [Figure] = [
        Figures.gazeAtCaregiver, Figures.positiveAffect, Figures.negativeAffect, Figures.meanHeartRate, Figures.meanRSA,
        Figures.coordinated,
    ]
}

/// Two places of a batch compared as a paired effect size: a dyad in a
/// phase (A) against another (B), each run one pair.
public struct EffectComparison: Sendable, Hashable {
    /// A's dyad, an index into the plan's dyads.
    public let dyad: Int
    /// A's phase, an index into the plan's phases.
    public let phase: Int
    /// B's dyad, an index into the plan's dyads.
    public let againstDyad: Int
    /// B's phase, an index into the plan's phases.
    public let againstPhase: Int

    /// Every comparison a plan's summary makes, in order: for each dyad,
    /// each later phase against the first and against the one before it
    /// (still face against play, reunion against play, reunion against
    /// still face); then in each phase, each dyad against the first.
    public static func all(in plan: RunPlan) -> [EffectComparison] {
        var out = [EffectComparison]()
        for d in plan.dyads.indices {
            for p in plan.phases.indices.dropFirst() {
                out.append(EffectComparison(dyad: d, phase: p, againstDyad: d, againstPhase: 0))
                if p >= 2 { out.append(EffectComparison(dyad: d, phase: p, againstDyad: d, againstPhase: p - 1)) }
            }
        }
        for p in plan.phases.indices {
            for d in plan.dyads.indices.dropFirst() {
                out.append(EffectComparison(dyad: d, phase: p, againstDyad: 0, againstPhase: p))
            }
        }
        return out
    }

    /// The comparison in words: `"still-face" against "play" (Caregiver)`,
    /// `"Chases" against "Waits" (phase "play")`.
    public func heading(in plan: RunPlan) -> String {
        if dyad == againstDyad {
            return "\"\(plan.phases[phase].name)\" against \"\(plan.phases[againstPhase].name)\" (\(plan.dyads[dyad].label))"
        }
        return "\"\(plan.dyads[dyad].label)\" against \"\(plan.dyads[againstDyad].label)\" (phase \"\(plan.phases[phase].name)\")"
    }
}

/// The readable summary of a batch: for each dyad and phase, the mean of
/// every figure over the runs with its 95% confidence interval, and the share
/// of runs with any fussing or crying; then, where it compares phases or
/// dyads, the paired effect sizes of the main figures (``EffectFigures``;
/// see ``PairedEffects``).
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
    /// The comparisons the summary makes (none with one dyad and one
    /// phase, or with more places than ``PairedEffects/maximumPlaces``).
    public let comparisons: [EffectComparison]
    /// The running sums of the effect sizes, places `dyad × phases + phase`;
    /// nil without comparisons.
    private var effects: PairedEffects?
    /// Runs left out of the effect sizes because a figure had no value.
    public private(set) var runsWithoutEffects = 0

    /// Creates an empty summary for runs of `plan`.
    public init(plan: RunPlan) {
        self.plan = plan
        let metrics = Figures.summary.count
        statistics = Array(
            repeating: Array(repeating: Array(repeating: RunningStatistics(), count: metrics), count: plan.phases.count),
            count: plan.dyads.count)
        runsWithDistress = Array(repeating: Array(repeating: 0, count: plan.phases.count), count: plan.dyads.count)
        let places = plan.dyads.count * plan.phases.count
        if places <= PairedEffects.maximumPlaces {
            comparisons = EffectComparison.all(in: plan)
            effects = comparisons.isEmpty ? nil : PairedEffects(places: places, figures: EffectFigures.all.count)
        } else {
            comparisons = []
            effects = nil
        }
    }

    /// True when the plan has more places (dyads × phases) than effect
    /// sizes are given for.
    public var tooManyPlacesForEffects: Bool { plan.dyads.count * plan.phases.count > PairedEffects.maximumPlaces }

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
        if effects != nil {
            var values = [Double]()
            values.reserveCapacity(plan.dyads.count * plan.phases.count * EffectFigures.all.count)
            for d in plan.dyads.indices {
                for p in plan.phases.indices {
                    for figure in EffectFigures.all { values.append(figure.value(run.metrics[d][p]) ?? .nan) }
                }
            }
            if values.allSatisfy(\.isFinite) {
                effects?.add(values, seed: run.seed)
            } else {
                runsWithoutEffects += 1
            }
        }
    }

    /// The effect size of `comparison` for figure `figure` (index into
    /// ``EffectFigures/all``); nil when the summary makes no comparisons.
    public func effect(_ comparison: EffectComparison, figure: Int) -> PairedEffect? {
        guard let effects else { return nil }
        let phases = plan.phases.count
        return effects.effect(
            comparison.dyad * phases + comparison.phase, against: comparison.againstDyad * phases + comparison.againstPhase,
            figure: figure)
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
        out += renderEffects()
        return out
    }

    /// The effect sizes as text: a block per comparison, a row per figure.
    private func renderEffects() -> String {
        if tooManyPlacesForEffects {
            return "\nEffect sizes are given for at most \(PairedEffects.maximumPlaces) dyads × phases; this scenario has "
                + "\(plan.dyads.count * plan.phases.count).\n"
        }
        guard !comparisons.isEmpty else { return "" }
        var out = "\nEffect sizes: Cohen's d_av, each run a pair (the same baby and seed in both).\n"
        guard runs - runsWithoutEffects >= 2 else { return out + "They need at least two runs.\n" }
        out += "Each cell: d (its 95% bootstrap interval); d > 0 when the figure is higher in the first named.\n"
        let labels = EffectFigures.all.map(\.label)
        let labelWidth = labels.map(\.count).max() ?? 0
        var cells = [[(String, String)]]()
        for comparison in comparisons {
            cells.append(
                EffectFigures.all.indices.map { k in
                    guard let effect = effect(comparison, figure: k) else { return ("none", "") }
                    guard let d = effect.d else { return ("no spread", "") }
                    let interval = effect.interval.map {
                        "(\(Field.fixed($0.lowerBound, places: 2)) to \(Field.fixed($0.upperBound, places: 2)))"
                    }
                    return (Field.fixed(d, places: 2), interval ?? "(no interval)")
                })
        }
        let dWidth = cells.flatMap { $0.map(\.0.count) }.max() ?? 0
        for (c, comparison) in comparisons.enumerated() {
            out += "\n" + comparison.heading(in: plan) + "\n"
            for (k, label) in labels.enumerated() {
                let (d, interval) = cells[c][k]
                out += Self.trimmed(Self.pad(label, labelWidth) + "   " + Self.padLeft(d, dWidth) + " " + interval) + "\n"
            }
        }
        out += "\nd is the difference of the two means over the mean of their two standard deviations\n"
        out += "over runs (about 0.2 is small, 0.5 medium, 0.8 large). Each interval is the middle 95%\n"
        out += "of d over \(PairedEffects.resamples) bootstrap resamples of the runs (docs/experiments.md).\n"
        if runsWithoutEffects > 0 {
            out +=
                "\(runsWithoutEffects) \(runsWithoutEffects == 1 ? "run" : "runs") without a value for one of these figures "
                + "\(runsWithoutEffects == 1 ? "is" : "are") left out of them.\n"
        }
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

/// The columns of a batch's effect sizes (`attune batch --effects FILE`):
/// one row per comparison × figure, in the summary's order.
///
/// `dyad` and `phase` name A, `against_dyad` and `against_phase` name B;
/// `figure` is the figure's column name (`gaze_at_caregiver_pct`); `runs`
/// the pairs behind it; `mean`, `sd`, `against_mean`, `against_sd` the
/// mean and standard deviation over runs of A and of B, in the figure's
/// unit with its row places; `d_av` Cohen's d_av of A against B and
/// `d_av_lo`, `d_av_hi` the ends of its 95% bootstrap interval (3
/// decimals; empty / `null` when there is none).
public enum EffectColumns {
    /// Column names, in output order.
    public static let names = [
        "dyad", "phase", "against_dyad", "against_phase", "figure", "runs", "mean", "sd", "against_mean", "against_sd", "d_av",
        "d_av_lo", "d_av_hi",
    ]

    /// Every row of `summary`'s effect sizes; none when it makes no
    /// comparisons.
    public static func rows(of summary: BatchSummary) -> [[Field]] {
        let plan = summary.plan
        var rows = [[Field]]()
        for comparison in summary.comparisons {
            for (k, figure) in EffectFigures.all.enumerated() {
                guard let effect = summary.effect(comparison, figure: k) else { continue }
                let places = figure.rowPlaces
                rows.append([
                    .text(plan.dyads[comparison.dyad].label), .text(plan.phases[comparison.phase].name),
                    .text(plan.dyads[comparison.againstDyad].label), .text(plan.phases[comparison.againstPhase].name),
                    .text(figure.column), .integer(effect.runs),
                    .decimal(effect.runs > 0 ? effect.meanA : nil, places: places), .decimal(effect.sdA, places: places),
                    .decimal(effect.runs > 0 ? effect.meanB : nil, places: places), .decimal(effect.sdB, places: places),
                    .decimal(effect.d, places: 3), .decimal(effect.interval?.lowerBound, places: 3),
                    .decimal(effect.interval?.upperBound, places: 3),
                ])
            }
        }
        return rows
    }
}

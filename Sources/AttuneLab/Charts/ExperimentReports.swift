import AttuneModel

/// The readable side of a sweep: every grid point's figures, kept so they
/// can be shown as tables for a person at a terminal and drawn as a chart.
///
/// It holds one summary per grid point (a few kilobytes each), never
/// anything per run.
public struct SweepReport: Sendable {
    /// The scenario's title.
    public let title: String
    /// The grid.
    public let grid: SweepGrid
    /// Runs at each grid point.
    public let runs: Int
    /// The seed of each point's first run.
    public let firstSeed: UInt64
    /// The grid points' figures, in grid order, as added.
    public private(set) var points: [SweepPointSummary] = []

    /// Creates an empty report.
    public init(title: String, grid: SweepGrid, runs: Int, firstSeed: UInt64) {
        self.title = title
        self.grid = grid
        self.runs = runs
        self.firstSeed = firstSeed
    }

    /// Adds the next grid point's figures.
    public mutating func add(_ point: SweepPointSummary) { points.append(point) }

    /// The tables: a heading, then for each dyad (and phase) one row per
    /// grid point with the varied values and the figures `metrics`
    /// (indices into ``SweepFigures/all``), each as mean ± half its 95%
    /// interval.
    public func table(metrics: [Int]) -> String {
        guard let first = points.first else { return "" }
        var out = title.isEmpty ? "" : title + "\n"
        let fields = grid.fields.map { "\($0.spec) (\($0.values.count) \($0.values.count == 1 ? "value" : "values"))" }
        out += "A sweep of " + fields.joined(separator: " × ") + ": "
        out += "\(Field.grouped(grid.pointCount)) grid \(grid.pointCount == 1 ? "point" : "points"), "
        out += "\(Field.grouped(runs)) \(runs == 1 ? "run" : "runs") at each, "
        out += runs == 1 ? "seed \(firstSeed).\n" : "seeds \(firstSeed) to \(firstSeed &+ UInt64(runs - 1)) at every point.\n"
        out += "Each cell: the mean over the runs ± half its 95% confidence interval.\n"
        let names = grid.fields.map { $0.shortName(among: grid.fields) }
        let plan = first.plan
        for (d, dyad) in plan.dyads.enumerated() {
            for (p, phase) in plan.phases.enumerated() {
                out += "\n" + dyad.label + (plan.phases.count > 1 ? ", phase \"\(phase.name)\"" : "") + "\n"
                let headers = names + metrics.map { SweepFigures.all[$0].label }
                var rows = [[String]]()
                for point in points {
                    var row = grid.values(ofPoint: point.point).map(\.text)
                    for k in metrics {
                        let metric = SweepFigures.all[k]
                        row.append(plusMinus(point.interval(metric: k, dyad: d, phase: p), places: metric.tablePlaces))
                    }
                    rows.append(row)
                }
                out += TextTable.render(
                    headers: headers, rows: rows, rightAligned: names.map { _ in false } + metrics.map { _ in true })
            }
        }
        return out
    }

    /// The chart of figure `metric` (index into ``SweepFigures/all``) against
    /// the first varied field: one series per dyad (and per phase, unless
    /// `phase` picks one, and per setting of the other varied fields), at
    /// most ``ChartData/maximumSeries``.
    public func chart(metric: Int, phase: Int? = nil) -> ChartData {
        let figure = SweepFigures.all[metric]
        let xField = grid.fields[0]
        let others = Array(grid.fields.dropFirst())
        let plan = points.first?.plan
        let phases = plan.map { phase.map { [$0] } ?? Array($0.phases.indices) } ?? []
        var otherCombinations = 1
        for f in others { otherCombinations *= f.values.count }
        func x(_ i: Int) -> Double { xField.kind == .word ? Double(i) : xField.values[i].number ?? Double(i) }
        var series = [ChartSeries]()
        for (d, dyad) in (plan?.dyads ?? []).enumerated() {
            for p in phases {
                for combination in 0..<otherCombinations {
                    var name = dyad.label
                    if let plan, plan.phases.count > 1 { name += ", \(plan.phases[p].name)" }
                    var points = [ChartPoint]()
                    for i in xField.values.indices {
                        let index = i * otherCombinations + combination
                        guard index < self.points.count, let ci = self.points[index].interval(metric: metric, dyad: d, phase: p)
                        else { continue }
                        points.append(
                            ChartPoint(
                                x: x(i), mean: ci.mean, lower: ci.lower.map { max(figure.range.lowerBound, $0) },
                                upper: ci.upper.map { min(figure.range.upperBound, $0) }))
                    }
                    if !others.isEmpty {
                        let values = grid.values(ofPoint: combination)
                        name +=
                            ", "
                            + zip(others, values.dropFirst()).map { "\($0.shortName(among: grid.fields))=\($1.text)" }
                            .joined(separator: ", ")
                    }
                    series.append(ChartSeries(name: name, points: points))
                }
            }
        }
        let ticks = xField.values.indices.map { ChartTick(x: x($0), label: xField.values[$0].text) }
        let phaseNote = phase.flatMap { p in plan.map { ", phase \"\($0.phases[p].name)\"" } } ?? ""
        return ChartData(
            title: "\(figure.label) by \(xField.shortName(among: grid.fields))",
            subtitle: "\(title)\(phaseNote): mean and 95% interval over \(Field.grouped(runs)) \(runs == 1 ? "run" : "runs") at each point",
            xLabel: xField.path + (xField.kind == .duration ? " (s)" : ""), yLabel: figure.label, xTicks: ticks,
            yLimits: figure.range, series: series, connectsPoints: xField.kind != .word)
    }

    /// How many series ``chart(metric:phase:)`` would have before the cut
    /// to ``ChartData/maximumSeries``.
    public func seriesCount(phase: Int?) -> Int {
        guard let plan = points.first?.plan else { return 0 }
        let others = grid.fields.dropFirst().reduce(1) { $0 * $1.values.count }
        return plan.dyads.count * (phase == nil ? plan.phases.count : 1) * others
    }
}

/// The readable side of a history: a table per dyad, day by day, and a
/// chart of one figure.
public struct DaysReport: Sendable {
    /// The scenario's title.
    public let title: String
    /// The result.
    public let result: DaysResult

    /// Creates a report.
    public init(title: String, result: DaysResult) {
        self.title = title
        self.result = result
    }

    private var schedule: DaySchedule { result.schedule }

    /// The switches, numbered from 1 in day order, as `(number, stretch)`.
    private var numberedChanges: [(Int, DaySchedule.Stretch)] {
        schedule.stretches.filter { !$0.switches.isEmpty }.enumerated().map { ($0.offset + 1, $0.element) }
    }

    /// The tables: a heading, then for each dyad one row per day with every
    /// figure of ``DayFigures/all`` the table shows (``DayFigure/inTable``)
    /// as mean ± half its 95% interval over runs.
    public func table() -> String {
        var out = title.isEmpty ? "" : title + "\n"
        let k = schedule.sessionsPerDay
        out += "\(schedule.days) \(schedule.days == 1 ? "day" : "days"), \(k) \(k == 1 ? "session" : "sessions") a day, "
        out += "\(result.runs) \(result.runs == 1 ? "history" : "histories") (runs). "
        let trust = Field.fixed(schedule.initialTrust, places: 3)
        if schedule.stretches[0].plan.population.isFixed {
            out += "Trust carries from each session to the next; it starts at \(trust).\n"
        } else {
            out += "Trust carries from each session to the next; each history draws its own baby, whose trust starts around \(trust).\n"
        }
        out += "Each cell: the mean over the runs ± half its 95% confidence interval.\n"
        let changes = numberedChanges
        let shown = DayFigures.all.indices.filter { DayFigures.all[$0].inTable }
        for (d, label) in schedule.dyadLabels.enumerated() {
            out += "\n\(label)\n"
            var headers = ["Day"]
            if !changes.isEmpty { headers.append("Change") }
            headers += shown.map { DayFigures.all[$0].figure.label }
            var rows = [[String]]()
            for day in 1...schedule.days {
                var row = [String(day)]
                if !changes.isEmpty {
                    row.append(changes.first { $0.1.firstDay == day }.map { "[\($0.0)]" } ?? "")
                }
                for k in shown {
                    row.append(plusMinus(result.interval(metric: k, day: day, dyad: d), places: DayFigures.all[k].figure.tablePlaces))
                }
                rows.append(row)
            }
            out += TextTable.render(
                headers: headers, rows: rows, rightAligned: headers.indices.map { $0 == 0 || $0 >= headers.count - shown.count })
        }
        if !changes.isEmpty {
            out += "\n"
            for (number, stretch) in changes {
                out += "[\(number)] from day \(stretch.firstDay): " + stretch.switches.map(\.override).joined(separator: ", ") + "\n"
            }
        }
        return out
    }

    /// The chart of figure `metric` (index into ``DayFigures/all``), day by
    /// day: one series per dyad, with a marker on each day a switch begins.
    public func chart(metric index: Int) -> ChartData {
        let metric = DayFigures.all[index].figure
        var series = [ChartSeries]()
        for (d, label) in schedule.dyadLabels.enumerated() {
            var points = [ChartPoint]()
            for day in 1...schedule.days {
                guard let ci = result.interval(metric: index, day: day, dyad: d) else { continue }
                points.append(
                    ChartPoint(
                        x: Double(day), mean: ci.mean, lower: ci.lower.map { max(metric.range.lowerBound, $0) },
                        upper: ci.upper.map { min(metric.range.upperBound, $0) }))
            }
            series.append(ChartSeries(name: label, points: points))
        }
        let markers = numberedChanges.map { _, stretch in
            ChartMarker(
                x: Double(stretch.firstDay) - 0.5,
                label: "from day \(stretch.firstDay): " + stretch.switches.map(\.override).joined(separator: ", "))
        }
        let k = schedule.sessionsPerDay
        return ChartData(
            title: "\(metric.label), day by day",
            subtitle:
                "\(title): mean and 95% interval over \(result.runs) \(result.runs == 1 ? "history" : "histories"), \(k) \(k == 1 ? "session" : "sessions") a day",
            xLabel: "day", yLabel: metric.label, xTicks: ChartData.integerTicks(from: 1, to: schedule.days),
            yLimits: metric.range, series: series, markers: markers)
    }
}

/// `mean ±half` with `places` decimals; the mean alone for one value;
/// `none` for no value.
func plusMinus(_ interval: ConfidenceInterval?, places: Int) -> String {
    guard let interval else { return "none" }
    let mean = Field.fixed(interval.mean, places: places)
    guard let half = interval.halfWidth else { return mean }
    return mean + " ±" + Field.fixed(half, places: places)
}

/// Aligned plain-text tables whose long headers wrap onto two lines.
enum TextTable {
    /// The table: headers (each split onto at most two lines), then rows,
    /// columns three spaces apart, each line trimmed at the end.
    static func render(headers: [String], rows: [[String]], rightAligned: [Bool]) -> String {
        let cellWidths = headers.indices.map { c in rows.map { c < $0.count ? $0[c].count : 0 }.max() ?? 0 }
        let split = headers.indices.map { c in twoLines(headers[c], fit: max(cellWidths[c], 8)) }
        let widths = headers.indices.map { c in max(cellWidths[c], split[c].0.count, split[c].1.count) }
        func line(_ cells: [String]) -> String {
            var out = ""
            for (c, cell) in cells.enumerated() {
                if c > 0 { out += "   " }
                let pad = String(repeating: " ", count: max(0, widths[c] - cell.count))
                out += rightAligned[c] ? pad + cell : cell + pad
            }
            while out.last == " " { out.removeLast() }
            return out + "\n"
        }
        var out = ""
        if split.contains(where: { !$0.1.isEmpty }) { out += line(split.map { $0.1.isEmpty ? "" : $0.0 }) }
        out += line(split.map { $0.1.isEmpty ? $0.0 : $0.1 })
        for row in rows { out += line(row) }
        return out
    }

    /// `text` on one line if it fits `fit` columns, otherwise split at the
    /// space that best balances two lines; `(first, "")` for one line.
    static func twoLines(_ text: String, fit: Int) -> (String, String) {
        guard text.count > fit else { return (text, "") }
        let chars = Array(text)
        var best: Int?
        for (i, c) in chars.enumerated() where c == " " {
            let cost = max(i, chars.count - i - 1)
            if best == nil || cost < max(best!, chars.count - best! - 1) { best = i }
        }
        guard let at = best else { return (text, "") }
        return (String(chars[..<at]), String(chars[(at + 1)...]))
    }
}

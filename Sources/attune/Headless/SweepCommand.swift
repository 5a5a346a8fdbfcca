import ArgumentParser
import AttuneLab
import AttuneScenario

/// `attune sweep`: a scenario over a grid of settings, many runs at each,
/// with each setting's figures as means and 95% intervals.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Run a scenario over a grid of settings, many times each, and compare the settings' figures with 95% intervals.",
        discussion: """
            Each --vary names a field as --set does and the values it takes: a range FROM..TO:STEP \
            (0s..10s:1s, 0.1..0.9:0.1) or a list (attuned,intrusive). The grid is every combination \
            (at most 10,000 points); each point is checked like a --set before anything runs. Run r \
            (from 0) of every point uses seed S + r. Output has one row per grid point, dyad and phase, \
            with the mean and 95% interval of every figure `batch` reports. Without --format, a \
            terminal gets a table and a pipe or file gets CSV. --plot draws one figure against the \
            first varied field; --svg saves that chart as a picture.
            """)

    @OptionGroup var scenario: ScenarioOptions

    @Option(
        name: .customLong("vary"),
        help: ArgumentHelp(
            "A field and its values: PATH=FROM..TO:STEP or PATH=V1,V2,... (e.g. dyads.0.caregiver.patience=0s..10s:1s). Repeatable; the first is the chart's x axis.",
            valueName: "PATH=VALUES"))
    var vary: [String] = []

    @Option(parsing: .unconditional, help: "Runs at each grid point, \(Limits.runs.helpRange).")
    var runs: Int

    @Option(
        parsing: .unconditional, help: "The seed of each point's first run, 0 to \(largestSeedText). Default: the scenario's seed.",
        transform: parseSeed)
    var seed: UInt64?

    @OptionGroup var output: OutputOptions

    @Option(
        help: ArgumentHelp("Draw this figure against the first varied field, e.g. median_repair_s or distress_pct.", valueName: "METRIC"))
    var plot: String?

    @Option(help: ArgumentHelp("Chart only this phase (by name). Default: every phase.", valueName: "NAME"))
    var phase: String?

    @Option(help: ArgumentHelp("Also save the --plot chart as an SVG picture here (written whole or not at all).", valueName: "FILE"))
    var svg: String?

    @OptionGroup var threads: ThreadOptions

    func validate() throws {
        try Limits.runs.check(runs)
        guard !vary.isEmpty else {
            throw ValidationError("Name at least one field to vary, like --vary dyads.0.caregiver.patience=0s..10s:1s.")
        }
        if svg != nil && plot == nil {
            throw ValidationError("--svg saves the --plot chart; add --plot METRIC, like --plot median_repair_s.")
        }
    }

    func run() throws {
        try reportingFailures {
            // The request first: every --vary, then --plot.
            var fields = [VariedField]()
            var problems = [String]()
            for text in vary {
                do throws(ExperimentErrors) { fields.append(try VariedField.parse(text)) } catch { problems += error.messages }
            }
            var metric: Int?
            if let plot {
                do throws(ExperimentErrors) { metric = try SweepFigures.index(named: plot) } catch { problems += error.messages }
            }
            guard problems.isEmpty else { throw ExperimentErrors(problems) }
            let grid = try SweepGrid(fields: fields)
            try PopulationChoice.check(scenario.population, changes: fields.map { (label: $0.label, path: $0.path) })

            // Every grid point, checked and built once.
            let base = try scenario.load()
            try checkOutputs([("--output", output.output), ("--svg", svg)], scenario: base)
            let reloader = ScenarioReloader(base: base, nameOrPath: scenario.scenario, population: scenario.population)
            let plans = try SweepPlans.build(
                grid: grid, base: base, baseOverrides: scenario.overrides, load: reloader.load)
            let phaseIndex = try phase.map { name in
                guard let i = plans[0].phases.firstIndex(where: { $0.name == name }) else {
                    throw ExperimentErrors(
                        "--phase \(name): the scenario has no phase \"\(name)\"; its phases are "
                            + plans[0].phases.map { "\"\($0.name)\"" }.joined(separator: ", "))
                }
                return i
            }
            let firstSeed = seed ?? base.seed
            let runner = try SweepRunner(plans: plans, runs: runs, firstSeed: firstSeed, threads: threads.count)

            let terminal = standardOutputIsTerminal
            let format = output.resolvedFormat(fallback: terminal ? nil : .csv)
            let rowsOnStandardOutput = format != nil && output.output == nil
            let showTable = format == nil || (terminal && output.output != nil)
            var report = SweepReport(title: base.title, grid: grid, runs: runs, firstSeed: firstSeed)
            let keepReport = showTable || metric != nil
            let progress = ProgressBar(total: runner.totalRuns, noun: "runs")
            defer { progress.finish() }

            if let format {
                let destination = try output.openDestination()
                do {
                    try destination.writeTable(format: format.rowFormat, columns: SweepColumns.names(grid: grid)) { emit in
                        try runner.run(progress: progress.update) { point in
                            if keepReport { report.add(point) }
                            for row in SweepColumns.rows(of: point, grid: grid) { try emit(row) }
                        }
                    }
                    try destination.finish()
                } catch {
                    destination.abandon()
                    throw error
                }
            } else {
                runner.run(progress: progress.update) { report.add($0) }
            }
            progress.finish()

            if showTable {
                var shown = metric.map { [$0] } ?? []
                for name in SweepFigures.tableDefaults {
                    let k = try SweepFigures.index(named: name)
                    if !shown.contains(k) && shown.count < 4 { shown.append(k) }
                }
                print(report.table(metrics: shown), terminator: "")
                if let path = output.output { print("Rows written to \(path).") }
            }
            if let metric {
                let chart = report.chart(metric: metric, phase: phaseIndex)
                var text = "\n" + TextChart.render(chart)
                let count = report.seriesCount(phase: phaseIndex)
                if count > ChartData.maximumSeries {
                    text +=
                        "The chart shows the first \(ChartData.maximumSeries) of \(count) series; pick a phase with --phase or vary fewer fields to see the rest.\n"
                }
                printBeside(rowsOnStandardOutput: rowsOnStandardOutput, text)
                if let svg {
                    try writeSVG(chart, to: svg)
                    printBeside(rowsOnStandardOutput: rowsOnStandardOutput, "Chart saved to \(svg).")
                }
            }
        }
    }
}

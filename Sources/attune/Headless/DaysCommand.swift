import ArgumentParser
import AttuneLab
import AttuneScenario

/// `attune days`: a history of sessions, day after day, in which the
/// infant's trust carries from each session into the next.
struct DaysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "days",
        abstract: "Run a scenario as a history of daily sessions in which the infant's trust carries over, and report each day.",
        discussion: """
            Each session is one full run of the scenario. The infant's trust at the end of a session \
            is its trust at the start of the next; nothing else carries over (wariness and the \
            regulation reserve recover between sessions). Each dyad is its own history line with its \
            own trust. Run r (from 0), session s (from 0 through the history) uses seed \
            S + r × 1000003 + s. --switch DAY:PATH=VALUE changes a field from that day on (DAY from \
            1), e.g. --switch 31:dyads.0.caregiver.policy=attuned. Output has one row per day and \
            dyad: trust at the end of the day, look-aways per session, fussing or crying %, in step %, \
            median repair time, each as a mean with its 95% interval over runs. Without --format, a \
            terminal gets a table and a chart; a pipe or file gets CSV.
            """)

    @OptionGroup var scenario: ScenarioOptions

    @Option(parsing: .unconditional, help: "Days in the history, \(Limits.days.helpRange).")
    var days: Int

    @Option(parsing: .unconditional, help: "Sessions each day, \(Limits.sessionsPerDay.helpRange); each is one full run of the scenario.")
    var sessionsPerDay: Int = 1

    @Option(
        parsing: .unconditional,
        help: "Independent histories, \(Limits.histories.helpRange); each day's figures are their mean and 95% interval.")
    var runs: Int = 20

    @Option(
        parsing: .unconditional,
        help: "The seed of the first history's first session, 0 to \(largestSeedText). Default: the scenario's seed.", transform: parseSeed)
    var seed: UInt64?

    @Option(
        name: .customLong("switch"),
        help: ArgumentHelp(
            "Change a field from day DAY on (DAY from 1), e.g. 31:dyads.0.caregiver.policy=attuned. Repeatable.",
            valueName: "DAY:PATH=VALUE"))
    var switches: [String] = []

    @OptionGroup var output: OutputOptions

    @Option(
        help: ArgumentHelp(
            "The figure to chart: trust_end (default at a terminal), lookaways_per_session, distress_pct, coordinated_pct or median_repair_s.",
            valueName: "METRIC"))
    var plot: String?

    @Option(help: ArgumentHelp("Also save the chart as an SVG picture here (written whole or not at all).", valueName: "FILE"))
    var svg: String?

    @OptionGroup var threads: ThreadOptions

    func validate() throws {
        try Limits.days.check(days)
        try Limits.sessionsPerDay.check(sessionsPerDay)
        try Limits.histories.check(runs)
    }

    func run() throws {
        try reportingFailures {
            var parsed = [DaySwitch]()
            var problems = [String]()
            for text in switches {
                do throws(ExperimentErrors) { parsed.append(try DaySwitch.parse(text, days: days)) } catch { problems += error.messages }
            }
            var metric = DayFigures.plotDefault
            do throws(ExperimentErrors) { if let plot { metric = try DayFigures.index(named: plot) } } catch { problems += error.messages }
            guard problems.isEmpty else { throw ExperimentErrors(problems) }
            try PopulationChoice.check(scenario.population, changes: parsed.map { (label: $0.label, path: $0.path) })

            let base = try scenario.load()
            try checkOutputs([("--output", output.output), ("--svg", svg)], scenario: base)
            let reloader = ScenarioReloader(base: base, nameOrPath: scenario.scenario, population: scenario.population)
            let schedule = try DaySchedule.build(
                days: days, sessionsPerDay: sessionsPerDay, switches: parsed, base: base, baseOverrides: scenario.overrides,
                load: reloader.load)
            let runner = try DaysRunner(schedule: schedule, runs: runs, firstSeed: seed ?? base.seed, threads: threads.count)

            let progress = ProgressBar(total: runs, noun: runs == 1 ? "history" : "histories")
            defer { progress.finish() }
            let result = runner.run(progress: progress.update)
            progress.finish()
            let report = DaysReport(title: base.title, result: result)

            let terminal = standardOutputIsTerminal
            let format = output.resolvedFormat(fallback: terminal ? nil : .csv)
            let rowsOnStandardOutput = format != nil && output.output == nil
            if let format {
                let destination = try output.openDestination()
                do {
                    try destination.writeTable(format: format.rowFormat, columns: DaysColumns.names) { emit in
                        for row in DaysColumns.rows(of: result) { try emit(row) }
                    }
                    try destination.finish()
                } catch {
                    destination.abandon()
                    throw error
                }
            }
            let showTable = format == nil || (terminal && output.output != nil)
            if showTable {
                print(report.table(), terminator: "")
                if let path = output.output { print("Rows written to \(path).") }
            }
            let chart = report.chart(metric: metric)
            if showTable || plot != nil {
                printBeside(rowsOnStandardOutput: rowsOnStandardOutput, "\n" + TextChart.render(chart))
            }
            if let svg {
                try writeSVG(chart, to: svg)
                printBeside(rowsOnStandardOutput: rowsOnStandardOutput, "Chart saved to \(svg).")
            }
        }
    }
}

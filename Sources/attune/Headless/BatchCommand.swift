import ArgumentParser
import AttuneLab
import AttuneScenario

/// `attune batch`: many headless runs of a scenario, as figures per run,
/// dyad and phase, or as a summary table.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Run a scenario many times without the screen and report the figures of every run.",
        discussion: """
            Run i uses seed S + i - 1. Output has one row per run, dyad and phase. Without \
            --format, a terminal gets a summary table (mean and 95% interval of each figure) and \
            a pipe or file gets CSV. The rows are the same, byte for byte, whatever --threads is.
            """)

    @OptionGroup var scenario: ScenarioOptions

    @Option(parsing: .unconditional, help: ArgumentHelp("How many runs, \(Limits.runs.helpRange).", valueName: "N"))
    var runs: Int

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("The first run's seed, 0 to \(largestSeedText). Default: the scenario's seed.", valueName: "S"),
        transform: parseSeed)
    var seed: UInt64?

    @OptionGroup var output: OutputOptions

    @OptionGroup var threads: ThreadOptions

    func validate() throws {
        try Limits.runs.check(runs)
    }

    func run() throws {
        try reportingFailures {
            let scenario = try scenario.load()
            try checkOutputs([("--output", output.output)], scenario: scenario)
            let runner = try BatchRunner(
                scenario: scenario, runs: runs, firstSeed: seed, threads: threads.count)
            let terminal = standardOutputIsTerminal
            guard let format = output.resolvedFormat(fallback: terminal ? nil : .csv) else {
                // A person at a terminal: the summary table.
                var summary = BatchSummary(plan: scenario.plan)
                runner.run { summary.add($0) }
                print(summary.render(title: scenario.title), terminator: "")
                return
            }
            let destination = try output.openDestination()
            var summary = BatchSummary(plan: scenario.plan)
            let showSummary = terminal && output.output != nil
            do {
                try destination.writeTable(format: format.rowFormat, columns: MetricColumns.names) { emit in
                    try runner.run { run in
                        if showSummary { summary.add(run) }
                        for row in MetricColumns.rows(of: run, plan: scenario.plan) { try emit(row) }
                    }
                }
                try destination.finish()
            } catch {
                destination.abandon()
                throw error
            }
            if showSummary, let path = output.output {
                print(summary.render(title: scenario.title), terminator: "")
                print("Rows written to \(path).")
            }
        }
    }
}

import ArgumentParser
import AttuneLab
import AttuneModel
import AttuneScenario

/// `attune batch`: many headless runs of a scenario, as figures per run,
/// dyad and phase, or as a summary table.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Run a scenario many times without the screen and report the figures of every run.",
        discussion: """
            Run i uses seed S + i - 1. Output has one row per run, dyad and phase. Without \
            --format, a terminal gets a summary table (mean and 95% interval of each figure, then, \
            where the scenario has several phases or caregivers, paired effect sizes) and a pipe or \
            file gets CSV. The rows are the same, byte for byte, whatever --threads is.
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

    @Option(
        help: ArgumentHelp(
            "Also write the summary's paired effect sizes (phase against phase, caregiver against caregiver) to FILE: CSV, or JSON when its name ends in .json.",
            valueName: "FILE"))
    var effects: String?

    @OptionGroup var threads: ThreadOptions

    func validate() throws {
        try Limits.runs.check(runs)
    }

    func run() throws {
        try reportingFailures {
            let scenario = try scenario.load()
            try checkOutputs([("--output", output.output), ("--effects", effects)], scenario: scenario)
            if effects != nil { try Self.checkComparisons(scenario.plan) }
            let runner = try BatchRunner(
                scenario: scenario, runs: runs, firstSeed: seed, threads: threads.count)
            let terminal = standardOutputIsTerminal
            var summary = BatchSummary(plan: scenario.plan)
            guard let format = output.resolvedFormat(fallback: terminal ? nil : .csv) else {
                // A person at a terminal: the summary table.
                runner.run { summary.add($0) }
                try writeEffects(summary)
                print(summary.render(title: scenario.title), terminator: "")
                if let effects { print("Effect sizes written to \(effects).") }
                return
            }
            let destination = try output.openDestination()
            let showSummary = terminal && output.output != nil
            let keepSummary = showSummary || effects != nil
            do {
                try destination.writeTable(format: format.rowFormat, columns: MetricColumns.names) { emit in
                    try runner.run { run in
                        if keepSummary { summary.add(run) }
                        for row in MetricColumns.rows(of: run, plan: scenario.plan) { try emit(row) }
                    }
                }
                try destination.finish()
            } catch {
                destination.abandon()
                throw error
            }
            try writeEffects(summary)
            if showSummary, let path = output.output {
                print(summary.render(title: scenario.title), terminator: "")
                print("Rows written to \(path).")
                if let effects { print("Effect sizes written to \(effects).") }
            }
        }
    }

    /// Writes the effect sizes to the `--effects` file, if one was given.
    private func writeEffects(_ summary: BatchSummary) throws {
        guard let effects else { return }
        let destination = try TextOutput.file(effects)
        do {
            try destination.writeTable(format: OutputFormat.guessed(from: effects).rowFormat, columns: EffectColumns.names) { emit in
                for row in EffectColumns.rows(of: summary) { try emit(row) }
            }
            try destination.finish()
        } catch {
            destination.abandon()
            throw error
        }
    }

    /// Refuses `--effects` for a plan that compares nothing, before any run.
    static func checkComparisons(_ plan: RunPlan) throws {
        let places = plan.dyads.count * plan.phases.count
        if places > PairedEffects.maximumPlaces {
            throw CommandFailure(
                description:
                    "--effects: effect sizes are given for at most \(PairedEffects.maximumPlaces) caregivers × phases, and this scenario has \(places)"
            )
        }
        if EffectComparison.all(in: plan).isEmpty {
            throw CommandFailure(
                description:
                    "--effects: this scenario has one caregiver and one phase, so there is nothing to compare; effect sizes compare phases (like the still face against play) or caregivers"
            )
        }
    }
}

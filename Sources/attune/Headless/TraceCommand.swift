import ArgumentParser
import AttuneLab
import AttuneScenario

/// `attune trace`: one run, step by step.
struct TraceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trace",
        abstract: "Run a scenario once without the screen and write every step: gaze, affect, arousal, the caregiver's action, events.")

    @OptionGroup var scenario: ScenarioOptions

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("The run's seed, 0 to \(largestSeedText). Default: the scenario's seed.", valueName: "S"), transform: parseSeed)
    var seed: UInt64?

    @Option(help: ArgumentHelp("Trace only the dyad with this label (e.g. Waits). Default: every dyad.", valueName: "LABEL"))
    var dyad: String?

    @OptionGroup var output: OutputOptions

    func run() throws {
        try reportingFailures {
            let scenario = try scenario.load()
            try checkOutputs([("--output", output.output)], scenario: scenario)
            let trace = try TraceRunner(scenario: scenario, seed: seed, dyad: dyad)
            let format = output.resolvedFormat(fallback: .csv) ?? .csv
            let destination = try output.openDestination()
            do {
                try destination.writeTable(format: format.rowFormat, columns: TraceColumns.names) { emit in
                    try trace.run(emit)
                }
                try destination.finish()
            } catch {
                destination.abandon()
                throw error
            }
        }
    }
}

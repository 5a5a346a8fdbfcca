import ArgumentParser
import AttuneLab
import AttuneModel
import AttuneScenario
import AttuneUI
import Foundation

/// A failure worth one plain message on standard error.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
}

/// Writes `text` and a line end to standard error, with any control
/// character made visible; a failed write is ignored (the exit status still
/// tells what happened).
func printError(_ text: String) {
    StandardStreams.writeError(raw: StandardStreams.visible(text.hasSuffix("\n") ? text : text + "\n"))
}

/// Runs `body`; an error people can fix (scenario errors, a missing file,
/// a `human` caregiver, an unwritable output — every error Attune throws
/// describes itself) is printed to standard error and ends the command with
/// exit code 1 instead of a crash. An exit code passes through.
func reportingFailures(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let exit as ExitCode {
        throw exit
    } catch {
        printError(String(describing: error))
        throw ExitCode.failure
    }
}

/// True when standard output is a terminal (not a pipe or a file).
var standardOutputIsTerminal: Bool { isatty(1) != 0 }

/// Loads a scenario by ready name or file path. When there is no such
/// scenario, the loader's message (with its "did you mean") is followed by
/// a pointer to `attune list`.
func loadScenario(_ nameOrPath: String, overrides: [String]) throws -> Scenario {
    do {
        return try ScenarioLoader.resolve(nameOrPath, overrides: overrides)
    } catch {
        throw ScenarioErrorsWithHint(errors: error, hint: scenarioMissing(nameOrPath) ? listHint : nil)
    }
}

/// The scenario `nameOrPath` as a run, a room or a report plays it: the
/// overrides applied, then `population` (checked against the overrides
/// first); refused, naming the scenario, when its timeline would be longer
/// than a screen keeps.
func loadPlayable(_ nameOrPath: String, overrides: [String], population: PopulationChoice?) throws -> Scenario {
    try PopulationChoice.check(population, overrides: overrides)
    var loaded = try loadScenario(nameOrPath, overrides: overrides)
    population?.apply(to: &loaded)
    if let tooLong = Timeline.tooLong(loaded) {
        throw CommandFailure(description: "\(nameOrPath): \(tooLong)")
    }
    return loaded
}

/// The pointer to the ready scenarios, for a name or file that was not found.
let listHint = "`attune list` shows the ready scenarios."

/// True when `nameOrPath` is neither a file nor a ready scenario's name
/// (with or without `.yaml`).
func scenarioMissing(_ nameOrPath: String) -> Bool {
    var stem = nameOrPath
    for suffix in [".yaml", ".yml"] where stem.hasSuffix(suffix) { stem.removeLast(suffix.count) }
    let ready = ReadyScenarios.names
    return !FileManager.default.fileExists(atPath: nameOrPath) && !ready.contains(nameOrPath)
        && !(nameOrPath.contains("/") == false && ready.contains(stem))
}

/// Scenario errors, then possibly one line of advice.
struct ScenarioErrorsWithHint: Error, CustomStringConvertible {
    let errors: ScenarioErrors
    let hint: String?

    var description: String {
        errors.description + (hint.map { "\n" + $0 } ?? "")
    }
}

/// The machine-readable formats, as named on the command line.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case csv
    case json

    var rowFormat: RowFormat {
        switch self {
        case .csv: .csv
        case .json: .json
        }
    }

    /// The format a file name suggests: JSON for `.json`, CSV otherwise.
    static func guessed(from path: String) -> OutputFormat {
        path.lowercased().hasSuffix(".json") ? .json : .csv
    }
}

/// The scenario argument and its `--set` overrides, shared by commands that
/// run or show one scenario.
struct ScenarioOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("A ready scenario's name (see `attune list`) or the path of a scenario file.", valueName: "SCENARIO"))
    var scenario: String

    @Option(
        name: .customLong("set"),
        help: ArgumentHelp(
            "Change one setting for this run, e.g. --set infant.age_months=6 or --set dyads.0.caregiver.policy=attuned. Repeatable.",
            valueName: "PATH=VALUE"))
    var overrides: [String] = []

    @Option(help: PopulationChoice.help)
    var population: PopulationChoice?

    /// The scenario with the overrides and the population applied.
    func load() throws -> Scenario {
        try PopulationChoice.check(population, overrides: overrides)
        var loaded = try loadScenario(scenario, overrides: overrides)
        population?.apply(to: &loaded)
        return loaded
    }
}

/// Which babies the runs meet (`--population`); without it, the runs meet
/// the babies the scenario file describes (a field written as a mean and
/// an `sd` is drawn anew for each run).
enum PopulationChoice: String, ExpressibleByArgument, CaseIterable, Sendable {
    /// The default population (``InfantPopulation/default``) around the
    /// scenario's values (the means of its spreads): its spreads replace
    /// the scenario's own.
    case `default`
    /// The scenario's values (the means of its spreads), every run.
    case none

    /// The option's help, shared by every command that takes it.
    static let help = ArgumentHelp(
        "default: every run draws its own baby from the default population around the scenario's values (docs/model.md); none: every run meets the same baby, the scenario's values (the means of any spreads it gives). Default: as the scenario says.",
        valueName: "default|none")

    /// Sets `scenario`'s population.
    func apply(to scenario: inout Scenario) {
        scenario.plan.population = self == .default ? .default : InfantPopulation()
    }

    /// Refuses a `--set` of an infant field's `sd` together with
    /// `--population`, which would replace it unseen.
    static func check(_ choice: PopulationChoice?, overrides: [String]) throws {
        try check(choice, changes: overrides.map { (label: "--set \($0)", path: Self.path(of: $0)) })
    }

    /// Refuses any change (`--set`, `--vary`, `--switch`; each with its
    /// label as typed and the path it changes) of an infant field's `sd`
    /// together with `--population`, which would replace it unseen.
    static func check(_ choice: PopulationChoice?, changes: [(label: String, path: String)]) throws {
        guard let choice else { return }
        for change in changes {
            let parts = change.path.split(separator: ".")
            if parts.count == 3, parts[0] == "infant", parts[2] == "sd" {
                throw CommandFailure(
                    description:
                        "\(change.label): --population \(choice.rawValue) sets how every trait of the baby spreads, so this sd would go unused; drop one of the two"
                )
            }
        }
    }

    /// The path of `PATH=VALUE`, trimmed.
    private static func path(of override: String) -> String {
        (override.split(separator: "=", maxSplits: 1).first.map(String.init) ?? "").trimmingCharacters(in: .whitespaces)
    }
}

/// Where rows go and in which format, shared by `batch` and `trace`.
struct OutputOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Output format. Default: JSON when --output ends in .json, CSV otherwise (a batch shown on a terminal without --output gets a summary table instead).",
            valueName: "csv|json"))
    var format: OutputFormat?

    @Option(
        help: ArgumentHelp(
            "Write to this file instead of standard output; it appears whole or not at all.",
            valueName: "FILE"))
    var output: String?

    /// The format asked for, or the one `--output`'s name suggests, or
    /// `fallback`.
    func resolvedFormat(fallback: OutputFormat?) -> OutputFormat? {
        format ?? output.map(OutputFormat.guessed) ?? fallback
    }

    /// The destination: the `--output` file (written atomically) or
    /// standard output.
    func openDestination() throws -> TextOutput {
        if let output { return try TextOutput.file(output) }
        return TextOutput.standardOutput()
    }
}

/// The largest seed, as the help texts and messages write it.
let largestSeedText = String(UInt64.max)

/// Reads a `--seed` value: a whole number from 0 to 18446744073709551615.
func parseSeed(_ text: String) throws -> UInt64 {
    guard let seed = UInt64(text.trimmingCharacters(in: .whitespaces)) else {
        throw ValidationError("write a whole number from 0 to \(largestSeedText).")
    }
    return seed
}

/// Refuses outputs that would overwrite a file the command reads (the
/// scenario file, a recording) or each other, before anything is written.
/// - Parameters:
///   - outputs: each output's option and path, nil when not given.
///   - scenario: the scenario read, if any (its file is protected).
///   - inputs: other files read, each with what it is.
func checkOutputs(
    _ outputs: [(option: String, path: String?)], scenario: Scenario? = nil, inputs: [(what: String, path: String)] = []
) throws {
    var read = inputs
    if let path = scenario?.sourcePath { read.append((what: "the scenario file", path: path)) }
    try SameFile.check(outputs: outputs.compactMap { o in o.path.map { (option: o.option, path: $0) } }, inputs: read)
}

import ArgumentParser
import AttuneScenario

/// `attune validate FILE...`: checks scenario files and lists every problem.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check scenario files; list every problem as file:line:column: message.",
        discussion: "Exits with 0 when every file is fine, 1 otherwise.")

    @Argument(help: ArgumentHelp("Scenario files to check (a ready scenario's name works too).", valueName: "FILE"))
    var files: [String]

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("Name at least one scenario file to check.") }
    }

    func run() throws {
        var allFine = true
        for file in files {
            do {
                _ = try ScenarioLoader.resolve(file, overrides: [])
                print("\(file): fine")
            } catch {
                printError(error.description)
                if scenarioMissing(file) { printError(listHint) }
                allFine = false
            }
        }
        if !allFine { throw ExitCode.failure }
    }
}

import ArgumentParser
import AttuneScenario

/// `attune list`: the ready scenarios, name and title.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the ready scenarios, by name and title.")

    func run() throws {
        try reportingFailures {
            let scenarios = ReadyScenarios.all()
            guard !scenarios.isEmpty else {
                throw CommandFailure(description: "No ready scenarios were found in \(ReadyScenarios.directory).")
            }
            let width = scenarios.map(\.name.count).max() ?? 0
            for s in scenarios {
                print(s.name + String(repeating: " ", count: width - s.name.count) + "   " + s.title)
            }
        }
    }
}

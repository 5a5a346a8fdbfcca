import ArgumentParser
import AttuneScenario

/// `attune describe SCENARIO`: what a scenario shows, its settings, what to
/// notice and what to try.
struct DescribeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "describe",
        abstract: "Explain a scenario: what it shows, its caregivers and phases, what to notice and what to try.")

    @OptionGroup var scenario: ScenarioOptions

    func run() throws {
        try reportingFailures {
            let text = describe(try scenario.load())
            print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
        }
    }
}

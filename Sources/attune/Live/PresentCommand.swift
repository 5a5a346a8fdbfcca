import AttuneUI
import ArgumentParser

/// `attune present SCENARIO`: the live screen laid out for a projector.
struct Present: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "present",
        abstract: "Show a scenario on a projector: big faces and gauge, bold captions and questions, high contrast.",
        discussion: """
            The same run as `attune run`, laid out to be read from the back of a room in a window of \
            about 100 columns by 30 rows (at least 80 by 24): the faces and the arousal gauge drawn large, \
            the newest caption or the scene's question in bold on its own band, and no key bar. \
            The keys are those of `attune run`; ? shows them. docs/workshop-guide.md plans a workshop around it.
            """)

    @Argument(help: "A ready scenario's name (see `attune list`) or the path of a scenario file.")
    var scenario: String

    @Option(help: "The run's seed, 0 to 18446744073709551615. Default: the scenario's seed.")
    var seed: UInt64?

    @Option(help: "Simulated seconds per real second, 0.25 to 32 (+ and - change it while running).")
    var speed: Double = 1

    @Flag(help: "Open the run paused; Space plays.")
    var paused = false

    @Flag(help: "Draw with plain ASCII characters only (also chosen when the locale is not UTF-8).")
    var ascii = false

    @Flag(name: .customLong("no-color"), help: "Show no colour (setting NO_COLOR does the same).")
    var noColor = false

    @Option(
        name: .customLong("set"),
        help: ArgumentHelp("Change one setting for this run, e.g. --set infant.age_months=6. Repeatable.", valueName: "PATH=VALUE"))
    var overrides: [String] = []

    func validate() throws {
        guard Speed.isAllowed(speed) else {
            throw ValidationError("--speed must be between 0.25 and 32, like 0.5, 1 or 4; it was \(speed).")
        }
    }

    func run() throws {
        try Run.start(
            scenario: scenario, overrides: overrides, seed: seed, speed: speed, paused: paused, ascii: ascii,
            noColor: noColor, present: true)
    }
}

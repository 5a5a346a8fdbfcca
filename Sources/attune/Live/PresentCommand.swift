import ArgumentParser
import AttuneUI

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

    @OptionGroup var options: LiveOptions

    func validate() throws {
        try options.check()
    }

    func run() throws {
        try Run.start(scenario: scenario, options: options, present: true)
    }
}

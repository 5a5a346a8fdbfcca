import ArgumentParser
import AttuneUI

/// `attune present SCENARIO`: the live screen laid out for a projector.
struct Present: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "present",
        abstract: "Show a scenario on a projector: big faces and gauge, bold captions and questions, high contrast.",
        discussion: """
            The same run as `attune run`, laid out to be read from the back of a room in any window from \
            80 columns by 24 rows up (100 by 30 or larger is best): the faces, the arousal gauge and the heart \
            rate grow with the window, the newest caption or the scene's question is in bold on its own band, \
            and there is no key bar. The keys are those of `attune run`; ? shows them, and i then explains \
            what the screen shows. --bell rings the terminal's bell at each question and when a still face \
            begins. docs/workshop-guide.md plans a workshop around it.
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

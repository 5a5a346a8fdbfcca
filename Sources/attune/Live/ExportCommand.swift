import AttuneLab
import AttuneUI
import ArgumentParser
import Foundation

/// `attune export FILE --cast OUT.cast`: a recording as an asciicast.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Turn a recorded session into an asciicast v2 file for a web player.",
        discussion: """
            The recording is replayed without a screen, through the same drawing as the live screen, \
            and every change is written as terminal text with its time. The cast has the size of the \
            window the session was recorded in. Play it with asciinema (`asciinema play OUT.cast`) or \
            its web player.
            """)

    @Argument(help: "The recording (a file written by `attune run --record`).")
    var file: String

    @Option(help: ArgumentHelp("Where to write the asciicast (written whole or not at all).", valueName: "OUT.cast"))
    var cast: String

    func run() throws {
        try reportingFailures {
            let (recording, scenario) = try RecordingFiles.load(file)
            let text: String
            do {
                text = try Asciicast.make(recording, scenario: scenario)
            } catch let error as RecordingError {
                throw CommandFailure(description: "\(file): \(error.description)")
            }
            try AtomicFile.write(Data(text.utf8), to: cast)
        }
    }
}

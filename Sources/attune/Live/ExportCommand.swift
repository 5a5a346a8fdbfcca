import ArgumentParser
import AttuneLab
import AttuneUI
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
            try checkOutputs([("--cast", cast)], inputs: [(what: "the recording", path: file)])
            let (recording, scenario) = try RecordingFiles.load(file)
            // The cast is written as the recording replays (it can be much
            // larger than the recording), and appears whole or not at all.
            do {
                try AtomicFile.write(to: cast) { writer in
                    try Asciicast.write(recording, scenario: scenario) { line in try writer.write(line) }
                }
            } catch let error as RecordingError {
                throw CommandFailure(description: "\(file): \(error.description)")
            }
        }
    }
}

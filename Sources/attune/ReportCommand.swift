import AttuneLab
import AttuneScenario
import AttuneUI
import ArgumentParser
import Foundation

/// `attune report SCENARIO|RECORDING --svg OUT.svg [--html OUT.html]`:
/// one run as a picture for a slide.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Draw one run as a picture for a slide (SVG), or a web page with the picture and the figures (HTML).",
        discussion: """
            For each caregiver: the baby's arousal over time with the window of tolerance shaded, ruptures \
            and repairs marked, tracks of where the baby looks, what it shows and what the caregiver does, \
            then the figures. A scenario is run to its end with its seed (questions it asks on the live \
            screen are not asked: the caregivers do as the scenario sets them). A recording \
            (`attune run --record`) is drawn as it was played, answers and all.
            """)

    @Argument(help: "A ready scenario's name, the path of a scenario file, or a recording.")
    var source: String

    @Option(help: "The run's seed, 0 to 18446744073709551615 (scenarios only). Default: the scenario's seed.")
    var seed: UInt64?

    @Option(
        name: .customLong("set"),
        help: ArgumentHelp("Change one setting of the scenario, e.g. --set infant.age_months=6. Repeatable.", valueName: "PATH=VALUE"))
    var overrides: [String] = []

    @Option(help: ArgumentHelp("Write the picture here, as SVG.", valueName: "OUT.svg"))
    var svg: String?

    @Option(help: ArgumentHelp("Write a web page here: the picture and the figures as a table.", valueName: "OUT.html"))
    var html: String?

    func validate() throws {
        if svg == nil && html == nil {
            throw ValidationError("say where to write the picture: --svg OUT.svg, --html OUT.html, or both")
        }
    }

    func run() throws {
        try reportingFailures {
            let picture: RunPicture
            if Self.isRecording(source) {
                if seed != nil || !overrides.isEmpty {
                    throw CommandFailure(description: "--seed and --set change a scenario; a recording keeps the seed and settings it was made with.")
                }
                let (recording, scenario) = try RecordingFiles.load(source)
                var replay = Replay(recording: recording, scenario: scenario)
                replay.chooserScenarios = ReadyScenarios.all()
                do {
                    try replay.advanceToEnd()
                } catch let error as RecordingError {
                    throw CommandFailure(description: "\(source): \(error.description)")
                }
                guard let session = replay.state.session else {
                    throw CommandFailure(description: "\(source): the recording has no run to draw")
                }
                let branches = session.branches.isEmpty ? [] : session.branches + [DecisionBranch(timeline: session.timeline)]
                picture = RunPicture(timeline: session.timeline, branches: branches)
            } else {
                let scenario = try loadScenario(source, overrides: overrides)
                if scenario.usesHumanCaregiver {
                    throw CommandFailure(
                        description: "\(source): a caregiver here follows the human policy, which needs the live screen; record a session with `attune run --record` and draw the recording")
                }
                var timeline = Timeline(scenario: scenario, seed: seed ?? scenario.seed)
                while !timeline.isFinished { timeline.step() }
                picture = RunPicture(timeline: timeline)
            }
            if let svg { try AtomicFile.write(Data(picture.svg().utf8), to: svg) }
            if let html { try AtomicFile.write(Data(picture.html().utf8), to: html) }
        }
    }

    /// True when the file at `path` starts like a recording.
    static func isRecording(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let start = handle.readData(ofLength: 20)
        return String(decoding: start, as: UTF8.self).hasPrefix("{\"attune_recording\"")
    }
}

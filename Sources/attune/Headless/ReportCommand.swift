import ArgumentParser
import AttuneLab
import AttuneScenario
import AttuneUI
import Foundation

/// `attune report SCENARIO|RECORDING --svg OUT.svg [--html OUT.html]`:
/// one run, or every path a recorded session tried, as one 16:9 slide.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Draw a run as one 16:9 slide (SVG), or a web page with the slide and the figures (HTML).",
        discussion: """
            For each caregiver: the baby's arousal over time with the window of tolerance hatched, ruptures \
            and repairs marked, tracks of where the baby looks, what it shows and what the caregiver does, \
            and beside them the figures. A scenario is run to its end with its seed; its questions are \
            answered with --answer (one per question, in order), and a question without one is not asked \
            (the caregiver does as the scenario sets her). A recording (`attune run --record`) is drawn as \
            it was played, answers and all; when "what if" (W) tried several paths, each path is a row on \
            one time axis, beside the table of the paths tried.
            """)

    @Argument(help: "A ready scenario's name, the path of a scenario file, or a recording.")
    var source: String

    @Option(
        parsing: .unconditional, help: "The run's seed, 0 to \(largestSeedText) (scenarios only). Default: the scenario's seed.",
        transform: parseSeed)
    var seed: UInt64?

    @Option(
        name: .customLong("set"),
        help: ArgumentHelp("Change one setting of the scenario, e.g. --set infant.age_months=6. Repeatable.", valueName: "PATH=VALUE"))
    var overrides: [String] = []

    @Option(help: PopulationChoice.help)
    var population: PopulationChoice?

    @Option(
        name: .customLong("answer"),
        help: ArgumentHelp(
            "Answer the scenario's next question with this key, e.g. --answer w. Repeatable: one per question, in order (scenarios only).",
            valueName: "KEY"))
    var answers: [String] = []

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
            try checkOutputs([("--svg", svg), ("--html", html)], inputs: [(what: "the file", path: source)])
            let picture: RunPicture
            if Self.isRecording(source) {
                if seed != nil || !overrides.isEmpty || population != nil {
                    throw CommandFailure(
                        description:
                            "--seed, --set and --population change a scenario; a recording keeps the seed and settings it was made with, and its baby."
                    )
                }
                if !answers.isEmpty {
                    throw CommandFailure(
                        description: "--answer answers a scenario's questions; a recording keeps the answers given while it was made.")
                }
                let (recording, scenario) = try RecordingFiles.load(source)
                if let babies = recording.header.roomBabies {
                    throw CommandFailure(
                        description:
                            "\(source): this is a room of \(babies) babies, and a report draws one run; play the room back with `attune replay \(source)`, or draw one of its babies with `attune report \(recording.header.scenarioName) --seed S --population default` (baby i has seed \(recording.header.seed) + i - 1)"
                    )
                }
                var replay = Replay(recording: recording, scenario: scenario)
                replay.chooserScenarios = ReadyScenarios.all()
                let paths: [Timeline]
                do {
                    paths = try replay.advanceToEndKeepingPaths()
                } catch let error as RecordingError {
                    throw CommandFailure(description: "\(source): \(error.description)")
                }
                guard !paths.isEmpty else {
                    throw CommandFailure(description: "\(source): the recording has no run to draw")
                }
                picture = RunPicture(paths: paths)
            } else {
                let scenario = try loadPlayable(source, overrides: overrides, population: population)
                try checkOutputs([("--svg", svg), ("--html", html)], scenario: scenario)
                if scenario.usesHumanCaregiver {
                    throw CommandFailure(
                        description:
                            "\(source): a caregiver here follows the human policy, which needs the live screen; record a session with `attune run --record` and draw the recording"
                    )
                }
                let answered: AnsweredRun
                do {
                    answered = try AnsweredRun(scenario: scenario, keys: answers)
                } catch let problem as AnsweredRun.Problem {
                    throw CommandFailure(description: "\(source): \(problem.description)")
                }
                let (timeline, unasked) = answered.play(seed: seed ?? scenario.seed)
                for question in unasked {
                    printError(
                        "note: question \(question) was not asked in this run (what it waits for did not happen), so its --answer was not used."
                    )
                }
                picture = RunPicture(paths: [timeline], answers: answered.labels)
            }
            if let svg { try AtomicFile.write(Data(picture.svg().utf8), to: svg) }
            if let html { try AtomicFile.write(Data(picture.html().utf8), to: html) }
        }
    }

    /// True when the file at `path` is a regular file that starts like a
    /// recording (a named pipe or a device is never read here).
    static func isRecording(_ path: String) -> Bool {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return false }
        var start = [UInt8](repeating: 0, count: 20)
        let count = read(fd, &start, start.count)
        guard count > 0 else { return false }
        return String(decoding: start[0..<count], as: UTF8.self).hasPrefix("{\"attune_recording\"")
    }
}

import AttuneLab
import AttuneScenario
import AttuneUI
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A live session's `--record` journal: the events the app received,
/// written to the file as they come (see ``JournalFile``), so that a
/// session that ends unexpectedly — the window closed, a second Ctrl-C, a
/// crash, `kill -9` — still leaves a recording that plays up to its last
/// second.
///
/// Nothing at the path changes until the screen is up and the first
/// events are written; the end line is written when the session closes.
/// A write that fails (a full disk) stops the recording, not the session:
/// ``failure`` says why, and the file keeps what was written before.
final class RecordingSink {
    /// Collects the events between two writes.
    var recorder: Recorder
    /// The file's path, as given.
    let path: String
    /// Why the recording stopped early, or nil.
    private(set) var failure: Error?
    private let journal: JournalFile
    private var written = 0
    private var lastAt = 0.0

    /// Opens the journal at `path` (nothing there changes yet).
    /// - Throws: ``AtomicFileError`` when the path cannot be written.
    init(header: Recording.Header, path: String) throws {
        recorder = Recorder(header: header)
        self.path = path
        journal = try JournalFile(path: path)
    }

    /// Writes the events collected since the last call (the header first,
    /// the first time).
    func flush() {
        guard failure == nil else {
            _ = recorder.takeEvents()
            return
        }
        do {
            if !journal.hasBegun { try journal.begin(RecordingFormat.headerLine(recorder.recording.header)) }
            let events = recorder.takeEvents()
            guard !events.isEmpty else { return }
            var text = ""
            for event in events { text += RecordingFormat.eventLine(event) }
            try journal.append(text)
            written += events.count
            lastAt = events.last?.at ?? lastAt
        } catch {
            failure = error
        }
    }

    /// Writes what is left and the end line, and closes the file.
    func finish() {
        flush()
        guard failure == nil else {
            journal.abandon()
            return
        }
        do {
            try journal.append(RecordingFormat.endLine(events: written))
            try journal.close()
        } catch {
            failure = error
            journal.abandon()
        }
    }

    /// Gives up before the session began: the path is left as it was.
    func abandon() {
        journal.abandon()
    }

    /// The clock time of the last event written, for messages.
    var lastWrittenSeconds: Double { lastAt }
}

/// Reading and checking recordings for `replay`, `export` and `report`.
enum RecordingFiles {
    /// The header of a recording of `scenario` as loaded from its file.
    static func header(
        for scenario: Scenario, overrides: [String], population: PopulationChoice? = nil, seed: UInt64, speed: Double,
        paused: Bool, ascii: Bool, presenter: Bool
    ) throws -> Recording.Header {
        guard let text = scenario.sourceText else {
            throw CommandFailure(description: "--record needs the scenario's text, and this scenario was not read from a file.")
        }
        return Recording.Header(
            scenarioName: scenario.name,
            scenarioPath: scenario.sourcePath.map { URL(fileURLWithPath: $0).standardizedFileURL.path }, scenarioText: text,
            overrides: overrides, population: population?.rawValue, seed: seed, speed: speed, paused: paused, ascii: ascii,
            presenter: presenter, createdSeconds: (Date().timeIntervalSince1970 * 1000).rounded() / 1000)
    }

    /// Reads the recording at `path` and loads the scenario it carries.
    ///
    /// When the scenario file has changed since, a warning says so and the
    /// copy in the recording is used; when the recording stops without its
    /// end line, a note says where it stops.
    /// - Throws: ``CommandFailure`` naming the file and what is wrong.
    static func load(_ path: String) throws -> (recording: Recording, scenario: Scenario) {
        let data: Data
        do {
            data = try RegularFileReader.read(path: path, limit: RecordingFormat.maximumBytes)
        } catch {
            throw CommandFailure(description: "\(path): \(describe(error))")
        }
        let recording: Recording
        do {
            recording = try RecordingFormat.decode(data)
        } catch {
            throw CommandFailure(description: "\(path): \(error.description)")
        }
        let header = recording.header
        if let original = header.scenarioPath,
            let now = try? RegularFileReader.read(path: original, limit: RecordingFormat.maximumHeaderBytes),
            ContentHash.fnv1a64(String(decoding: now, as: UTF8.self)) != header.scenarioHash
        {
            printError(
                "attune: warning: \(original) has changed since this recording was made; replaying the scenario as it was then (the copy saved in the recording)."
            )
        }
        var scenario: Scenario
        do {
            scenario = try ScenarioLoader.load(yaml: header.scenarioText, name: header.scenarioName, overrides: header.overrides)
        } catch {
            throw CommandFailure(description: "\(path): the scenario saved in the recording does not load:\n\(error.description)")
        }
        if let word = header.population {
            guard let population = PopulationChoice(rawValue: word) else {
                throw CommandFailure(
                    description:
                        "\(path): the header's population is \"\(MessageText.echo(word))\", which this version of attune does not know (it knows \(PopulationChoice.allCases.map(\.rawValue).joined(separator: " and ")))"
                )
            }
            population.apply(to: &scenario)
        }
        if let tooLong = Timeline.tooLong(scenario) {
            throw CommandFailure(description: "\(path): \(tooLong)")
        }
        if case let .cutShort(lastLine, seconds) = recording.ending {
            printError(
                "attune: note: \(path) stops at \(TextFormatting.clock(seconds)) (line \(lastLine)) without its end line: the session ended unexpectedly, perhaps because its window was closed. It plays up to there."
            )
        }
        return (recording, scenario)
    }

    /// Replays the whole recording without a screen, so that an edited
    /// recording is refused before anything is shown.
    /// - Throws: ``CommandFailure`` naming the file, the line and the event.
    static func check(_ recording: Recording, scenario: Scenario, path: String) throws {
        var replay = Replay(recording: recording, scenario: scenario)
        replay.chooserScenarios = ReadyScenarios.all()
        do {
            try replay.advanceToEnd()
        } catch {
            throw CommandFailure(description: "\(path): \(error.description)")
        }
    }

    /// A file-reading failure in plain words.
    private static func describe(_ error: Error) -> String {
        guard let failure = error as? RegularFileReader.Failure else { return "\(error)" }
        switch failure {
        case .missing:
            return "there is no recording here; check the name and the folder"
        case .folder:
            return "this is a folder, not a recording; give the path of a file written by `attune run --record FILE`"
        case let .notRegular(kind):
            return "this is \(kind), not a recording file; give the path of a file written by `attune run --record FILE`"
        case let .tooLarge(bytes):
            let size = bytes.map { "is \(RecordingFormat.describeBytes($0))" } ?? "is larger than that"
            return
                "the file \(size); a recording can be at most \(RecordingFormat.describeBytes(RecordingFormat.maximumBytes)) (about 18 hours of a playing session). Is this the right file?"
        case let .unreadable(reason):
            return "the file \(reason)"
        }
    }
}

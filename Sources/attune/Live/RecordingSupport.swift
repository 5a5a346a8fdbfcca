import AttuneLab
import AttuneScenario
import AttuneUI
import Foundation

/// Reading and writing recordings for `run --record`, `replay` and `export`.
enum RecordingFiles {
    /// The header of a recording of `scenario` as loaded from `nameOrPath`.
    static func header(
        for scenario: Scenario, overrides: [String], seed: UInt64, speed: Double, paused: Bool, ascii: Bool, presenter: Bool
    ) throws -> Recording.Header {
        guard let path = scenario.sourcePath, let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw CommandFailure(description: "--record needs the scenario's file, and it could not be read again.")
        }
        return Recording.Header(
            scenarioName: scenario.name, scenarioPath: URL(fileURLWithPath: path).standardizedFileURL.path, scenarioText: text,
            overrides: overrides, seed: seed, speed: speed, paused: paused, ascii: ascii, presenter: presenter,
            createdSeconds: (Date().timeIntervalSince1970 * 1000).rounded() / 1000)
    }

    /// Writes `recording` to `path` atomically (the old file or the new
    /// one, never half of one).
    static func save(_ recording: Recording, to path: String) throws {
        try AtomicFile.write(Data(RecordingFormat.encode(recording).utf8), to: path)
    }

    /// Reads the recording at `path` and loads the scenario it carries.
    /// When the scenario file has changed since, a warning says so and the
    /// copy in the recording is used.
    static func load(_ path: String) throws -> (recording: Recording, scenario: Scenario) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandFailure(description: "\(path): there is no recording here; check the name and the folder")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CommandFailure(description: "\(path): this is not an Attune recording (it is not UTF-8 text)")
        }
        let recording: Recording
        do {
            recording = try RecordingFormat.decode(text)
        } catch {
            throw CommandFailure(description: "\(path): \(error.description)")
        }
        let header = recording.header
        if let original = header.scenarioPath, let now = try? String(contentsOfFile: original, encoding: .utf8),
            ContentHash.fnv1a64(now) != header.scenarioHash
        {
            printError(
                "attune: warning: \(original) has changed since this recording was made; replaying the scenario as it was then (the copy saved in the recording).")
        }
        do {
            let scenario = try ScenarioLoader.load(yaml: header.scenarioText, name: header.scenarioName, overrides: header.overrides)
            return (recording, scenario)
        } catch {
            throw CommandFailure(description: "\(path): the scenario saved in the recording does not load:\n\(error.description)")
        }
    }
}

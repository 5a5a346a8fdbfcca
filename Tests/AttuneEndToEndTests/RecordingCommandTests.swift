import Foundation
import Testing

@Suite("Recording, replaying and exporting sessions", .serialized)
struct RecordingCommandTests {
    @Test("run --record saves the session; replay shows it again; export writes a cast")
    func recordReplayExport() throws {
        let folder = try AttuneBinary.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = folder.appendingPathComponent("scene.yaml")
        let ready = AttuneBinary.packageRoot.appendingPathComponent("Scenarios/workshop-wait-or-lean-in.yaml")
        try FileManager.default.copyItem(at: ready, to: scenario)
        let recording = folder.appendingPathComponent("session.jsonl").path
        let pane = try livePane(width: 100, height: 30)
        try pane.run(TmuxPane.attune("run \(TmuxPane.quoted(scenario.path)) --speed 4 --record \(TmuxPane.quoted(recording))") + "; echo EXIT=$?")
        try pane.wait(for: "The baby has turned away. What now?", seconds: 20)
        try pane.type("i")
        try pane.wait(for: "the run going on") { $0.contains("Caregiver · intrusive") && (clockSeconds($0) ?? 0) >= 12 }
        try pane.type("q")
        try pane.wait(for: "What happened")
        try pane.type("q")
        let saved = try pane.wait(for: "EXIT=0")
        #expect(saved.contains("the session is saved in"))
        let text = try String(contentsOfFile: recording, encoding: .utf8)
        #expect(text.hasPrefix("{\"attune_recording\":1,"))
        #expect(text.contains("\"key\":\"char:i\""))

        // Export: a cast with a version 2 header at the recorded size.
        let cast = folder.appendingPathComponent("session.cast").path
        let export = try AttuneBinary.run(["export", recording, "--cast", cast])
        #expect(export.status == 0, "\(export.standardError)")
        let castText = try String(contentsOfFile: cast, encoding: .utf8)
        let header = try #require(JSONSerialization.jsonObject(with: Data(castText.prefix { $0 != "\n" }.utf8)) as? [String: Any])
        #expect(header["version"] as? Int == 2)
        #expect(header["width"] as? Int == 100)
        #expect(header["height"] as? Int == 30)

        // Replay: the same question, the same answer, the same debrief.
        try pane.run("clear; " + TmuxPane.attune("replay \(TmuxPane.quoted(recording)) --speed 4") + "; echo REPLAY=$?")
        try pane.wait(for: "The baby has turned away. What now?", seconds: 20)
        try pane.wait(for: "Caregiver · intrusive", seconds: 20)
        try pane.wait(for: "What happened", seconds: 30)
        try pane.type("q")
        try pane.wait(for: "REPLAY=0")

        // A changed scenario file is noticed; the copy in the recording is used.
        try (try String(contentsOf: scenario, encoding: .utf8) + "\n# changed\n").write(to: scenario, atomically: true, encoding: .utf8)
        let changed = try AttuneBinary.run(["export", recording, "--cast", cast])
        #expect(changed.status == 0)
        #expect(changed.standardError.contains("has changed since this recording was made; replaying the scenario as it was then"))
    }

    @Test("a bad recording gets a clear error and exit code 1")
    func badRecordings() throws {
        let folder = try AttuneBinary.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = try AttuneBinary.run(["export", folder.appendingPathComponent("nothing.jsonl").path, "--cast", "/dev/null"])
        #expect(missing.status == 1)
        #expect(missing.standardError.contains("there is no recording here"))
        let file = folder.appendingPathComponent("bad.jsonl")
        try "{\"attune_recording\":7}\n".write(to: file, atomically: true, encoding: .utf8)
        let version = try AttuneBinary.run(["export", file.path, "--cast", folder.appendingPathComponent("out.cast").path])
        #expect(version.status == 1)
        #expect(version.standardError.contains("line 1: this recording is in format version 7; this attune reads version 1"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out.cast").path))
        let replay = try AttuneBinary.run(["replay", file.path])
        #expect(replay.status == 1)
        #expect(replay.standardError.contains("format version 7"))
    }

    @Test("--record needs a scenario")
    func recordNeedsAScenario() throws {
        let result = try AttuneBinary.run(["run", "--record", "x.jsonl"])
        #expect(result.status != 0)
        #expect(result.standardError.contains("--record saves a run of one scenario"))
    }
}

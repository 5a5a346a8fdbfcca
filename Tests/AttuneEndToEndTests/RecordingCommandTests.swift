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
        try pane.run(
            TmuxPane.attune("run \(TmuxPane.quoted(scenario.path)) --speed 4 --record \(TmuxPane.quoted(recording))") + "; echo EXIT=$?")
        try pane.wait(for: "The baby has turned away. What now?", seconds: 20)
        try pane.type("i")
        // The first look-away comes at about 12 s; she leans in soon after.
        try pane.wait(for: "the run going on") { $0.contains("Caregiver · leans in") && (clockSeconds($0) ?? 0) >= 18 }
        try pane.type("q")
        let debrief = try pane.settled(containing: "What happened")
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

        // Replay, paused at first, then played: the same debrief, to the letter.
        try pane.run("clear; " + TmuxPane.attune("replay \(TmuxPane.quoted(recording)) --paused") + "; echo REPLAY=$?")
        try pane.wait(for: "replay paused · Space plays")
        Thread.sleep(forTimeInterval: 0.5)
        #expect(clockSeconds(try pane.screen()) == 0, "a paused replay waits")
        try pane.press("Space")
        let replayed = try pane.settled(containing: "replay ended · q leaves", seconds: 30)
        let tag = " replay ended · q leaves "
        // The same debrief, to the letter, under the replay's tag.
        let lines = replayed.split(separator: "\n", omittingEmptySubsequences: false)
        let original = debrief.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == original.count)
        for (index, (a, b)) in zip(lines, original).enumerated() where index != 29 { #expect(a == b) }
        #expect(
            lines[29].hasSuffix(tag.trimmingCharacters(in: .whitespaces)) || lines[29].contains(tag.trimmingCharacters(in: .whitespaces)))
        try pane.type("q")
        try pane.wait(for: "REPLAY=0")

        // The recording as a picture: the run as it was played, lean in and all.
        let picture = folder.appendingPathComponent("session.svg").path
        let report = try AttuneBinary.run(["report", recording, "--svg", picture])
        #expect(report.status == 0, "\(report.standardError)")
        let svg = try String(contentsOfFile: picture, encoding: .utf8)
        #expect(svg.contains("<title>leans in</title>"))
        let refused = try AttuneBinary.run(["report", recording, "--seed", "3", "--svg", picture])
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("a recording keeps the seed and settings it was made with"))

        // A changed scenario file is noticed; the copy in the recording is used.
        try (try String(contentsOf: scenario, encoding: .utf8) + "\n# changed\n").write(to: scenario, atomically: true, encoding: .utf8)
        let changed = try AttuneBinary.run(["export", recording, "--cast", cast])
        #expect(changed.status == 0)
        #expect(changed.standardError.contains("has changed since this recording was made; replaying the scenario as it was then"))
    }

    @Test("Ctrl-C still saves the recording")
    func controlCSaves() throws {
        let folder = try AttuneBinary.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let recording = folder.appendingPathComponent("stopped.jsonl").path
        let pane = try livePane()
        try pane.run(TmuxPane.attune("run scene-a-waits --speed 4 --record \(TmuxPane.quoted(recording))") + "; echo EXIT=$?")
        try pane.wait(for: "the clock running") { (clockSeconds($0) ?? 0) >= 4 }
        try pane.press("C-c")
        try pane.wait(for: "EXIT=130")
        let export = try AttuneBinary.run(["export", recording, "--cast", folder.appendingPathComponent("out.cast").path])
        #expect(export.status == 0, "\(export.standardError)")
        #expect(try String(contentsOfFile: recording, encoding: .utf8).contains("\"key\":\"interrupt\""))
    }

    @Test("a bad recording gets a clear error and exit code 1")
    func badRecordings() throws {
        let folder = try AttuneBinary.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = try AttuneBinary.run([
            "export", folder.appendingPathComponent("nothing.jsonl").path, "--cast", folder.appendingPathComponent("never.cast").path,
        ])
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

    @Test("--record needs a scenario, and so does --population")
    func recordNeedsAScenario() throws {
        let result = try AttuneBinary.run(["run", "--record", "x.jsonl"])
        #expect(result.status != 0)
        #expect(result.standardError.contains("--record saves a run of one scenario"))
        let population = try AttuneBinary.run(["run", "--population", "default"])
        #expect(population.status == 64)
        #expect(population.standardError.contains("--population chooses the babies of one scenario; name it"))
    }

    @Test("run --population keeps its baby in the recording: the recording's picture is the scenario's with that baby")
    func populationRecorded() throws {
        let folder = try AttuneBinary.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let recording = folder.appendingPathComponent("drawn.jsonl").path
        let pane = try livePane()
        try pane.run(
            TmuxPane.attune(
                "run scene-a-waits --seed 5 --speed 32 --set duration=20s --population default --record \(TmuxPane.quoted(recording))")
                + "; echo EXIT=$?")
        try pane.wait(for: "What happened")
        try pane.type("q")
        try pane.wait(for: "EXIT=0")
        let text = try String(contentsOfFile: recording, encoding: .utf8)
        #expect(text.prefix { $0 != "\n" }.contains("\"population\":\"default\""))

        func picture(_ arguments: [String], _ name: String) throws -> String {
            let svg = folder.appendingPathComponent(name).path
            let result = try AttuneBinary.run(["report"] + arguments + ["--svg", svg])
            #expect(result.status == 0, "\(result.standardError)")
            return try String(contentsOfFile: svg, encoding: .utf8)
        }
        let scenario = ["scene-a-waits", "--seed", "5", "--set", "duration=20s"]
        let recorded = try picture([recording], "recorded.svg")
        #expect(recorded == (try picture(scenario + ["--population", "default"], "drawn.svg")))
        #expect(recorded != (try picture(scenario, "fixed.svg")))
        let refused = try AttuneBinary.run(["report", recording, "--population", "none", "--svg", "x.svg"])
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("a recording keeps the seed and settings it was made with, and its baby"))
    }
}

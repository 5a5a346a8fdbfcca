import Foundation
import Testing

/// The metric columns every batch row starts with.
private let batchHeader =
    "run,seed,dyad,phase,duration_s,gaze_at_caregiver_pct,positive_affect_pct,negative_affect_pct,distress_pct,"
    + "mean_arousal,peak_arousal,coordinated_pct,ruptures,repairs,median_repair_s,longest_rupture_s,lookaways,"
    + "mean_lookaway_s,returned_on_own,trust_end"

@Suite("attune list, describe and validate")
struct ScenarioCommandTests {
    @Test("list shows the ready scenarios by name")
    func list() throws {
        let result = try AttuneBinary.run(["list"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("wait-or-chase"))
        #expect(result.standardOutput.contains("still-face"))
    }

    @Test("describe prints a scenario's description")
    func describe() throws {
        let result = try AttuneBinary.run(["describe", "wait-or-chase"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("Waits"))
        #expect(result.standardOutput.contains("Chases"))
    }

    @Test("describe of a missing scenario says so and points to attune list")
    func describeMissing() throws {
        let result = try AttuneBinary.run(["describe", "no-such-scene.yaml"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("no-such-scene.yaml"))
        #expect(result.standardError.contains("attune list"))
        #expect(result.standardOutput.isEmpty)
    }

    @Test("validate says a good file is fine and exits 0")
    func validateGood() throws {
        let result = try AttuneBinary.run(["validate", "Scenarios/wait-or-chase.yaml"])
        #expect(result.status == 0)
        #expect(result.standardOutput == "Scenarios/wait-or-chase.yaml: fine\n")
    }

    @Test("validate lists a bad file's errors with line and column and exits 1")
    func validateBad() throws {
        let folder = try AttuneBinary.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bad = folder.appendingPathComponent("bad.yaml")
        try """
        title: A scene with mistakes
        infant:
          age_months: 30
        dyads:
          - label: Waits
            caregiver:
              policy: patient
        phases:
          - name: play
            duration: 60s
        """.write(to: bad, atomically: true, encoding: .utf8)
        let result = try AttuneBinary.run(["validate", "Scenarios/wait-or-chase.yaml", bad.path])
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("wait-or-chase.yaml: fine"))
        let lines = result.standardError.split(separator: "\n")
        #expect(!lines.isEmpty)
        for line in lines {
            #expect(line.contains(bad.path))
            #expect(line.firstMatch(of: #/:\d+:\d+:\s/#) != nil, "no line:col in \(line)")
        }
    }

    @Test("validate of a missing file says so and exits 1")
    func validateMissing() throws {
        let result = try AttuneBinary.run(["validate", "no-such-file.yaml"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("no-such-file.yaml"))
    }
}

@Suite("attune batch")
struct BatchCommandTests {
    @Test("batch to a pipe writes CSV: the header, then a row per run, dyad and phase")
    func csvToPipe() throws {
        let result = try AttuneBinary.run(["batch", "wait-or-chase", "--runs", "3", "--seed", "7"])
        #expect(result.status == 0)
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.first?.hasPrefix(batchHeader) == true)
        #expect(lines.count == 1 + 3 * 2)
        #expect(lines[1].hasPrefix("1,7,Waits,"))
        #expect(lines.last?.hasPrefix("3,9,Chases,") == true)
    }

    @Test("batch --output writes a CSV file with the right header")
    func csvToFile() throws {
        let folder = try AttuneBinary.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("rows.csv").path
        let result = try AttuneBinary.run(["batch", "wait-or-chase", "--runs", "2", "--format", "csv", "--output", path])
        #expect(result.status == 0)
        #expect(result.standardOutput.isEmpty)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix(batchHeader))
        #expect(text.split(separator: "\n").count == 1 + 2 * 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["rows.csv"])
    }

    @Test("batch --format json --output writes an array of objects")
    func jsonToFile() throws {
        let folder = try AttuneBinary.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("rows.json").path
        let result = try AttuneBinary.run(["batch", "wait-or-chase", "--runs", "2", "--format", "json", "--output", path])
        #expect(result.status == 0)
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let rows = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(rows.count == 4)
        #expect(rows[0]["dyad"] as? String == "Waits")
        #expect(rows[0]["run"] as? Int == 1)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.hasPrefix("[\n  {\"run\": 1, \"seed\": "))
    }

    @Test("batch output does not depend on the number of threads")
    func threads() throws {
        let one = try AttuneBinary.run(["batch", "wait-or-chase", "--runs", "5", "--threads", "1"])
        let two = try AttuneBinary.run(["batch", "wait-or-chase", "--runs", "5", "--threads", "2"])
        #expect(one.status == 0)
        #expect(one.standardOutput == two.standardOutput)
    }

    @Test("batch --set changes the scenario for the run")
    func set() throws {
        let plain = try AttuneBinary.run(["batch", "wait-or-chase", "--runs", "1"])
        let changed = try AttuneBinary.run([
            "batch", "wait-or-chase", "--runs", "1", "--set", "dyads.0.caregiver.policy=intrusive",
        ])
        #expect(changed.status == 0)
        #expect(changed.standardOutput.hasPrefix(batchHeader))
        #expect(changed.standardOutput != plain.standardOutput)
    }

    @Test("a bad --set is reported on standard error with exit code 1")
    func badSet() throws {
        let result = try AttuneBinary.run(["batch", "wait-or-chase", "--runs", "1", "--set", "infant.age_months=30"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("age_months"))
        #expect(result.standardOutput.isEmpty)
    }

    @Test("a human caregiver is refused with advice")
    func human() throws {
        let result = try AttuneBinary.run([
            "batch", "wait-or-chase", "--runs", "1", "--set", "dyads.0.caregiver.policy=human",
        ])
        #expect(result.status == 1)
        #expect(result.standardError.contains("needs the live screen"))
        #expect(result.standardError.contains("--set dyads.0.caregiver.policy=attuned"))
    }

    @Test("an output in a missing folder is an error naming the file, and nothing is written")
    func unwritableOutput() throws {
        let folder = try AttuneBinary.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("missing/rows.csv").path
        let result = try AttuneBinary.run(["batch", "wait-or-chase", "--runs", "1", "--output", path])
        #expect(result.status == 1)
        #expect(result.standardError.contains(path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test("a batch stopped part-way leaves the old output file as it was and no temporary file")
    func interrupted() throws {
        let folder = try AttuneBinary.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("rows.csv").path
        try "old rows\n".write(toFile: path, atomically: false, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: AttuneBinary.path)
        process.arguments = ["batch", "wait-or-chase", "--runs", "1000000", "--output", path]
        process.standardOutput = FileHandle(forWritingAtPath: Scratch.sink)
        process.standardError = FileHandle(forWritingAtPath: Scratch.sink)
        try process.run()
        // Wait until the temporary file is being written.
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, (try FileManager.default.contentsOfDirectory(atPath: folder.path)).count < 2 {
            Thread.sleep(forTimeInterval: 0.02)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).count == 2)
        process.terminate()  // SIGTERM
        // Never hang the suite: a process still running after 10 s is killed.
        let stopBy = Date().addingTimeInterval(10)
        while process.isRunning && Date() < stopBy { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            Issue.record("attune batch did not stop on SIGTERM")
        }
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(process.terminationStatus == SIGTERM)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["rows.csv"])
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old rows\n")
    }

    @Test(
        "out-of-range or malformed arguments are refused by argument validation",
        arguments: [
            ["batch", "wait-or-chase", "--runs", "0"],
            ["batch", "wait-or-chase", "--runs", "1000001"],
            ["batch", "wait-or-chase", "--runs", "many"],
            ["batch", "wait-or-chase", "--runs", "2", "--seed=-1"],
            ["batch", "wait-or-chase", "--runs", "2", "--format", "xml"],
            ["batch", "wait-or-chase"],
            ["trace", "wait-or-chase", "--seed", "1.5"],
            ["bench", "--seconds", "0"],
            ["validate"],
        ])
    func badArguments(_ arguments: [String]) throws {
        let result = try AttuneBinary.run(arguments)
        #expect(result.status != 0)
        #expect(result.standardError.contains("Error:"))
        #expect(result.standardOutput.isEmpty)
    }
}

@Suite("attune trace")
struct TraceCommandTests {
    @Test("trace writes one CSV row per step with the documented columns")
    func csv() throws {
        let result = try AttuneBinary.run(["trace", "wait-or-chase", "--dyad", "Waits", "--seed", "3"])
        #expect(result.status == 0)
        let lines = result.standardOutput.split(separator: "\n")
        #expect(
            lines.first
                == "t,phase,dyad,arousal,valence,trust,gaze,behavior,affect,caregiver_action,caregiver_intensity,coordinated,event"
        )
        #expect(lines.count > 10)
        #expect(lines.dropFirst().allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false)[2] == "Waits" })
        #expect(lines[1].hasSuffix("phase-start"))
    }

    @Test("trace --format json --output writes a JSON file")
    func json() throws {
        let folder = try AttuneBinary.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("trace.json").path
        let result = try AttuneBinary.run(["trace", "wait-or-chase", "--format", "json", "--output", path])
        #expect(result.status == 0)
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let rows = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(Set(rows.compactMap { $0["dyad"] as? String }) == ["Waits", "Chases"])
        #expect(rows[0]["coordinated"] is Bool)
    }

    @Test("trace of an unknown dyad lists the dyads there are")
    func unknownDyad() throws {
        let result = try AttuneBinary.run(["trace", "wait-or-chase", "--dyad", "Hugs"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("\"Waits\""))
    }
}

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

    @Test("describe shows the babies --population asks for")
    func describePopulation() throws {
        let drawn = try AttuneBinary.run(["describe", "still-face", "--population", "default"])
        #expect(drawn.status == 0)
        let lines = drawn.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.contains("Infant (each run draws its own baby; every caregiver of a run meets the same one)"))
        #expect(lines.contains("  age_months: 4"))
        #expect(lines.contains("  reactivity: 0.50 ± 0.20 (drawn per run)"))
        #expect(lines.contains("  trust: 0.70 ± 0.15 (drawn per run)"))
        #expect(lines.contains("  sociability: 0.50 ± 0.25 (drawn per run)"))
        let spread = try AttuneBinary.run(["describe", "still-face", "--set", "infant.age_months.sd=1.5"])
        #expect(spread.standardOutput.contains("\n  age_months: 4.0 ± 1.5 (drawn per run)\n"))
        let none = try AttuneBinary.run(["describe", "still-face", "--set", "infant.age_months.mean=6", "--population", "none"])
        #expect(none.standardOutput.contains("\n  age_months: 6\n"))
        #expect(!none.standardOutput.contains("±"))
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
    @Test("batch rows carry the traits of each run's baby: drawn per run from a spread, fixed without one")
    func traits() throws {
        let folder = try AttuneBinary.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scene = folder.appendingPathComponent("spread.yaml")
        try """
        title: A spread of babies
        seed: 3
        infant:
          age_months: {mean: 6, sd: 1}
          reactivity: {mean: 0.5, sd: 0.15}
          trust: 0.6
        dyads:
          - label: Waits
            caregiver: { policy: attuned }
          - label: Chases
            caregiver: { policy: intrusive }
        duration: 10s
        """.write(to: scene, atomically: true, encoding: .utf8)
        let result = try AttuneBinary.run(["batch", scene.path, "--runs", "6", "--format", "json"])
        #expect(result.status == 0, "\(result.standardError)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [[String: Any]])
        #expect(rows.count == 12)
        let ages = rows.compactMap { $0["age_months"] as? Double }
        let reactivities = rows.compactMap { $0["reactivity"] as? Double }
        #expect(ages.count == 12 && reactivities.count == 12)
        #expect(Set(ages).count == 6, "each run its own age, the same beside both caregivers")
        for run in 0..<6 {
            #expect(ages[2 * run] == ages[2 * run + 1] && reactivities[2 * run] == reactivities[2 * run + 1])
        }
        #expect(ages.allSatisfy { (2...12).contains($0) })
        #expect(rows.allSatisfy { $0["trust_start"] as? Double == 0.6 && $0["soothability"] as? Double == 0.5 })
        // --population none: the means, every run.
        let none = try AttuneBinary.run(["batch", scene.path, "--runs", "3", "--format", "json", "--population", "none"])
        let fixed = try #require(try JSONSerialization.jsonObject(with: Data(none.standardOutput.utf8)) as? [[String: Any]])
        #expect(fixed.allSatisfy { $0["age_months"] as? Double == 6 && $0["reactivity"] as? Double == 0.5 })
        // --population default: the default spreads around the means, age fixed.
        let layered = try AttuneBinary.run(["batch", scene.path, "--runs", "4", "--format", "json", "--population", "default"])
        let drawn = try #require(try JSONSerialization.jsonObject(with: Data(layered.standardOutput.utf8)) as? [[String: Any]])
        #expect(drawn.allSatisfy { $0["age_months"] as? Double == 6 })
        #expect(Set(drawn.compactMap { $0["soothability"] as? Double }).count == 4)
        #expect(Set(drawn.compactMap { $0["trust_start"] as? Double }).count == 4)
    }

    @Test("batch --effects writes the paired effect sizes, as CSV or as JSON")
    func effects() throws {
        let folder = try AttuneBinary.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("effects.csv").path
        let result = try AttuneBinary.run([
            "batch", "still-face", "--runs", "12", "--population", "default", "--effects", csv,
        ])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.hasPrefix("run,seed,dyad,phase,"), "rows still go to the pipe")
        let lines = try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(
            lines.first == "dyad,phase,against_dyad,against_phase,figure,runs,mean,sd,against_mean,against_sd,d_av,d_av_lo,d_av_hi")
        #expect(lines.count == 1 + 3 * 6)
        #expect(lines[1].hasPrefix("Caregiver,still-face,Caregiver,play,gaze_at_caregiver_pct,12,"))
        let gaze = lines[1].split(separator: ",").map(String.init)
        let d = try #require(Double(gaze[10]))
        let low = try #require(Double(gaze[11]))
        let high = try #require(Double(gaze[12]))
        #expect(d < 0 && low <= d && d <= high, "less looking in the still face")

        let json = folder.appendingPathComponent("effects.json").path
        let asJSON = try AttuneBinary.run(["batch", "wait-or-chase", "--runs", "5", "--effects", json])
        #expect(asJSON.status == 0, "\(asJSON.standardError)")
        let rows = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [[String: Any]])
        #expect(rows.count == 6)
        #expect(rows.allSatisfy { $0["dyad"] as? String == "Chases" && $0["against_dyad"] as? String == "Waits" })
        #expect(
            rows.map { $0["figure"] as? String } == [
                "gaze_at_caregiver_pct", "positive_affect_pct", "negative_affect_pct", "mean_hr_bpm", "mean_rsa", "coordinated_pct",
            ])
    }

    @Test("--effects is refused for a scenario with nothing to compare, and beside the file it reads")
    func effectsRefused() throws {
        let folder = try AttuneBinary.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("e.csv").path
        let result = try AttuneBinary.run(["batch", "scene-a-waits", "--runs", "3", "--effects", path])
        #expect(result.status == 1)
        #expect(result.standardError.contains("--effects: this scenario has one caregiver and one phase, so there is nothing to compare"))
        #expect(!FileManager.default.fileExists(atPath: path))
        let same = try AttuneBinary.run(["batch", "wait-or-chase", "--runs", "2", "--output", path, "--effects", path])
        #expect(same.status == 1)
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("--population beside a --set of an sd is refused, since the sd would go unused")
    func populationAndSpread() throws {
        let result = try AttuneBinary.run([
            "batch", "still-face", "--runs", "2", "--set", "infant.reactivity.sd=0.1", "--population", "default",
        ])
        #expect(result.status == 1)
        #expect(
            result.standardError
                == "--set infant.reactivity.sd=0.1: --population default sets how every trait of the baby spreads, so this sd would go unused; drop one of the two\n"
        )
        let alone = try AttuneBinary.run(["batch", "still-face", "--runs", "2", "--set", "infant.reactivity.sd=0.1"])
        #expect(alone.status == 0, "\(alone.standardError)")
    }

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
                == "t,phase,dyad,arousal,valence,trust,gaze,behavior,affect,caregiver_action,caregiver_intensity,coordinated,event,heart_rate_bpm,rsa,excitement,stress"
        )
        #expect(lines.count > 10)
        let cells = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(cells.allSatisfy { $0[2] == "Waits" })
        #expect(cells[0][12] == "phase-start")
        // Heart rate in beats per minute with 2 decimals, vagal tone in ln(ms²) with 3.
        for row in cells {
            let heartRate = try #require(Double(row[13]))
            let rsa = try #require(Double(row[14]))
            #expect((90...220).contains(heartRate) && row[13].split(separator: ".").last?.count == 2)
            #expect((0...12).contains(rsa) && row[14].split(separator: ".").last?.count == 3)
        }
        #expect(Set(cells.map { $0[13] }).count > 10, "the heart rate moves")
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
        for column in ["heart_rate_bpm", "rsa", "excitement", "stress"] {
            #expect(rows.allSatisfy { $0[column] is Double }, "\(column)")
        }
    }

    @Test("trace --population default meets one drawn baby, another than the scenario's, the same in every dyad")
    func population() throws {
        let drawn = try AttuneBinary.run(["trace", "wait-or-chase", "--seed", "4", "--population", "default"])
        let fixed = try AttuneBinary.run(["trace", "wait-or-chase", "--seed", "4"])
        let again = try AttuneBinary.run(["trace", "wait-or-chase", "--seed", "4", "--population", "default"])
        #expect(drawn.status == 0 && fixed.status == 0)
        #expect(drawn.standardOutput == again.standardOutput)
        #expect(drawn.standardOutput != fixed.standardOutput)
        // Trust at the first step is the baby's own, the same beside both caregivers.
        let lines = drawn.standardOutput.split(separator: "\n").dropFirst().prefix(2).map { $0.split(separator: ",") }
        #expect(lines[0][5] == lines[1][5])
        #expect(lines[0][5] != fixed.standardOutput.split(separator: "\n")[1].split(separator: ",")[5])
    }

    @Test("trace of an unknown dyad lists the dyads there are")
    func unknownDyad() throws {
        let result = try AttuneBinary.run(["trace", "wait-or-chase", "--dyad", "Hugs"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("\"Waits\""))
    }
}

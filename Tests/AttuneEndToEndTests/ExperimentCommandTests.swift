import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// CSV text as rows of cells (the experiments' cells never hold commas
/// except in quoted change lists, which these tests avoid).
private func table(_ csv: String) -> (header: [String], rows: [[String]]) {
    let lines = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    return (lines.first ?? [], Array(lines.dropFirst()))
}

/// The column `name` of every row, as numbers.
private func column(_ name: String, _ csv: String) throws -> [Double] {
    let (header, rows) = table(csv)
    let index = try #require(header.firstIndex(of: name), "no column \(name)")
    return rows.map { Double($0[index]) ?? .nan }
}

/// Runs `attune` with `arguments` (output to a sink of the tests' own) and
/// returns its peak resident memory in KiB.
///
/// On Linux the peak is read from `/proc/PID/status` (VmHWM, the high-water
/// mark of the program's own memory) while it runs: the kernel's maxrss of
/// a child also counts the test runner's memory, which the child shares
/// until it starts the program. Elsewhere it is the child's maxrss.
func peakKilobytes(_ arguments: [String]) throws -> Int {
    #if os(Linux)
        var actions = posix_spawn_file_actions_t()
    #else
        var actions: posix_spawn_file_actions_t?
    #endif
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, Scratch.sink, O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, Scratch.sink, O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, Scratch.sink, O_WRONLY, 0)
    let argv: [UnsafeMutablePointer<CChar>?] = ([AttuneBinary.path] + arguments).map { strdup($0) } + [nil]
    defer { for p in argv { free(p) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, AttuneBinary.path, &actions, nil, argv, environ)
    try #require(spawned == 0, "could not start attune")
    var status: Int32 = 0
    var usage = rusage()
    #if os(Linux)
        var peak = 0
        while true {
            if let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
                let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
                let kilobytes = Int(line.dropFirst("VmHWM:".count).trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? "")
            {
                peak = max(peak, kilobytes)
            }
            let done = wait4(pid, &status, WNOHANG, &usage)
            if done == pid || (done < 0 && errno != EINTR) { break }
            usleep(2_000)
        }
        try #require(status == 0, "attune \(arguments.joined(separator: " ")) failed")
        return peak
    #else
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        try #require(status == 0, "attune \(arguments.joined(separator: " ")) failed")
        return Int(usage.ru_maxrss) / 1024
    #endif
}

@Suite("attune sweep")
struct ExperimentSweepCommandTests {
    @Test("sweep writes one CSV row per grid point and dyad, with the grid value and each figure's interval")
    func csvRows() throws {
        let result = try AttuneBinary.run([
            "sweep", "wait-or-chase", "--vary", "dyads.1.caregiver.patience=1s..3s:1s", "--runs", "20", "--set", "duration=90s",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        let (header, rows) = table(result.standardOutput)
        #expect(Array(header.prefix(5)) == ["point", "dyads.1.caregiver.patience_s", "dyad", "phase", "runs"])
        #expect(header.contains("median_repair_s_mean") && header.contains("distress_pct_lo") && header.contains("trust_end_hi"))
        #expect(rows.count == 3 * 2)
        #expect(rows.map { $0[1] } == ["1", "1", "2", "2", "3", "3"])
        #expect(rows.map { $0[2] } == ["Waits", "Chases", "Waits", "Chases", "Waits", "Chases"])
        let mean = try column("distress_pct_mean", result.standardOutput)
        let low = try column("distress_pct_lo", result.standardOutput)
        let high = try column("distress_pct_hi", result.standardOutput)
        for i in mean.indices { #expect(low[i] <= mean[i] && mean[i] <= high[i]) }
        // No progress bar or chart when nobody watches a terminal.
        #expect(result.standardError.isEmpty)
    }

    @Test("sweep rows are the same on one thread and on two")
    func threads() throws {
        let arguments = ["sweep", "scene-a-waits", "--vary", "infant.age_months=2,6,12", "--runs", "15", "--set", "duration=20s"]
        let one = try AttuneBinary.run(arguments + ["--threads", "1"])
        let two = try AttuneBinary.run(arguments + ["--threads", "2"])
        #expect(one.status == 0)
        #expect(one.standardOutput == two.standardOutput)
    }

    @Test("sweep --format json gives an array of objects")
    func json() throws {
        let result = try AttuneBinary.run([
            "sweep", "scene-a-waits", "--vary", "dyads.0.caregiver.policy=attuned,intrusive", "--runs", "3", "--format", "json",
            "--set", "duration=10s",
        ])
        #expect(result.status == 0)
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [[String: Any]])
        #expect(objects.count == 2)
        #expect(objects.map { $0["dyads.0.caregiver.policy"] as? String } == ["attuned", "intrusive"])
    }

    @Test("sweep --plot with --output prints the chart and --svg saves a well-formed picture with each dyad's series")
    func plotAndSVG() throws {
        let folder = try AttuneBinary.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("sweep.csv").path
        let svg = folder.appendingPathComponent("sweep.svg").path
        let result = try AttuneBinary.run([
            "sweep", "wait-or-chase", "--vary", "dyads.1.caregiver.patience=0s..4s:2s", "--runs", "10", "--set", "duration=90s",
            "--plot", "median_repair_s", "--output", csv, "--svg", svg,
        ])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("Median time to repair, s by patience"))
        #expect(result.standardOutput.contains("o Waits   x Chases   | 95% interval"))
        #expect(result.standardOutput.contains("Chart saved to \(svg)."))
        #expect(table(try String(contentsOfFile: csv, encoding: .utf8)).rows.count == 6)
        let data = try Data(contentsOf: URL(fileURLWithPath: svg))
        final class Series: NSObject, XMLParserDelegate {
            var names = [String]()
            func parser(
                _ p: XMLParser, didStartElement e: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]
            ) {
                if let s = attributes["data-series"] { names.append(s) }
            }
        }
        let parser = XMLParser(data: data)
        let series = Series()
        parser.delegate = series
        #expect(parser.parse())
        #expect(series.names == ["Waits", "Chases"])
    }

    @Test("with rows on standard output, the chart goes to standard error")
    func chartBesideRows() throws {
        let result = try AttuneBinary.run([
            "sweep", "scene-a-waits", "--vary", "infant.age_months=4,8", "--runs", "4", "--set", "duration=10s", "--plot",
            "coordinated_pct",
        ])
        #expect(result.status == 0)
        #expect(result.standardOutput.hasPrefix("point,infant.age_months,dyad,"))
        #expect(result.standardError.contains("In step together, % by age_months"))
    }

    @Test("a backwards range is refused before anything runs, naming the --vary")
    func backwardsRange() throws {
        let result = try AttuneBinary.run(["sweep", "scene-a-waits", "--vary", "dyads.0.caregiver.patience=10s..0s:1s", "--runs", "5"])
        #expect(result.status == 1)
        #expect(
            result.standardError
                == "--vary dyads.0.caregiver.patience=10s..0s:1s: the range runs backwards; write the smaller value first (0s..10s:1s)\n")
        #expect(result.standardOutput.isEmpty)
    }

    @Test("a value the scenario can't take is refused with the same words as --set")
    func valueOutOfRange() throws {
        let set = try AttuneBinary.run(["batch", "scene-a-waits", "--runs", "1", "--set", "dyads.0.caregiver.patience=130s"])
        let vary = try AttuneBinary.run(["sweep", "scene-a-waits", "--vary", "dyads.0.caregiver.patience=110s..130s:10s", "--runs", "1"])
        #expect(vary.status == 1)
        let message = "dyads.0.caregiver.patience is 130s; it must be between 0s and 120s\n"
        #expect(set.standardError.hasSuffix(message))
        #expect(vary.standardError == "--vary dyads.0.caregiver.patience=110s..130s:10s: " + message)
    }

    @Test("an unknown scenario, figure or phase is refused")
    func unknownNames() throws {
        let scenario = try AttuneBinary.run(["sweep", "no-such-scene", "--vary", "infant.age_months=4,8", "--runs", "2"])
        #expect(scenario.status == 1)
        #expect(scenario.standardError.contains("attune list"))
        let figure = try AttuneBinary.run(["sweep", "scene-a-waits", "--vary", "infant.age_months=4,8", "--runs", "2", "--plot", "repair"])
        #expect(figure.status == 1)
        #expect(figure.standardError.contains("there is no figure called \"repair\""))
        let phase = try AttuneBinary.run([
            "sweep", "scene-a-waits", "--vary", "infant.age_months=4,8", "--runs", "2", "--plot", "ruptures", "--phase", "reunion",
        ])
        #expect(phase.status == 1)
        #expect(phase.standardError.contains("the scenario has no phase \"reunion\""))
    }

    @Test(
        "memory stays flat: a sweep of 20,000 runs peaks no higher than one of 2,000, give or take a little",
        .enabled(if: FileManager.default.fileExists(atPath: "/proc/self/status")))
    func memoryStaysFlat() throws {
        let base = ["sweep", "scene-a-waits", "--vary", "dyads.0.caregiver.patience=0s..9s:1s", "--set", "duration=10s", "--format", "csv"]
        let small = try peakKilobytes(base + ["--runs", "200"])
        let large = try peakKilobytes(base + ["--runs", "2000"])
        // Ten times the runs may not cost more than a quarter more memory
        // plus 4 MiB (allocator noise); keeping every run would cost far more.
        #expect(Double(large) <= Double(small) * 1.25 + 4096, "2,000 runs: \(small) KiB; 20,000 runs: \(large) KiB")
    }
}

@Suite("attune days")
struct ExperimentDaysCommandTests {
    @Test("days shows trust falling while the caregiver leans in and rising after the switch to waiting")
    func intrusionThenAttunement() throws {
        let result = try AttuneBinary.run([
            "days", "scene-b-chases", "--days", "8", "--runs", "6", "--switch", "5:dyads.0.caregiver.policy=attuned",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        let (header, rows) = table(result.standardOutput)
        #expect(Array(header.prefix(5)) == ["day", "dyad", "sessions", "runs", "changes"])
        #expect(rows.count == 8)
        #expect(rows.map { $0[4] } == ["", "", "", "", "dyads.0.caregiver.policy=attuned", "", "", ""])
        let trust = try column("trust_end_mean", result.standardOutput)
        #expect(trust[0] < 0.8)
        for day in 1..<4 { #expect(trust[day] < trust[day - 1]) }
        for day in 5..<8 { #expect(trust[day] > trust[day - 1]) }
        let distress = try column("distress_pct_mean", result.standardOutput)
        #expect(distress[3] > distress[4])
    }

    @Test("days --svg saves the chart of the chosen figure, with the switch marked")
    func svg() throws {
        let folder = try AttuneBinary.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let svg = folder.appendingPathComponent("days.svg").path
        let result = try AttuneBinary.run([
            "days", "scene-b-chases", "--days", "4", "--runs", "3", "--set", "duration=30s", "--switch",
            "3:dyads.0.caregiver.policy=attuned", "--plot", "distress_pct", "--svg", svg, "--output",
            folder.appendingPathComponent("days.csv").path,
        ])
        #expect(result.status == 0, "\(result.standardError)")
        let text = try String(contentsOfFile: svg, encoding: .utf8)
        #expect(XMLParser(data: Data(text.utf8)).parse())
        #expect(text.contains("Fussing or crying, %, day by day"))
        #expect(text.contains("from day 3: dyads.0.caregiver.policy=attuned"))
    }

    @Test("a switch after the last day is refused")
    func switchOutOfRange() throws {
        let result = try AttuneBinary.run([
            "days", "scene-b-chases", "--days", "60", "--switch", "61:dyads.0.caregiver.policy=attuned",
        ])
        #expect(result.status == 1)
        #expect(
            result.standardError
                == "--switch 61:dyads.0.caregiver.policy=attuned: day 61 is outside the history; with --days 60 the days run from 1 to 60\n"
        )
    }

    @Test("a switch with a wrong value is refused like --set, naming the --switch")
    func switchBadValue() throws {
        let result = try AttuneBinary.run([
            "days", "scene-b-chases", "--days", "10", "--switch", "4:dyads.0.caregiver.energy=2",
        ])
        #expect(result.status == 1)
        #expect(
            result.standardError == "--switch 4:dyads.0.caregiver.energy=2: dyads.0.caregiver.energy is 2; it must be between 0 and 1\n")
    }

    @Test("days rows carry the babies' traits: drawn once per history, the trust each day starts with")
    func traits() throws {
        let arguments = ["days", "scene-b-chases", "--days", "3", "--runs", "6", "--set", "duration=20s"]
        let fixed = try AttuneBinary.run(arguments)
        #expect(fixed.status == 0, "\(fixed.standardError)")
        #expect(try column("age_months_mean", fixed.standardOutput) == [4, 4, 4])
        #expect(try column("reactivity_lo", fixed.standardOutput) == [0.5, 0.5, 0.5])
        let trust = try column("trust_start_mean", fixed.standardOutput)
        let ends = try column("trust_end_mean", fixed.standardOutput)
        #expect(trust[0] == 0.8)
        #expect(trust[1] == ends[0] && trust[2] == ends[1], "each day starts where the one before ended")
        let drawn = try AttuneBinary.run(arguments + ["--population", "default"])
        #expect(drawn.status == 0, "\(drawn.standardError)")
        let low = try column("reactivity_lo", drawn.standardOutput)
        let high = try column("reactivity_hi", drawn.standardOutput)
        #expect(zip(low, high).allSatisfy { $0 < $1 }, "the histories' babies differ")
        #expect(Set(try column("reactivity_mean", drawn.standardOutput)).count == 1, "each history keeps its baby")
        // The table a terminal gets keeps its five figures.
        #expect(!fixed.standardOutput.contains("Reactivity"))
    }

    @Test("a spread can be varied or switched; --population beside it is refused")
    func spreads() throws {
        let sweep = try AttuneBinary.run([
            "sweep", "scene-a-waits", "--vary", "infant.reactivity.sd=0,0.2", "--runs", "8", "--set", "duration=10s",
        ])
        #expect(sweep.status == 0, "\(sweep.standardError)")
        let low = try column("reactivity_lo", sweep.standardOutput)
        let high = try column("reactivity_hi", sweep.standardOutput)
        #expect(low[0] == high[0], "sd 0: the same baby every run")
        #expect(low[1] < high[1], "sd 0.2: babies that differ")
        let refused = try AttuneBinary.run([
            "sweep", "scene-a-waits", "--vary", "infant.reactivity.sd=0,0.2", "--runs", "8", "--population", "none",
        ])
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("--vary infant.reactivity.sd=0,0.2: --population none sets how every trait"))
        let trust = try AttuneBinary.run(["days", "scene-b-chases", "--days", "4", "--switch", "2:infant.trust.sd=0.1"])
        #expect(trust.status == 1)
        #expect(trust.standardError.contains("infant.trust is what a history carries from one session to the next"))
    }

    @Test("days rows are the same on one thread and on two")
    func threads() throws {
        let arguments = ["days", "wait-or-chase", "--days", "3", "--runs", "5", "--sessions-per-day", "2", "--set", "duration=90s"]
        let one = try AttuneBinary.run(arguments + ["--threads", "1"])
        let two = try AttuneBinary.run(arguments + ["--threads", "2"])
        #expect(one.status == 0)
        #expect(one.standardOutput == two.standardOutput)
        #expect(table(one.standardOutput).rows.count == 3 * 2)
    }
}

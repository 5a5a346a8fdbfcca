import AttuneLab
import AttuneScenario
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The experiments' part of `attune bench`: the sweep engine's speed on one
/// core and on every core, the wall time of a 10,000-run sweep, and the
/// peak memory of `attune sweep` for 1,000 and for 10,000 runs.
enum ExperimentBench {
    /// The sweep that is timed: 10 patience values × 1,000 runs of the
    /// scene in which the caregiver waits (one dyad, 120 s, 1,200 steps).
    static let scenario = "scene-a-waits"
    /// The varied field of the timed sweep: 10 values.
    static let vary = "dyads.0.caregiver.patience=0s..9s:1s"

    /// Measures and prints the figures.
    /// - Parameters:
    ///   - seconds: measuring time per thread count for the engine's speed.
    ///   - rounds: rounds per thread count; the fastest counts.
    static func printFigures(seconds: Double, rounds: Int) throws {
        print("")
        print("Sweeps and days: the same plan through the engine of `attune sweep` and `attune days`")
        print("(every run's figures gathered into per-point statistics, in seed order).")
        let figures = SweepBenchmark.run(seconds: seconds, threadCounts: Benchmark.threadCounts, rounds: rounds)
        print(Benchmark.report(figures), terminator: "")

        let (wall, runs, dyadSteps) = try timeSweep(runsPerPoint: 1000)
        print(
            "A sweep of \(Field.grouped(runs)) runs × 120 s (\(scenario), --vary \(vary), --runs 1000; "
                + "\(Field.fixed(Double(dyadSteps) / 1e6, places: 1)) million dyad-steps), loading, checking and running every point "
                + "and writing CSV rows: \(Field.fixed(wall, places: 3)) s wall time.")

        let small = peakOfSweep(runsPerPoint: 100)
        let large = peakOfSweep(runsPerPoint: 1000)
        if let small, let large {
            print(
                "Peak memory of `attune sweep \(scenario) --vary \(vary) --format csv` (maxrss of the child process): "
                    + "1,000 runs \(mebibytes(small.kilobytes)) MiB (\(Field.fixed(small.seconds, places: 2)) s), "
                    + "10,000 runs \(mebibytes(large.kilobytes)) MiB (\(Field.fixed(large.seconds, places: 2)) s).")
        } else {
            print("Peak memory: the sweep could not be started as a child process here.")
        }
    }

    /// Loads, checks and runs the timed sweep in this process, writing its
    /// CSV rows to nowhere; returns the wall time in seconds, the runs and
    /// the dyad-steps.
    static func timeSweep(runsPerPoint: Int) throws -> (Double, Int, Int) {
        let clock = ContinuousClock()
        let start = clock.now
        let base = try ScenarioLoader.resolve(scenario)
        let reloader = ScenarioReloader(base: base, nameOrPath: scenario)
        let grid = try SweepGrid(fields: [try VariedField.parse(vary)])
        let plans = try SweepPlans.build(grid: grid, base: base, baseOverrides: [], load: reloader.load)
        let runner = try SweepRunner(plans: plans, runs: runsPerPoint, firstSeed: base.seed)
        var writer = CSVWriter()
        var bytes = writer.begin(columns: SweepColumns.names(grid: grid)).utf8.count
        runner.run { point in
            for row in SweepColumns.rows(of: point, grid: grid) { bytes += writer.row(row).utf8.count }
        }
        let elapsed = clock.now - start
        let c = elapsed.components
        _ = bytes
        return (Double(c.seconds) + Double(c.attoseconds) * 1e-18, runner.totalRuns, runner.dyadSteps)
    }

    /// Runs the timed sweep with `runsPerPoint` runs at each of its 10
    /// points as a child process (rows to /dev/null) and returns its peak
    /// resident memory and wall time; `nil` when it cannot be started or
    /// fails.
    static func peakOfSweep(runsPerPoint: Int) -> (kilobytes: Int, seconds: Double)? {
        let executable =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return ChildProcess.peakMemory(
            executable: executable,
            arguments: ["sweep", scenario, "--vary", vary, "--runs", String(runsPerPoint), "--format", "csv"])
    }

    private static func mebibytes(_ kilobytes: Int) -> String {
        Field.fixed(Double(kilobytes) / 1024, places: 1)
    }
}

/// Runs a program and reports its peak resident memory.
enum ChildProcess {
    /// Runs `executable` with `arguments` (output and errors to /dev/null),
    /// waits for it and returns its peak resident set size in KiB (the
    /// kernel's `ru_maxrss`, the same as VmHWM) and its wall time in
    /// seconds; `nil` when it cannot be started or exits with a failure.
    static func peakMemory(executable: String, arguments: [String]) -> (kilobytes: Int, seconds: Double)? {
        #if os(Linux)
            var actions = posix_spawn_file_actions_t()
        #else
            var actions: posix_spawn_file_actions_t?
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        let clock = ContinuousClock()
        let start = clock.now
        var pid: pid_t = 0
        guard posix_spawn(&pid, executable, &actions, nil, argv, environ) == 0 else { return nil }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { return nil }
        }
        let elapsed = clock.now - start
        // Exited normally with status 0.
        guard status & 0x7f == 0, (status >> 8) & 0xff == 0 else { return nil }
        #if canImport(Darwin)
            let kilobytes = Int(usage.ru_maxrss) / 1024
        #else
            let kilobytes = Int(usage.ru_maxrss)
        #endif
        let c = elapsed.components
        return (kilobytes, Double(c.seconds) + Double(c.attoseconds) * 1e-18)
    }
}

import AttuneModel

/// One benchmark measurement.
public struct BenchmarkFigure: Sendable {
    /// Worker threads used.
    public let threads: Int
    /// Runs made.
    public let runs: Int
    /// Dyad-steps made: runs × dyads × steps per run.
    public let dyadSteps: Int
    /// Wall-clock time taken, seconds.
    public let seconds: Double

    /// The speed, dyad-steps per second.
    public var dyadStepsPerSecond: Double { seconds > 0 ? Double(dyadSteps) / seconds : 0 }
}

/// Measures how fast headless (metrics-only) runs go: dyad-steps per second
/// on one thread and on several, through ``BatchRunner``, the same path
/// `attune batch` takes (without writing rows).
///
/// The plan is fixed (``plan``) so figures compare across versions and
/// machines.
public enum Benchmark {
    /// The benchmark's plan: the default infant (4 months) facing an
    /// attuned and an intrusive caregiver for one 5-minute phase, step 0.1 s
    /// (2 dyads × 3000 steps = 6000 dyad-steps per run).
    public static let plan = RunPlan(
        infant: InfantParameters(),
        dyads: [
            DyadPlan(label: "Waits", caregiver: CaregiverSettings(policy: .attuned)),
            DyadPlan(label: "Chases", caregiver: CaregiverSettings(policy: .intrusive)),
        ],
        phases: [PhasePlan(name: "play", durationSeconds: 300)],
        stepSeconds: 0.1)

    /// The thread counts worth measuring on this machine: 1, 2 (when there
    /// are at least two cores) and every core (when there are more).
    public static var threadCounts: [Int] {
        let cores = BatchRunner.defaultThreads
        var counts = [1]
        if cores >= 2 { counts.append(2) }
        if cores > 2 { counts.append(cores) }
        return counts
    }

    /// Measures with `threads` worker threads for about `seconds`.
    /// - Parameters:
    ///   - threads: worker threads, ≥ 1.
    ///   - seconds: how long to measure, seconds, > 0 (default 3).
    public static func measure(threads: Int, seconds: Double = 3) -> BenchmarkFigure {
        let runs = runsToMeasure(threads: threads, seconds: seconds, atLeast: threads)
        // The plan is fixed and has no `human` caregiver: this cannot throw.
        let runner = try! BatchRunner(plan: plan, runs: runs, firstSeed: 1, threads: threads)
        var made = 0
        let elapsed = timed { runner.run { _ in made += 1 } }
        return BenchmarkFigure(threads: threads, runs: made, dyadSteps: runner.dyadSteps, seconds: elapsed)
    }

    /// Measures every count in `threadCounts`, in `rounds` interleaved
    /// rounds (1, 2, 1, 2, ...) of `seconds / rounds` each, and keeps each
    /// count's fastest round: on a shared machine, the round least disturbed
    /// by other work.
    /// - Parameters:
    ///   - seconds: measuring time per thread count, seconds, > 0 (default 3).
    ///   - threadCounts: the thread counts to measure (default
    ///     ``threadCounts``).
    ///   - rounds: rounds per thread count, ≥ 1 (default 3).
    public static func run(
        seconds: Double = 3, threadCounts: [Int] = Benchmark.threadCounts, rounds: Int = 3
    ) -> [BenchmarkFigure] {
        bestRounds(seconds: seconds, threadCounts: threadCounts, rounds: rounds, measure: measure)
    }

    /// Each thread count's fastest of `rounds` interleaved rounds of
    /// `measure(threads, seconds / rounds)`.
    static func bestRounds(
        seconds: Double, threadCounts: [Int], rounds: Int, measure: (Int, Double) -> BenchmarkFigure
    ) -> [BenchmarkFigure] {
        var best = [BenchmarkFigure?](repeating: nil, count: threadCounts.count)
        for _ in 0..<max(1, rounds) {
            for (k, threads) in threadCounts.enumerated() {
                let figure = measure(threads, seconds / Double(max(1, rounds)))
                if best[k].map({ figure.dyadStepsPerSecond > $0.dyadStepsPerSecond }) ?? true { best[k] = figure }
            }
        }
        return best.compactMap { $0 }
    }

    /// How many runs of ``plan`` fill about `seconds` on `threads` threads,
    /// sized from a short single-threaded trial; at least `atLeast`.
    static func runsToMeasure(threads: Int, seconds: Double, atLeast: Int) -> Int {
        var trialRuns = 0
        var trialElapsed = 0.0
        let clock = ContinuousClock()
        let trialStart = clock.now
        repeat {
            var simulation = Simulation(plan: plan, seed: UInt64(trialRuns))
            simulation.runToEnd()
            trialRuns += 1
            trialElapsed = Self.seconds(clock.now - trialStart)
        } while trialElapsed < min(0.2, seconds / 10)
        let perRun = trialElapsed / Double(trialRuns)
        return min(BatchRunner.allowedRuns.upperBound, max(atLeast, Int(seconds / perRun * Double(threads))))
    }

    /// The wall-clock time `body` takes, seconds.
    static func timed(_ body: () -> Void) -> Double {
        let clock = ContinuousClock()
        let start = clock.now
        body()
        return seconds(clock.now - start)
    }

    /// The figures in plain lines: "1 thread: 31.2 million dyad-steps/s",
    /// "2 threads: 58.9 million dyad-steps/s (1.89× one thread)".
    public static func report(_ figures: [BenchmarkFigure]) -> String {
        let single = figures.first { $0.threads == 1 }?.dyadStepsPerSecond
        var out = ""
        for f in figures {
            out += "\(f.threads) \(f.threads == 1 ? "thread" : "threads"): "
            out += Field.fixed(f.dyadStepsPerSecond / 1e6, places: 1) + " million dyad-steps/s"
            if f.threads > 1, let single, single > 0 {
                out += " (" + Field.fixed(f.dyadStepsPerSecond / single, places: 2) + "× one thread)"
            }
            out += "\n"
        }
        return out
    }

    private static func seconds(_ d: Swift.Duration) -> Double {
        let c = d.components
        return Double(c.seconds) + Double(c.attoseconds) * 1e-18
    }
}

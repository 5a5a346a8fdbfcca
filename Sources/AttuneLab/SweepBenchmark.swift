import AttuneModel

/// Measures the sweep engine (``SweepRunner``): dyad-steps per second on
/// one thread and on several, for ``Benchmark/plan``, with every run's
/// figures gathered into per-point statistics as `attune sweep` does (but no
/// rows written).
public enum SweepBenchmark {
    /// Measures with `threads` worker threads for about `seconds`.
    /// - Parameters:
    ///   - threads: worker threads, ≥ 1.
    ///   - seconds: how long to measure, seconds, > 0.
    public static func measure(threads: Int, seconds: Double) -> BenchmarkFigure {
        let plan = Benchmark.plan
        let clock = ContinuousClock()
        // Time a few runs on one thread to size the measurement.
        var trialRuns = 0
        let trialStart = clock.now
        var trialElapsed = 0.0
        repeat {
            var simulation = Simulation(plan: plan, seed: UInt64(trialRuns))
            simulation.runToEnd()
            trialRuns += 1
            trialElapsed = Self.seconds(clock.now - trialStart)
        } while trialElapsed < min(0.2, seconds / 10)
        let perRun = trialElapsed / Double(trialRuns)
        let runs = min(BatchRunner.allowedRuns.upperBound, max(threads * 8, Int(seconds / perRun * Double(threads))))
        // The plan is fixed and has no `human` caregiver: this cannot throw.
        let runner = try! SweepRunner(plans: [plan], runs: runs, firstSeed: 1, threads: threads)
        var points = 0
        let start = clock.now
        runner.run { _ in points += 1 }
        let elapsed = Self.seconds(clock.now - start)
        return BenchmarkFigure(threads: threads, runs: runs, dyadSteps: runner.dyadSteps, seconds: elapsed)
    }

    /// Measures each count in `threadCounts` in `rounds` interleaved rounds
    /// and keeps each count's fastest round.
    /// - Parameters:
    ///   - seconds: measuring time per thread count, seconds, > 0.
    ///   - threadCounts: the thread counts to measure.
    ///   - rounds: rounds per thread count, ≥ 1.
    public static func run(seconds: Double, threadCounts: [Int], rounds: Int) -> [BenchmarkFigure] {
        var best = [BenchmarkFigure?](repeating: nil, count: threadCounts.count)
        for _ in 0..<max(1, rounds) {
            for (k, threads) in threadCounts.enumerated() {
                let figure = measure(threads: threads, seconds: seconds / Double(max(1, rounds)))
                if best[k].map({ figure.dyadStepsPerSecond > $0.dyadStepsPerSecond }) ?? true { best[k] = figure }
            }
        }
        return best.compactMap { $0 }
    }

    static func seconds(_ d: Swift.Duration) -> Double {
        let c = d.components
        return Double(c.seconds) + Double(c.attoseconds) * 1e-18
    }
}

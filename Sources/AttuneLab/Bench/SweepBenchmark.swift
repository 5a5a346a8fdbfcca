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
        let runs = Benchmark.runsToMeasure(threads: threads, seconds: seconds, atLeast: threads * 8)
        // The plan is fixed and has no `human` caregiver: this cannot throw.
        let runner = try! SweepRunner(plans: [Benchmark.plan], runs: runs, firstSeed: 1, threads: threads)
        var points = 0
        let elapsed = Benchmark.timed { runner.run { _ in points += 1 } }
        return BenchmarkFigure(threads: threads, runs: runs, dyadSteps: runner.dyadSteps, seconds: elapsed)
    }

    /// Measures each count in `threadCounts` in `rounds` interleaved rounds
    /// and keeps each count's fastest round.
    /// - Parameters:
    ///   - seconds: measuring time per thread count, seconds, > 0.
    ///   - threadCounts: the thread counts to measure.
    ///   - rounds: rounds per thread count, ≥ 1.
    public static func run(seconds: Double, threadCounts: [Int], rounds: Int) -> [BenchmarkFigure] {
        Benchmark.bestRounds(seconds: seconds, threadCounts: threadCounts, rounds: rounds, measure: measure)
    }
}

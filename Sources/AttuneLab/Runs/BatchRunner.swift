import AttuneModel
import Foundation

/// The figures of one finished headless run.
public struct BatchRun: Sendable {
    /// The run number, counted from 1.
    public let run: Int
    /// The run's seed.
    public let seed: UInt64
    /// The figures, indexed `[dyad][phase]` as in ``Simulation/metrics``.
    public let metrics: [[PhaseMetrics]]
}

/// Runs one plan many times, headless, on every core, and hands the results
/// back in seed order.
///
/// Run `i` (counted from 1) uses seed `firstSeed + i - 1` (wrapping past
/// 2^64 - 1). The runs go through the same ordered-jobs engine as sweeps:
/// blocks of consecutive seeds are made by the workers in turn, and the
/// calling thread hands each block's runs to its consumer in seed order
/// and frees the slot. So the output is the same, byte for byte, whatever
/// the number of threads, and memory holds a small ring of blocks however
/// many runs are asked for.
public struct BatchRunner: Sendable {
    /// What is run.
    public let plan: RunPlan
    /// How many runs, 1...1_000_000.
    public let runs: Int
    /// The first run's seed.
    public let firstSeed: UInt64
    /// Worker threads, at least 1.
    public let threads: Int

    /// The allowed number of runs.
    public static let allowedRuns = 1...1_000_000
    /// The most runs in one block.
    static let blockLimit = 16

    /// The number of cores available: the default thread count.
    public static var defaultThreads: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// Creates a batch.
    /// - Parameters:
    ///   - plan: the plan; no caregiver may use the `human` policy.
    ///   - runs: how many runs, 1...1_000_000.
    ///   - firstSeed: the first run's seed, any 64-bit value, default 0.
    ///   - threads: worker threads, ≥ 1 (more than there are cores gains
    ///     nothing); default: the number of active cores.
    /// - Throws: ``LabError`` for a `human` caregiver or a run count out of
    ///   range.
    public init(plan: RunPlan, runs: Int, firstSeed: UInt64 = 0, threads: Int = BatchRunner.defaultThreads) throws {
        try LabError.checkHeadless(plan)
        guard Self.allowedRuns.contains(runs) else {
            throw LabError.outOfRange(name: "The number of runs", value: runs, allowed: Self.allowedRuns)
        }
        self.plan = plan
        self.runs = runs
        self.firstSeed = firstSeed
        self.threads = max(1, threads)
    }

    /// The seed of run number `run` (counted from 1).
    public func seed(ofRun run: Int) -> UInt64 { firstSeed &+ UInt64(run - 1) }

    /// Dyad-steps in the whole batch (runs × dyads × steps per run).
    public var dyadSteps: Int { runs * plan.dyads.count * plan.stepsPerPhase.reduce(0, +) }

    /// Makes every run and calls `body` with each, in seed order, on the
    /// calling thread.
    ///
    /// With one thread the runs are made right here, one after another.
    /// With more, the workers run ahead while this thread hands finished
    /// runs to `body`. If `body` throws, the workers stop after their
    /// current block and the error is passed on.
    public func run(_ body: (BatchRun) throws -> Void) rethrows {
        let (plan, firstSeed) = (self.plan, self.firstSeed)
        let jobs = OrderedJobs<[[PhaseMetrics]]>(
            count: runs, recordSize: 1,
            blockSize: OrderedJobs<[[PhaseMetrics]]>.blockSize(count: runs, threads: threads, limit: Self.blockLimit),
            threads: threads, filler: [])
        try jobs.run(
            produce: { job, record, _ in
                var simulation = Simulation(plan: plan, seed: firstSeed &+ UInt64(job))
                simulation.runToEnd()
                record[0] = simulation.metrics
            },
            consume: { job, record in
                try body(BatchRun(run: job + 1, seed: seed(ofRun: job + 1), metrics: record[0]))
            })
    }
}

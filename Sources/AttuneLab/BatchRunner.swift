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
/// 2^64 - 1). Runs are made in waves: each wave splits a contiguous block of
/// seeds (at most 128 per thread) into one contiguous chunk per worker
/// thread. While the workers make the next wave, the calling thread hands
/// the finished one to its consumer in seed order and drops it. So the
/// output is the same, byte for byte, whatever the number of threads, and
/// memory holds at most two waves of results however many runs are asked
/// for.
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
    /// The most runs one worker makes in one wave.
    static let chunkLimit = 128

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
    /// With more, `threads` workers make each wave while this thread hands
    /// the previous wave to `body`.
    public func run(_ body: (BatchRun) throws -> Void) rethrows {
        guard threads > 1 && runs > 1 else {
            for run in 1...runs {
                var simulation = Simulation(plan: plan, seed: seed(ofRun: run))
                simulation.runToEnd()
                try body(BatchRun(run: run, seed: seed(ofRun: run), metrics: simulation.metrics))
            }
            return
        }
        let chunk = max(1, min(Self.chunkLimit, (runs + threads - 1) / threads))
        let pool = WorkerPool(threads: min(threads, (runs + chunk - 1) / chunk))
        defer { pool.shutdown() }
        var launched = 0
        // Starts the next wave on the workers; nil when every run is launched.
        func launch() -> Wave? {
            guard launched < runs else { return nil }
            let wave = Wave(firstIndex: launched, count: min(runs - launched, chunk * pool.threads))
            launched += wave.count
            let plan = self.plan
            let firstSeed = self.firstSeed &+ UInt64(wave.firstIndex)
            pool.start { worker in
                let lower = worker * chunk
                guard lower < wave.count else { return }  // a short last wave
                for i in lower..<min(wave.count, lower + chunk) {
                    var simulation = Simulation(plan: plan, seed: firstSeed &+ UInt64(i))
                    simulation.runToEnd()
                    wave.store(simulation.metrics, at: i)
                }
            }
            return wave
        }
        var current = launch()
        while let wave = current {
            pool.wait()
            current = launch()
            for i in 0..<wave.count {
                let run = wave.firstIndex + i + 1
                try body(BatchRun(run: run, seed: seed(ofRun: run), metrics: wave.metrics(at: i)))
            }
        }
    }
}

/// The results of one wave of runs: written by the workers, each at its own
/// indices, and read by the caller only after the wave has finished.
private final class Wave: @unchecked Sendable {
    /// The index (counted from 0) of the wave's first run in the batch.
    let firstIndex: Int
    /// Runs in the wave.
    let count: Int
    private let slots: UnsafeMutableBufferPointer<[[PhaseMetrics]]>

    init(firstIndex: Int, count: Int) {
        self.firstIndex = firstIndex
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: [])
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    func store(_ metrics: [[PhaseMetrics]], at index: Int) { slots[index] = metrics }

    func metrics(at index: Int) -> [[PhaseMetrics]] { slots[index] }
}

import AttuneModel

/// The figures of one grid point: for each dyad, phase and figure
/// (``SweepFigures/all``), the running mean and spread over the point's runs.
public struct SweepPointSummary: Sendable {
    /// The grid point, counted from 0.
    public let point: Int
    /// The plan the point ran (its dyad labels and phase names).
    public let plan: RunPlan
    /// Runs made at this point.
    public let runs: Int
    /// Statistics, flat, indexed `(dyad × phases + phase) × metrics + metric`.
    let statistics: [RunningStatistics]

    /// The statistics of one figure for one dyad and phase: how many runs
    /// had a value, their mean, and their spread.
    public func statistics(metric: Int, dyad: Int, phase: Int) -> RunningStatistics {
        statistics[(dyad * plan.phases.count + phase) * SweepFigures.all.count + metric]
    }

    /// The mean of one figure and its 95% confidence interval (as in the
    /// batch summary); `nil` when no run had a value.
    public func interval(metric: Int, dyad: Int, phase: Int) -> ConfidenceInterval? {
        statistics(metric: metric, dyad: dyad, phase: phase).interval
    }
}

/// Runs every point of a sweep's grid `runs` times, headless, on every
/// core, and hands back each point's figures in grid order as soon as its
/// last run is in.
///
/// Run `r` (counted from 0) of every grid point uses seed `firstSeed + r`:
/// every point meets the same infants, so differences between points come
/// from the varied fields and not from luck, and each point's figures are
/// those `attune batch --runs N --seed S` gives for that setting.
///
/// Nothing per run is kept: each run's figures go into running (Welford)
/// statistics of its point, in seed order, and the point's statistics are
/// dropped once handed back. Memory stays flat however many runs there are,
/// and the figures are the same, to the last bit, whatever the number of
/// threads. A median of repair latencies across runs is the mean of the
/// runs' own medians (over the runs that had a repair), as in the batch
/// summary.
public struct SweepRunner: Sendable {
    /// One plan per grid point, all with the same dyads and phases.
    public let plans: [RunPlan]
    /// Runs per grid point, 1...1_000_000.
    public let runs: Int
    /// The seed of each point's first run.
    public let firstSeed: UInt64
    /// Worker threads, ≥ 1.
    public let threads: Int

    /// The most runs a whole sweep may make (grid points × runs).
    public static let maximumTotalRuns = 100_000_000

    /// Creates a sweep.
    /// - Parameters:
    ///   - plans: one plan per grid point (``SweepPlans/build(grid:baseOverrides:load:)``),
    ///     at least one, all with the same numbers of dyads and phases; no
    ///     caregiver may use the `human` policy.
    ///   - runs: runs per point, 1...1_000_000.
    ///   - firstSeed: the seed of each point's first run, any 64-bit value.
    ///   - threads: worker threads, ≥ 1; default: every core.
    /// - Throws: ``LabError`` or ``ExperimentErrors``.
    public init(plans: [RunPlan], runs: Int, firstSeed: UInt64, threads: Int = BatchRunner.defaultThreads) throws {
        guard let first = plans.first else { throw ExperimentErrors("a sweep needs at least one grid point") }
        guard BatchRunner.allowedRuns.contains(runs) else {
            throw LabError.outOfRange(name: "The number of runs", value: runs, allowed: BatchRunner.allowedRuns)
        }
        guard plans.count * runs <= Self.maximumTotalRuns else {
            throw ExperimentErrors(
                "the sweep would make \(Field.grouped(plans.count)) grid points × \(Field.grouped(runs)) runs = \(Field.grouped(plans.count * runs)) runs; at most \(Field.grouped(Self.maximumTotalRuns)) are allowed"
            )
        }
        for plan in plans {
            try LabError.checkHeadless(plan)
            guard plan.dyads.count == first.dyads.count, plan.phases.count == first.phases.count else {
                throw ExperimentErrors("every grid point must have the same dyads and phases")
            }
        }
        self.plans = plans
        self.runs = runs
        self.firstSeed = firstSeed
        self.threads = max(1, threads)
    }

    /// Runs in the whole sweep: grid points × runs.
    public var totalRuns: Int { plans.count * runs }

    /// Dyad-steps in the whole sweep.
    public var dyadSteps: Int {
        plans.reduce(0) { $0 + $1.dyads.count * $1.stepsPerPhase.reduce(0, +) } * runs
    }

    /// The seed of run `run` (counted from 0) at every grid point.
    public func seed(ofRun run: Int) -> UInt64 { firstSeed &+ UInt64(run) }

    /// Makes every run; calls `body` with each grid point's figures, in grid
    /// order, and `progress` with the number of runs done so far, both on
    /// the calling thread.
    public func run(
        progress: (_ runsDone: Int) -> Void = { _ in },
        _ body: (SweepPointSummary) throws -> Void
    ) rethrows {
        let dyads = plans[0].dyads.count
        let phases = plans[0].phases.count
        let metrics = SweepFigures.all
        let perRun = dyads * phases * metrics.count
        let (plans, runs, firstSeed) = (self.plans, self.runs, self.firstSeed)
        let jobs = OrderedJobs(
            count: totalRuns, recordSize: perRun,
            blockSize: OrderedJobs<Double>.blockSize(count: totalRuns, threads: threads, limit: 64), threads: threads)
        var statistics = [RunningStatistics](repeating: RunningStatistics(), count: perRun)
        try jobs.run(
            produce: { job, record, _ in
                var simulation = Simulation(plan: plans[job / runs], seed: firstSeed &+ UInt64(job % runs))
                simulation.runToEnd()
                var i = 0
                for d in 0..<dyads {
                    let figures = simulation.dyads[d].metrics
                    for p in 0..<phases {
                        for metric in metrics {
                            record[i] = metric.value(figures[p]) ?? .nan
                            i += 1
                        }
                    }
                }
            },
            consume: { job, record in
                for i in 0..<perRun where record[i].isFinite { statistics[i].add(record[i]) }
                if job % runs == runs - 1 {
                    let point = job / runs
                    try body(SweepPointSummary(point: point, plan: plans[point], runs: runs, statistics: statistics))
                    for i in 0..<perRun { statistics[i] = RunningStatistics() }
                }
            },
            progress: progress)
    }
}

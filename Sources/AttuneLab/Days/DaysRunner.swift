import AttuneModel

/// The figures of a history, day by day: for each day, dyad and figure
/// (``DayFigures/all``), the mean over runs and its spread.
public struct DaysResult: Sendable {
    /// The schedule that ran.
    public let schedule: DaySchedule
    /// Runs (independent histories) made.
    public let runs: Int
    /// The first run's first session's seed.
    public let firstSeed: UInt64
    /// Statistics, flat, indexed `((day − 1) × dyads + dyad) × metrics + metric`.
    let statistics: [RunningStatistics]

    /// The statistics of figure `metric` (index into ``DayFigures/all``) on
    /// one day (counted from 1) for one dyad.
    public func statistics(metric: Int, day: Int, dyad: Int) -> RunningStatistics {
        statistics[((day - 1) * schedule.dyadLabels.count + dyad) * DayFigures.all.count + metric]
    }

    /// The mean of one figure on one day and its 95% confidence interval
    /// over runs; `nil` when no run had a value.
    public func interval(metric: Int, day: Int, dyad: Int) -> ConfidenceInterval? {
        statistics(metric: metric, day: day, dyad: dyad).interval
    }
}

/// Runs a history of sessions, day after day, in which the infant's trust
/// flows from each session into the next, many times over (one history per
/// run), on every core.
///
/// - **Sessions.** Each day has ``DaySchedule/sessionsPerDay`` sessions;
///   each session is one full run of the day's scenario plan.
/// - **What carries over.** Only trust: a session's infant starts with the
///   trust the previous session ended with. Everything else starts afresh
///   each session as in any run (arousal at baseline, a full regulation
///   reserve, no wariness, the caregiver's worry at 0): wariness and
///   reserve recover between sessions. Day 1's first session starts from
///   the scenario's `infant.trust`.
/// - **Dyads.** Each dyad is its own history line: its infant carries its
///   own trust from session to session, and never meets the other
///   caregivers. On day 1 every line starts from the same trust and, as in
///   any run, meets the same infant.
/// - **Seeds.** Run `r` (counted from 0), session `s` (counted from 0
///   through the whole history: `s = (day − 1) × sessionsPerDay + k`) uses
///   seed `firstSeed + r × 1,000,003 + s`, for every dyad.
///
/// Histories run in parallel, one after another on each thread; their
/// day-by-day figures go into running (Welford) statistics in run order, so
/// the result is the same whatever the number of threads.
public struct DaysRunner: Sendable {
    /// What runs each day.
    public let schedule: DaySchedule
    /// Independent histories, 1...100_000.
    public let runs: Int
    /// The seed of run 0's first session.
    public let firstSeed: UInt64
    /// Worker threads, ≥ 1.
    public let threads: Int

    /// The allowed number of runs.
    public static let allowedRuns = 1...100_000
    /// The seeds of consecutive runs are this far apart.
    public static let runSeedStride: UInt64 = 1_000_003

    /// Creates a history.
    /// - Parameters:
    ///   - schedule: the plans day by day.
    ///   - runs: independent histories, 1...100_000, default 20.
    ///   - firstSeed: the seed of run 0's first session.
    ///   - threads: worker threads, ≥ 1; default: every core.
    /// - Throws: ``LabError`` for a run count out of range.
    public init(schedule: DaySchedule, runs: Int = 20, firstSeed: UInt64, threads: Int = BatchRunner.defaultThreads) throws {
        guard Self.allowedRuns.contains(runs) else {
            throw LabError.outOfRange(name: "The number of runs", value: runs, allowed: Self.allowedRuns)
        }
        self.schedule = schedule
        self.runs = runs
        self.firstSeed = firstSeed
        self.threads = max(1, threads)
    }

    /// The seed of session `session` (counted from 0 through the history)
    /// of run `run` (counted from 0).
    public func seed(run: Int, session: Int) -> UInt64 {
        firstSeed &+ UInt64(run) &* Self.runSeedStride &+ UInt64(session)
    }

    /// Dyad-steps in the whole job.
    public var dyadSteps: Int {
        var perRun = 0
        for day in 1...schedule.days {
            let plan = schedule.stretch(forDay: day).plan
            perRun += plan.dyads.count * plan.stepsPerPhase.reduce(0, +) * schedule.sessionsPerDay
        }
        return perRun * runs
    }

    /// Runs every history; calls `progress` with the histories done so far,
    /// on the calling thread.
    public func run(progress: (_ runsDone: Int) -> Void = { _ in }) -> DaysResult {
        let schedule = self.schedule
        let dyads = schedule.dyadLabels.count
        let metricCount = DayFigures.all.count
        let perRun = schedule.days * dyads * metricCount
        let runner = self
        let jobs = OrderedJobs(
            count: runs, recordSize: perRun, blockSize: OrderedJobs<Double>.blockSize(count: runs, threads: threads, limit: 4),
            threads: threads)
        var statistics = [RunningStatistics](repeating: RunningStatistics(), count: perRun)
        jobs.run(
            produce: { run, record, _ in
                runner.history(run: run, into: record)
            },
            consume: { _, record in
                for i in 0..<perRun where record[i].isFinite { statistics[i].add(record[i]) }
            },
            progress: progress)
        return DaysResult(schedule: schedule, runs: runs, firstSeed: firstSeed, statistics: statistics)
    }

    /// One history: every dyad's line, day by day, into `record`
    /// (`((day − 1) × dyads + dyad) × metrics + metric`): each figure of
    /// ``DayFigures/all`` over the day's sessions combined.
    func history(run: Int, into record: UnsafeMutableBufferPointer<Double>) {
        let dyads = schedule.dyadLabels.count
        let figures = DayFigures.all
        let historySeed = seed(run: run, session: 0)
        for d in 0..<dyads {
            // One baby for the whole history, drawn once from the population
            // with the history's first seed (the same draw around each day's
            // plan); its trust then flows from session to session.
            let firstPlan = schedule.stretch(forDay: 1).dyadPlans[d]
            var trust =
                firstPlan.population.isFixed
                ? schedule.initialTrust
                : firstPlan.population.draw(around: firstPlan.infant, seed: historySeed).trust
            for day in 1...schedule.days {
                let stretch = schedule.stretch(forDay: day)
                var plan = stretch.dyadPlans[d]
                plan.infant = plan.population.draw(around: plan.infant, seed: historySeed)
                plan.population = InfantPopulation()
                var figuresOfDay = PhaseMetrics(stepSeconds: plan.stepSeconds)
                for k in 0..<schedule.sessionsPerDay {
                    plan.infant.trust = trust
                    var simulation = Simulation(
                        plan: plan, seed: seed(run: run, session: (day - 1) * schedule.sessionsPerDay + k))
                    simulation.runToEnd()
                    let phases = simulation.dyads[0].metrics
                    for m in phases { figuresOfDay.add(m) }
                    trust = phases[phases.count - 1].trustEnd
                }
                let base = ((day - 1) * dyads + d) * figures.count
                for (k, figure) in figures.enumerated() {
                    record[base + k] = figure.value(ofDay: figuresOfDay, sessions: schedule.sessionsPerDay) ?? .nan
                }
            }
        }
    }
}

/// The columns of a history's rows: one row per day × dyad.
///
/// `day` (counted from 1), `dyad`, `sessions` (per day), `runs`, `changes`
/// (the `--switch` changes that begin that day, joined by `; `, empty
/// otherwise), then for every figure of ``DayFigures/all`` its mean and the
/// ends of its 95% confidence interval over runs: `NAME_mean`, `NAME_lo`,
/// `NAME_hi`; a figure a day may lack (`median_repair_s`) also gets
/// `NAME_n`, the runs that had a value.
public enum DaysColumns {
    /// Column names, in output order.
    public static let names: [String] = {
        var names = ["day", "dyad", "sessions", "runs", "changes"]
        for metric in DayFigures.all.map(\.figure) {
            names += [metric.column + "_mean", metric.column + "_lo", metric.column + "_hi"]
            if metric.mayBeMissing { names.append(metric.column + "_n") }
        }
        return names
    }()

    /// Every row: days in order, and within a day the dyads in order.
    public static func rows(of result: DaysResult) -> [[Field]] {
        var rows = [[Field]]()
        let schedule = result.schedule
        for day in 1...schedule.days {
            let stretch = schedule.stretch(forDay: day)
            let changes = stretch.firstDay == day ? stretch.switches.map(\.override).joined(separator: "; ") : ""
            for (d, dyad) in stretch.plan.dyads.enumerated() {
                var row: [Field] = [
                    .integer(day), .text(dyad.label), .integer(schedule.sessionsPerDay), .integer(result.runs), .text(changes),
                ]
                for (k, metric) in DayFigures.all.map(\.figure).enumerated() {
                    let statistics = result.statistics(metric: k, day: day, dyad: d)
                    row += intervalCells(statistics.interval, places: metric.rowPlaces, range: metric.range)
                    if metric.mayBeMissing { row.append(.integer(statistics.count)) }
                }
                rows.append(row)
            }
        }
        return rows
    }
}

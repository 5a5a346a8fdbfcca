import AttuneModel
import Testing

@testable import AttuneLab

private struct Stop: Error {}

@Suite("Sweep runs")
struct SweepRunnerTests {
    @Test("the same seeds give the same rows, byte for byte, on 1, 2 or 3 threads")
    func threadsDoNotChangeResults() throws {
        let (grid, plans) = try ExperimentFixtures.plans(
            ExperimentFixtures.waitOrChase, vary: ["dyads.1.caregiver.patience=0s..2s:1s"])
        let one = ExperimentFixtures.csv(try SweepRunner(plans: plans, runs: 37, firstSeed: 11, threads: 1), grid: grid)
        let two = ExperimentFixtures.csv(try SweepRunner(plans: plans, runs: 37, firstSeed: 11, threads: 2), grid: grid)
        let three = ExperimentFixtures.csv(try SweepRunner(plans: plans, runs: 37, firstSeed: 11, threads: 3), grid: grid)
        #expect(one == two)
        #expect(one == three)
    }

    @Test("a grid point's figures are those of a batch of that setting with the same seeds")
    func matchesBatch() throws {
        let (_, plans) = try ExperimentFixtures.plans(ExperimentFixtures.waits, vary: ["dyads.0.caregiver.patience=1s,4s"])
        let runner = try SweepRunner(plans: plans, runs: 12, firstSeed: 40, threads: 2)
        var points = [SweepPointSummary]()
        runner.run { points.append($0) }
        let batch = try BatchRunner(plan: plans[1], runs: 12, firstSeed: 40, threads: 1)
        var summary = BatchSummary(plan: plans[1])
        batch.run { summary.add($0) }
        for k in SweepFigures.all.indices {
            #expect(points[1].interval(metric: k, dyad: 0, phase: 0) == summary.interval(metric: k, dyad: 0, phase: 0))
        }
    }

    @Test("every point meets the same infants: a dyad whose settings do not vary has the same figures at every point")
    func commonSeeds() throws {
        let (_, plans) = try ExperimentFixtures.plans(
            ExperimentFixtures.waitOrChase, vary: ["dyads.0.caregiver.patience=1s,6s"])
        var points = [SweepPointSummary]()
        try SweepRunner(plans: plans, runs: 10, firstSeed: 1, threads: 2).run { points.append($0) }
        for k in SweepFigures.all.indices {
            #expect(points[0].interval(metric: k, dyad: 1, phase: 0) == points[1].interval(metric: k, dyad: 1, phase: 0))
        }
    }

    @Test("points come back in grid order, each with all its runs, and progress counts up to every run")
    func orderAndProgress() throws {
        let (_, plans) = try ExperimentFixtures.plans(ExperimentFixtures.waits, vary: ["infant.age_months=2..12:2"])
        let runner = try SweepRunner(plans: plans, runs: 9, firstSeed: 0, threads: 2)
        var seen = [Int]()
        var progress = [Int]()
        runner.run(
            progress: { progress.append($0) },
            { point in
                seen.append(point.point)
                #expect(point.runs == 9)
                #expect(point.statistics(metric: 0, dyad: 0, phase: 0).count == 9)
            })
        #expect(seen == Array(0..<6))
        #expect(progress.last == runner.totalRuns)
        #expect(progress == progress.sorted())
    }

    @Test("rows have one line per point, dyad and phase, with the varied value in seconds")
    func rows() throws {
        let (grid, plans) = try ExperimentFixtures.plans(
            ExperimentFixtures.waitOrChase, vary: ["dyads.0.caregiver.patience=500ms..1s:500ms"])
        var rows = [[Field]]()
        try SweepRunner(plans: plans, runs: 3, firstSeed: 1, threads: 1).run { rows += SweepColumns.rows(of: $0, grid: grid) }
        let names = SweepColumns.names(grid: grid)
        #expect(Array(names.prefix(5)) == ["point", "dyads.0.caregiver.patience_s", "dyad", "phase", "runs"])
        #expect(names.contains("median_repair_s_mean") && names.contains("median_repair_s_lo") && names.contains("median_repair_s_hi"))
        #expect(names.contains("median_repair_s_n") && names.contains("trust_end_hi"))
        #expect(rows.count == 2 * 2 * 1)
        #expect(rows.allSatisfy { $0.count == names.count })
        #expect(rows.map { $0[1].text } == ["0.5", "0.5", "1", "1"])
        #expect(rows.map { $0[2].text } == ["Waits", "Chases", "Waits", "Chases"])
    }

    @Test("one run gives a mean without an interval")
    func oneRun() throws {
        let (grid, plans) = try ExperimentFixtures.plans(ExperimentFixtures.waits, vary: ["infant.age_months=4"])
        var rows = [[Field]]()
        try SweepRunner(plans: plans, runs: 1, firstSeed: 1, threads: 2).run { rows += SweepColumns.rows(of: $0, grid: grid) }
        let names = SweepColumns.names(grid: grid)
        let mean = try #require(names.firstIndex(of: "gaze_at_caregiver_pct_mean"))
        #expect(rows[0][mean] != .missing)
        #expect(rows[0][mean + 1] == .missing)
        #expect(rows[0][mean + 2] == .missing)
    }

    @Test("an error while writing a point stops the sweep and is passed on")
    func stopsOnError() throws {
        let (_, plans) = try ExperimentFixtures.plans(ExperimentFixtures.waits, vary: ["infant.age_months=2..12:1"])
        let runner = try SweepRunner(plans: plans, runs: 50, firstSeed: 0, threads: 2)
        var points = 0
        #expect(throws: Stop.self) {
            try runner.run { _ in
                points += 1
                if points == 2 { throw Stop() }
            }
        }
        #expect(points == 2)
    }

    @Test("the run count and the grid's total are checked")
    func limits() throws {
        let (_, plans) = try ExperimentFixtures.plans(ExperimentFixtures.waits, vary: ["infant.age_months=4"])
        #expect(throws: LabError.self) { try SweepRunner(plans: plans, runs: 0, firstSeed: 0) }
        #expect(throws: ExperimentErrors.self) { try SweepRunner(plans: [], runs: 1, firstSeed: 0) }
    }
}

@Suite("Sweep engine: ordered records from many threads")
struct SweepOrderedJobsTests {
    @Test("records reach the consumer in job order whatever the threads and block size")
    func order() {
        for threads in [1, 2, 5] {
            for block in [1, 3, 64] {
                let jobs = OrderedJobs(count: 200, recordSize: 2, blockSize: block, threads: threads)
                var seen = [Double]()
                jobs.run(
                    produce: { job, record, _ in
                        record[0] = Double(job)
                        record[1] = Double(job * job)
                    },
                    consume: { job, record in
                        #expect(record[1] == Double(job * job))
                        seen.append(record[0])
                    })
                #expect(seen == (0..<200).map(Double.init))
            }
        }
    }
}

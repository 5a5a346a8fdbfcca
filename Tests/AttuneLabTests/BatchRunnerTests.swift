import AttuneModel
import Testing

@testable import AttuneLab

/// Every row of a batch, as CSV text.
private func csv(_ runner: BatchRunner) -> String {
    var rows = [[Field]]()
    runner.run { rows += MetricColumns.rows(of: $0, plan: runner.plan) }
    return RowFormat.csv.render(columns: MetricColumns.names, rows: rows)
}

@Suite("Batch runs")
struct BatchRunnerTests {
    @Test("rows come first in the documented columns and order")
    func columns() {
        #expect(
            Array(MetricColumns.names.prefix(20)) == [
                "run", "seed", "dyad", "phase", "duration_s", "gaze_at_caregiver_pct", "positive_affect_pct",
                "negative_affect_pct", "distress_pct", "mean_arousal", "peak_arousal", "coordinated_pct", "ruptures",
                "repairs", "median_repair_s", "longest_rupture_s", "lookaways", "mean_lookaway_s", "returned_on_own",
                "trust_end",
            ])
    }

    @Test("there is one row per run, dyad and phase, each as wide as the header")
    func rowCount() throws {
        let runner = try BatchRunner(plan: TestPlans.waitOrChase, runs: 3, firstSeed: 10, threads: 1)
        var rows = [[Field]]()
        runner.run { rows += MetricColumns.rows(of: $0, plan: runner.plan) }
        #expect(rows.count == 3 * 2 * 2)
        #expect(rows.allSatisfy { $0.count == MetricColumns.names.count })
        #expect(rows[0][2] == .text("Waits"))
        #expect(rows[1][3] == .text("still-face"))
        #expect(rows[2][2] == .text("Chases"))
    }

    @Test("runs come back in seed order, run i with seed S + i - 1")
    func seedOrder() throws {
        let runner = try BatchRunner(plan: TestPlans.waitOrChase, runs: 7, firstSeed: 100, threads: 2)
        var seen = [(Int, UInt64)]()
        runner.run { seen.append(($0.run, $0.seed)) }
        #expect(seen.map(\.0) == Array(1...7))
        #expect(seen.map(\.1) == Array(100...106))
    }

    @Test("the rows are identical on one thread and on several")
    func threadsDoNotChangeRows() throws {
        let one = csv(try BatchRunner(plan: TestPlans.waitOrChase, runs: 9, firstSeed: 5, threads: 1))
        let two = csv(try BatchRunner(plan: TestPlans.waitOrChase, runs: 9, firstSeed: 5, threads: 2))
        let four = csv(try BatchRunner(plan: TestPlans.waitOrChase, runs: 9, firstSeed: 5, threads: 4))
        #expect(one == two)
        #expect(one == four)
    }

    @Test("a batch of many blocks, more than the ring holds, with a short last block, keeps every run in order")
    func manyBlocks() throws {
        let plan = RunPlan(
            infant: InfantParameters(), dyads: [DyadPlan(label: "Waits", caregiver: CaregiverSettings(policy: .attuned))],
            phases: [PhasePlan(name: "play", durationSeconds: 1)])
        // Blocks of 16 runs on two threads: 35 blocks through a ring of 8.
        let runs = BatchRunner.blockLimit * 2 * 16 + 37
        let one = try BatchRunner(plan: plan, runs: runs, firstSeed: 9, threads: 1)
        let two = try BatchRunner(plan: plan, runs: runs, firstSeed: 9, threads: 2)
        let three = try BatchRunner(plan: plan, runs: runs, firstSeed: 9, threads: 3)
        var seeds = [UInt64]()
        three.run { seeds.append($0.seed) }
        #expect(seeds == Array(9..<(9 + UInt64(runs))))
        #expect(csv(one) == csv(two))
        #expect(csv(one) == csv(three))
    }

    @Test("a consumer that throws stops the batch and its error comes back", arguments: [1, 2])
    func stopsOnError(threads: Int) throws {
        struct Stop: Error {}
        let runner = try BatchRunner(plan: TestPlans.waitOrChase, runs: 200, firstSeed: 1, threads: threads)
        var handed = 0
        #expect(throws: Stop.self) {
            try runner.run { _ in
                handed += 1
                if handed == 3 { throw Stop() }
            }
        }
        #expect(handed == 3)
    }

    @Test("the same seed gives the same rows; another seed gives others")
    func sameSeedSameRows() throws {
        let a = csv(try BatchRunner(plan: TestPlans.waitOrChase, runs: 4, firstSeed: 42))
        let b = csv(try BatchRunner(plan: TestPlans.waitOrChase, runs: 4, firstSeed: 42))
        let c = csv(try BatchRunner(plan: TestPlans.waitOrChase, runs: 4, firstSeed: 43))
        #expect(a == b)
        #expect(a != c)
    }

    @Test("a run in a batch matches the same seed run alone")
    func matchesSingleRun() throws {
        let runner = try BatchRunner(plan: TestPlans.waitOrChase, runs: 3, firstSeed: 7, threads: 2)
        var third: BatchRun?
        runner.run { if $0.run == 3 { third = $0 } }
        var alone = Simulation(plan: TestPlans.waitOrChase, seed: 9)
        alone.runToEnd()
        #expect(try #require(third).metrics == alone.metrics)
    }

    @Test("seeds wrap around past the largest 64-bit value")
    func seedsWrap() throws {
        let runner = try BatchRunner(plan: TestPlans.waitOrChase, runs: 2, firstSeed: .max)
        var seeds = [UInt64]()
        runner.run { seeds.append($0.seed) }
        #expect(seeds == [.max, 0])
    }

    @Test("a human caregiver is refused with a message that says what to do")
    func humanRejected() {
        #expect(throws: LabError.humanCaregiver(dyad: "You", overridePath: "dyads.0.caregiver.policy")) {
            try BatchRunner(plan: TestPlans.human, runs: 1)
        }
        let message = LabError.humanCaregiver(dyad: "You", overridePath: "dyads.0.caregiver.policy").description
        #expect(
            message
                == "The caregiver in dyad \"You\" is set to human, which needs the live screen; use `attune run`, or choose another policy with --set dyads.0.caregiver.policy=attuned"
        )
    }

    @Test("a phase that hands the caregiver to the keyboard is refused, naming the phase's setting")
    func humanPhaseRejected() {
        #expect(throws: LabError.humanCaregiver(dyad: "Waits", overridePath: "phases.1.caregiver.policy")) {
            try BatchRunner(plan: TestPlans.humanInSecondPhase, runs: 1)
        }
    }

    @Test("the number of runs must be 1 to 1,000,000")
    func runsInRange() {
        #expect(throws: LabError.self) { try BatchRunner(plan: TestPlans.waitOrChase, runs: 0) }
        #expect(throws: LabError.self) { try BatchRunner(plan: TestPlans.waitOrChase, runs: 1_000_001) }
    }
}

@Suite("Batch summary")
struct BatchSummaryTests {
    @Test("the summary names every dyad and phase and counts the runs")
    func namesEverything() throws {
        let runner = try BatchRunner(plan: TestPlans.waitOrChase, runs: 5, firstSeed: 1)
        var summary = BatchSummary(plan: runner.plan)
        runner.run { summary.add($0) }
        let text = summary.render(title: "Wait or chase")
        #expect(text.hasPrefix("Wait or chase\n5 runs, seeds 1 to 5."))
        #expect(text.contains("Phase \"play\", 20 s"))
        #expect(text.contains("Phase \"still-face\", 10 s"))
        #expect(text.contains("Waits"))
        #expect(text.contains("Chases"))
        #expect(text.contains("Runs with any fussing or crying"))
    }

    @Test("the summary's means match the rows")
    func meansMatchRows() throws {
        let runner = try BatchRunner(plan: TestPlans.waitOrChase, runs: 6, firstSeed: 3)
        var summary = BatchSummary(plan: runner.plan)
        var gaze = [Double]()
        runner.run {
            summary.add($0)
            gaze.append($0.metrics[1][0].gazeAtCaregiverPercent)
        }
        let ci = try #require(summary.interval(metric: 0, dyad: 1, phase: 0))
        let expected = try #require(Statistics.interval(gaze))
        #expect(abs(ci.mean - expected.mean) < 1e-9)
        #expect(abs(try #require(ci.halfWidth) - (try #require(expected.halfWidth))) < 1e-9)
    }
}

@Suite("Trace")
struct TraceTests {
    @Test("one row per step per dyad, in the documented columns")
    func rowsPerStep() throws {
        let trace = try TraceRunner(plan: TestPlans.waitOrChase, seed: 1)
        var rows = [[Field]]()
        trace.run { rows.append($0) }
        #expect(rows.count == 300 * 2)
        #expect(rows.count == trace.rowCount)
        #expect(rows.allSatisfy { $0.count == TraceColumns.names.count })
        #expect(rows[0][0] == .decimal(0.1, places: 3))
        #expect(rows[0][12] == .text("phase-start"))
        #expect(rows[1][2] == .text("Chases"))
        #expect(rows[400][1] == .text("still-face"))
    }

    @Test("one dyad can be traced alone by its label")
    func oneDyad() throws {
        let trace = try TraceRunner(plan: TestPlans.waitOrChase, seed: 1, dyad: "Chases")
        var labels = Set<Field>()
        trace.run { labels.insert($0[2]) }
        #expect(labels == [.text("Chases")])
    }

    @Test("an unknown dyad label is refused, listing the dyads there are")
    func unknownDyad() {
        #expect(throws: LabError.unknownDyad("Hugs", available: ["Waits", "Chases"])) {
            try TraceRunner(plan: TestPlans.waitOrChase, seed: 1, dyad: "Hugs")
        }
    }

    @Test("a trace's words come from the model's vocabulary")
    func vocabulary() throws {
        let trace = try TraceRunner(plan: TestPlans.waitOrChase, seed: 2)
        var gazes = Set<String>()
        var actions = Set<String>()
        trace.run {
            gazes.insert($0[6].text)
            actions.insert($0[9].text)
        }
        #expect(gazes.isSubset(of: Set(Gaze.allCases.map(\.word))))
        #expect(actions.isSubset(of: Set(CaregiverAction.allCases.map(\.word))))
        #expect(actions.contains("still-face"))
    }

    @Test("a trace with a human caregiver is refused")
    func humanRejected() {
        #expect(throws: LabError.self) { try TraceRunner(plan: TestPlans.human, seed: 1) }
    }
}

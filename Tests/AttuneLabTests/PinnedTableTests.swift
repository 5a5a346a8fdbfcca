import AttuneModel
import AttuneScenario
import AttuneTestSupport
import Testing

@testable import AttuneLab

/// The readable tables a terminal gets (the batch summary, the sweep and
/// days tables and text charts), pinned byte for byte under `Tests/Pinned/`.
@Suite("Pinned tables")
struct PinnedTableTests {
    @Test("the batch summary table")
    func batchSummary() throws {
        let scenario = try ScenarioLoader.resolve("wait-or-chase")
        let runner = try BatchRunner(scenario: scenario, runs: 8, firstSeed: 11, threads: 2)
        var summary = BatchSummary(plan: scenario.plan)
        runner.run { summary.add($0) }
        let text = summary.render(title: scenario.title)
        #expect(
            Pinned.difference(text, pinned: "batch-summary.txt") == nil, "\(Pinned.difference(text, pinned: "batch-summary.txt") ?? "")")
    }

    @Test("the sweep table and its chart")
    func sweepTable() throws {
        let (grid, plans) = try ExperimentFixtures.plans(
            ExperimentFixtures.waitOrChase, vary: ["dyads.1.caregiver.patience=1s..3s:1s"])
        var report = SweepReport(title: "Wait or chase", grid: grid, runs: 6, firstSeed: 1)
        try SweepRunner(plans: plans, runs: 6, firstSeed: 1, threads: 2).run { report.add($0) }
        var shown = [Int]()
        for name in SweepFigures.tableDefaults { shown.append(try SweepFigures.index(named: name)) }
        let text =
            report.table(metrics: shown) + "\n" + TextChart.render(report.chart(metric: try SweepFigures.index(named: "distress_pct")))
        #expect(Pinned.difference(text, pinned: "sweep-table.txt") == nil, "\(Pinned.difference(text, pinned: "sweep-table.txt") ?? "")")
    }

    @Test("the days table and its chart")
    func daysTable() throws {
        let schedule = try DaySchedule.build(
            days: 5, sessionsPerDay: 2, switches: [try DaySwitch.parse("3:dyads.0.caregiver.policy=intrusive", days: 5)],
            baseOverrides: [], load: ExperimentFixtures.loader(ExperimentFixtures.waits))
        let result = try DaysRunner(schedule: schedule, runs: 4, firstSeed: 1).run()
        let report = DaysReport(title: "Waits", result: result)
        let text = report.table() + "\n" + TextChart.render(report.chart(metric: DayFigures.plotDefault))
        #expect(Pinned.difference(text, pinned: "days-table.txt") == nil, "\(Pinned.difference(text, pinned: "days-table.txt") ?? "")")
    }
}

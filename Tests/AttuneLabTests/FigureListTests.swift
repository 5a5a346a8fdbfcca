import AttuneModel
import Testing

@testable import AttuneLab

/// Batch rows, the batch summary, sweeps and `days` all take their figures
/// from the registry (``Figures``): these tests check that each list is
/// derived from it, so a figure added there shows everywhere.
@Suite("Figures from the registry")
struct FigureListTests {
    @Test("batch columns are the keys, then the registry's figures in row order, as documented")
    func batchColumns() {
        #expect(MetricColumns.names == MetricColumns.keys + Figures.batchRows.map(\.column))
        #expect(MetricColumns.names.count == MetricColumns.keys.count + Figures.all.count)
        #expect(
            MetricColumns.names == [
                "run", "seed", "dyad", "phase", "duration_s", "gaze_at_caregiver_pct", "positive_affect_pct",
                "negative_affect_pct", "distress_pct", "mean_arousal", "peak_arousal", "coordinated_pct", "ruptures",
                "repairs", "median_repair_s", "longest_rupture_s", "lookaways", "mean_lookaway_s", "returned_on_own",
                "trust_end", "crying_pct", "unrepaired", "median_lookaway_s", "withdrawn_pct", "mean_hr_bpm", "peak_hr_bpm",
                "mean_rsa", "matched_pct", "repaired_2s_pct", "repaired_5s_pct", "age_months", "reactivity", "soothability",
                "sociability", "trust_start",
            ])
    }

    @Test("a batch row's cells are the registry's values: counts whole, others to the unit's places")
    func batchCells() throws {
        let runner = try BatchRunner(plan: TestPlans.waitOrChase, runs: 2, firstSeed: 4, threads: 1)
        runner.run { run in
            let m = run.metrics[1][0]
            let cells = MetricColumns.cells(run: run.run, seed: run.seed, dyad: "Chases", phase: "play", metrics: m)
            for (offset, figure) in Figures.batchRows.enumerated() {
                let cell = cells[MetricColumns.keys.count + offset]
                switch (figure.value(m), figure.unit) {
                case (nil, _): #expect(cell == .missing)
                case (let value?, .count): #expect(cell == .integer(Int(value)))
                case (let value?, _): #expect(cell == .decimal(value, places: figure.rowPlaces))
                }
            }
        }
    }

    @Test("the summary has a row per summary figure, in the registry's order, then the share of runs with distress")
    func summaryRows() throws {
        let runner = try BatchRunner(plan: TestPlans.waitOrChase, runs: 3, firstSeed: 1, threads: 1)
        var summary = BatchSummary(plan: runner.plan)
        runner.run { summary.add($0) }
        let lines = summary.render(title: "").split(separator: "\n").map(String.init)
        let block = lines.drop { !$0.hasPrefix("Phase \"play\"") }.dropFirst()
        let labels = Figures.summary.map(\.label) + ["Runs with any fussing or crying"]
        #expect(Array(block.prefix(labels.count)).enumerated().allSatisfy { $0.element.hasPrefix(labels[$0.offset]) })
        for (k, figure) in Figures.summary.enumerated() {
            var values = [Double]()
            runner.run { run in
                if let v = figure.value(run.metrics[0][0]) { values.append(v) }
            }
            #expect(summary.interval(metric: k, dyad: 0, phase: 0)?.mean == Statistics.interval(values)?.mean)
        }
    }

    @Test("sweep columns and --plot names are the summary's figures, in order")
    func sweepColumns() throws {
        let (grid, _) = try ExperimentFixtures.plans(ExperimentFixtures.waitOrChase, vary: ["dyads.1.caregiver.patience=1s,2s"])
        var expected = ["point"] + grid.fields.map(\.column) + ["dyad", "phase", "runs"]
        for figure in Figures.summary {
            expected += [figure.column + "_mean", figure.column + "_lo", figure.column + "_hi"]
            if figure.mayBeMissing { expected.append(figure.column + "_n") }
        }
        #expect(SweepColumns.names(grid: grid) == expected)
        #expect(SweepFigures.all.map(\.column) == Figures.summary.map(\.column))
        for (k, figure) in Figures.summary.enumerated() {
            #expect(try SweepFigures.index(named: figure.column) == k)
        }
        #expect(SweepFigures.tableDefaults.allSatisfy { name in Figures.summary.contains { $0.column == name } })
    }

    @Test("every figure is in batch rows, and all but the row-only ones in the summary and sweeps")
    func everywhere() {
        for figure in Figures.all {
            #expect(MetricColumns.names.contains(figure.column))
            #expect(SweepFigures.all.contains { $0.column == figure.column } == !figure.rowOnly)
            #expect(Figures.summary.contains { $0.label == figure.label } == !figure.rowOnly)
        }
    }

    @Test("days columns come from its figures; those named as in the registry read the registry's value")
    func dayFigures() throws {
        var expected = ["day", "dyad", "sessions", "runs", "changes"]
        for day in DayFigures.all {
            expected += [day.figure.column + "_mean", day.figure.column + "_lo", day.figure.column + "_hi"]
            if day.figure.mayBeMissing { expected.append(day.figure.column + "_n") }
        }
        #expect(DaysColumns.names == expected)
        #expect(Set(DayFigures.all.map(\.figure.column)).count == DayFigures.all.count)
        var simulation = Simulation(plan: TestPlans.waitOrChase, seed: 2)
        simulation.runToEnd()
        let day = PhaseMetrics.combined(simulation.dyads[1].metrics)
        for figure in DayFigures.all where !figure.perSession {
            let registry = try #require(Figures.all.first { $0.column == figure.figure.column })
            #expect(figure.value(ofDay: day, sessions: 3) == registry.value(day))
            #expect(figure.figure.rowPlaces == registry.rowPlaces && figure.figure.tablePlaces == registry.tablePlaces)
        }
        let perSession = try #require(DayFigures.all.first { $0.perSession })
        #expect(perSession.value(ofDay: day, sessions: 4) == Double(day.lookAways) / 4)
        // The baby's traits are the baby met, not the defaults of an empty sum.
        var plan = TestPlans.waitOrChase
        plan.infant = InfantParameters(ageMonths: 7, reactivity: 0.3, soothability: 0.6, trust: 0.4, sociability: 0.8)
        var older = Simulation(plan: plan, seed: 2)
        older.runToEnd()
        let combined = PhaseMetrics.combined(older.dyads[0].metrics)
        let traits = DayFigures.all.filter { !$0.inTable }.map { $0.value(ofDay: combined, sessions: 1) }
        #expect(traits == [7, 0.3, 0.6, 0.8, 0.4])
        #expect(
            DayFigures.all.filter { !$0.inTable }.map(\.figure.column) == [
                "age_months", "reactivity", "soothability", "sociability", "trust_start",
            ])
    }
}

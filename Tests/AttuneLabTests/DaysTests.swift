import AttuneModel
import AttuneScenario
import Testing

@testable import AttuneLab

/// The schedule of `yaml` over `days` days.
private func schedule(
    _ yaml: String = ExperimentFixtures.waits, days: Int, sessions: Int = 1, switches: [String] = [], set: [String] = []
) throws -> DaySchedule {
    try DaySchedule.build(
        days: days, sessionsPerDay: sessions, switches: try switches.map { try DaySwitch.parse($0, days: days) },
        baseOverrides: set, load: ExperimentFixtures.loader(yaml))
}

/// The index in ``DayFigures/all`` of the figure named `column`.
private func dayFigure(_ column: String) -> Int {
    DayFigures.all.firstIndex { $0.figure.column == column }!
}

/// The messages a `--switch` is refused with.
private func refusal(_ text: String, days: Int) -> String {
    do {
        _ = try DaySwitch.parse(text, days: days)
        return "accepted"
    } catch {
        return error.description
    }
}

/// One session run by hand: the plan's first dyad alone, starting from
/// `trust`; returns its figures.
private func session(_ plan: RunPlan, dyad: Int = 0, trust: Double, seed: UInt64) -> [PhaseMetrics] {
    var alone = RunPlan(infant: plan.infant, dyads: [plan.dyads[dyad]], phases: plan.phases, stepSeconds: plan.stepSeconds)
    alone.infant.trust = trust
    var simulation = Simulation(plan: alone, seed: seed)
    simulation.runToEnd()
    return simulation.dyads[0].metrics
}

@Suite("Days: a history of sessions")
struct DaysTests {
    @Test("each session starts from the trust the one before ended with")
    func trustCarriesOver() throws {
        let days = try schedule(days: 3, sessions: 2)
        let runner = try DaysRunner(schedule: days, runs: 1, firstSeed: 50, threads: 1)
        let result = runner.run()
        var trust = 0.8
        let plan = days.stretches[0].plan
        for day in 1...3 {
            for k in 0..<2 {
                let figures = session(plan, trust: trust, seed: runner.seed(run: 0, session: (day - 1) * 2 + k))
                trust = figures.last!.trustEnd
            }
            #expect(result.interval(metric: dayFigure("trust_end"), day: day, dyad: 0)?.mean == trust)
        }
        #expect(trust != 0.8)
    }

    @Test("seeds are S + run × 1,000,003 + session, sessions counted through the whole history")
    func seeds() throws {
        let runner = try DaysRunner(schedule: try schedule(days: 2), runs: 3, firstSeed: 10)
        #expect(runner.seed(run: 0, session: 0) == 10)
        #expect(runner.seed(run: 0, session: 1) == 11)
        #expect(runner.seed(run: 2, session: 1) == 10 + 2 * 1_000_003 + 1)
    }

    @Test("a day's figures gather all its sessions: look-aways per session, shares of all steps, one median")
    func dayFigures() throws {
        let days = try schedule(days: 1, sessions: 3)
        let runner = try DaysRunner(schedule: days, runs: 1, firstSeed: 8, threads: 1)
        let result = runner.run()
        var trust = 0.8
        var lookAways = 0
        var steps = 0
        var coordinated = 0
        var latencies = [Double]()
        for k in 0..<3 {
            let figures = session(days.stretches[0].plan, trust: trust, seed: runner.seed(run: 0, session: k))
            trust = figures.last!.trustEnd
            for m in figures {
                lookAways += m.lookAways
                steps += m.steps
                coordinated += m.coordinatedSteps
                latencies += m.repairLatencies
            }
        }
        #expect(result.interval(metric: dayFigure("lookaways_per_session"), day: 1, dyad: 0)?.mean == Double(lookAways) / 3)
        #expect(result.interval(metric: dayFigure("coordinated_pct"), day: 1, dyad: 0)?.mean == 100 * Double(coordinated) / Double(steps))
        #expect(result.interval(metric: dayFigure("median_repair_s"), day: 1, dyad: 0)?.mean == PhaseMetrics.median(latencies))
    }

    @Test("a switch holds from its day on, and not before")
    func switchOnTheRightDay() throws {
        let days = try schedule(days: 5, switches: ["3:dyads.0.caregiver.policy=intrusive"])
        #expect(days.stretches.map(\.firstDay) == [1, 3])
        #expect(days.stretch(forDay: 2).plan.caregiver(dyad: 0, phase: 0).policy == .attuned)
        #expect(days.stretch(forDay: 3).plan.caregiver(dyad: 0, phase: 0).policy == .intrusive)
        #expect(days.stretch(forDay: 5).plan.caregiver(dyad: 0, phase: 0).policy == .intrusive)
        // Day 3's session is the intrusive one, started from day 2's trust.
        let runner = try DaysRunner(schedule: days, runs: 1, firstSeed: 2, threads: 1)
        let result = runner.run()
        let before = try #require(result.interval(metric: dayFigure("trust_end"), day: 2, dyad: 0)?.mean)
        let third = session(days.stretch(forDay: 3).plan, trust: before, seed: runner.seed(run: 0, session: 2))
        #expect(result.interval(metric: dayFigure("trust_end"), day: 3, dyad: 0)?.mean == third.last!.trustEnd)
        let rows = DaysColumns.rows(of: result)
        #expect(rows.map { $0[4].text } == ["", "", "dyads.0.caregiver.policy=intrusive", "", ""])
    }

    @Test("a later switch of the same field wins, and switches build on each other")
    func switchesAccumulate() throws {
        let days = try schedule(
            days: 6,
            switches: [
                "5:dyads.0.caregiver.policy=attuned", "2:dyads.0.caregiver.policy=intrusive", "2:infant.age_months=6",
            ])
        #expect(days.stretches.map(\.firstDay) == [1, 2, 5])
        #expect(days.stretch(forDay: 4).plan.caregiver(dyad: 0, phase: 0).policy == .intrusive)
        #expect(days.stretch(forDay: 5).plan.caregiver(dyad: 0, phase: 0).policy == .attuned)
        #expect(days.stretch(forDay: 6).plan.infant.ageMonths == 6)
        #expect(days.stretch(forDay: 1).plan.infant.ageMonths == 4)
    }

    @Test("a month of leaning in lowers trust, and a month of waiting afterwards raises it")
    func intrusionThenAttunement() throws {
        let days = try schedule(
            ExperimentFixtures.waits, days: 8, switches: ["5:dyads.0.caregiver.policy=attuned"],
            set: ["dyads.0.caregiver.policy=intrusive", "duration=120s"])
        let result = try DaysRunner(schedule: days, runs: 4, firstSeed: 1).run()
        let trust: [Double] = (1...8).map { result.interval(metric: dayFigure("trust_end"), day: $0, dyad: 0)!.mean }
        #expect(trust[0] < 0.8)
        #expect(zip(trust[0..<4], trust[1..<4]).allSatisfy { $0 > $1 })
        #expect(zip(trust[4..<8], trust[5..<8]).allSatisfy { $0 < $1 })
    }

    @Test("each dyad is its own history line, as if run alone")
    func dyadsAreSeparateLines() throws {
        let both = try DaysRunner(schedule: try schedule(ExperimentFixtures.waitOrChase, days: 3), runs: 3, firstSeed: 4).run()
        let alone = try DaysRunner(
            schedule: try schedule(ExperimentFixtures.waitOrChase, days: 3, set: ["dyads.0.caregiver.policy=intrusive"]),
            runs: 3, firstSeed: 4
        ).run()
        for day in 1...3 {
            // The chasing caregiver's line does not depend on the other dyad.
            #expect(
                both.interval(metric: dayFigure("trust_end"), day: day, dyad: 1)
                    == alone.interval(metric: dayFigure("trust_end"), day: day, dyad: 1))
            #expect(
                alone.interval(metric: dayFigure("trust_end"), day: day, dyad: 0)
                    == alone.interval(metric: dayFigure("trust_end"), day: day, dyad: 1))
        }
        #expect(
            both.interval(metric: dayFigure("trust_end"), day: 3, dyad: 0)!.mean
                > both.interval(metric: dayFigure("trust_end"), day: 3, dyad: 1)!.mean)
    }

    @Test("the result is the same on 1, 2 or 3 threads")
    func threadsDoNotChangeResults() throws {
        let days = try schedule(ExperimentFixtures.waitOrChase, days: 4, sessions: 2)
        func csv(_ threads: Int) throws -> String {
            let result = try DaysRunner(schedule: days, runs: 7, firstSeed: 9, threads: threads).run()
            return RowFormat.csv.render(columns: DaysColumns.names, rows: DaysColumns.rows(of: result))
        }
        #expect(try csv(1) == csv(2))
        #expect(try csv(1) == csv(3))
    }

    @Test("a switch outside the history, on day 0, or badly written is refused")
    func switchMistakes() {
        #expect(
            refusal("61:dyads.0.caregiver.policy=attuned", days: 60)
                == "--switch 61:dyads.0.caregiver.policy=attuned: day 61 is outside the history; with --days 60 the days run from 1 to 60")
        #expect(refusal("0:dyads.0.caregiver.policy=attuned", days: 60).contains("day 0 is outside the history"))
        #expect(refusal("dyads.0.caregiver.policy=attuned", days: 60).contains("write it as DAY:PATH=VALUE"))
        #expect(refusal("x:dyads.0.caregiver.policy=attuned", days: 60).contains("\"x\" is not a day"))
        #expect(refusal("3:attuned", days: 60).contains("write the change as PATH=VALUE"))
        #expect(refusal("3:infant.trust=0.2", days: 60).contains("infant.trust is what a history carries"))
        #expect(refusal("3:seed=4", days: 60).contains("so a switched seed would change nothing"))
    }

    @Test("a switch's value is checked like --set and named by its --switch")
    func switchChecked() throws {
        #expect(
            throws: ExperimentErrors([
                "--switch 3:dyads.0.caregiver.policy=atuned: dyads.0.caregiver.policy is \"atuned\"; did you mean \"attuned\"? The policies are attuned, intrusive, withdrawn, still-face, good-enough, anxious and human"
            ])
        ) {
            try schedule(days: 5, switches: ["3:dyads.0.caregiver.policy=atuned"])
        }
        #expect(throws: LabError.self) { try schedule(days: 0) }
        #expect(throws: LabError.self) { try schedule(days: 2, sessions: 49) }
    }

    @Test("the report shows a table per dyad, marks the switch day and charts trust with a marker")
    func report() throws {
        let days = try schedule(days: 4, switches: ["3:dyads.0.caregiver.energy=0.3"])
        let result = try DaysRunner(schedule: days, runs: 3, firstSeed: 1).run()
        let report = DaysReport(title: "Waits", result: result)
        let table = report.table()
        #expect(table.contains("[1] from day 3: dyads.0.caregiver.energy=0.3"))
        #expect(table.contains("Trust at the"))
        let chart = report.chart(metric: dayFigure("trust_end"))
        #expect(chart.series.map(\.name) == ["Waits"])
        #expect(chart.series[0].points.map(\.x) == [1, 2, 3, 4])
        #expect(chart.markers == [ChartMarker(x: 2.5, label: "from day 3: dyads.0.caregiver.energy=0.3")])
        let text = TextChart.render(chart)
        #expect(text.contains(": from day 3: dyads.0.caregiver.energy=0.3"))
        #expect(try DayFigures.index(named: "distress_pct") == dayFigure("distress_pct"))
        #expect(throws: ExperimentErrors.self) { try DayFigures.index(named: "trust") }
    }
}

@Suite("Days: switched parameters set on the loaded plan")
struct DaysTypedSwitchTests {
    @Test(
        "each stretch's plan is the one the loader gives for the switches in effect",
        arguments: [
            ["3:dyads.0.caregiver.energy=0.3", "5:dyads.0.caregiver.policy=intrusive", "5:infant.age_months=9"],
            ["2:dyads.0.caregiver.patience=2s", "4:duration=10s", "4:dyads.0.caregiver.patience=3s"],
            ["2:step=50ms", "3:dyads.0.caregiver.patience= 4s"],
        ])
    func sameAsLoading(switches: [String]) throws {
        let parsed = try switches.map { try DaySwitch.parse($0, days: 6) }
        let set = ["infant.reactivity=0.6"]
        let days = try DaySchedule.build(
            days: 6, sessionsPerDay: 1, switches: parsed, baseOverrides: set, load: ExperimentFixtures.loader(ExperimentFixtures.waits))
        for stretch in days.stretches {
            let inEffect = parsed.filter { $0.day <= stretch.firstDay }.map(\.override)
            let loaded = try ScenarioLoader.load(yaml: ExperimentFixtures.waits, name: "test", overrides: set + inEffect)
            #expect(stretch.plan == loaded.plan, "from day \(stretch.firstDay)")
        }
    }
}

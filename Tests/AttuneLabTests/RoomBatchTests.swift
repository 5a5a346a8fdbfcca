import AttuneLab
import AttuneModel
import AttuneScenario
import Testing

/// The room's figures are the batch's: baby i of `attune room SCENARIO
/// --seed S` is run i of `attune batch SCENARIO --population default
/// --seed S`, so the room's means are the batch summary's means.
@Suite("A room agrees with the batch")
struct RoomBatchTests {
    /// The scenario's plan as the room runs it (the default population
    /// when the file gives no spreads, as `--population default` does for
    /// the batch).
    static func plan(_ name: String) throws -> RunPlan {
        var plan = try ScenarioLoader.resolve(name).plan
        if plan.population.isFixed { plan.population = .default }
        return plan
    }

    @Test(
        "every figure of every phase and caregiver: the room's mean is the batch summary's mean",
        arguments: ["still-face", "wait-or-chase"])
    func roomMeansAreBatchMeans(name: String) throws {
        let plan = try Self.plan(name)
        let babies = 24
        let seed: UInt64 = 3
        var room = Room(plan: plan, babies: babies, firstSeed: seed)
        var events: [Events] = []
        while !room.isFinished { room.step(events: &events) }
        let metrics = room.metrics

        var summary = BatchSummary(plan: plan)
        var perRun: [[[PhaseMetrics]]] = []
        try BatchRunner(plan: plan, runs: babies, firstSeed: seed, threads: 2).run { run in
            summary.add(run)
            perRun.append(run.metrics)
        }
        #expect(perRun == metrics, "each baby's figures are its batch run's, exactly")
        var compared = 0
        for d in plan.dyads.indices {
            for p in plan.phases.indices {
                for (k, figure) in Figures.summary.enumerated() {
                    let batch = summary.interval(metric: k, dyad: d, phase: p)
                    let roomMean = RoomFigures.mean(figure, of: metrics, dyad: d, phase: p)
                    #expect((batch == nil) == (roomMean == nil), "\(figure.column), dyad \(d), phase \(p)")
                    guard let batch, let roomMean else { continue }
                    #expect(batch.count == roomMean.count, "\(figure.column): babies with a value")
                    let scale = max(1, abs(batch.mean))
                    #expect(
                        abs(batch.mean - roomMean.mean) <= 1e-9 * scale,
                        "\(figure.column), dyad \(d), phase \(p): batch \(batch.mean), room \(roomMean.mean)")
                    compared += 1
                }
            }
        }
        #expect(compared >= Figures.summary.count * plan.dyads.count * plan.phases.count / 2)
    }

    @Test("looking and heart rate per phase: the room's share equals the batch's per-run figures averaged")
    func lookingAndHeartRatePerPhase() throws {
        let plan = try Self.plan("still-face")
        var room = Room(plan: plan, babies: 12, firstSeed: 40)
        var events: [Events] = []
        while !room.isFinished { room.step(events: &events) }
        var rows: [[[PhaseMetrics]]] = []
        try BatchRunner(plan: plan, runs: 12, firstSeed: 40, threads: 1).run { rows.append($0.metrics) }
        for p in plan.phases.indices {
            for figure in [Figures.gazeAtCaregiver, Figures.meanHeartRate] {
                let batchValues = rows.map { figure.value($0[0][p])! }
                let batchMean = batchValues.reduce(0, +) / Double(batchValues.count)
                let roomMean = try #require(RoomFigures.mean(figure, of: room.metrics, dyad: 0, phase: p)).mean
                #expect(abs(batchMean - roomMean) < 1e-9, "\(figure.column), phase \(p)")
            }
        }
    }
}

import AttuneModel
import AttuneScenario
import Testing

/// A ready scenario's plan with its babies drawn from the default
/// population, as `attune room` runs it.
func roomPlan(_ name: String) throws -> RunPlan {
    var plan = try readyPlan(name)
    if plan.population.isFixed { plan.population = .default }
    return plan
}

/// A room stepped to its end the way the live room steps it (one step at a
/// time, with events), not through `runToEnd`.
func steppedRoom(_ plan: RunPlan, babies: Int, firstSeed: UInt64) -> Room {
    var room = Room(plan: plan, babies: babies, firstSeed: firstSeed)
    var events: [Events] = []
    while !room.isFinished { room.step(events: &events) }
    return room
}

@Suite("A room of babies")
struct RoomModelTests {
    @Test("the babies differ: each is drawn from the population with its own seed")
    func babiesDiffer() throws {
        let plan = try roomPlan("still-face")
        let room = Room(plan: plan, babies: 24, firstSeed: 3)
        let infants = room.babies.map(\.infant)
        #expect(Set(infants).count == 24, "24 different babies")
        #expect(Set(infants.map(\.reactivity)).count > 12)
        #expect(Set(infants.map(\.soothability)).count > 12)
        let resting = room.babies.map { $0.dyads[0].traits.restingHeartRate }
        #expect((resting.max() ?? 0) - (resting.min() ?? 0) > 5, "resting heart rates spread by more than 5 bpm")
        for b in room.babies.indices {
            #expect(room.seed(ofBaby: b) == 3 &+ UInt64(b))
            #expect(room.babies[b].infant == Simulation(plan: plan, seed: 3 &+ UInt64(b)).infant)
        }
    }

    @Test("with a fixed population every baby is the same baby (the room draws only from spreads)")
    func fixedPopulationGivesOneBaby() throws {
        let plan = try readyPlan("still-face")
        #expect(plan.population.isFixed)
        let room = Room(plan: plan, babies: 6, firstSeed: 3)
        #expect(Set(room.babies.map(\.infant)).count == 1)
    }

    @Test("two caregivers: the same baby in the same cell of both grids")
    func sameBabiesInBothGrids() throws {
        let plan = try roomPlan("wait-or-chase")
        #expect(plan.dyads.count == 2)
        let room = Room(plan: plan, babies: 12, firstSeed: 7)
        for baby in room.babies {
            #expect(baby.dyads[0].traits.restingHeartRate == baby.dyads[1].traits.restingHeartRate)
            #expect(baby.dyads[0].traits.reactivity == baby.dyads[1].traits.reactivity)
            #expect(baby.dyads[0].traits.soothing == baby.dyads[1].traits.soothing)
        }
        #expect(Set(room.babies.map { $0.dyads[0].traits.reactivity }).count > 6)
    }

    @Test("a room is the same for the same scenario and seed, and another seed gives other babies")
    func deterministic() throws {
        let plan = try roomPlan("still-face")
        var a = Room(plan: plan, babies: 10, firstSeed: 42)
        var b = Room(plan: plan, babies: 10, firstSeed: 42)
        var c = Room(plan: plan, babies: 10, firstSeed: 43)
        var ea: [Events] = []
        var eb: [Events] = []
        var ec: [Events] = []
        for _ in 0..<1_500 {
            a.step(events: &ea)
            b.step(events: &eb)
            c.step(events: &ec)
            #expect(ea == eb)
        }
        #expect(a.metrics == b.metrics)
        for k in 0..<10 {
            #expect(a.babies[k].dyads[0].infant == b.babies[k].dyads[0].infant)
        }
        // Seed 43 starts one baby later: its baby k is baby k + 1 of seed 42.
        for k in 0..<9 {
            #expect(c.babies[k].metrics == a.babies[k + 1].metrics)
        }
        #expect(c.metrics != a.metrics)
    }

    @Test("baby i of a room is run i of a batch from the same seed, to the last bit")
    func babyIsABatchRun() throws {
        for name in ["still-face", "wait-or-chase"] {
            let plan = try roomPlan(name)
            let room = steppedRoom(plan, babies: 8, firstSeed: 3)
            for b in 0..<8 {
                var run = Simulation(plan: plan, seed: 3 &+ UInt64(b))
                run.runToEnd()
                #expect(room.babies[b].metrics == run.metrics, "\(name), baby \(b + 1)")
            }
        }
    }

    @Test("the still face on a room: heart rates climb and looking falls, and both recover partly at reunion")
    func stillFaceOnARoom() throws {
        let plan = try roomPlan("still-face")
        #expect(plan.phases.map(\.name) == ["play", "still-face", "reunion"])
        let metrics = steppedRoom(plan, babies: 24, firstSeed: 3).metrics
        func mean(_ figure: Figure, _ phase: Int) throws -> Double {
            try #require(RoomFigures.mean(figure, of: metrics, dyad: 0, phase: phase)).mean
        }
        let heart = try (0..<3).map { try mean(Figures.meanHeartRate, $0) }
        let looking = try (0..<3).map { try mean(Figures.gazeAtCaregiver, $0) }
        let positive = try (0..<3).map { try mean(Figures.positiveAffect, $0) }
        let negative = try (0..<3).map { try mean(Figures.negativeAffect, $0) }
        #expect(heart[1] > heart[0] + 2, "heart rate climbs in the still face: \(heart)")
        #expect(looking[1] < looking[0] - 5, "looking falls in the still face: \(looking)")
        #expect(positive[1] < positive[0], "fewer smiles in the still face: \(positive)")
        #expect(negative[1] > negative[0], "more upset in the still face: \(negative)")
        // Reunion: looking comes back, the heart does not come all the way down.
        #expect(looking[2] > looking[1], "looking recovers at reunion: \(looking)")
        #expect(heart[2] > heart[0], "the heart stays above play at reunion: \(heart)")
        #expect(positive[2] < positive[0], "positive affect stays below play at reunion: \(positive)")
        // Most babies, not only the mean, show it.
        let play = RoomFigures.values(Figures.meanHeartRate, of: metrics, dyad: 0, phase: 0)
        let still = RoomFigures.values(Figures.meanHeartRate, of: metrics, dyad: 0, phase: 1)
        let climbed = zip(play, still).filter { ($1 ?? 0) > ($0 ?? 0) }.count
        #expect(climbed >= 18, "\(climbed) of 24 babies' hearts climbed")
    }

    @Test("the room's mean of a figure leaves out babies without a value and says how many had one")
    func meansLeaveOutMissingValues() throws {
        let plan = try roomPlan("still-face")
        let metrics = steppedRoom(plan, babies: 12, firstSeed: 3).metrics
        let values = RoomFigures.values(Figures.medianRepair, of: metrics, dyad: 0, phase: 1)
        let present = values.compactMap { $0 }.filter(\.isFinite)
        let mean = try #require(RoomFigures.mean(Figures.medianRepair, of: metrics, dyad: 0, phase: 1))
        #expect(mean.count == present.count)
        #expect(abs(mean.mean - present.reduce(0, +) / Double(present.count)) < 1e-12)
    }
}

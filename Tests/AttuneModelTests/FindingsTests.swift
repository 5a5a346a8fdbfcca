import AttuneModel
import Testing

/// The findings from the developmental literature that the model must
/// reproduce (docs/model.md §7, "What the model reproduces"), each checked
/// over many seeds against the ready scenarios.
@Suite struct Findings {
    static let seeds = 100

    // Finding 1 (Field, 1981; Stifter & Moyer, 1991).
    @Test func lookAwayFollowsRisingArousalAndCalmsIt() throws {
        let p = try readyPlan("scene-a-waits")
        var rises = 0, calms = 0, afterDelight = 0, total = 0
        for seed in 1...Self.seeds {
            var sim = Simulation(plan: p, seed: UInt64(seed))
            var arousal: [Double] = []
            var positive: [Bool] = []
            var onset: Int? = nil
            while !sim.isFinished {
                let events = sim.step()[0]
                let infant = sim.dyads[0].infant
                arousal.append(infant.arousal)
                positive.append(infant.affect == .delighted)
                let i = arousal.count - 1
                // Look-aways to calm down; looking around the room out of
                // curiosity is another matter (finding 10).
                if events.contains(.infantLooksAway), i >= 30, infant.behavior != .exploring {
                    onset = i
                    total += 1
                    if arousal[i] > arousal[i - 30] { rises += 1 }
                    if positive[(i - 20)...i].contains(true) { afterDelight += 1 }
                }
                if events.contains(.infantLooksBack), let start = onset {
                    if arousal[i] < arousal[start] { calms += 1 }
                    onset = nil
                }
            }
        }
        #expect(total > Self.seeds * 3)
        // Arousal rose over the 3 s before the look-away...
        #expect(Double(rises) / Double(total) > 0.9)
        // ...fell while the infant looked away, so it looked back calmer...
        #expect(Double(calms) / Double(total) > 0.85)
        // ...and most look-aways came at the height of delight.
        #expect(Double(afterDelight) / Double(total) > 0.5)
    }

    // Finding 2 (Field, 1981): both a still and an overactive caregiver draw
    // more looking away than a natural, moderate one.
    @Test func stillAndOveractiveCaregiversBothDrawMoreLookingAway() {
        let gaze = [Policy.attuned, .stillFace, .intrusive].map { policy in
            mean(figures(plan(policy)), dyad: 0, phase: 0, \.gazeAtCaregiverPercent)
        }
        #expect(gaze[1] < gaze[0] - 5)
        #expect(gaze[2] < gaze[0] - 5)
    }

    // Finding 3: the article's two scenes.
    @Test func waitingCaregiverInfantReturnsOnItsOwn() throws {
        let p = try readyPlan("wait-or-chase")
        let runs = figures(p, runs: Self.seeds)
        let w = dyadIndex(p, "Waits")
        let m = runs.map { $0[w][0] }
        let lookAwayMeans = m.compactMap(\.meanLookAwaySeconds)
        let median = try #require(PhaseMetrics.median(lookAwayMeans))
        #expect(median >= 2 && median <= 8)
        let ended = m.reduce(0) { $0 + $1.lookAways }
        let own = m.reduce(0) { $0 + $1.returnedOnOwn }
        #expect(Double(own) / Double(ended) > 0.75)
        #expect(m.filter { $0.distressSteps > 0 }.count < Self.seeds / 5)
        #expect(m.allSatisfy { $0.cryingSteps == 0 })
    }

    @Test func chasedInfantStaysAwayLongerAndFusses() throws {
        let p = try readyPlan("wait-or-chase")
        let runs = figures(p, runs: Self.seeds)
        let w = dyadIndex(p, "Waits"), c = dyadIndex(p, "Chases")
        let waits = try #require(PhaseMetrics.median(runs.compactMap { $0[w][0].meanLookAwaySeconds }))
        let chases = try #require(PhaseMetrics.median(runs.compactMap { $0[c][0].meanLookAwaySeconds }))
        #expect(chases >= 2 * waits)
        #expect(runs.filter { $0[c][0].distressSteps > 0 }.count > Self.seeds / 2)
        let negWaits = mean(runs, dyad: w, phase: 0, \.negativeAffectPercent)
        let negChases = mean(runs, dyad: c, phase: 0, \.negativeAffectPercent)
        #expect(negChases >= 5 * negWaits)
        #expect(negChases > 5)
    }

    // Finding 4 (Tronick et al., 1978; Mesman et al., 2009).
    @Test(arguments: [
        [String](), ["phases.0.duration=80s", "phases.1.duration=80s", "phases.2.duration=80s"],
        ["phases.0.duration=90s", "phases.1.duration=45s", "phases.2.duration=150s"],
    ])
    func stillFaceLowersGazeAndPositiveAffect(lengths: [String]) throws {
        let runs = figures(try readyPlan("still-face", overrides: lengths), runs: Self.seeds)
        let play = (
            gaze: mean(runs, dyad: 0, phase: 0, \.gazeAtCaregiverPercent),
            pos: mean(runs, dyad: 0, phase: 0, \.positiveAffectPercent),
            neg: mean(runs, dyad: 0, phase: 0, \.negativeAffectPercent)
        )
        let still = (
            gaze: mean(runs, dyad: 0, phase: 1, \.gazeAtCaregiverPercent),
            pos: mean(runs, dyad: 0, phase: 1, \.positiveAffectPercent),
            neg: mean(runs, dyad: 0, phase: 1, \.negativeAffectPercent)
        )
        #expect(still.gaze < play.gaze)
        #expect(still.pos < play.pos)
        #expect(still.neg > play.neg)
    }

    @Test(arguments: [[String](), ["phases.0.duration=80s", "phases.1.duration=80s", "phases.2.duration=80s"]])
    func reunionRecoversOnlyPartly(lengths: [String]) throws {
        let runs = figures(try readyPlan("still-face", overrides: lengths), runs: Self.seeds)
        #expect(mean(runs, dyad: 0, phase: 2, \.positiveAffectPercent) < mean(runs, dyad: 0, phase: 0, \.positiveAffectPercent))
        #expect(mean(runs, dyad: 0, phase: 2, \.negativeAffectPercent) > mean(runs, dyad: 0, phase: 0, \.negativeAffectPercent))
    }

    @Test func stillFaceBidsComeBeforeProtestAndWithdrawal() throws {
        let p = try readyPlan("still-face")
        var ordered = 0, withdrew = 0
        for seed in 1...Self.seeds {
            var sim = Simulation(plan: p, seed: UInt64(seed))
            var firstBid: Int?, firstFuss: Int?, firstWithdraw: Int?
            while !sim.isFinished {
                let phase = sim.phaseIndex
                let e = sim.step()[0]
                guard phase == 1 else { continue }
                if e.contains(.infantBids), firstBid == nil { firstBid = sim.stepIndex }
                if e.contains(.infantFusses), firstFuss == nil { firstFuss = sim.stepIndex }
                if e.contains(.infantWithdraws), firstWithdraw == nil { firstWithdraw = sim.stepIndex }
            }
            if let b = firstBid, let f = firstFuss, b < f { ordered += 1 }
            if firstWithdraw != nil { withdrew += 1 }
        }
        #expect(ordered > Self.seeds * 8 / 10)
        #expect(withdrew > Self.seeds / 2)
    }

    // Finding 5 (Tronick, 1989; Tronick & Cohn, 1989).
    @Test func normalInteractionMovesBetweenStatesAndRepairsQuickly() throws {
        let p = try readyPlan("good-enough")
        let runs = figures(p, runs: Self.seeds)
        let m = runs.map { $0[0][0] }
        let coordinated = mean(runs, dyad: 0, phase: 0, \.coordinatedPercent)
        #expect(coordinated > 20 && coordinated < 60)
        let minutes = m[0].durationSeconds / 60
        #expect(mean(runs, dyad: 0, phase: 0) { Double($0.ruptures) } / minutes >= 5)
        let ruptures = m.reduce(0) { $0 + $1.ruptures }
        let repairs = m.reduce(0) { $0 + $1.repairs }
        #expect(Double(repairs) / Double(ruptures) > 0.9)
        let median = try #require(PhaseMetrics.median(m.flatMap(\.repairLatencies)))
        #expect(median <= 3)
    }

    // Finding 6 (Tronick, 1989; Field et al., 1988).
    @Test func lowTrustInfantDisengagesMoreWithTheSameCaregiver() throws {
        let low = figures(try readyPlan("history-of-intrusion"), runs: Self.seeds)
        let high = figures(try readyPlan("history-of-intrusion", overrides: ["infant.trust=0.85"]), runs: Self.seeds)
        #expect(mean(low, dyad: 0, phase: 0, \.gazeAtCaregiverPercent) < mean(high, dyad: 0, phase: 0, \.gazeAtCaregiverPercent))
        #expect(mean(low, dyad: 0, phase: 0, \.withdrawnPercent) > mean(high, dyad: 0, phase: 0, \.withdrawnPercent))
        #expect(mean(low, dyad: 0, phase: 0, \.positiveAffectPercent) < mean(high, dyad: 0, phase: 0, \.positiveAffectPercent))
    }

    @Test func trustFallsWithIntrusionAndGrowsWithAttunedCare() {
        let start = 0.5
        let infant = InfantParameters(trust: start)
        #expect(mean(figures(plan(.intrusive, infant: infant)), dyad: 0, phase: 0, \.trustEnd) < start)
        #expect(mean(figures(plan(.attuned, infant: infant)), dyad: 0, phase: 0, \.trustEnd) > start)
    }

    // Finding 7: attuned caregivers answer within about one to two seconds.
    @Test func attunedCaregiverAnswersTheReturnWithinTwoSeconds() throws {
        let p = try readyPlan("scene-a-waits")
        var delays: [Double] = []
        for seed in 1...30 {
            var sim = Simulation(plan: p, seed: UInt64(seed))
            var back: Int?
            while !sim.isFinished {
                let e = sim.step()[0]
                if e.contains(.infantLooksBack) { back = sim.stepIndex }
                if let b = back, e.contains(.caregiverGreets) || e.contains(.caregiverPlays) {
                    delays.append(Double(sim.stepIndex - b) * p.stepSeconds)
                    back = nil
                }
            }
        }
        let median = try #require(PhaseMetrics.median(delays))
        #expect(median >= 0.5 && median <= 2)
    }
}

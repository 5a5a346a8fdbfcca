import AttuneModel
import Testing

/// One line per step with every visible and hidden quantity, to compare runs.
private func fingerprint(_ plan: RunPlan, seed: UInt64) -> [String] {
    var sim = Simulation(plan: plan, seed: seed)
    var lines: [String] = []
    while !sim.isFinished {
        let events = sim.step()
        for (d, dyad) in sim.dyads.enumerated() {
            let i = dyad.infant
            let c = dyad.caregiver
            lines.append(
                "\(sim.stepIndex) \(d) \(i.arousal) \(i.valence) \(i.trust) \(i.gaze) \(i.behavior) \(c.action) \(c.intensity) \(events[d].rawValue)"
            )
        }
    }
    return lines
}

@Suite struct Determinism {
    @Test func sameSeedGivesTheSameRunStepForStep() {
        let p = plan(.goodEnough, seconds: 60)
        #expect(fingerprint(p, seed: 42) == fingerprint(p, seed: 42))
    }

    @Test func differentSeedsGiveDifferentRuns() {
        let p = plan(.goodEnough, seconds: 60)
        #expect(fingerprint(p, seed: 1) != fingerprint(p, seed: 2))
    }

    @Test func theFastPathGivesTheSameFiguresAsSteppingOneByOne() {
        let p = RunPlan(
            infant: InfantParameters(),
            dyads: [
                DyadPlan(label: "a", caregiver: CaregiverSettings(policy: .attuned)),
                DyadPlan(label: "b", caregiver: CaregiverSettings(policy: .intrusive)),
            ],
            phases: [
                PhasePlan(name: "one", durationSeconds: 30),
                PhasePlan(name: "two", durationSeconds: 20, caregiver: CaregiverSettings(policy: .stillFace)),
            ])
        var slow = Simulation(plan: p, seed: 9)
        while !slow.isFinished { slow.step() }
        var fast = Simulation(plan: p, seed: 9)
        fast.runToEnd()
        #expect(slow.metrics == fast.metrics)
        #expect(slow.stepIndex == fast.stepIndex)
    }

    @Test func theGeneratorIsTheDocumentedXoshiro() {
        // The first outputs for seed 0 pin the algorithm: a change of generator
        // would silently change every published run.
        var r = RandomSource(seed: 0)
        let first = (0..<3).map { _ in r.next() }
        var again = RandomSource(seed: 0)
        #expect(first == (0..<3).map { _ in again.next() })
        #expect(first[0] == 0x99EC_5F36_CB75_F2B4)
    }

    @Test func aCopiedSimulationContinuesIdentically() {
        var a = Simulation(plan: plan(.anxious, seconds: 40), seed: 5)
        for _ in 0..<123 { a.step() }
        var b = a
        a.runToEnd()
        b.runToEnd()
        #expect(a.metrics == b.metrics)
    }

    @Test func everyDyadMeetsTheSameInfant() {
        let p = RunPlan(
            infant: InfantParameters(),
            dyads: [
                DyadPlan(label: "a", caregiver: CaregiverSettings(policy: .attuned)),
                DyadPlan(label: "b", caregiver: CaregiverSettings(policy: .attuned)),
            ],
            phases: [PhasePlan(name: "play", durationSeconds: 60)])
        var sim = Simulation(plan: p, seed: 3)
        sim.runToEnd()
        #expect(sim.metrics[0] == sim.metrics[1])
    }
}

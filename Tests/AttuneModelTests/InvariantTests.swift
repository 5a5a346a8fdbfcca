import AttuneModel
import Testing

@Suite struct Invariants {
    /// Random valid parameter sets, drawn from the model's own generator.
    private func randomPlans(count: Int) -> [RunPlan] {
        var r = RandomSource(seed: 2026)
        func pick(_ lo: Double, _ hi: Double) -> Double { lo + (hi - lo) * r.unit() }
        let policies = Policy.allCases.filter { $0 != .human }
        return (0..<count).map { _ in
            let infant = InfantParameters(
                ageMonths: pick(2, 12), reactivity: pick(0, 1), soothability: pick(0, 1), trust: pick(0, 1))
            let caregivers = (0..<2).map { i in
                DyadPlan(
                    label: "\(i)",
                    caregiver: CaregiverSettings(
                        policy: policies[Int(r.next() % UInt64(policies.count))], patienceSeconds: pick(0, 120),
                        sensitivity: pick(0, 1), reactionSeconds: pick(0.1, 5), anxiety: pick(0, 1), energy: pick(0, 1)))
            }
            return RunPlan(
                infant: infant, dyads: caregivers,
                phases: [
                    PhasePlan(name: "a", durationSeconds: pick(5, 40)),
                    PhasePlan(name: "b", durationSeconds: pick(5, 40), caregiver: CaregiverSettings(policy: policies[Int(r.next() % 6)])),
                ],
                stepSeconds: [0.01, 0.05, 0.1, 0.25, 1][Int(r.next() % 5)])
        }
    }

    @Test func statesStayInRangeAndFiniteForAnyValidParameters() {
        for (n, p) in randomPlans(count: 300).enumerated() {
            var sim = Simulation(plan: p, seed: UInt64(n))
            while !sim.isFinished {
                sim.step()
                for d in sim.dyads {
                    let i = d.infant
                    for v in [i.arousal, i.need, i.reserve, i.trust, i.wariness, d.caregiver.intensity, d.caregiver.worry] {
                        #expect(v.isFinite && v >= 0 && v <= 1, "plan \(n): \(v) out of 0...1")
                    }
                    #expect(i.valence.isFinite && i.valence >= -1 && i.valence <= 1)
                }
            }
            for dyad in sim.metrics {
                for m in dyad {
                    #expect(m.repairs <= m.ruptures)
                    #expect(m.returnedOnOwn <= m.lookAways)
                    #expect(m.gazeAtCaregiverPercent >= 0 && m.gazeAtCaregiverPercent <= 100)
                    #expect(m.meanArousal.isFinite && m.peakArousal <= 1)
                }
            }
        }
    }

    @Test func stepsCoverEveryPhaseExactly() {
        let p = RunPlan(
            infant: InfantParameters(), dyads: [DyadPlan(label: "x", caregiver: CaregiverSettings(policy: .attuned))],
            phases: [PhasePlan(name: "a", durationSeconds: 12.3), PhasePlan(name: "b", durationSeconds: 7)])
        var sim = Simulation(plan: p, seed: 1)
        sim.runToEnd()
        #expect(sim.metrics[0][0].steps == 123)
        #expect(sim.metrics[0][1].steps == 70)
    }

    @Test func aPhaseOverrideChangesOnlyTheFieldsItNames() {
        let p = RunPlan(
            infant: InfantParameters(),
            dyads: [DyadPlan(label: "x", caregiver: CaregiverSettings(policy: .attuned, patienceSeconds: 3))],
            phases: [
                PhasePlan(name: "a", durationSeconds: 1),
                PhasePlan(name: "b", durationSeconds: 1, caregiver: CaregiverSettings(sensitivity: 0.2)),
            ])
        let b = p.caregiver(dyad: 0, phase: 1)
        #expect(b.policy == .attuned && b.patienceSeconds == 3 && b.sensitivity == 0.2)
        #expect(b.reactionSeconds == CaregiverParameters.defaults(for: .attuned).reactionSeconds)
    }

    @Test func theHumanPolicyDoesWhatTheKeyboardSays() {
        var sim = Simulation(plan: plan(.human, seconds: 10), seed: 1)
        for _ in 0..<20 { sim.step(human: [.soothe]) }
        #expect(sim.dyads[0].caregiver.action == .soothe)
        sim.step(human: [.stillFace])
        #expect(sim.dyads[0].caregiver.action == .stillFace)
    }

    @Test func aLiveSwitchChangesThePolicyFromNowOn() {
        var sim = Simulation(plan: plan(.attuned, seconds: 10), seed: 1)
        sim.step()
        sim.setLiveCaregiver(CaregiverSettings(policy: .stillFace), dyad: 0)
        sim.step()
        #expect(sim.dyads[0].caregiver.action == .stillFace)
    }
}

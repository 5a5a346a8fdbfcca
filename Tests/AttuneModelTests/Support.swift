import AttuneModel
import AttuneScenario

/// Loads a ready scenario's plan by name; a failure here is a test failure.
func readyPlan(_ name: String, overrides: [String] = []) throws -> RunPlan {
    try ScenarioLoader.resolve(name, overrides: overrides).plan
}

/// The figures of `runs` runs with seeds 1...runs, indexed [run][dyad][phase].
func figures(_ plan: RunPlan, runs: Int = 60) -> [[[PhaseMetrics]]] {
    (1...runs).map { seed in
        var sim = Simulation(plan: plan, seed: UInt64(seed))
        sim.runToEnd()
        return sim.metrics
    }
}

/// The mean of a figure over runs, for one dyad and phase.
func mean(_ all: [[[PhaseMetrics]]], dyad: Int, phase: Int, _ value: (PhaseMetrics) -> Double) -> Double {
    all.map { value($0[dyad][phase]) }.reduce(0, +) / Double(all.count)
}

/// The index of the dyad with this label.
func dyadIndex(_ plan: RunPlan, _ label: String) -> Int {
    plan.dyads.firstIndex { $0.label == label } ?? -1
}

/// A one-dyad, one-phase plan for direct model tests.
func plan(_ policy: Policy, infant: InfantParameters = InfantParameters(), seconds: Double = 120) -> RunPlan {
    RunPlan(
        infant: infant, dyads: [DyadPlan(label: policy.word, caregiver: CaregiverSettings(policy: policy))],
        phases: [PhasePlan(name: "play", durationSeconds: seconds)])
}

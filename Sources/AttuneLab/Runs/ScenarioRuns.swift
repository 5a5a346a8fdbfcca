import AttuneModel
import AttuneScenario

extension BatchRunner {
    /// A batch of `scenario`'s plan.
    /// - Parameters:
    ///   - scenario: a loaded scenario; no caregiver may use the `human`
    ///     policy.
    ///   - runs: how many runs, 1...1_000_000.
    ///   - firstSeed: the first run's seed; default: the scenario's seed.
    ///   - threads: worker threads, ≥ 1; default: the number of active cores.
    public init(scenario: Scenario, runs: Int, firstSeed: UInt64? = nil, threads: Int = BatchRunner.defaultThreads) throws {
        try self.init(plan: scenario.plan, runs: runs, firstSeed: firstSeed ?? scenario.seed, threads: threads)
    }
}

extension TraceRunner {
    /// A trace of one run of `scenario`.
    /// - Parameters:
    ///   - scenario: a loaded scenario; no caregiver may use the `human`
    ///     policy.
    ///   - seed: the run's seed; default: the scenario's seed.
    ///   - dyad: the label of the one dyad to trace, or `nil` for every dyad.
    public init(scenario: Scenario, seed: UInt64? = nil, dyad: String? = nil) throws {
        try self.init(plan: scenario.plan, seed: seed ?? scenario.seed, dyad: dyad)
    }
}

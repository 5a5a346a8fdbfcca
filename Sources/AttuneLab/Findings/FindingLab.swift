import AttuneModel
import AttuneScenario

/// Runs what the findings need: batches of ready scenarios (with `--set`
/// changes) over a population of babies, and step-by-step traces, with
/// their results kept so that two findings reading the same batch run it
/// once.
final class FindingLab: @unchecked Sendable {
    /// Runs per batch.
    let runs: Int
    /// Worker threads.
    let threads: Int
    /// The first run's seed of every batch.
    let firstSeed: UInt64
    private var batches: [String: [[[PhaseMetrics]]]] = [:]
    private var memos: [String: Any] = [:]

    /// `make()`'s result, made once per lab under `key`.
    func memo<T>(_ key: String, _ make: () throws -> T) rethrows -> T {
        if let done = memos[key] as? T { return done }
        let made = try make()
        memos[key] = made
        return made
    }

    init(runs: Int, threads: Int, firstSeed: UInt64) {
        self.runs = runs
        self.threads = threads
        self.firstSeed = firstSeed
    }

    /// The plan of ready scenario `name` with `set` applied, over the
    /// default population (unless `fixedBaby`).
    ///
    /// A phase's duration (`phases.N.duration=30s`) is set on the plan
    /// directly, so that the scenario's captions (timed for its own
    /// lengths) do not refuse it.
    func plan(_ name: String, _ set: [String] = [], fixedBaby: Bool = false) throws -> RunPlan {
        var durations: [(phase: Int, seconds: Double)] = []
        var overrides: [String] = []
        for item in set {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            let path = parts[0].split(separator: ".")
            if path.count == 3, path[0] == "phases", path[2] == "duration", let phase = Int(path[1]),
                parts.count == 2, parts[1].hasSuffix("s"), let seconds = Double(parts[1].dropLast())
            {
                durations.append((phase, seconds))
            } else {
                overrides.append(item)
            }
        }
        var plan = try ScenarioLoader.resolve(name, overrides: overrides).plan
        for (phase, seconds) in durations where plan.phases.indices.contains(phase) {
            plan.phases[phase].durationSeconds = seconds
        }
        if !fixedBaby { plan.population = .default }
        return plan
    }

    /// Every run's figures, `[run][dyad][phase]`.
    func batch(_ name: String, _ set: [String] = [], runs: Int? = nil, fixedBaby: Bool = false) throws -> [[[PhaseMetrics]]] {
        let count = runs ?? self.runs
        let key = ([name, String(count), fixedBaby ? "fixed" : "population"] + set).joined(separator: "\u{1F}")
        if let done = batches[key] { return done }
        let runner = try BatchRunner(plan: try plan(name, set, fixedBaby: fixedBaby), runs: count, firstSeed: firstSeed, threads: threads)
        var all = [[[PhaseMetrics]]]()
        all.reserveCapacity(count)
        runner.run { all.append($0.metrics) }
        batches[key] = all
        return all
    }

    /// One figure of one dyad and phase in every run of a batch.
    func values(
        _ name: String, _ set: [String] = [], dyad: Int = 0, phase: Int = 0, _ figure: Figure, runs: Int? = nil
    ) throws -> [Double] {
        try batch(name, set, runs: runs).compactMap { figure.value($0[dyad][phase]) }
    }

    /// One figure of one dyad over every phase of a run, combined.
    func wholeRun(_ name: String, _ set: [String] = [], dyad: Int = 0, _ figure: Figure) throws -> [Double] {
        try batch(name, set).compactMap { figure.value(PhaseMetrics.combined($0[dyad])) }
    }

    /// Steps through `count` runs of a plan one step at a time, handing
    /// each step of dyad `dyad` to `body` (run index, the simulation after
    /// the step, that dyad's events). Single-threaded: for the findings that
    /// read moments rather than totals.
    func trace(
        _ name: String, _ set: [String] = [], runs count: Int, dyad: Int = 0,
        _ body: (_ run: Int, _ simulation: Simulation, _ events: Events) -> Void
    ) throws {
        let plan = try plan(name, set)
        for run in 0..<count {
            var simulation = Simulation(plan: plan, seed: firstSeed &+ UInt64(run))
            while !simulation.isFinished {
                let events = simulation.step()
                body(run, simulation, events[dyad])
            }
        }
    }
}

/// A value measured over runs, with its 95% interval.
struct Measured: Sendable {
    var value: Double
    var interval: ClosedRange<Double>?

    /// The mean of `values` with its t interval.
    static func mean(_ values: [Double]) -> Measured {
        guard let ci = Statistics.interval(values) else { return Measured(value: .nan, interval: nil) }
        return Measured(value: ci.mean, interval: ci.lower.flatMap { lo in ci.upper.map { lo...$0 } })
    }

    /// The mean of paired differences `a[i] − b[i]`, with its interval.
    static func difference(_ a: [Double], _ b: [Double]) -> Measured {
        mean(zip(a, b).map { $0 - $1 })
    }

    /// Cohen's d for paired values (``EffectSize/paired(_:_:)``), with a
    /// bootstrap 95% interval.
    static func effect(_ a: [Double], _ b: [Double]) -> Measured {
        let d = EffectSize.paired(a, b)
        return Measured(value: d ?? .nan, interval: EffectSize.bootstrapInterval(a, b))
    }

    /// The share of `flags` that are true, percent, with its interval.
    static func share(_ flags: [Bool]) -> Measured {
        mean(flags.map { $0 ? 100 : 0 })
    }
}

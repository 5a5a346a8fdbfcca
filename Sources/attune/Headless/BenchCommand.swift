import ArgumentParser
import AttuneLab

/// `attune bench`: how fast headless runs go on this machine.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure headless runs: dyad-steps per second on one thread and on every core.",
        discussion: "Build with -c release first; a debug build is many times slower.")

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Seconds of measuring for each thread count, \(Limits.benchSeconds.helpRange).", valueName: "X"))
    var seconds: Double = 3

    @Option(parsing: .unconditional, help: "Rounds per thread count, \(Limits.benchRounds.helpRange); the fastest round counts.")
    var rounds: Int = 3

    func validate() throws {
        try Limits.benchSeconds.check(seconds)
        try Limits.benchRounds.check(rounds)
    }

    func run() throws {
        let plan = Benchmark.plan
        let steps = plan.stepsPerPhase.reduce(0, +)
        print(
            "Metrics-only runs of a fixed plan: \(plan.dyads.count) dyads × \(steps) steps of \(plan.stepSeconds) s; "
                + "\(BatchRunner.defaultThreads) cores available; best of \(rounds) \(rounds == 1 ? "round" : "rounds").")
        let figures = Benchmark.run(seconds: seconds, threadCounts: Benchmark.threadCounts, rounds: rounds)
        print(Benchmark.report(figures), terminator: "")
        try ExperimentBench.printFigures(seconds: seconds, rounds: rounds)
    }
}

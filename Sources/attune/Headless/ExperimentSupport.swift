import ArgumentParser
import AttuneLab
import AttuneScenario
import Foundation

/// True when standard error is a terminal (so a progress bar can be drawn
/// and wiped).
var standardErrorIsTerminal: Bool { isatty(2) != 0 }

/// A one-line progress bar on standard error, drawn only when standard
/// error is a terminal, redrawn at most ten times a second, and wiped when
/// done so it leaves nothing behind.
final class ProgressBar {
    private let total: Int
    private let noun: String
    private let enabled: Bool
    private let clock = ContinuousClock()
    private var lastDrawn: ContinuousClock.Instant?
    private var drawn = false
    private static let barWidth = 30

    /// A bar for `total` units of work called `noun` ("runs", "histories").
    init(total: Int, noun: String, enabled: Bool = standardErrorIsTerminal) {
        self.total = max(1, total)
        self.noun = noun
        self.enabled = enabled
    }

    /// Shows that `done` units are finished.
    func update(_ done: Int) {
        guard enabled else { return }
        let now = clock.now
        if let last = lastDrawn, now - last < .milliseconds(100), done < total { return }
        lastDrawn = now
        let filled = Self.barWidth * min(done, total) / total
        let percent = 100 * min(done, total) / total
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: Self.barWidth - filled)
        StandardStreams.writeError(raw: "\r[\(bar)] \(percent)%  \(done) of \(total) \(noun)")
        drawn = true
    }

    /// Wipes the bar.
    func finish() {
        guard enabled, drawn else { return }
        StandardStreams.writeError(raw: "\r" + String(repeating: " ", count: Self.barWidth + 40 + noun.count) + "\r")
        drawn = false
    }
}

/// Loads a scenario with more `--set` overrides, many times over, without
/// reading its file again: the file's text is read once, and each load
/// applies the overrides to it and checks the whole scenario as usual.
struct ScenarioReloader {
    let base: Scenario
    let nameOrPath: String
    /// The `--population` asked for, applied to every load as to `base`.
    let population: PopulationChoice?
    private let text: String?

    /// Keeps `base`'s text (the scenario as first loaded from `nameOrPath`,
    /// with `population` applied).
    init(base: Scenario, nameOrPath: String, population: PopulationChoice? = nil) {
        self.base = base
        self.nameOrPath = nameOrPath
        self.population = population
        text = base.sourceText
    }

    /// The scenario with `overrides` applied, and the population asked
    /// for (or, without `--population`, the one the overrides leave: a
    /// varied `infant.reactivity.sd` changes it).
    func load(_ overrides: [String]) throws -> Scenario {
        var loaded =
            if let text {
                try ScenarioLoader.load(yaml: text, name: base.name, overrides: overrides)
            } else {
                try ScenarioLoader.resolve(nameOrPath, overrides: overrides)
            }
        population?.apply(to: &loaded)
        return loaded
    }
}

/// Writes a chart's SVG to `path`, whole or not at all.
func writeSVG(_ chart: ChartData, to path: String) throws {
    try AtomicFile.write(Data(SVGChart.render(chart).utf8), to: path)
}

/// Prints `text` on standard output, or on standard error when rows are
/// streaming to standard output (so a chart never mixes into CSV or JSON).
func printBeside(rowsOnStandardOutput: Bool, _ text: String) {
    if rowsOnStandardOutput {
        printError(text)
    } else {
        print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
    }
}

/// The worker-threads option the experiments share.
struct ThreadOptions: ParsableArguments {
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Worker threads, \(Limits.threads.helpRange). Default: every core (\(BatchRunner.defaultThreads) here).", valueName: "T"))
    var threads: Int?

    func validate() throws {
        try Limits.threads.check(threads)
    }

    /// The thread count to use.
    var count: Int { threads ?? BatchRunner.defaultThreads }
}

import ArgumentParser
import AttuneCurses
import AttuneModel
import AttuneScenario
import AttuneUI

/// `attune room SCENARIO`: a room of babies, live. Every baby is drawn
/// from the population and faces its own copy of the scenario's
/// caregivers; all go through the phases together.
struct RoomCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "room",
        abstract: "Watch a room of babies, each different, go through a scenario together.",
        discussion: """
            Each baby is drawn from the default population (docs/model.md) and faces its own copy of the \
            scenario's caregivers; a scenario with two caregivers gives two grids, the same baby in the same \
            cell of each. Baby i has seed S + i - 1, so it is run i of `attune batch SCENARIO --population \
            default --seed S`. Keys: arrows choose a baby, Enter opens it in the dyad view at the same moment \
            (Esc comes back), Space pause, < and > 5 s back and forward, + and - speed, ? every key and what a \
            cell shows, q see what happened. With --bench, measures instead of showing: the time to the \
            first frame and the processor time the room takes (docs/performance.md).
            """)

    @Argument(help: "A ready scenario's name (see `attune list`) or the path of a scenario file.")
    var scenario: String

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("How many babies, \(Limits.babies.helpRange); --seed is baby 1's seed.", valueName: "N"))
    var babies: Int = RoomSession.defaultBabies

    @OptionGroup var options: LiveOptions

    @Flag(help: "Measure instead of showing: time to the first frame, and processor time while the room plays (Linux).")
    var bench = false

    @Option(
        name: .customLong("bench-seconds"), parsing: .unconditional,
        help: ArgumentHelp("With --bench: seconds of playing measured, \(Limits.roomBenchSeconds.helpRange).", valueName: "X"))
    var benchSeconds: Double = 8

    func validate() throws {
        try options.check()
        try Limits.babies.check(babies)
        try Limits.roomBenchSeconds.check(benchSeconds)
    }

    func run() throws {
        if bench {
            try reportingFailures { try RoomBench.run(self) }
            return
        }
        try reportingFailures {
            // A mistake in the scenario is named first, with or without a
            // terminal.
            let (loaded, population) = try load()
            guard Terminal.isInteractive else {
                printError(Run.notATerminalMessage)
                throw ExitCode.failure
            }
            var sink: RecordingSink?
            if let record = options.record {
                try checkOutputs([("--record", record)], scenario: loaded)
                var header = try RecordingFiles.header(
                    for: loaded, overrides: options.overrides, population: population, seed: options.seed ?? loaded.seed,
                    speed: options.speed, paused: options.paused, ascii: options.ascii, presenter: false)
                header.roomBabies = babies
                sink = try RecordingSink(header: header, path: record)
            }
            var initial = AppState(
                room: loaded, babies: babies, size: AppState.minimumSize, ascii: options.ascii, seed: options.seed,
                speed: options.speed, paused: options.paused)
            initial.bell = options.bell
            try LiveLoop.runSession(initial, colour: !options.noColor, sink: sink)
        }
    }

    /// The scenario as the room runs it, and the `--population` a
    /// recording must name to meet the same babies again (nil when the
    /// scenario's own spreads are kept).
    func load() throws -> (Scenario, PopulationChoice?) {
        var population = options.population
        var loaded = try loadPlayable(scenario, overrides: options.overrides, population: population)
        if population == nil && loaded.plan.population.isFixed {
            // A room of one baby many times over says nothing: a scenario
            // with a fixed baby is drawn from the default population.
            population = .default
            population?.apply(to: &loaded)
        }
        if loaded.usesHumanCaregiver {
            throw CommandFailure(
                description:
                    "\(scenario): a caregiver here follows the human policy, and in a room every caregiver follows the scene; open it with `attune run \(scenario)` to take her place"
            )
        }
        return (loaded, population)
    }
}

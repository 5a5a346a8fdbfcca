import ArgumentParser
import AttuneCurses
import AttuneScenario
import AttuneUI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The options `attune run` and `attune present` share.
struct LiveOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: "The run's seed, 0 to \(largestSeedText). Default: the scenario's seed.", transform: parseSeed)
    var seed: UInt64?

    @Option(
        parsing: .unconditional, help: "Simulated seconds per real second, \(Limits.speed.helpRange) (+ and - change it while running).")
    var speed: Double = 1

    @Flag(help: "Open the run paused; Space plays.")
    var paused = false

    @Flag(help: "Draw with plain ASCII characters only (also chosen when the locale is not UTF-8).")
    var ascii = false

    @Flag(name: .customLong("no-color"), help: "Show no colour (setting NO_COLOR does the same).")
    var noColor = false

    @Flag(
        help:
            "Ring the terminal's bell when the scene asks a question and when a still face begins, for rooms where people look away from the screen."
    )
    var bell = false

    @Option(
        help: ArgumentHelp(
            "Save the session to FILE, to play back with `attune replay FILE` or turn into a cast with `attune export`.", valueName: "FILE")
    )
    var record: String?

    @Option(
        name: .customLong("set"),
        help: ArgumentHelp(
            "Change one setting for this run, e.g. --set infant.age_months=6 or --set dyads.0.caregiver.policy=human. Repeatable.",
            valueName: "PATH=VALUE"))
    var overrides: [String] = []

    @Option(help: PopulationChoice.help)
    var population: PopulationChoice?

    /// The checks every live command makes.
    func check() throws {
        try Limits.speed.check(speed)
    }
}

/// `attune run [SCENARIO]`: the live screen. Without a scenario (and for a
/// bare `attune`) it opens the chooser of ready scenes.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Watch a scenario live on the full screen; without SCENARIO, choose one of the ready scenes.",
        discussion: """
            Keys: Space pause/play, . one step, + and - speed, left and right arrows 5 s back and forward \
            (acting after going back starts a new future), r restart, c switch the caregiver's policy, \
            h take the caregiver's place (then 1-6: play, greet, wait, soothe, lean in, still face), \
            Tab switch side, ? every key (then i: what am I looking at?), q end the run and see what happened. \
            The screen needs a terminal at least 80 columns by 24 rows; without one, use \
            `attune batch` or `attune trace`. docs/user-guide.md explains every panel.
            """)

    @Argument(
        help: "A ready scenario's name (see `attune list`) or the path of a scenario file. Leave it out to choose from the ready scenes.")
    var scenario: String?

    @OptionGroup var options: LiveOptions

    @Flag(
        help: "The projector layout, as `attune present`: big faces and gauge, bold captions, high contrast, no key bar (? shows the keys)."
    )
    var present = false

    func validate() throws {
        try options.check()
        if scenario == nil && !options.overrides.isEmpty {
            throw ValidationError("--set changes one scenario; name it, like: attune run wait-or-chase --set infant.age_months=6")
        }
        if scenario == nil && options.population != nil {
            throw ValidationError(
                "--population chooses the babies of one scenario; name it, like: attune run still-face --population default")
        }
        if scenario == nil && options.record != nil {
            throw ValidationError("--record saves a run of one scenario; name it, like: attune run wait-or-chase --record session.jsonl")
        }
        if scenario == nil && present {
            throw ValidationError("--present shows one scenario; name it, like: attune run workshop-wait-or-lean-in --present")
        }
    }

    func run() throws {
        try Self.start(scenario: scenario, options: options, present: present)
    }

    /// Opens the live screen with the options of `run` and `present`.
    static func start(scenario: String?, options o: LiveOptions, present: Bool) throws {
        try start(
            scenario: scenario, overrides: o.overrides, population: o.population, seed: o.seed, speed: o.speed,
            paused: o.paused, ascii: o.ascii, noColor: o.noColor, present: present, record: o.record, bell: o.bell)
    }

    /// Opens the live screen (the chooser when `scenario` is nil) and
    /// prints the figures once it closes; `present` picks the projector
    /// layout and its high-contrast look; `bell` rings the terminal's bell
    /// at questions and still faces. With a `population`, the run
    /// (and each restart of it, with the same seed) meets one baby drawn
    /// from it.
    static func start(
        scenario: String?, overrides: [String], population: PopulationChoice? = nil, seed: UInt64?, speed: Double,
        paused: Bool, ascii: Bool, noColor: Bool, present: Bool, record: String? = nil, bell: Bool = false
    ) throws {
        try reportingFailures {
            // A mistake in the scenario is named first, with or without a
            // terminal.
            let playable = try scenario.map { try loadPlayable($0, overrides: overrides, population: population) }
            guard Terminal.isInteractive else {
                printError(Self.notATerminalMessage)
                throw ExitCode.failure
            }
            let size = AppState.minimumSize
            var initial: AppState
            var sink: RecordingSink?
            if let loaded = playable {
                if let record {
                    try checkOutputs([("--record", record)], scenario: loaded)
                    sink = try RecordingSink(
                        header: try RecordingFiles.header(
                            for: loaded, overrides: overrides, population: population, seed: seed ?? loaded.seed,
                            speed: speed, paused: paused, ascii: ascii, presenter: present),
                        path: record)
                }
                initial = AppState(
                    run: loaded, size: size, ascii: ascii, seed: seed, speed: speed, paused: paused, presenter: present)
            } else {
                let scenarios = ReadyScenarios.all()
                guard !scenarios.isEmpty else {
                    throw CommandFailure(description: "No ready scenarios were found in \(ReadyScenarios.directory).")
                }
                initial = AppState(chooser: scenarios, size: size, ascii: ascii, seed: seed, speed: speed)
            }
            initial.bell = bell
            try LiveLoop.runSession(initial, colour: !noColor, highContrast: present, sink: sink)
        }
    }

    /// What `attune run` and a bare `attune` say when standard input or
    /// output is not a terminal.
    static var notATerminalMessage: String {
        let which: String
        switch (isatty(0) == 1, isatty(1) == 1) {
        case (true, false): which = "standard output is not a terminal (it goes to a pipe or a file)"
        case (false, true): which = "standard input is not a terminal (it comes from a pipe or a file)"
        default: which = "standard input and output are not a terminal"
        }
        return """
            attune: the live screen needs a terminal, but \(which).
            To run a scenario without the screen, use:
              attune batch SCENARIO   the figures of many runs (a table, CSV or JSON)
              attune trace SCENARIO   every step of one run (CSV or JSON)
            `attune list` shows the ready scenarios.
            """
    }
}

import ArgumentParser
import AttuneCurses
import AttuneScenario
import AttuneUI

/// `attune replay FILE`: plays a recorded session back on the live screen.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Play back a session saved with `attune run --record FILE`, exactly as it happened.",
        discussion: """
            The recorded keys, ticks and speed changes are given to the app again, so every screen comes \
            back as it was. Keys while it plays: Space pauses or plays on, + and - change the replay's \
            speed (0.25x to 32x), q or Esc stop. The window keeps its own size. When the scenario file \
            has changed since the recording, a warning says so and the copy saved in the recording is used.
            """)

    @Argument(help: "The recording (a file written by `attune run --record`).")
    var file: String

    @Option(parsing: .unconditional, help: "How fast to play back, \(Limits.speed.helpRange) times as fast as it was recorded.")
    var speed: Double = 1

    @Flag(help: "Open paused; Space plays.")
    var paused = false

    @Flag(name: .customLong("no-color"), help: "Show no colour (setting NO_COLOR does the same).")
    var noColor = false

    func validate() throws {
        try Limits.speed.check(speed)
    }

    func run() throws {
        try reportingFailures {
            let (recording, scenario) = try RecordingFiles.load(file)
            guard Terminal.isInteractive else {
                throw CommandFailure(
                    description:
                        "attune: replay needs a terminal; `attune export \(file) --cast OUT.cast` makes a cast that plays anywhere.")
            }
            // The whole recording is checked before the first frame.
            try RecordingFiles.check(recording, scenario: scenario, path: file)
            let ending = try ReplayLoop.run(recording: recording, scenario: scenario, speed: speed, paused: paused, colour: !noColor)
            if case .interrupted = ending.outcome { throw ExitCode(ending.interruptedStatus) }
        }
    }
}

/// The replay's imperative shell: feeds the pure ``ReplayViewer`` the
/// elapsed time, the viewer's keys and window sizes, and paints its frames.
enum ReplayLoop {
    /// Plays `recording` until its end (then waits for q) or until the
    /// viewer stops it.
    static func run(recording: Recording, scenario: Scenario, speed start: Double, paused startPaused: Bool, colour: Bool) throws
        -> LiveLoop.Ending
    {
        let terminal = try Terminal(
            options: Terminal.Options(colourRequested: colour, highContrast: recording.header.presenter))
        defer { terminal.stop() }
        var replay = Replay(recording: recording, scenario: scenario, size: terminal.size)
        replay.chooserScenarios = ReadyScenarios.all()
        var viewer = ReplayViewer(replay: replay, size: terminal.size, speed: start, paused: startPaused)
        let outcome = try loop(&viewer, terminal: terminal)
        return LiveLoop.Ending(
            outcome: outcome == .interrupted ? .interrupted : .quit(summary: nil), quitSignal: terminal.quitSignal,
            terminalGone: terminal.hasGoneAway)
    }

    private static func loop(_ viewer: inout ReplayViewer, terminal: Terminal) throws -> ReplayViewer.Outcome {
        let clock = ContinuousClock()
        var last = clock.now
        var painted: Int?
        while true {
            if viewer.revision != painted {
                terminal.paint(viewer.frame)
                painted = viewer.revision
            }
            if let outcome = viewer.outcome { return outcome }
            let timeout = viewer.wakeDelaySeconds.map { max(1, Int(($0 * 1000).rounded(.up))) } ?? -1
            let key = terminal.readKey(timeoutMilliseconds: timeout)
            let now = clock.now
            let elapsed = last.duration(to: now)
            last = now
            try viewer.update(.elapsed(seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18))
            switch key {
            case .resize?:
                try viewer.update(.resize(terminal.size))
            case .control("l")?:
                terminal.invalidate()
                painted = nil
            case let key?:
                try viewer.update(.key(key))
            case nil:
                break
            }
        }
    }
}

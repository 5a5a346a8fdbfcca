import AttuneCurses
import AttuneScenario
import AttuneUI
import ArgumentParser

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

    @Option(parsing: .unconditional, help: "How fast to play back, 0.25 to 32 times as fast as it was recorded.")
    var speed: Double = 1

    @Flag(help: "Open paused; Space plays.")
    var paused = false

    @Flag(name: .customLong("no-color"), help: "Show no colour (setting NO_COLOR does the same).")
    var noColor = false

    func validate() throws {
        guard Speed.isAllowed(speed) else {
            throw ValidationError("--speed must be between 0.25 and 32, like 0.5, 1 or 4; it was \(speed).")
        }
    }

    func run() throws {
        try reportingFailures {
            let (recording, scenario) = try RecordingFiles.load(file)
            guard Terminal.isInteractive else {
                throw CommandFailure(
                    description: "attune: replay needs a terminal; `attune export \(file) --cast OUT.cast` makes a cast that plays anywhere.")
            }
            // The whole recording is checked before the first frame.
            try RecordingFiles.check(recording, scenario: scenario, path: file)
            let ending = try ReplayLoop.run(recording: recording, scenario: scenario, speed: speed, paused: paused, colour: !noColor)
            if case .interrupted = ending.outcome { throw ExitCode(ending.interruptedStatus) }
        }
    }
}

/// The replay's imperative shell: gives the recording's events to the app
/// at their recorded times (scaled by the replay's speed), paints the
/// frames with a tag in the bottom-right corner saying that this is a
/// replay (its speed, paused, or ended), and answers the viewer's keys.
enum ReplayLoop {
    /// Plays `recording` until its end (then waits for q) or until the
    /// viewer stops it.
    static func run(recording: Recording, scenario: Scenario, speed start: Double, paused startPaused: Bool, colour: Bool) throws -> LiveLoop.Ending {
        let terminal = try Terminal(
            options: Terminal.Options(colourRequested: colour, highContrast: recording.header.presenter))
        defer { terminal.stop() }
        let interrupted = try loop(recording: recording, scenario: scenario, speed: start, paused: startPaused, terminal: terminal)
        return LiveLoop.Ending(
            outcome: interrupted ? .interrupted : .quit(summary: nil), quitSignal: terminal.quitSignal,
            terminalGone: terminal.hasGoneAway)
    }

    /// The loop; true when it ended by Ctrl-C or another quit signal.
    private static func loop(recording: Recording, scenario: Scenario, speed start: Double, paused startPaused: Bool, terminal: Terminal) throws -> Bool {
        var replay = Replay(recording: recording, scenario: scenario, size: terminal.size)
        replay.chooserScenarios = ReadyScenarios.all()
        var size = terminal.size
        var speed = start
        var paused = startPaused
        var position = 0.0
        let clock = ContinuousClock()
        var last = clock.now
        var painted: Int?
        var paintedSize: Size?
        var paintedTag = ""
        while true {
            let finished = replay.isAtEnd || replay.state.outcome != nil
            let tag = finished
                ? " replay ended · q leaves "
                : paused ? " replay paused · Space plays " : " replay \(TextFormatting.speed(speed)) · Space pauses "
            if replay.state.revision != painted || size != paintedSize || tag != paintedTag {
                var frame = AppView.render(replay.state(drawnAt: size))
                frame.write(
                    tag, column: max(0, frame.width - tag.count), row: frame.height - 1,
                    style: Style(foreground: .accent, bold: true, reverse: true))
                terminal.paint(frame)
                painted = replay.state.revision
                paintedSize = size
                paintedTag = tag
            }
            let next = replay.isAtEnd || replay.state.outcome != nil ? nil : replay.recording.events[replay.position].at
            let timeout: Int
            if paused || next == nil {
                timeout = -1
            } else {
                timeout = max(1, Int((((next ?? position) - position) / speed * 1000).rounded(.up)))
            }
            let key = terminal.readKey(timeoutMilliseconds: timeout)
            let now = clock.now
            let elapsed = last.duration(to: now)
            last = now
            if !paused {
                position += (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18) * speed
            }
            while !paused, replay.state.outcome == nil, !replay.isAtEnd, replay.recording.events[replay.position].at <= position + 1e-9 {
                try replay.advance()
            }
            switch key {
            case .interrupt?:
                return true
            case .resize?:
                size = terminal.size
            case .character(" ")?:
                paused.toggle()
            case .character("+")?, .character("=")?:
                speed = Speed.faster(than: speed)
            case .character("-")?, .character("_")?:
                speed = Speed.slower(than: speed)
            case .character("q")?, .escape?:
                return false
            case .control("l")?:
                terminal.invalidate()
                painted = nil
            default:
                break
            }
        }
    }
}

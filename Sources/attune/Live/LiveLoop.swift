import ArgumentParser
import AttuneCurses
import AttuneScenario
import AttuneUI

/// The live app's imperative shell: starts the terminal, feeds keys, time
/// and sizes to the pure app (``AppState/update(_:)``), paints what
/// ``AppView/render(_:)`` draws, and gives the terminal back on every way
/// out.
///
/// The loop sleeps inside ``Terminal/readKey(timeoutMilliseconds:)``: for
/// the time until the next step is due while a run plays, and until a key
/// arrives when nothing moves (paused, chooser, debrief, help, a window too
/// small). It draws only when the app's revision moved, and the terminal
/// writes only the cells that changed. Elapsed time is given to the app in
/// whole microseconds, so a recording can give it back to the last bit.
enum LiveLoop {
    /// Runs the app from `initial` until it ends.
    /// - Parameters:
    ///   - initial: the app at the start (its size is replaced by the
    ///     terminal's).
    ///   - colour: false for no colour whatever the terminal can do.
    ///   - highContrast: the projector's high-contrast look, default false.
    ///   - sink: where to record every message, or nil (default).
    /// - Returns: how the app ended.
    /// - Throws: ``Terminal/StartError`` when the screen cannot start; the
    ///   terminal is restored before any error leaves this function.
    static func run(_ initial: AppState, colour: Bool, highContrast: Bool = false, sink: RecordingSink? = nil) throws -> Ending {
        let terminal = try Terminal(options: Terminal.Options(colourRequested: colour, highContrast: highContrast))
        defer { terminal.stop() }
        let outcome = loop(initial, terminal: terminal, sink: sink)
        return Ending(outcome: outcome, quitSignal: terminal.quitSignal, terminalGone: terminal.hasGoneAway)
    }

    /// Runs a live session from `initial` to its end as a command does:
    /// closes the recording (or abandons it when the screen cannot start),
    /// says where the recording is or why it stopped early, prints the
    /// quit summary, and ends with the exit status the ending calls for.
    /// - Parameters:
    ///   - initial: the app at the start (its size is replaced by the
    ///     terminal's).
    ///   - colour: false for no colour whatever the terminal can do.
    ///   - highContrast: the projector's high-contrast look, default false.
    ///   - sink: where to record every message, or nil (default).
    /// - Throws: the screen's start error; `ExitCode` 128 + the signal when
    ///   the session was stopped by one or the terminal went away; and
    ///   `ExitCode.failure` when the recording could not be written.
    static func runSession(_ initial: AppState, colour: Bool, highContrast: Bool = false, sink: RecordingSink? = nil) throws {
        let ending: Ending
        do {
            ending = try run(initial, colour: colour, highContrast: highContrast, sink: sink)
        } catch {
            sink?.abandon()
            throw error
        }
        sink?.finish()
        // A terminal that went away gets nothing more; the recording is
        // on disk all the same.
        if ending.terminalGone { throw ExitCode(ending.interruptedStatus) }
        var recordingFailed = false
        if let sink {
            if let failure = sink.failure {
                printError(
                    "attune: the recording in \(sink.path) stopped at \(TextFormatting.clock(sink.lastWrittenSeconds)) because it could not be written (\(failure)); it plays up to there."
                )
                recordingFailed = true
            } else {
                printError("attune: the session is saved in \(sink.path); play it back with: attune replay \(sink.path)")
            }
        }
        switch ending.outcome {
        case let .quit(summary):
            if let summary { print(summary, terminator: "") }
        case .interrupted:
            throw ExitCode(ending.interruptedStatus)
        }
        if recordingFailed { throw ExitCode.failure }
    }

    /// How a live screen ended: the app's outcome, the quit signal that
    /// ended it (if any), and whether the terminal went away, in which case
    /// nothing more may be written to it.
    struct Ending {
        var outcome: AppOutcome
        var quitSignal: Int32?
        var terminalGone: Bool

        /// The exit status for a stop by a signal: 128 + the signal
        /// (130 for Ctrl-C).
        var interruptedStatus: Int32 { 128 + (quitSignal ?? 2) }
    }

    private static func loop(_ initial: AppState, terminal: Terminal, sink: RecordingSink?) -> AppOutcome {
        var state = initial
        if !terminal.supportsUnicode {
            state.ascii = true
            sink?.recorder.useASCII()
        }
        let clock = ContinuousClock()
        let start = clock.now
        func seconds(_ duration: Swift.Duration) -> Double {
            Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
        }
        sink?.recorder.resize(terminal.size, at: 0)
        state.update(.resize(terminal.size))

        var last = start
        var paintedRevision: Int?
        var effects: [AppEffect] = []
        while true {
            if state.revision != paintedRevision {
                terminal.paint(AppView.render(state))
                paintedRevision = state.revision
            }
            if let outcome = state.outcome {
                sink?.flush()
                return outcome
            }
            for effect in effects {
                switch effect {
                case .loadScenarios:
                    state.update(.scenariosLoaded(ReadyScenarios.all()))
                case .bell:
                    terminal.ringBell()
                }
            }
            effects = []
            if state.revision != paintedRevision { continue }

            // Every event so far goes to the recording before the wait.
            sink?.flush()
            let timeout = state.wakeDelaySeconds.map { max(1, Int(($0 * 1000).rounded(.up))) } ?? -1
            let key = terminal.readKey(timeoutMilliseconds: timeout)
            let now = clock.now
            let microseconds = max(0, Int((seconds(last.duration(to: now)) * 1_000_000).rounded()))
            last = now
            let at = seconds(start.duration(to: now))
            sink?.recorder.tick(at: at, microseconds: microseconds)
            effects += state.update(.tick(seconds: Recording.Event.seconds(microseconds: microseconds)))
            guard let key else { continue }
            switch key {
            case .resize:
                sink?.recorder.resize(terminal.size, at: at)
                state.update(.resize(terminal.size))
            case .control("l"):
                terminal.invalidate()
                paintedRevision = nil
            default:
                sink?.recorder.key(key, at: at, state: state)
                effects += state.update(.key(key))
                sink?.recorder.noteSpeed(after: state)
                sink?.recorder.noteSetting(after: state)
            }
        }
    }
}

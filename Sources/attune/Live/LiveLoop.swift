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
/// writes only the cells that changed.
enum LiveLoop {
    /// Runs the app from `initial` until it ends.
    /// - Parameters:
    ///   - initial: the app at the start (its size is replaced by the
    ///     terminal's).
    ///   - colour: false for no colour whatever the terminal can do.
    /// - Returns: how the app ended.
    /// - Throws: ``Terminal/StartError`` when the screen cannot start; the
    ///   terminal is restored before any error leaves this function.
    static func run(_ initial: AppState, colour: Bool) throws -> AppOutcome {
        let terminal = try Terminal(options: Terminal.Options(colourRequested: colour))
        defer { terminal.stop() }
        var state = initial
        if !terminal.supportsUnicode { state.ascii = true }
        state.update(.resize(terminal.size))

        let clock = ContinuousClock()
        var last = clock.now
        var paintedRevision: Int?
        var effects: [AppEffect] = []
        while true {
            if state.revision != paintedRevision {
                terminal.paint(AppView.render(state))
                paintedRevision = state.revision
            }
            if let outcome = state.outcome { return outcome }
            for effect in effects {
                switch effect {
                case .loadScenarios:
                    state.update(.scenariosLoaded(ReadyScenarios.all()))
                }
            }
            effects = []
            if state.revision != paintedRevision { continue }

            let timeout = state.wakeDelaySeconds.map { max(1, Int(($0 * 1000).rounded(.up))) } ?? -1
            let key = terminal.readKey(timeoutMilliseconds: timeout)
            let now = clock.now
            let elapsed = last.duration(to: now)
            last = now
            state.update(.tick(seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18))
            guard let key else { continue }
            switch key {
            case .resize:
                state.update(.resize(terminal.size))
            case .control("l"):
                terminal.invalidate()
                paintedRevision = nil
            default:
                effects += state.update(.key(key))
            }
        }
    }
}

import AttuneUI
internal import CNcurses

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The terminal in full-screen (curses) mode: paints ``Frame``s, reads
/// ``Key``s, and restores the terminal on every way out.
///
/// This is the only code in Attune that calls curses. One `Terminal` can
/// be active at a time. Create it with ``init(options:)``, paint and read
/// keys in the app loop, and call ``stop()`` when done (it is also called
/// on deinit and, as a last resort, at exit). A quit signal (Ctrl-C,
/// SIGTERM, SIGHUP) makes ``readKey(timeoutMilliseconds:)`` return
/// `.interrupt`, and the app loop then stops cleanly; see docs/architecture.md
/// for every path that restores the terminal.
public final class Terminal {
    /// How to start the terminal.
    public struct Options: Sendable {
        /// False to show no colour whatever the terminal can do
        /// (e.g. `--no-color`). `NO_COLOR` is honoured as well. Default true.
        public var colourRequested: Bool
        /// File descriptor keys are read from. Default 0 (standard input).
        public var inputDescriptor: Int32
        /// File descriptor the screen is written to. Default 1 (standard
        /// output).
        public var outputDescriptor: Int32
        /// Terminal type (terminfo name); nil uses `TERM`. Default nil.
        public var terminalType: String?
        /// How long to wait after Esc for the rest of an arrow-key
        /// sequence, in milliseconds (1-1000). Default 25.
        public var escapeDelayMilliseconds: Int
        /// True for the projector's high-contrast look (see ``Theme``).
        /// Default false.
        public var highContrast: Bool

        /// Creates options; every parameter has the default described on
        /// its property.
        public init(
            colourRequested: Bool = true, inputDescriptor: Int32 = 0,
            outputDescriptor: Int32 = 1, terminalType: String? = nil,
            escapeDelayMilliseconds: Int = 25, highContrast: Bool = false
        ) {
            self.highContrast = highContrast
            self.colourRequested = colourRequested
            self.inputDescriptor = inputDescriptor
            self.outputDescriptor = outputDescriptor
            self.terminalType = terminalType
            self.escapeDelayMilliseconds = escapeDelayMilliseconds
        }
    }

    /// Why the terminal could not start.
    public enum StartError: Error, Equatable, CustomStringConvertible {
        /// Another `Terminal` is active; stop it first.
        case alreadyActive
        /// The signal relay (a pipe and handlers) could not be set up.
        case signalRelayUnavailable
        /// curses could not open the terminal of this type (from `TERM`
        /// when nil).
        case cannotOpenTerminal(type: String?)

        public var description: String {
            switch self {
            case .alreadyActive:
                return "The screen is already in use."
            case .signalRelayUnavailable:
                return "Could not set up signal handling for the screen."
            case .cannotOpenTerminal(let type):
                return "Could not open the terminal (type \(type ?? "unknown"))."
            }
        }
    }

    /// True when standard input and standard output are both terminals,
    /// so the full screen can be shown. Check before creating a `Terminal`.
    public static var isInteractive: Bool {
        isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
    }

    /// Colour or monochrome, chosen from the options, `NO_COLOR` and what
    /// the terminal can show. The backend applies it when painting.
    public let theme: Theme

    /// True when the locale uses UTF-8, so the Unicode ``Glyphs`` can be
    /// shown; use ``Glyphs/ascii`` otherwise.
    public let supportsUnicode: Bool

    /// True once a quit signal (SIGINT, SIGTERM, SIGHUP, SIGQUIT) has
    /// arrived or the terminal went away. Stays true;
    /// ``readKey(timeoutMilliseconds:)`` keeps returning `.interrupt`.
    public private(set) var interrupted = false

    /// The first quit signal that arrived (SIGINT, SIGTERM, SIGHUP or
    /// SIGQUIT), or nil; a program ends with exit status 128 + it.
    public private(set) var quitSignal: Int32?

    /// True once the terminal has gone away (its input hung up, as after a
    /// hang-up signal when the window was closed): nothing more is written
    /// to it, not even the codes that leave full-screen mode.
    public var hasGoneAway: Bool {
        if inputHungUp { return true }
        guard quitSignal == SIGHUP else { return false }
        // A hang-up sent by hand leaves the terminal there: look.
        return attune_wait_for_input(inputDescriptor, -1, 0) & 4 != 0
    }

    /// True between a successful start and ``stop()``.
    public private(set) var isActive = false

    private let inputDescriptor: Int32
    private var screen: OpaquePointer?
    private var openedOutput: UnsafeMutablePointer<FILE>?
    private var openedInput: UnsafeMutablePointer<FILE>?
    private var palette: CursesPalette = .monochrome
    private var previous: Frame?
    private var needsFullRepaint = true
    private var inputHungUp = false

    /// Takes over the terminal: sets the locale from the environment, opens
    /// curses (cbreak, no echo, keypad, hidden cursor), starts colour when
    /// the theme allows it, and installs the signal handlers.
    ///
    /// - Throws: ``StartError`` when another terminal is active or curses
    ///   cannot open the terminal.
    public init(options: Options = Options()) throws {
        _ = attune_set_locale_from_environment()
        supportsUnicode = attune_locale_is_utf8() != 0
        inputDescriptor = options.inputDescriptor

        let terminalDescriptor =
            isatty(options.outputDescriptor) == 1
            ? options.outputDescriptor : options.inputDescriptor
        guard SignalRelay.open(terminalDescriptor: terminalDescriptor) else {
            throw SignalRelay.pipeDescriptor >= 0
                ? StartError.alreadyActive : StartError.signalRelayUnavailable
        }

        var output: UnsafeMutablePointer<FILE>?
        var input: UnsafeMutablePointer<FILE>?
        let opened: OpaquePointer?
        if let type = options.terminalType {
            opened = type.withCString { name in
                attune_newterm(
                    name, options.outputDescriptor, options.inputDescriptor, &output, &input)
            }
        } else {
            opened = attune_newterm(
                nil, options.outputDescriptor, options.inputDescriptor, &output, &input)
        }
        guard let opened else {
            SignalRelay.close()
            throw StartError.cannotOpenTerminal(
                type: options.terminalType ?? getenv("TERM").map { String(cString: $0) })
        }
        screen = opened
        openedOutput = output
        openedInput = input
        SignalRelay.screenStarted()

        _ = cbreak()
        _ = noecho()
        _ = nonl()
        _ = attune_keypad(true)
        attune_define_cursor_keys()
        _ = attune_timeout(0)
        _ = curs_set(0)
        _ = set_escdelay(Int32(min(max(options.escapeDelayMilliseconds, 1), 1000)))

        let noColor = getenv("NO_COLOR").map { String(cString: $0) }
        let colours = Int(attune_terminal_colour_count())
        theme = Theme.detect(
            colourRequested: options.colourRequested, noColorVariable: noColor,
            terminalColourCount: colours
        ).withHighContrast(options.highContrast)
        if theme.usesColour {
            palette = CursesPalette.start()
        }
        isActive = true
    }

    deinit {
        stop()
    }

    /// The terminal's size in columns and rows (as curses last saw it; it
    /// changes after `.resize`).
    public var size: Size {
        guard isActive else { return Size(width: 0, height: 0) }
        return Size(width: Int(attune_cols()), height: Int(attune_lines()))
    }

    /// Rings the terminal's bell (or flashes the screen where the
    /// terminal has no bell), as curses' `beep` does.
    public func ringBell() {
        guard isActive else { return }
        _ = beep()
    }

    /// Makes the next ``paint(_:)`` redraw every cell (e.g. after Ctrl-L).
    public func invalidate() {
        needsFullRepaint = true
        _ = attune_clearok(true)
    }

    /// Shows `frame`, writing only the cells that changed since the last
    /// painted frame (all of them on the first paint, after a resize or
    /// suspend, or when the frame's size differs), then updates the screen
    /// once. Cells beyond the terminal's edge are left out.
    public func paint(_ frame: Frame) {
        guard isActive else { return }
        let screenSize = size
        let full = needsFullRepaint || previous?.size != frame.size
        if full { _ = attune_erase() }
        for run in frame.paintRuns(from: full ? nil : previous) {
            guard run.row < screenSize.height, run.column < screenSize.width else { continue }
            let visible = run.text.prefix(screenSize.width - run.column)
            let characters = visible.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
            _ = attune_attrset(palette.attributes(for: theme.resolve(run.style)))
            _ = characters.withUnsafeBufferPointer { buffer in
                attune_move_add_wide(
                    Int32(run.row), Int32(run.column), buffer.baseAddress, Int32(buffer.count))
            }
        }
        _ = attune_attrset(0)
        _ = attune_wnoutrefresh()
        _ = attune_doupdate()
        previous = frame
        needsFullRepaint = false
    }

    /// Waits for the next key for at most `timeoutMilliseconds`
    /// (0 = just look; negative = wait as long as it takes).
    ///
    /// - Returns: the key; `.resize` after the terminal changed size or the
    ///   program was continued after Ctrl-Z (render and paint again);
    ///   `.interrupt` once a quit signal arrived or the terminal went
    ///   away; nil when the time ran out (treat it as a tick).
    public func readKey(timeoutMilliseconds: Int) -> Key? {
        guard isActive else { return interrupted ? .interrupt : nil }
        let clock = ContinuousClock()
        let start = clock.now
        while true {
            if let key = handleRelayedSignals() { return key }
            if let key = nextCursesKey() { return key }
            if inputHungUp {
                interrupted = true
                return .interrupt
            }
            var remaining: Int32 = -1
            if timeoutMilliseconds >= 0 {
                let elapsed = start.duration(to: clock.now).components
                let elapsedMilliseconds =
                    Int(elapsed.seconds) * 1000 + Int(elapsed.attoseconds / 1_000_000_000_000_000)
                let left = timeoutMilliseconds - elapsedMilliseconds
                if left <= 0 { return nil }
                remaining = Int32(min(left, Int(Int32.max)))
            }
            let ready = attune_wait_for_input(
                inputDescriptor, SignalRelay.pipeDescriptor, remaining)
            if ready & 4 != 0 { inputHungUp = true }
        }
    }

    /// Leaves full-screen mode and gives the terminal back as it was
    /// (echo, line editing, cursor), then removes the signal handlers.
    /// A terminal that has gone away is left alone. Safe to call more than
    /// once.
    public func stop() {
        guard isActive else { return }
        isActive = false
        // The relay stays active until `endwin` has given the terminal
        // back: a second quit signal arriving in between must still find
        // the terminal to restore before the program leaves at once.
        if !hasGoneAway {
            _ = attune_attrset(0)
            _ = endwin()
        }
        SignalRelay.setActive(false)
        if let screen {
            delscreen(screen)
            self.screen = nil
        }
        attune_close_file(openedOutput)
        attune_close_file(openedInput)
        openedOutput = nil
        openedInput = nil
        SignalRelay.close()
        previous = nil
    }

    /// Acts on signals relayed since the last look; returns the key the app
    /// should see, if any.
    private func handleRelayedSignals() -> Key? {
        var key: Key?
        while let signal = SignalRelay.next() {
            switch signal {
            case let .quit(signal):
                interrupted = true
                if quitSignal == nil { quitSignal = signal }
            case .suspend:
                suspend()
                key = key ?? .resize
            case .resume:
                invalidate()
                key = key ?? .resize
            case .resize:
                break  // curses reports it as KEY_RESIZE
            }
        }
        return interrupted ? .interrupt : key
    }

    /// The next key curses has, or nil when none is waiting. Keys the app
    /// does not use are skipped.
    private func nextCursesKey() -> Key? {
        while true {
            var code: UInt32 = 0
            let status = attune_get_wide_char(&code)
            if status == attune_err() { return nil }
            let key: Key?
            if status == attune_key_code_yes() {
                key = KeyTranslation.functionKey(Int32(bitPattern: code))
            } else {
                key = KeyTranslation.character(code)
            }
            guard let key else { continue }
            if key == .resize { invalidate() }
            return key
        }
    }

    /// Ctrl-Z: gives the terminal back, stops, and on return takes it again.
    private func suspend() {
        _ = attune_attrset(0)
        _ = endwin()
        SignalRelay.setActive(false)
        SignalRelay.suspendProcess()
        SignalRelay.setActive(true)
        invalidate()
        _ = attune_doupdate()
    }
}

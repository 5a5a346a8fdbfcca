internal import CNcurses

/// A signal that reached the process while the screen was up, as the app
/// loop sees it.
enum RelayedSignal: Equatable {
    /// SIGINT, SIGTERM, SIGHUP or SIGQUIT (its number): stop and restore
    /// the terminal.
    case quit(signal: Int32)
    /// SIGTSTP (Ctrl-Z): leave curses mode and stop the process.
    case suspend
    /// SIGCONT: the process runs again; repaint everything.
    case resume
    /// SIGWINCH: curses will report the new size as a resize key.
    case resize
}

/// The Swift side of the signal relay in the CNcurses shim.
///
/// The relay's state is one global in the shim, shared by every module;
/// this is still the only file that calls the `attune_relay_*` functions,
/// and everything else goes through this type.
///
/// How the terminal is restored on every path:
/// - SIGINT, SIGTERM, SIGHUP, SIGQUIT: the handler notes the signal and
///   writes its number to a self-pipe; `Terminal.readKey` wakes up, returns
///   `.interrupt`, and the app calls `Terminal.stop()`, which runs
///   `endwin`. A second such signal while the first is still unanswered
///   restores the terminal settings directly (async-signal-safe) and exits.
/// - SIGTSTP / SIGCONT: relayed the same way; `readKey` leaves curses mode,
///   stops the process, and on return repaints everything.
/// - SIGWINCH: passed on to curses' own handler, then relayed so that a
///   waiting `readKey` wakes up at once.
/// - Crashes (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP): the
///   saved terminal settings and the terminal's own "leave full-screen"
///   sequences are restored directly, then the signal goes on to whatever
///   handled it before.
/// - Normal exit without `stop()`: an `atexit` handler calls `endwin`.
enum SignalRelay {
    /// Installs the quit and suspend handlers and opens the self-pipe.
    /// Call before the curses screen is created, so that curses leaves
    /// those signals to the relay. Returns false when the relay is
    /// already open (one screen at a time) or no pipe can be made.
    static func open(terminalDescriptor: Int32) -> Bool {
        guard attune_relay_pipe() < 0 else { return false }
        return attune_relay_open(terminalDescriptor) == 0
    }

    /// Chains the resize handler to curses' own, installs the crash
    /// handlers, and records the terminal's restore sequences. Call right
    /// after the curses screen is created.
    static func screenStarted() {
        attune_relay_screen_started()
    }

    /// Marks whether curses is on screen (the crash and exit handlers only
    /// restore the terminal while it is).
    static func setActive(_ active: Bool) {
        attune_relay_set_active(active ? 1 : 0)
    }

    /// Puts back every handler that was there before and closes the pipe.
    static func close() {
        attune_relay_close()
    }

    /// The read end of the self-pipe, or -1 when the relay is closed.
    static var pipeDescriptor: Int32 {
        attune_relay_pipe()
    }

    /// The next relayed signal, or nil when none is waiting.
    static func next() -> RelayedSignal? {
        while true {
            let number = attune_relay_next_signal()
            switch number {
            case 0: return nil
            case attune_signal_interrupt(), attune_signal_terminate(), attune_signal_hangup(), attune_signal_quit():
                return .quit(signal: number)
            case attune_signal_stop(): return .suspend
            case attune_signal_continue(): return .resume
            case attune_signal_resize(): return .resize
            default: continue
            }
        }
    }

    /// Stops the process as Ctrl-Z would; returns when it is continued.
    /// The caller must have left curses mode first.
    static func suspendProcess() {
        attune_relay_suspend_process()
    }
}

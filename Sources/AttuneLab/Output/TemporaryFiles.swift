import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// How a headless command answers a quit signal: it stops at once, removes
/// the temporary files of unfinished writes (so every output is the old
/// file or the complete new one), and ends as the signal asks.
public enum InterruptHandling {
    /// Installs the handlers; call once at start, before any work. SIGINT,
    /// SIGTERM and SIGHUP end the program as their default action would
    /// (exit status 128 + signal, as a shell reports it); SIGQUIT ends it
    /// with exit status 131 and no crash report or core dump. A signal the
    /// program was started with ignored (as `nohup` does for SIGHUP) stays
    /// ignored. The live screen takes these signals over while it is up and
    /// gives them back when it closes.
    public static func install() {
        TemporaryFiles.installHandlers()
    }
}

/// Temporary files of atomic writes still in progress, removed if the
/// program is interrupted (SIGINT, SIGTERM, SIGHUP, SIGQUIT) so an
/// interrupted run leaves no half-written file behind.
///
/// The handlers are installed by ``InterruptHandling/install()`` or, at the
/// latest, on the first registration: SIGINT, SIGTERM and SIGHUP only when
/// their action is still the default (a program that handles a signal
/// itself keeps its handler), SIGQUIT unless it is ignored (the Swift
/// runtime's crash reporter would otherwise print a backtrace and let the
/// work go on). Each signal is then unblocked on the installing thread, in
/// case the program inherited it blocked. The handler removes the files;
/// for SIGQUIT it then exits with status 131, for the others it restores
/// the default action and raises the signal again, so the program ends as
/// it would have.
enum TemporaryFiles {
    /// At most this many files are tracked at once; more are written but not
    /// cleaned up on a signal.
    static let capacity = 32
    /// Paths as C strings, read by the signal handler without locking.
    nonisolated(unsafe) static let slots: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        let p = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
        p.initialize(repeating: nil, count: capacity)
        return p
    }()
    private static let lock = NSLock()
    nonisolated(unsafe) private static var installed = false

    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// Installs the handlers once.
    static func installHandlers() {
        lock.lock()
        defer { lock.unlock() }
        installLocked()
    }

    private static func installLocked() {
        guard !installed else { return }
        installed = true
        // The handler reads these globals. Swift makes a global (and the
        // runtime the description of its type) on first use, which
        // allocates and takes the runtime's locks: were that first use
        // inside the handler, a signal arriving while the program itself
        // allocates or looks up a type would corrupt the heap or wait
        // forever. So the handler's own removal runs once here, before any
        // handler exists, with no file to remove.
        removeTrackedFiles()
        for signal in signals { install(signal, onlyOverDefault: true) }
        install(SIGQUIT, onlyOverDefault: false)
    }

    /// Tracks `path`; returns its slot, or `nil` when all slots are taken.
    static func register(_ path: String) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        installLocked()
        for i in 0..<capacity where slots[i] == nil {
            slots[i] = strdup(path)
            return i
        }
        return nil
    }

    /// Stops tracking the file in `slot`.
    static func unregister(_ slot: Int) {
        lock.lock()
        defer { lock.unlock() }
        let p = slots[slot]
        slots[slot] = nil
        free(p)
    }

    private static func install(_ signal: Int32, onlyOverDefault: Bool) {
        var old = sigaction()
        guard sigaction(signal, nil, &old) == 0 else { return }
        #if canImport(Darwin)
            let handler = unsafeBitCast(old.__sigaction_u.__sa_handler, to: Int.self)
        #else
            let handler = unsafeBitCast(old.__sigaction_handler.sa_handler, to: Int.self)
        #endif
        let isDefault = handler == 0 && old.sa_flags & SA_SIGINFO == 0
        let isIgnored = handler == 1 && old.sa_flags & SA_SIGINFO == 0
        guard onlyOverDefault ? isDefault : !isIgnored else { return }
        var action = sigaction()
        #if canImport(Darwin)
            action.__sigaction_u.__sa_handler = removeAndReraise
        #else
            action.__sigaction_handler.sa_handler = removeAndReraise
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        _ = sigaction(signal, &action, nil)
        // A program started with the signal blocked (a mask inherited from
        // its parent) would never see it: let it through on this thread and
        // the threads it starts from now on.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, signal)
        _ = pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }
}

/// The signal handler: only async-signal-safe calls (unlink, sigaction,
/// raise, _exit).
private func removeAndReraise(_ signal: Int32) {
    removeTrackedFiles()
    if signal == SIGQUIT { _exit(128 + SIGQUIT) }
    _ = restoreDefaultAction(signal)
    _ = raise(signal)
}

/// Removes every tracked file (unlink only); the signal handler's first
/// part, also run once when the handlers are installed.
private func removeTrackedFiles() {
    for i in 0..<TemporaryFiles.capacity {
        if let p = TemporaryFiles.slots[i] { _ = unlink(p) }
    }
}

@inline(__always)
private func restoreDefaultAction(_ s: Int32) -> Int32 {
    var action = sigaction()
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    // SIG_DFL is a null handler.
    return sigaction(s, &action, nil)
}

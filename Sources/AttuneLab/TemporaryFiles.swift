import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Temporary files of atomic writes still in progress, removed if the
/// program is interrupted (SIGINT, SIGTERM, SIGHUP) so an interrupted run
/// leaves no half-written file behind.
///
/// The handler is installed on the first registration, and only for signals
/// whose action is still the default (a program that handles a signal
/// itself keeps its handler); the signal is then unblocked on the
/// registering thread, in case the program inherited it blocked. It removes the files, restores the default
/// action and raises the signal again, so the program ends as it would have.
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

    /// Tracks `path`; returns its slot, or `nil` when all slots are taken.
    static func register(_ path: String) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        if !installed {
            installed = true
            for signal in signals { installIfDefault(signal) }
        }
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

    private static func installIfDefault(_ signal: Int32) {
        var old = sigaction()
        guard sigaction(signal, nil, &old) == 0 else { return }
        #if canImport(Darwin)
            let isDefault = old.__sigaction_u.__sa_handler == nil
        #else
            let isDefault = old.__sigaction_handler.sa_handler == nil
        #endif
        guard isDefault else { return }
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

/// The signal handler: only async-signal-safe calls (unlink, signal, raise).
private func removeAndReraise(_ signal: Int32) {
    for i in 0..<TemporaryFiles.capacity {
        if let p = TemporaryFiles.slots[i] { _ = unlink(p) }
    }
    _ = restoreDefaultAction(signal)
    _ = raise(signal)
}

@inline(__always)
private func restoreDefaultAction(_ s: Int32) -> Int32 {
    var action = sigaction()
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    // SIG_DFL is a null handler.
    return sigaction(s, &action, nil)
}

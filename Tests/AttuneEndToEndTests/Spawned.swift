import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How one run of the built `attune` ended, for the fault-injection tests:
/// its exit code or the signal that ended it, what it printed, and whether
/// it had to be killed for taking too long.
struct Spawned {
    /// The exit code, or nil when a signal ended it.
    var exitCode: Int32?
    /// The signal that ended it, or nil when it exited.
    var signal: Int32?
    /// Standard output (empty when it went elsewhere).
    var standardOutput: String
    /// Standard error (empty when it went elsewhere).
    var standardError: String
    /// True when it ran past its time limit and was killed.
    var timedOut: Bool

    /// True when the run ended the way a crash does: a fault signal, or
    /// the Swift runtime's crash report.
    var crashed: Bool {
        if let signal, [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP].contains(signal) { return true }
        return standardError.contains("Program crashed") || standardError.contains("Fatal error")
            || standardError.contains("Backtrace")
    }

    /// Where a standard stream goes.
    enum Stream {
        /// Captured, and returned in the result.
        case capture
        /// Opened from (or to) this path.
        case path(String)
        /// Not open at all (`>&-`).
        case closed
    }

    /// Starts `attune` with `arguments`, with every
    /// signal unblocked and at its default, none of the test runner's files
    /// open, and standard input from an empty file of the tests' own.
    /// - Parameters:
    ///   - output, error: where standard output and error go (default:
    ///     captured).
    ///   - environment: variables added to the runner's.
    ///   - seconds: the time limit, after which it is killed (default 60).
    ///   - signals: signals to send, each after a delay in seconds from the
    ///     start, in order.
    static func run(
        _ arguments: [String], output: Stream = .capture, error: Stream = .capture, environment: [String: String] = [:],
        seconds: Double = 60, signals: [(after: Double, signal: Int32)] = []
    ) throws -> Spawned {
        let folder = try AttuneBinary.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outPath = folder.appendingPathComponent("stdout").path
        let errPath = folder.appendingPathComponent("stderr").path
        let inPath = folder.appendingPathComponent("stdin").path
        FileManager.default.createFile(atPath: inPath, contents: nil)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inPath, O_RDONLY, 0)
        for (fd, stream, captured) in [(Int32(1), output, outPath), (Int32(2), error, errPath)] {
            switch stream {
            case .capture: posix_spawn_file_actions_addopen(&actions, fd, captured, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            case let .path(path): posix_spawn_file_actions_addopen(&actions, fd, path, O_WRONLY, 0)
            case .closed: posix_spawn_file_actions_addclose(&actions, fd)
            }
        }
        for descriptor in TmuxPane.openDescriptors() where descriptor > 2 {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var variables = ProcessInfo.processInfo.environment
        variables.merge(environment) { $1 }
        let environ = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in environ { free(pointer) } }
        let argv = ([AttuneBinary.path] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid = pid_t()
        guard posix_spawn(&pid, AttuneBinary.path, &actions, &attributes, argv, environ) == 0 else {
            throw SpawnError.cannotStart
        }

        let start = Date()
        var pending = signals
        var status: Int32 = 0
        var timedOut = false
        while true {
            let done = waitpid(pid, &status, WNOHANG)
            if done == pid { break }
            if done < 0 && errno != EINTR { break }
            let elapsed = Date().timeIntervalSince(start)
            while let next = pending.first, elapsed >= next.after {
                kill(pid, next.signal)
                pending.removeFirst()
            }
            if elapsed > seconds && !timedOut {
                timedOut = true
                kill(pid, SIGKILL)
            }
            usleep(2_000)
        }
        let signalled = (status & 0x7f) != 0
        return Spawned(
            exitCode: signalled ? nil : (status >> 8) & 0xff, signal: signalled ? status & 0x7f : nil,
            standardOutput: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
            standardError: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "", timedOut: timedOut)
    }

    enum SpawnError: Error { case cannotStart }
}

/// A recording made by hand, as `attune run --record` writes one: the
/// scenario's text and hash in the header, then a size, clock ticks and
/// keys, then the end line (left out when `complete` is false).
enum HandMadeRecording {
    /// The 64-bit FNV-1a hash of `text`, 16 hex digits, as recordings carry.
    static func hash(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The text of a recording of the ready scenario `name`.
    /// - Parameters:
    ///   - seconds: seconds of ticks, 30 a second.
    ///   - overrides: `--set` values saved in the header.
    ///   - paused: true for a session that starts paused (its ticks move
    ///     nothing).
    ///   - keys: keys (`char:q`) with the step each is recorded at, given
    ///     after the ticks.
    ///   - complete: false to leave out the end line.
    static func text(
        scenario name: String, seconds: Double, overrides: [String] = [], paused: Bool = false,
        keys: [(word: String, step: Int)] = [], complete: Bool = true
    ) throws -> String {
        let path = AttuneBinary.packageRoot.appendingPathComponent("Scenarios/\(name).yaml").path
        let scenarioText = try String(contentsOfFile: path, encoding: .utf8)
        let header: [String: Any] = [
            "scenario": ["name": name, "text": scenarioText, "hash": hash(scenarioText), "overrides": overrides] as [String: Any],
            "seed": "7", "speed": 1, "paused": paused, "ascii": false, "presenter": false, "created": 1_764_000_000,
        ]
        let headerData = try JSONSerialization.data(withJSONObject: header, options: [.sortedKeys])
        var lines = ["{\"attune_recording\":1," + String(decoding: headerData, as: UTF8.self).dropFirst()]
        lines.append("{\"at\":0,\"resize\":[100,30]}")
        var at = 0.0
        var events = 1
        for i in 0..<Int(seconds * 30) {
            at = Double(i + 1) / 30
            lines.append("{\"at\":\((at * 1_000_000).rounded() / 1_000_000),\"tick_us\":33333}")
            events += 1
        }
        for key in keys {
            at += 0.01
            lines.append("{\"at\":\((at * 1_000_000).rounded() / 1_000_000),\"key\":\"\(key.word)\",\"speed\":1,\"step\":\(key.step)}")
            events += 1
        }
        if complete { lines.append("{\"end\":true,\"events\":\(events)}") }
        return lines.joined(separator: "\n") + "\n"
    }
}

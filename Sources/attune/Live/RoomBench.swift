import AttuneLab
import AttuneModel
import AttuneScenario
import AttuneUI
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `attune room SCENARIO --bench`: the room's cost, measured on the real
/// program. For each window size it starts `attune room` with the same
/// options in a pseudo-terminal of its own (as a terminal would), reads and
/// throws away what it draws, and reports how long after the start the
/// first whole frame arrived, and the processor time the program took
/// while the room played (after a second to settle), as a share of one
/// core. docs/performance.md records the figures.
enum RoomBench {
    /// The window sizes measured, columns × rows.
    static let sizes = [Size(width: 80, height: 24), Size(width: 200, height: 60)]
    /// Seconds of playing before the measuring starts.
    static let settleSeconds = 1.0
    /// A word of the room's key bar, the last row drawn: once it has
    /// arrived, the first frame is whole.
    static let lastRowMarker = "choose"

    static func run(_ command: RoomCommand) throws {
        let (scenario, _) = try command.load()
        let o = command.options
        let speed = OptionLimit<Double>.decimal(o.speed)
        let playing = scenario.plan.totalSeconds / o.speed
        var shown = ["attune", "room", command.scenario, "--babies", String(command.babies), "--speed", speed]
        if let seed = o.seed { shown += ["--seed", String(seed)] }
        for change in o.overrides { shown += ["--set", change] }
        if let population = o.population { shown += ["--population", population.rawValue] }
        if o.ascii { shown.append("--ascii") }
        if o.noColor { shown.append("--no-color") }
        print("A room of \(command.babies) babies in \(scenario.name) at \(speed)x: \(shown.joined(separator: " "))")
        print(
            "Each window size runs the program in a pseudo-terminal of its own; the room plays for \(TextFormatting.clock(playing)) at this speed."
        )
        guard playing >= settleSeconds + command.benchSeconds else {
            throw CommandFailure(
                description:
                    "--bench: the room plays for only \(Field.fixed(playing, places: 1)) s at this speed; measuring needs \(Field.fixed(settleSeconds + command.benchSeconds, places: 1)) s (use a slower --speed or a shorter --bench-seconds)"
            )
        }
        let executable =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        for size in sizes {
            let figures = try measure(
                executable: executable, arguments: Array(shown.dropFirst()), size: size, seconds: command.benchSeconds,
                colour: !o.noColor)
            var line = "\(size.width) x \(size.height): first frame \(Int((figures.firstFrame * 1000).rounded())) ms after the start"
            if let share = figures.share {
                line +=
                    "; while playing, \(Field.fixed(share * 100, places: 1)) % of one core (\(Field.fixed(figures.processorSeconds, places: 2)) s of processor time in \(Field.fixed(command.benchSeconds, places: 1)) s)"
            } else {
                line += "; processor time: not measured here (it needs /proc)"
            }
            print(line + ".")
        }
    }

    /// What one window size gave.
    struct Figures {
        /// Seconds from the start of the program to its first whole frame.
        var firstFrame: Double
        /// Processor seconds (user and system) while measured.
        var processorSeconds: Double
        /// The share of one core while measured, or nil without /proc.
        var share: Double?
    }

    /// Runs `executable arguments` in a pseudo-terminal of `size` and
    /// measures it.
    static func measure(executable: String, arguments: [String], size: Size, seconds: Double, colour: Bool) throws -> Figures {
        let (master, slavePath) = try openPseudoTerminal()
        defer { close(master) }
        var window = winsize(ws_row: UInt16(size.height), ws_col: UInt16(size.width), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &window)

        #if os(Linux)
            var actions = posix_spawn_file_actions_t()
            var attributes = posix_spawnattr_t()
        #else
            var actions: posix_spawn_file_actions_t?
            var attributes: posix_spawnattr_t?
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd in Int32(0)...2 {
            posix_spawn_file_actions_addopen(&actions, fd, slavePath, O_RDWR, 0)
        }
        posix_spawn_file_actions_addclose(&actions, master)
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigdefault(&attributes, &all)
        #if os(Linux)
            let setsid = Int32(0x80)  // POSIX_SPAWN_SETSID
        #else
            let setsid = Int32(0x400)
        #endif
        posix_spawnattr_setflags(&attributes, Int16(Int32(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF) | setsid))

        var environment = ProcessInfo.processInfo.environment
        environment["TERM"] = "xterm-256color"
        environment["LANG"] = environment["LANG"].flatMap { $0.contains("UTF-8") ? $0 : nil } ?? "C.UTF-8"
        environment["LC_ALL"] = nil
        if colour { environment["NO_COLOR"] = nil }
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for p in argv { free(p) }
            for p in envp { free(p) }
        }
        let clock = ContinuousClock()
        let start = clock.now
        var pid: pid_t = 0
        guard posix_spawn(&pid, executable, &actions, &attributes, argv, envp) == 0 else {
            throw CommandFailure(description: "--bench: the room could not be started")
        }
        func since(_ instant: ContinuousClock.Instant) -> Double {
            let c = (clock.now - instant).components
            return Double(c.seconds) + Double(c.attoseconds) * 1e-18
        }
        var seen: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        let marker = Array(lastRowMarker.utf8)
        var firstFrame: Double?
        var framed: ContinuousClock.Instant?
        var before: Double?
        var after: Double?
        defer {
            kill(pid, SIGTERM)
            // Read what is left so that it can write its goodbye, then reap it.
            let deadline = clock.now + .seconds(3)
            var status: Int32 = 0
            while waitpid(pid, &status, WNOHANG) == 0 && clock.now < deadline {
                var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
                if poll(&poller, 1, 20) > 0 { _ = read(master, &buffer, buffer.count) }
            }
            if waitpid(pid, &status, WNOHANG) == 0 {
                kill(pid, SIGKILL)
                waitpid(pid, &status, 0)
            }
        }
        while true {
            var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            if poll(&poller, 1, 10) > 0 {
                let got = read(master, &buffer, buffer.count)
                if got <= 0 { break }
                if firstFrame == nil {
                    seen += buffer[0..<got]
                    if contains(seen, marker) {
                        firstFrame = since(start)
                        framed = clock.now
                        seen = []
                    }
                }
            }
            if let framed {
                let played = since(framed)
                if before == nil && played >= settleSeconds { before = processorSeconds(pid) ?? -1 }
                if played >= settleSeconds + seconds {
                    after = processorSeconds(pid) ?? -1
                    break
                }
            } else if since(start) > 10 {
                throw CommandFailure(description: "--bench: no frame arrived within 10 s")
            }
        }
        guard let firstFrame else { throw CommandFailure(description: "--bench: the room ended before its first frame") }
        guard let before, let after, before >= 0, after >= 0 else {
            return Figures(firstFrame: firstFrame, processorSeconds: 0, share: nil)
        }
        return Figures(firstFrame: firstFrame, processorSeconds: after - before, share: (after - before) / seconds)
    }

    /// A new pseudo-terminal: its controlling side, open, and the path of
    /// the side the program gets.
    static func openPseudoTerminal() throws -> (Int32, String) {
        #if os(Linux)
            // posix_openpt, grantpt, unlockpt and ptsname are not in Swift's
            // Glibc module; on Linux they come down to these two requests.
            let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
            var unlock: Int32 = 0
            var number: UInt32 = 0
            guard master >= 0, ioctl(master, UInt(0x4004_5431), &unlock) == 0,  // TIOCSPTLCK
                ioctl(master, UInt(0x8004_5430), &number) == 0  // TIOCGPTN
            else {
                throw CommandFailure(description: "--bench: no pseudo-terminal could be opened")
            }
            return (master, "/dev/pts/\(number)")
        #else
            let master = posix_openpt(O_RDWR | O_NOCTTY)
            guard master >= 0, grantpt(master) == 0, unlockpt(master) == 0, let name = ptsname(master) else {
                throw CommandFailure(description: "--bench: no pseudo-terminal could be opened")
            }
            return (master, String(cString: name))
        #endif
    }

    /// True when `bytes` holds `marker`.
    static func contains(_ bytes: [UInt8], _ marker: [UInt8]) -> Bool {
        guard bytes.count >= marker.count else { return false }
        for start in 0...(bytes.count - marker.count) where bytes[start] == marker[0] {
            if Array(bytes[start..<(start + marker.count)]) == marker { return true }
        }
        return false
    }

    /// The processor time (user and system) `pid` has taken so far, in
    /// seconds, from /proc; nil where there is no /proc.
    static func processorSeconds(_ pid: pid_t) -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = text.lastIndex(of: ")")
        else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        // After the name: state is field 3, utime field 14, stime field 15.
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        return (user + system) / ticks
    }
}

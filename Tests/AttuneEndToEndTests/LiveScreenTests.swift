import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A tmux server of its own (a private socket, so nothing else is
/// touched) with one 120 × 40 window running a shell, in which the tests
/// type `attune` commands and read the screen back.
final class TmuxPane {
    /// The tmux executable, or nil when tmux is not installed.
    static let executable: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let folders = path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"]
        return folders.map { $0 + "/tmux" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// Why the live-screen tests cannot run without tmux.
    static let missing = "tmux is needed for the live-screen tests: install it (apt-get install tmux, or run .ci/run, which does)."

    let socket = "attune-e2e-\(UUID().uuidString.prefix(8))"
    let target = "live"

    /// Starts a shell in a new tmux server, `width` × `height` cells, with
    /// `environment` added (LANG=C.UTF-8 unless given; NO_COLOR unset
    /// unless given).
    init(width: Int = 120, height: Int = 40, environment: [String: String] = [:]) throws {
        var variables = ["LANG": "C.UTF-8", "PS1": "$ ", "ENV": "", "HISTFILE": Scratch.sink]
        variables.merge(environment) { $1 }
        let assignments = variables.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quoted($0.value))" }
        // NO_COLOR may be set around the test runner; the pane starts without it.
        let shell = "env -u NO_COLOR " + assignments.joined(separator: " ") + " /bin/sh"
        let status = try tmux([
            "-f", Self.emptyConfiguration, "new-session", "-d", "-s", target, "-x", "\(width)", "-y", "\(height)",
            "-c", AttuneBinary.packageRoot.path, shell,
        ]).status
        guard status == 0 else { throw TmuxError.cannotStart }
        _ = try? tmux(["set-option", "-t", target, "remain-on-exit", "on"])
        socketPath =
            (try? tmux(["display-message", "-p", "#{socket_path}"]).output)?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
    }

    /// An empty tmux configuration file, so that no user settings apply.
    static let emptyConfiguration: String = {
        let path = Scratch.folder.appendingPathComponent("tmux.conf").path
        FileManager.default.createFile(atPath: path, contents: nil)
        return path
    }()

    /// The server's socket file, removed with the server.
    private var socketPath = ""

    deinit {
        _ = try? tmux(["kill-server"])
        if socketPath.hasPrefix("/") { unlink(socketPath) }
    }

    /// Runs tmux on this pane's server and waits for it.
    ///
    /// tmux is started with `posix_spawn` and reaped with `waitpid`, with
    /// every signal unblocked and at its default, and with none of the test
    /// runner's files open: a tmux server started from a test thread would
    /// otherwise inherit the thread's blocked signals (and then never notice
    /// its children ending, nor `kill-server`) and the runner's pipes.
    @discardableResult
    func tmux(_ arguments: [String]) throws -> (status: Int32, output: String) {
        guard let executable = Self.executable else { throw TmuxError.notInstalled }
        let outputPath = FileManager.default.temporaryDirectory
            .appendingPathComponent("attune-tmux-\(UUID().uuidString)").path
        defer { unlink(outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, Scratch.sink, O_WRONLY, 0)
        for descriptor in Self.openDescriptors() where descriptor > 2 {
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
        let argv = ([executable, "-L", socket] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        guard spawned == 0 else { throw TmuxError.cannotStart }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return (exitStatus, output)
    }

    /// The file descriptors open in this process (from /proc/self/fd on
    /// Linux; none elsewhere).
    static func openDescriptors() -> [Int32] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        return names.compactMap { Int32($0) }
    }

    /// Types `line` into the shell and presses Enter.
    func run(_ line: String) throws {
        try tmux(["send-keys", "-t", target, "-l", "--", line])
        try tmux(["send-keys", "-t", target, "Enter"])
    }

    /// Sends keys by tmux name (`Space`, `Left`, `C-c`, `q`...).
    func press(_ keys: String...) throws {
        for key in keys {
            try tmux(["send-keys", "-t", target, key])
        }
    }

    /// Sends text as typed characters.
    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", target, "-l", "--", text])
    }

    /// The screen as text (with escape sequences for colours and
    /// attributes when `escapes` is true).
    func screen(escapes: Bool = false) throws -> String {
        try tmux(["capture-pane", "-p", "-t", target] + (escapes ? ["-e"] : [])).output
    }

    /// Reads the screen until `condition` holds, for at most `seconds`
    /// (default 10); returns the last screen, and records an issue naming
    /// `what` when the time ran out.
    @discardableResult
    func wait(
        for what: String, seconds: Double = 10, escapes: Bool = false,
        sourceLocation: SourceLocation = #_sourceLocation, until condition: (String) -> Bool
    ) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var text = try screen(escapes: escapes)
        while !condition(text) {
            if Date() > deadline {
                Issue.record("Timed out waiting for \(what). The screen:\n\(text)", sourceLocation: sourceLocation)
                return text
            }
            Thread.sleep(forTimeInterval: 0.05)
            text = try screen(escapes: escapes)
        }
        // tmux can show a frame half painted: read once more a moment
        // later and keep that reading when it still answers the condition
        // (a moment that has already passed keeps the first reading).
        Thread.sleep(forTimeInterval: 0.1)
        let again = try screen(escapes: escapes)
        return condition(again) ? again : text
    }

    /// Waits until the screen contains `text`.
    @discardableResult
    func wait(for text: String, seconds: Double = 10, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try wait(for: "\"\(text)\"", seconds: seconds, sourceLocation: sourceLocation) { $0.contains(text) }
    }

    /// Waits until the screen contains `text` and has stopped changing (two
    /// reads 0.3 s apart agree), so a screen still being painted is never
    /// taken for the finished one; returns that screen.
    @discardableResult
    func settled(
        containing text: String, seconds: Double = 10, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> String {
        var previous = ""
        return try wait(for: "\"\(text)\" on a settled screen", seconds: seconds, sourceLocation: sourceLocation) { screen in
            defer { previous = screen; Thread.sleep(forTimeInterval: 0.25) }
            return screen.contains(text) && screen == previous
        }
    }

    /// Resizes the window to `width` × `height`.
    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", target, "-x", "\(width)", "-y", "\(height)"])
    }

    /// The command line that runs the built `attune` with `arguments`.
    static func attune(_ arguments: String = "") -> String {
        quoted(AttuneBinary.path) + (arguments.isEmpty ? "" : " " + arguments)
    }

    static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    enum TmuxError: Error { case notInstalled, cannotStart }
}

/// The run's clock in the header (`0:14 / 2:00`), in seconds.
func clockSeconds(_ screen: String) -> Int? {
    guard let match = screen.firstMatch(of: /(\d+):(\d\d) \/ \d+:\d\d/) else { return nil }
    return Int(match.1)! * 60 + Int(match.2)!
}

/// Starts a pane, or fails the test with a clear message when tmux is missing.
func livePane(width: Int = 120, height: Int = 40, environment: [String: String] = [:]) throws -> TmuxPane {
    try #require(TmuxPane.executable != nil, Comment(rawValue: TmuxPane.missing))
    return try TmuxPane(width: width, height: height, environment: environment)
}

@Suite("The live screen, driven in tmux", .serialized)
struct LiveScreenTests {
    @Test("a bare attune opens the chooser; Enter starts the side-by-side scene")
    func chooseAScenario() throws {
        let pane = try livePane()
        try pane.run(TmuxPane.attune())
        let chooser = try pane.wait(for: "Choose a scene")
        #expect(chooser.contains("▶ wait-or-chase"))
        #expect(chooser.contains("Things to notice"))
        try pane.press("Down")
        try pane.wait(for: "▶ scene-a-waits")
        try pane.press("Up")
        try pane.wait(for: "▶ wait-or-chase")
        try pane.press("Enter")
        let live = try pane.wait(for: "the clock running", seconds: 10) { (clockSeconds($0) ?? 0) >= 2 }
        #expect(live.contains("Waits · waits, then greets"))
        #expect(live.contains("Chases · leans in"))
        #expect(live.contains("PLAYING"))
        #expect(live.contains("She plays") || live.contains("She sits back and waits") || live.contains("She greets"))
    }

    @Test("Space pauses and plays; . steps once while paused")
    func pauseAndStep() throws {
        let pane = try livePane()
        try pane.run(TmuxPane.attune("run wait-or-chase --paused"))
        try pane.wait(for: "0:00 / 2:00  speed 1x  PAUSED")
        Thread.sleep(forTimeInterval: 0.5)
        #expect(try pane.screen().contains("0:00 / 2:00  speed 1x  PAUSED"))
        for _ in 0..<10 { try pane.type(".") }
        try pane.wait(for: "0:01 / 2:00  speed 1x  PAUSED")
        try pane.press("Space")
        try pane.wait(for: "PLAYING")
        try pane.wait(for: "the clock moving") { (clockSeconds($0) ?? 0) >= 2 }
        try pane.press("Space")
        let paused = try pane.wait(for: "PAUSED")
        Thread.sleep(forTimeInterval: 1.2)
        #expect(clockSeconds(try pane.screen()) == clockSeconds(paused))
    }

    @Test("+ and - step the speed from 0.25x to 32x")
    func speed() throws {
        let pane = try livePane()
        try pane.run(TmuxPane.attune("run wait-or-chase --paused"))
        try pane.wait(for: "speed 1x")
        try pane.type("+")
        try pane.wait(for: "speed 2x")
        try pane.type("++++++")
        try pane.wait(for: "speed 32x")
        try pane.type("--------")
        try pane.wait(for: "speed 0.25x")
        try pane.type("=")
        try pane.wait(for: "speed 0.5x")
    }

    @Test("the left arrow goes back 5 s; acting then starts a new future")
    func rewindAndBranch() throws {
        let pane = try livePane()
        try pane.run(TmuxPane.attune("run wait-or-chase --speed 8"))
        try pane.wait(for: "12 s of the run") { (clockSeconds($0) ?? 0) >= 12 }
        try pane.press("Space")
        let paused = try pane.wait(for: "PAUSED")
        let newest = try #require(clockSeconds(paused))
        try pane.press("Left")
        let back = try pane.wait(for: "Back to")
        #expect(clockSeconds(back) == newest - 5)
        #expect(back.contains("PAUSED, REWOUND"))
        #expect(back.contains("(recorded to \(newest / 60):\(String(format: "%02d", newest % 60)))"))
        try pane.press("Right")
        try pane.wait(for: "Forward to")
        try pane.press("Left")
        try pane.wait(for: "Back to")
        try pane.type("c")
        let branched = try pane.wait(for: "A new future from")
        #expect(branched.contains("Waits · leans in"))
        #expect(!branched.contains("recorded to"))
    }

    @Test("c switches the caregiver's policy; Tab picks the other side")
    func switchPolicy() throws {
        let pane = try livePane()
        try pane.run(TmuxPane.attune("run wait-or-chase --paused"))
        try pane.wait(for: "▶ Waits · waits, then greets")
        try pane.type("c")
        try pane.wait(for: "▶ Waits · leans in")
        try pane.press("Tab")
        try pane.type("c")
        let screen = try pane.wait(for: "▶ Chases · often elsewhere")
        #expect(screen.contains("Waits · leans in"))
    }

    @Test("h puts the keyboard in the caregiver's place; 1-6 choose her action")
    func humanMode() throws {
        let pane = try livePane()
        try pane.run(TmuxPane.attune("run wait-or-chase --paused"))
        try pane.wait(for: "PAUSED")
        try pane.type("h")
        let human = try pane.wait(for: "6  still face")
        #expect(human.contains("Waits · you"))
        #expect(human.contains("1 ▸play"), "the key bar marks what she does now")
        try pane.type("3.")
        try pane.wait(for: "She sits back and waits")
        #expect(try pane.wait(for: "3 ▸wait").contains("1  play"))
        try pane.type("4.")
        try pane.wait(for: "She soothes")
        try pane.type("h")
        try pane.wait(for: "▶ Waits · waits, then greets")
    }

    @Test("the end of a run shows the debrief; q quits and prints the figures")
    func debrief() throws {
        let pane = try livePane()
        try pane.run(TmuxPane.attune("run scene-a-waits --speed 32") + "; echo EXIT=$?")
        let debrief = try pane.wait(for: "What happened · Scene A")
        #expect(debrief.contains("The run lasted 2:00"))
        #expect(debrief.contains("The figures"))
        #expect(debrief.contains("came back on its own"))
        try pane.press("End")
        try pane.wait(for: "What a repair looks like")
        try pane.type("q")
        let after = try pane.wait(for: "EXIT=0")
        #expect(after.contains("ruptures (out of step > 0.5 s)"))
        #expect(after.contains("median repair time"))
    }

    @Test("a window below 80 x 24 asks to be made larger and the run waits")
    func resize() throws {
        let pane = try livePane()
        try pane.run(TmuxPane.attune("run wait-or-chase"))
        try pane.wait(for: "the clock running") { (clockSeconds($0) ?? 0) >= 1 }
        let clockBefore = try #require(clockSeconds(try pane.screen()))
        try pane.resize(width: 70, height: 20)
        try pane.wait(for: "This window is too small for Attune.")
        Thread.sleep(forTimeInterval: 4)
        try pane.resize(width: 120, height: 40)
        let back = try pane.wait(for: "Chases · leans in")
        let clockAfter = try #require(clockSeconds(back))
        #expect(clockAfter - clockBefore <= 2, "the run waited while the window was small (4 s)")
        try pane.resize(width: 80, height: 24)
        let small = try pane.wait(for: "the 80 x 24 layout") {
            $0.contains("Waits · waits, then greets") && $0.split(separator: "\n").count <= 24
        }
        #expect(small.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }

    @Test("Ctrl-C stops the screen and leaves the terminal sane")
    func controlC() throws {
        let pane = try livePane()
        try pane.run(TmuxPane.attune("run wait-or-chase") + "; echo EXIT=$?")
        try pane.wait(for: "PLAYING")
        try pane.press("C-c")
        let after = try pane.wait(for: "EXIT=130")
        #expect(!after.contains("PLAYING"))
        try pane.run("stty -a; echo STTY-DONE")
        let screen = try pane.wait(for: "the output of stty -a") { $0.contains("\nSTTY-DONE") }
        // Only the lines stty printed, not the command line typed before them.
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        let start = try #require(lines.lastIndex { $0.contains("stty -a; echo STTY-DONE") })
        let end = try #require(lines.lastIndex { $0 == "STTY-DONE" })
        let stty = lines[(start + 1)..<end].joined(separator: "\n")
        #expect(stty.contains("speed"), "stty printed its settings")
        #expect(stty.firstMatch(of: /(^|\s)echo(\s|$)/) != nil, "echo is on")
        #expect(stty.firstMatch(of: /(^|\s)icanon(\s|$)/) != nil, "icanon is on")
        #expect(stty.firstMatch(of: /(^|\s)-echo(\s|$)/) == nil)
        #expect(stty.firstMatch(of: /(^|\s)-icanon(\s|$)/) == nil)
    }

    @Test("NO_COLOR and TERM=vt100 show no colour, with meaning in words and symbols")
    func noColour() throws {
        let colourCode = /\x1b\[[0-9;]*(3[0-7]|38;5;\d+|4[0-7]|48;5;\d+)m/
        let coloured = try livePane()
        try coloured.run(TmuxPane.attune("run wait-or-chase --paused"))
        let withColour = try coloured.wait(for: "the coloured screen", escapes: true) { $0.contains("PAUSED") }
        #expect(withColour.firstMatch(of: colourCode) != nil, "the plain run uses colour")

        let pane = try livePane(environment: ["NO_COLOR": "1"])
        try pane.run(TmuxPane.attune("run wait-or-chase --paused"))
        let screen = try pane.wait(for: "the screen without colour", escapes: true) { $0.contains("PAUSED") }
        #expect(screen.firstMatch(of: colourCode) == nil)
        #expect(screen.contains("interested"))
        #expect(screen.contains("in range"))
        // The heart rate and what the baby is like, in words and symbols.
        let plain = try pane.screen()
        #expect(plain.contains("♥ 140 bpm (resting 140)"))
        #expect(plain.contains("The baby: 4 months old · even-tempered · trusting"))

        let vt100 = try livePane(environment: ["TERM": "vt100"])
        try vt100.run(TmuxPane.attune("run wait-or-chase --paused"))
        let mono = try vt100.wait(for: "the vt100 screen", escapes: true) { $0.contains("PAUSED") }
        #expect(mono.firstMatch(of: colourCode) == nil)
        #expect(mono.contains("She plays"))
    }

    @Test("--ascii puts no byte above 0x7F on the screen")
    func ascii() throws {
        let pane = try livePane()
        try pane.run(TmuxPane.attune("run scene-a-waits --ascii --speed 4"))
        let screen = try pane.wait(for: "the clock running") { (clockSeconds($0) ?? 0) >= 8 }
        #expect(screen.contains("+- Waits - waits, then greets -"))
        #expect(screen.contains("Scene A - the caregiver waits"))
        #expect(screen.contains("The baby: 4 months old - even-tempered - trusting"))
        #expect(screen.firstMatch(of: /HR \d+ bpm \(resting 140\)/) != nil, "the heart rate, written HR")
        #expect(!screen.utf8.contains { $0 > 0x7F })
        try pane.type("?")
        let help = try pane.wait(for: "Keys: the live screen")
        #expect(!help.utf8.contains { $0 > 0x7F })
        try pane.type("xq")
        let debrief = try pane.wait(for: "What happened")
        #expect(!debrief.utf8.contains { $0 > 0x7F })
    }

    @Test("with standard output piped, attune says to use batch or trace and exits 1")
    func notATerminalInAPane() throws {
        let pane = try livePane()
        try pane.run(
            TmuxPane.attune("run wait-or-chase") + " | cat; " + TmuxPane.attune() + " > \(TmuxPane.quoted(Scratch.sink)); echo EXIT=$?")
        let screen = try pane.wait(for: "EXIT=1")
        #expect(screen.contains("standard output is not a terminal"))
        #expect(screen.contains("attune batch SCENARIO"))
        #expect(screen.contains("attune trace SCENARIO"))
    }
}

@Suite("The live screen without a terminal")
struct NotATerminalTests {
    @Test("attune run with no terminal prints advice and exits 1", arguments: [["run", "wait-or-chase"], []])
    func advice(arguments: [String]) throws {
        let result = try AttuneBinary.run(arguments)
        #expect(result.status == 1)
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError.contains("the live screen needs a terminal"))
        #expect(result.standardError.contains("attune batch SCENARIO"))
        #expect(result.standardError.contains("attune trace SCENARIO"))
    }

    @Test(
        "a mistake in the scenario is named before the missing terminal",
        arguments: [["run", "still-fase"], ["present", "still-fase"], ["room", "still-fase"]])
    func scenarioMistakeFirst(arguments: [String]) throws {
        let result = try AttuneBinary.run(arguments)
        #expect(result.status == 1)
        #expect(result.standardError.contains("did you mean \"still-face\"?"), "\(result.standardError)")
        #expect(!result.standardError.contains("needs a terminal"))
        let typo = try AttuneBinary.run(["run", "still-face", "--set", "infant.age_months=40"])
        #expect(typo.status == 1)
        #expect(typo.standardError.contains("age_months"), "\(typo.standardError)")
        #expect(!typo.standardError.contains("needs a terminal"))
    }
}

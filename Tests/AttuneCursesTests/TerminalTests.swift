import AttuneCurses
import AttuneUI
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A pseudo-terminal pair: the test plays the user at `controller`, the
/// Terminal under test runs on `device`.
final class PseudoTerminal {
    let controller: Int32
    let device: Int32

    init() throws {
        // posix_openpt and friends are not exported by the Swift C-library
        // overlay, so they are looked up by name.
        typealias FdFunction = @convention(c) (Int32) -> Int32
        typealias NameFunction = @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?
        let library = dlopen(nil, RTLD_NOW)
        func symbol<T>(_ name: String, as type: T.Type) throws -> T {
            guard let pointer = dlsym(library, name) else { throw PseudoTerminalError.unavailable }
            return unsafeBitCast(pointer, to: type)
        }
        let openController = try symbol("posix_openpt", as: FdFunction.self)
        let grant = try symbol("grantpt", as: FdFunction.self)
        let unlock = try symbol("unlockpt", as: FdFunction.self)
        let deviceName = try symbol("ptsname", as: NameFunction.self)
        controller = openController(O_RDWR | O_NOCTTY)
        guard controller >= 0, grant(controller) == 0, unlock(controller) == 0,
            let name = deviceName(controller)
        else { throw PseudoTerminalError.unavailable }
        device = open(name, O_RDWR | O_NOCTTY)
        guard device >= 0 else { throw PseudoTerminalError.unavailable }
        _ = fcntl(controller, F_SETFL, fcntl(controller, F_GETFL) | O_NONBLOCK)
    }

    deinit {
        close(device)
        close(controller)
    }

    /// Everything the Terminal wrote since the last call.
    func drain() -> String {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = read(controller, &buffer, buffer.count)
            if n <= 0 { break }
            bytes += buffer[0..<n]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Types `text` as the user.
    func type(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBufferPointer { write(controller, $0.baseAddress, $0.count) }
    }

    /// The device's current line settings.
    func settings() -> termios {
        var settings = termios()
        _ = tcgetattr(device, &settings)
        return settings
    }
}

enum PseudoTerminalError: Error { case unavailable }

@Suite(.serialized)
struct TerminalTests {
    func start(_ pty: PseudoTerminal, colour: Bool = true) throws -> Terminal {
        try Terminal(
            options: Terminal.Options(
                colourRequested: colour, inputDescriptor: pty.device,
                outputDescriptor: pty.device, terminalType: "xterm-256color"))
    }

    @Test func firstPaintWritesEveryCellOfTheFrame() throws {
        let pty = try PseudoTerminal()
        let terminal = try start(pty)
        defer { terminal.stop() }
        _ = pty.drain()
        var frame = Frame(size: terminal.size)
        frame.write("Hello infant", column: 2, row: 3)
        terminal.paint(frame)
        #expect(pty.drain().contains("Hello infant"))
    }

    @Test func laterPaintsWriteOnlyTheChangedCells() throws {
        let pty = try PseudoTerminal()
        let terminal = try start(pty)
        defer { terminal.stop() }
        var frame = Frame(size: terminal.size)
        frame.write("Hello infant", column: 2, row: 3)
        terminal.paint(frame)
        _ = pty.drain()
        terminal.paint(frame)
        #expect(!pty.drain().contains("Hello"))
        frame.write("caregiver", column: 8, row: 3)
        terminal.paint(frame)
        let output = pty.drain()
        #expect(output.contains("caregiver"))
        #expect(!output.contains("Hello"))
    }

    @Test func invalidatingRepaintsEverything() throws {
        let pty = try PseudoTerminal()
        let terminal = try start(pty)
        defer { terminal.stop() }
        var frame = Frame(size: terminal.size)
        frame.write("Hello infant", column: 2, row: 3)
        terminal.paint(frame)
        _ = pty.drain()
        terminal.invalidate()
        terminal.paint(frame)
        #expect(pty.drain().contains("Hello infant"))
    }

    @Test func unicodeGlyphsReachTheTerminalAsUTF8() throws {
        let pty = try PseudoTerminal()
        let terminal = try start(pty)
        defer { terminal.stop() }
        try #require(terminal.supportsUnicode, "needs a UTF-8 locale")
        var frame = Frame(size: terminal.size)
        frame.render(
            Box(title: "Baby", titleStyle: .plain),
            in: Rect(column: 0, row: 0, width: 10, height: 3))
        terminal.paint(frame)
        #expect(pty.drain().contains("┌─ Baby ─┐"))
    }

    @Test func keysAreTranslated() throws {
        let pty = try PseudoTerminal()
        let terminal = try start(pty)
        defer { terminal.stop() }
        pty.type("\u{1b}OA")
        #expect(terminal.readKey(timeoutMilliseconds: 500) == .up)
        pty.type("\u{1b}[B")
        #expect(terminal.readKey(timeoutMilliseconds: 500) == .down)
        pty.type("q")
        #expect(terminal.readKey(timeoutMilliseconds: 500) == .character("q"))
        pty.type("\r")
        #expect(terminal.readKey(timeoutMilliseconds: 500) == .enter)
        pty.type("\u{1b}")
        #expect(terminal.readKey(timeoutMilliseconds: 500) == .escape)
        pty.type("é")
        #expect(terminal.readKey(timeoutMilliseconds: 500) == .character("é"))
    }

    @Test func noInputTimesOutWithNil() throws {
        let pty = try PseudoTerminal()
        let terminal = try start(pty)
        defer { terminal.stop() }
        let clock = ContinuousClock()
        let started = clock.now
        #expect(terminal.readKey(timeoutMilliseconds: 50) == nil)
        #expect(started.duration(to: clock.now) >= .milliseconds(50))
    }

    @Test func aQuitSignalBecomesAnInterruptKey() throws {
        let pty = try PseudoTerminal()
        let terminal = try start(pty)
        defer { terminal.stop() }
        kill(getpid(), SIGTERM)
        #expect(terminal.readKey(timeoutMilliseconds: 1000) == .interrupt)
        #expect(terminal.interrupted)
        #expect(terminal.readKey(timeoutMilliseconds: 0) == .interrupt)
    }

    @Test func stopRestoresEchoAndLineEditingAndIsIdempotent() throws {
        let pty = try PseudoTerminal()
        let before = pty.settings()
        let terminal = try start(pty)
        let during = pty.settings()
        #expect(during.c_lflag & tcflag_t(ICANON) == 0)
        #expect(during.c_lflag & tcflag_t(ECHO) == 0)
        terminal.stop()
        terminal.stop()
        let after = pty.settings()
        #expect(after.c_lflag == before.c_lflag)
        #expect(after.c_lflag & tcflag_t(ICANON) != 0)
        #expect(after.c_lflag & tcflag_t(ECHO) != 0)
        #expect(!terminal.isActive)
    }

    @Test func onlyOneTerminalAtATime() throws {
        let pty = try PseudoTerminal()
        let terminal = try start(pty)
        #expect(throws: Terminal.StartError.alreadyActive) { _ = try start(pty) }
        terminal.stop()
        let again = try start(pty)
        again.stop()
    }

    @Test func noColourRequestGivesMonochrome() throws {
        let pty = try PseudoTerminal()
        let terminal = try start(pty, colour: false)
        defer { terminal.stop() }
        #expect(terminal.theme == .monochrome)
    }

    @Test func aColourTerminalGivesTheColourTheme() throws {
        let pty = try PseudoTerminal()
        unsetenv("NO_COLOR")
        let terminal = try start(pty)
        defer { terminal.stop() }
        #expect(terminal.theme == .colour)
    }
}

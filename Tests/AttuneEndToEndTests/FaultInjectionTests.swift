import AttuneTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The kind of a file system entry, from lstat: what an output path must
/// still be after a command wrote through it.
private func kind(_ path: String) -> mode_t? {
    var info = stat()
    guard lstat(path, &info) == 0 else { return nil }
    return info.st_mode & S_IFMT
}

/// Every command that writes a file, with the option that names it.
private func outputCommands(recording: String) -> [(name: String, arguments: (String) -> [String])] {
    [
        ("batch --output", { ["batch", "scene-a-waits", "--runs", "2", "--output", $0] }),
        ("trace --output", { ["trace", "scene-a-waits", "--output", $0] }),
        ("sweep --output", { ["sweep", "scene-a-waits", "--vary", "dyads.0.caregiver.patience=1s,2s", "--runs", "1", "--output", $0] }),
        (
            "sweep --svg",
            { ["sweep", "scene-a-waits", "--vary", "dyads.0.caregiver.patience=1s,2s", "--runs", "1", "--plot", "ruptures", "--svg", $0] }
        ),
        ("days --output", { ["days", "scene-a-waits", "--days", "2", "--runs", "2", "--output", $0] }),
        ("days --svg", { ["days", "scene-a-waits", "--days", "2", "--runs", "2", "--format", "csv", "--svg", $0] }),
        ("report --svg", { ["report", "scene-a-waits", "--svg", $0] }),
        ("report --html", { ["report", "scene-a-waits", "--html", $0] }),
        ("export --cast", { ["export", recording, "--cast", $0] }),
    ]
}

/// Reads everything written into the FIFO at `path` on a thread of its own.
private final class FIFOReader: @unchecked Sendable {
    private let lock = NSLock()
    private var bytes = 0
    private let thread: Thread

    init(_ path: String) {
        let box = Box()
        thread = Thread {
            let fd = open(path, O_RDONLY)
            guard fd >= 0 else { return }
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = read(fd, &buffer, buffer.count)
                if n <= 0 { break }
                box.add(n)
            }
            close(fd)
            box.finish()
        }
        self.box = box
        thread.start()
    }

    private let box: Box

    /// Waits (at most 10 s) for the writer to close, then says how many bytes came.
    func total() -> Int { box.wait() }

    final class Box: @unchecked Sendable {
        private let condition = NSCondition()
        private var count = 0
        private var done = false
        func add(_ n: Int) { condition.lock(); count += n; condition.unlock() }
        func finish() { condition.lock(); done = true; condition.broadcast(); condition.unlock() }
        func wait() -> Int {
            condition.lock()
            defer { condition.unlock() }
            let deadline = Date().addingTimeInterval(10)
            while !done && condition.wait(until: deadline) {}
            return count
        }
    }
}

@Suite("Faults: outputs that are not plain files", .serialized)
struct OutputTargetFaultTests {
    @Test("every output onto a device, a full device, a pipe, a link, a dangling link or a folder keeps what it does not own")
    func everyOutputKind() throws {
        try #require(Scratch.canMakeDevices, "the fault tests make devices in a folder of their own and need to run as root")
        let folder = try AttuneBinary.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let recording = folder.appendingPathComponent("session.jsonl").path
        try HandMadeRecording.text(scenario: "scene-a-waits", seconds: 2).write(toFile: recording, atomically: true, encoding: .utf8)

        for command in outputCommands(recording: recording) {
            // A null device made here: written through, still a device.
            let null = folder.appendingPathComponent("null").path
            Scratch.makeDevice(null, major: 1, minor: 3)
            let intoNull = try Spawned.run(command.arguments(null))
            #expect(intoNull.exitCode == 0, "\(command.name) onto a null device: \(intoNull.standardError)")
            #expect(kind(null) == S_IFCHR, "\(command.name) left the null device a device")

            // A full device: the error is reported, the device stays.
            let full = folder.appendingPathComponent("full").path
            Scratch.makeDevice(full, major: 1, minor: 7)
            let intoFull = try Spawned.run(command.arguments(full))
            #expect(intoFull.exitCode == 1, "\(command.name) onto a full device")
            #expect(intoFull.standardError.contains("No space left on device"), "\(command.name): \(intoFull.standardError)")
            #expect(kind(full) == S_IFCHR)
            #expect(!intoFull.crashed)

            // A named pipe with a reader: written through, still a pipe.
            let fifo = folder.appendingPathComponent("pipe").path
            unlink(fifo)
            #expect(mkfifo(fifo, 0o600) == 0)
            let reader = FIFOReader(fifo)
            let intoFIFO = try Spawned.run(command.arguments(fifo), seconds: 30)
            #expect(intoFIFO.exitCode == 0, "\(command.name) into a FIFO: \(intoFIFO.standardError)")
            #expect(reader.total() > 0, "\(command.name): the reader got the output")
            #expect(kind(fifo) == S_IFIFO)

            // A link to a file: the file is replaced, the link stays a link.
            let target = folder.appendingPathComponent("target.out").path
            try "old\n".write(toFile: target, atomically: true, encoding: .utf8)
            let link = folder.appendingPathComponent("link.out").path
            unlink(link)
            #expect(symlink("target.out", link) == 0)
            let throughLink = try Spawned.run(command.arguments(link))
            #expect(throughLink.exitCode == 0, "\(command.name) through a link: \(throughLink.standardError)")
            #expect(kind(link) == S_IFLNK, "\(command.name): the link is still a link")
            #expect(try String(contentsOfFile: target, encoding: .utf8) != "old\n", "\(command.name): the file behind the link was written")

            // A link to a file not there yet: the file is made, the link stays.
            let dangling = folder.appendingPathComponent("dangling.out").path
            unlink(dangling)
            let made = folder.appendingPathComponent("made.out").path
            unlink(made)
            #expect(symlink("made.out", dangling) == 0)
            let throughDangling = try Spawned.run(command.arguments(dangling))
            #expect(throughDangling.exitCode == 0, "\(command.name) through a dangling link: \(throughDangling.standardError)")
            #expect(kind(dangling) == S_IFLNK)
            #expect(kind(made) == S_IFREG)

            // A folder: refused, untouched.
            let box = folder.appendingPathComponent("box")
            try? FileManager.default.createDirectory(at: box, withIntermediateDirectories: true)
            let intoFolder = try Spawned.run(command.arguments(box.path))
            #expect(intoFolder.exitCode == 1)
            #expect(intoFolder.standardError.contains("it is a folder"), "\(command.name): \(intoFolder.standardError)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: box.path).isEmpty)

            // Nothing half-written left behind.
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".tmp-") }
            #expect(leftovers.isEmpty, "\(command.name) left \(leftovers)")
        }
    }

    @Test("a disk is never written to")
    func blockDevice() throws {
        try #require(Scratch.canMakeDevices)
        let folder = try AttuneBinary.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let disk = folder.appendingPathComponent("disk").path
        // A block device node of a loop device, made here: it is never opened.
        #expect(mknod(disk, S_IFBLK | 0o600, dev_t((7 << 8) | 200)) == 0)
        let result = try Spawned.run(["batch", "scene-a-waits", "--runs", "1", "--output", disk])
        #expect(result.exitCode == 1)
        #expect(result.standardError.contains("it is a disk (a block device)"))
        #expect(kind(disk) == S_IFBLK)
    }

    @Test("an output that is the input is refused, also through a link")
    func outputIsInput() throws {
        let folder = try AttuneBinary.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let recording = folder.appendingPathComponent("session.jsonl").path
        let text = try HandMadeRecording.text(scenario: "scene-a-waits", seconds: 1)
        try text.write(toFile: recording, atomically: true, encoding: .utf8)
        let same = try Spawned.run(["export", recording, "--cast", recording])
        #expect(same.exitCode == 1)
        #expect(same.standardError.contains("it is the recording this command reads"), "\(same.standardError)")
        let link = folder.appendingPathComponent("session.cast").path
        #expect(symlink(recording, link) == 0)
        let linked = try Spawned.run(["export", recording, "--cast", link])
        #expect(linked.exitCode == 1)
        #expect(try String(contentsOfFile: recording, encoding: .utf8) == text)

        let scenario = folder.appendingPathComponent("scene.yaml").path
        let scenarioText = try String(
            contentsOfFile: AttuneBinary.packageRoot.appendingPathComponent("Scenarios/scene-a-waits.yaml").path, encoding: .utf8)
        try scenarioText.write(toFile: scenario, atomically: true, encoding: .utf8)
        for arguments in [
            ["batch", scenario, "--runs", "1", "--output", scenario], ["trace", scenario, "--output", scenario],
            ["report", scenario, "--svg", scenario],
        ] {
            let result = try Spawned.run(arguments)
            #expect(result.exitCode == 1, "\(arguments)")
            #expect(
                result.standardError.contains("it is the scenario file this command reads")
                    || result.standardError.contains("it is the file this command reads"))
        }
        #expect(try String(contentsOfFile: scenario, encoding: .utf8) == scenarioText)
    }
}

@Suite("Faults: standard output and standard error that cannot be written", .serialized)
struct StandardStreamFaultTests {
    @Test("a full or closed standard error never crashes and keeps the exit code")
    func unwritableStandardError() throws {
        try #require(Scratch.canMakeDevices)
        let folder = try AttuneBinary.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let full = folder.appendingPathComponent("full").path
        Scratch.makeDevice(full, major: 1, minor: 7)
        let broken = folder.appendingPathComponent("broken.yaml").path
        try "title: [unclosed\n".write(toFile: broken, atomically: true, encoding: .utf8)
        for stream in [Spawned.Stream.path(full), .closed] {
            let validate = try Spawned.run(["validate", broken], error: stream)
            #expect(validate.exitCode == 1 && !validate.crashed)
            let batch = try Spawned.run(["batch", "no-such-scene", "--runs", "1"], error: stream)
            #expect(batch.exitCode == 1 && !batch.crashed)
            let usage = try Spawned.run(["batch", "--runs", "0"], error: stream)
            #expect(usage.exitCode == 64 && !usage.crashed)
        }
    }

    @Test("text that cannot reach standard output is reported, with exit code 1")
    func unwritableStandardOutput() throws {
        try #require(Scratch.canMakeDevices)
        let folder = try AttuneBinary.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let full = folder.appendingPathComponent("full").path
        Scratch.makeDevice(full, major: 1, minor: 7)
        for arguments in [["describe", "still-face"], ["list"], ["validate", "still-face"], ["--help"], ["batch", "--help"]] {
            let intoFull = try Spawned.run(arguments, output: .path(full))
            #expect(intoFull.exitCode == 1, "\(arguments)")
            #expect(
                intoFull.standardError.contains("could not write to standard output: No space left on device"),
                "\(arguments): \(intoFull.standardError)")
            let closed = try Spawned.run(arguments, output: .closed)
            #expect(closed.exitCode == 1, "\(arguments)")
            #expect(
                closed.standardError.contains("could not write to standard output: it is closed"), "\(arguments): \(closed.standardError)")
        }
        let batch = try Spawned.run(["batch", "scene-a-waits", "--runs", "2", "--format", "csv"], output: .path(full))
        #expect(batch.exitCode == 1)
        #expect(batch.standardError.contains("No space left on device"))
    }

    @Test("with standard output closed, no file the program opens takes its place")
    func closedOutputIsNotReused() throws {
        let folder = try AttuneBinary.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rows = folder.appendingPathComponent("rows.csv").path
        let result = try Spawned.run(["batch", "scene-a-waits", "--runs", "2", "--output", rows], output: .closed)
        #expect(result.exitCode == 0)
        let text = try String(contentsOfFile: rows, encoding: .utf8)
        #expect(text.hasPrefix("run,seed,"), "the rows file holds rows only")
        #expect(!text.contains("Rows written"))
    }
}

@Suite("Faults: signals", .serialized)
struct SignalFaultTests {
    @Test("SIGQUIT stops a batch with exit code 131, no crash report, and the old output intact")
    func quitStopsABatch() throws {
        let folder = try AttuneBinary.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rows = folder.appendingPathComponent("rows.csv").path
        try "old rows\n".write(toFile: rows, atomically: true, encoding: .utf8)
        let result = try Spawned.run(
            ["batch", "wait-or-chase", "--runs", "1000000", "--output", rows], seconds: 30, signals: [(0.8, SIGQUIT)])
        #expect(result.exitCode == 131, "\(result)")
        #expect(!result.crashed, "\(result.standardError)")
        #expect(try String(contentsOfFile: rows, encoding: .utf8) == "old rows\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["rows.csv"])
        let toOutput = try Spawned.run(
            ["batch", "wait-or-chase", "--runs", "1000000", "--format", "csv"], seconds: 30, signals: [(0.8, SIGQUIT)])
        #expect(toOutput.exitCode == 131)
        #expect(!toOutput.crashed)
    }

    @Test("signals at random moments: every command stops cleanly and its output is the old file or the complete new one")
    func randomSignals() throws {
        let folder = try AttuneBinary.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let recording = folder.appendingPathComponent("session.jsonl").path
        try HandMadeRecording.text(scenario: "wait-or-chase", seconds: 20).write(toFile: recording, atomically: true, encoding: .utf8)
        let commands: [(String) -> [String]] = [
            { ["batch", "wait-or-chase", "--runs", "400", "--output", $0] },
            { ["sweep", "wait-or-chase", "--vary", "dyads.0.caregiver.patience=0s..6s:1s", "--runs", "60", "--output", $0] },
            { ["days", "scene-a-waits", "--days", "20", "--runs", "10", "--output", $0] },
            { ["report", "wait-or-chase", "--svg", $0] },
            { ["export", recording, "--cast", $0] },
        ]
        var generator = SplitMix64(seed: 2026)
        let signals = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]
        for (index, command) in commands.enumerated() {
            let reference = folder.appendingPathComponent("reference-\(index)").path
            let whole = try Spawned.run(command(reference), seconds: 120)
            try #require(whole.exitCode == 0, "\(command(reference)): \(whole.standardError)")
            let expected = try Data(contentsOf: URL(fileURLWithPath: reference))
            for round in 0..<6 {
                let target = folder.appendingPathComponent("out-\(index)-\(round)").path
                try "old\n".write(toFile: target, atomically: true, encoding: .utf8)
                let signal = signals[Int(generator.next() % UInt64(signals.count))]
                let delay = Double(generator.next() % 400) / 1000
                let result = try Spawned.run(command(target), seconds: 120, signals: [(delay, signal)])
                #expect(!result.timedOut && !result.crashed, "\(command(target)) with signal \(signal) after \(delay) s: \(result)")
                let stoppedAsAsked = result.signal == signal || result.exitCode == 128 + signal || result.exitCode == 0
                #expect(stoppedAsAsked, "\(command(target)) with signal \(signal) after \(delay) s: \(result)")
                let now = try Data(contentsOf: URL(fileURLWithPath: target))
                #expect(
                    now == Data("old\n".utf8) || now == expected, "\(command(target)): the output is the old file or the complete new one")
            }
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
    }

    @Test("a signal in the first milliseconds, many times over: never a crash, never a hang")
    func earlySignals() throws {
        let folder = try AttuneBinary.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("early.svg").path
        var generator = SplitMix64(seed: 7)
        // While the program starts, it allocates and looks up types all the
        // time: a handler that did either would now and then crash or wait
        // forever.
        for round in 0..<300 {
            let signal = [SIGINT, SIGTERM, SIGHUP][round % 3]
            let delay = Double(generator.next() % 30) / 1000
            let result = try Spawned.run(["report", "wait-or-chase", "--svg", target], seconds: 20, signals: [(delay, signal)])
            #expect(!result.timedOut && !result.crashed, "signal \(signal) after \(delay) s: \(result)")
            #expect(result.signal == signal || result.exitCode == 128 + signal || result.exitCode == 0, "\(result)")
        }
    }
}

@Suite("Faults: inputs that are too big, too deep, or not files", .serialized)
struct InputFaultTests {
    @Test("scenario text with control characters is refused with a located error, and nothing raw reaches the terminal")
    func controlCharacters() throws {
        let folder = try AttuneBinary.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("colours.yaml").path
        try """
        title: "W\\e[31mRED\\e]0;pwned\\a"
        dyads:
          - caregiver: { policy: attuned }
        duration: 60s

        """.write(toFile: file, atomically: true, encoding: .utf8)
        for arguments in [["validate", file], ["describe", file], ["batch", file, "--runs", "1", "--format", "csv"]] {
            let result = try Spawned.run(arguments)
            #expect(result.exitCode == 1, "\(arguments)")
            #expect(result.standardError.contains("colours.yaml:1:"), "\(result.standardError)")
            #expect(!result.standardError.utf8.contains(0x1B) && !result.standardError.utf8.contains(0x07))
            #expect(!result.standardOutput.utf8.contains(0x1B))
        }
        let set = try Spawned.run(["batch", "scene-a-waits", "--runs", "1", "--set", "dyads.0.label=A\u{1B}]0;x\u{07}"])
        #expect(set.exitCode == 1)
        #expect(!set.standardError.utf8.contains(0x1B) && !set.standardError.utf8.contains(0x07))
        #expect(!set.standardOutput.utf8.contains(0x1B))
    }

    @Test("paths far deeper than any field are refused without overflowing the stack, by every way in")
    func deepPaths() throws {
        let folder = try AttuneBinary.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let deep = Array(repeating: "a", count: 10_000).joined(separator: ".")
        let recording = folder.appendingPathComponent("deep.jsonl").path
        try HandMadeRecording.text(scenario: "scene-a-waits", seconds: 1, overrides: ["\(deep)=1"])
            .write(toFile: recording, atomically: true, encoding: .utf8)
        let ways: [[String]] = [
            ["batch", "scene-a-waits", "--runs", "1", "--set", "\(deep)=1"],
            ["sweep", "scene-a-waits", "--vary", "\(deep)=1,2", "--runs", "1"],
            ["days", "scene-a-waits", "--days", "2", "--switch", "2:\(deep)=1"],
            ["report", "scene-a-waits", "--set", "\(deep)=1", "--svg", folder.appendingPathComponent("x.svg").path],
            ["describe", "scene-a-waits", "--set", "\(deep)=1"],
            ["export", recording, "--cast", folder.appendingPathComponent("x.cast").path],
        ]
        for arguments in ways {
            let result = try Spawned.run(arguments)
            #expect(
                result.exitCode == 1 && !result.crashed,
                "\(arguments.prefix(2)): \(result.exitCode.map(String.init) ?? "signal \(result.signal ?? 0)")")
            #expect(result.standardError.contains("deeper"), "\(arguments.prefix(2)): \(result.standardError.prefix(300))")
            #expect(result.standardError.count < 2_000, "the message does not echo the whole path")
        }
    }

    @Test("a named pipe is never opened as a scenario or a recording: refused at once, and skipped by list")
    func namedPipes() throws {
        let folder = try AttuneBinary.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("scene.yaml").path
        #expect(mkfifo(fifo, 0o600) == 0)
        for arguments in [
            ["validate", fifo], ["batch", fifo, "--runs", "1"], ["replay", fifo],
            ["export", fifo, "--cast", folder.appendingPathComponent("x.cast").path],
            ["report", fifo, "--svg", folder.appendingPathComponent("x.svg").path],
        ] {
            let result = try Spawned.run(arguments, seconds: 10)
            #expect(!result.timedOut, "\(arguments.prefix(1)) waited on the pipe")
            #expect(result.exitCode == 1, "\(arguments.prefix(1))")
            #expect(result.standardError.contains("named pipe"), "\(arguments.prefix(1)): \(result.standardError)")
        }
        // A ready-scenarios folder with a pipe in it.
        let ready = folder.appendingPathComponent("ready")
        try FileManager.default.createDirectory(at: ready, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: AttuneBinary.packageRoot.appendingPathComponent("Scenarios/still-face.yaml"),
            to: ready.appendingPathComponent("still-face.yaml"))
        #expect(mkfifo(ready.appendingPathComponent("zz-pipe.yaml").path, 0o600) == 0)
        let list = try Spawned.run(["list"], environment: ["ATTUNE_SCENARIOS": ready.path], seconds: 10)
        #expect(!list.timedOut)
        #expect(list.exitCode == 0)
        #expect(list.standardOutput.contains("still-face"))
    }

    @Test("too much is refused clearly instead of running out of memory")
    func bounds() throws {
        let folder = try AttuneBinary.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A day at 10 ms steps with four caregivers: far more than a report keeps.
        let long = folder.appendingPathComponent("long.yaml").path
        try """
        title: A long day
        step: 0.01s
        dyads:
          - caregiver: { policy: attuned }
          - caregiver: { policy: intrusive }
          - caregiver: { policy: withdrawn }
          - caregiver: { policy: still-face }
        duration: 1440min

        """.write(toFile: long, atomically: true, encoding: .utf8)
        let report = try Spawned.run(["report", long, "--svg", folder.appendingPathComponent("x.svg").path], seconds: 20)
        #expect(report.exitCode == 1 && !report.timedOut)
        #expect(report.standardError.contains("too long to watch or draw"), "\(report.standardError)")

        // A recording over the limit, and one with a giant line.
        let huge = folder.appendingPathComponent("huge.jsonl").path
        FileManager.default.createFile(atPath: huge, contents: Data(count: 65 << 20))
        let tooBig = try Spawned.run(["export", huge, "--cast", folder.appendingPathComponent("x.cast").path], seconds: 20)
        #expect(tooBig.exitCode == 1)
        #expect(tooBig.standardError.contains("a recording can be at most 64 MiB"), "\(tooBig.standardError)")
        let giant = folder.appendingPathComponent("giant.jsonl").path
        var text = try HandMadeRecording.text(scenario: "scene-a-waits", seconds: 1)
        text = text.replacingOccurrences(
            of: "{\"at\":0,\"resize\":[100,30]}", with: "{\"at\":0,\"x\":\"" + String(repeating: "y", count: 30 << 20) + "\"}")
        try text.write(toFile: giant, atomically: true, encoding: .utf8)
        let giantLine = try Spawned.run(["export", giant, "--cast", folder.appendingPathComponent("x.cast").path], seconds: 20)
        #expect(giantLine.exitCode == 1)
        #expect(giantLine.standardError.contains("line 2: this line is 30.1 MiB long"), "\(giantLine.standardError.prefix(300))")
    }

    @Test("export of a long recording keeps memory small")
    func exportMemory() throws {
        let folder = try AttuneBinary.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let recording = folder.appendingPathComponent("long.jsonl").path
        // About 20 MB: four hours of ticks of a paused session.
        try HandMadeRecording.text(scenario: "scene-a-waits", seconds: 4 * 3600, paused: true)
            .write(toFile: recording, atomically: true, encoding: .utf8)
        let peak = try peakKilobytes(["export", recording, "--cast", folder.appendingPathComponent("long.cast").path])
        // The recording is 14 MB; reading it whole as lines of text and JSON
        // objects once took eight times that.
        #expect(peak < 100 * 1024, "peak memory \(peak / 1024) MiB")
    }
}

@Suite("Faults: messages that say what is wrong and what to do", .serialized)
struct WordingFaultTests {
    @Test("each of these says what is wrong and how to fix it")
    func wording() throws {
        let folder = try AttuneBinary.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let negative = try Spawned.run(["batch", "scene-a-waits", "--runs", "-1"])
        #expect(negative.standardError.contains("--runs must be between 1 and 1000000; it is -1."))
        let proc = try Spawned.run(["batch", "scene-a-waits", "--runs", "1", "--output", "/proc/version"])
        #expect(proc.exitCode == 1)
        #expect(proc.standardError.contains("/proc does not take new files"), "\(proc.standardError)")
        let empty = try Spawned.run(["batch", "scene-a-waits", "--runs", "1", "--output", ""])
        #expect(empty.standardError.contains("the file name is empty; give a file name"), "\(empty.standardError)")
        let plot = try Spawned.run([
            "sweep", "scene-a-waits", "--vary", "dyads.0.caregiver.patience=1s,2s", "--runs", "1", "--plot", "nosuch",
        ])
        #expect(plot.standardError.contains("there is no figure called \"nosuch\". The figures are"))
        #expect(plot.standardError.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("."))
        let textVersion = folder.appendingPathComponent("text.jsonl").path
        try (try HandMadeRecording.text(scenario: "scene-a-waits", seconds: 1))
            .replacingOccurrences(of: "{\"attune_recording\":1,", with: "{\"attune_recording\":\"1\",")
            .write(toFile: textVersion, atomically: true, encoding: .utf8)
        let version = try Spawned.run(["export", textVersion, "--cast", folder.appendingPathComponent("x.cast").path])
        #expect(version.standardError.contains("the format version is written as text"), "\(version.standardError)")
        let replayFolder = try Spawned.run(["replay", folder.path])
        #expect(replayFolder.standardError.contains("this is a folder, not a recording"), "\(replayFolder.standardError)")
        if Scratch.canMakeDevices {
            let zero = folder.appendingPathComponent("zero").path
            Scratch.makeDevice(zero, major: 1, minor: 5)
            let replayZero = try Spawned.run(["replay", zero], seconds: 10)
            #expect(!replayZero.timedOut)
            #expect(replayZero.standardError.contains("this is a character device, not a recording file"), "\(replayZero.standardError)")
        }
    }
}

/// The process ids whose command line mentions `text` (a unique file name).
private func processes(mentioning text: String) -> [pid_t] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    return names.compactMap { name -> pid_t? in
        guard let pid = pid_t(name), pid != getpid(),
            let data = FileManager.default.contents(atPath: "/proc/\(name)/cmdline")
        else { return nil }
        let line = String(decoding: data.map { $0 == 0 ? 32 : $0 }, as: UTF8.self)
        return line.contains(AttuneBinary.path) && line.contains(text) ? pid : nil
    }
}

/// Waits (at most `seconds`) until no process mentions `text`.
private func waitUntilGone(_ text: String, seconds: Double = 10) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if processes(mentioning: text).isEmpty { return true }
        Thread.sleep(forTimeInterval: 0.05)
    }
    return false
}

/// The last `"at"` time in a recording's text.
private func lastEventSeconds(_ text: String) -> Double {
    let times = text.split(separator: "\n").compactMap { line -> Double? in
        guard let match = line.firstMatch(of: /"at":([0-9.e+-]+)/) else { return nil }
        return Double(match.1)
    }
    return times.last ?? 0
}

@Suite("Faults: recordings that survive anything", .serialized)
struct RecordingFaultTests {
    /// Starts a recorded run in a pane and waits until its clock shows `seconds`.
    private func startRecording(_ pane: TmuxPane, scenario: String = "scene-a-waits", to path: String, seconds: Int = 4) throws {
        try pane.run(TmuxPane.attune("run \(scenario) --speed 4 --record \(TmuxPane.quoted(path))") + "; echo EXIT=$?")
        try pane.wait(for: "the clock running", seconds: 20) { (clockSeconds($0) ?? 0) >= seconds }
    }

    /// Exports `recording` and checks that it plays.
    private func expectPlays(_ recording: String, in folder: URL, sourceLocation: SourceLocation = #_sourceLocation) throws -> Spawned {
        let export = try Spawned.run(["export", recording, "--cast", folder.appendingPathComponent("check.cast").path])
        #expect(export.exitCode == 0, "\(export.standardError)", sourceLocation: sourceLocation)
        return export
    }

    @Test("closing the window (tmux kill-session) keeps the recording, which plays")
    func windowClosed() throws {
        let folder = try AttuneBinary.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for round in 0..<3 {
            let recording = folder.appendingPathComponent("closed-\(round)-\(UUID().uuidString.prefix(6)).jsonl").path
            let pane = try livePane()
            try startRecording(pane, to: recording)
            try pane.type(" ")
            Thread.sleep(forTimeInterval: 0.3)
            try pane.type(" ")
            Thread.sleep(forTimeInterval: 0.5)
            try pane.tmux(["kill-session", "-t", pane.target])
            #expect(waitUntilGone(recording), "attune ended when its window closed")
            _ = try expectPlays(recording, in: folder)
            #expect(try String(contentsOfFile: recording, encoding: .utf8).contains("\"key\":\"char: \""))
        }
    }

    @Test("a second signal, or kill -9, loses at most the last second")
    func secondSignalAndKill() throws {
        let folder = try AttuneBinary.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, signals) in [("term-int", [SIGTERM, SIGINT]), ("int-int", [SIGINT, SIGINT]), ("kill", [SIGKILL])] {
            let recording = folder.appendingPathComponent("\(name)-\(UUID().uuidString.prefix(6)).jsonl").path
            let pane = try livePane()
            let started = Date()
            try startRecording(pane, to: recording, seconds: 6)
            let pid = try #require(processes(mentioning: recording).first)
            let stoppedAfter = Date().timeIntervalSince(started)
            for signal in signals {
                kill(pid, signal)
                Thread.sleep(forTimeInterval: 0.005)
            }
            #expect(waitUntilGone(recording), "\(name): attune stopped")
            let export = try expectPlays(recording, in: folder)
            let text = try String(contentsOfFile: recording, encoding: .utf8)
            #expect(
                lastEventSeconds(text) >= stoppedAfter - 1.5,
                "\(name): the recording reaches the last second (\(lastEventSeconds(text)) of \(stoppedAfter) s)")
            if !text.contains("\"end\":true") {
                #expect(export.standardError.contains("without its end line"), "\(name): \(export.standardError)")
            }
            // The terminal is given back (it cannot be after kill -9).
            if signals != [SIGKILL] {
                try pane.run("clear; stty -a | tr ' ;' '\\n\\n' | grep -x -e icanon -e echo | tr '\\n' ' '; echo STTY")
                try pane.wait(for: "icanon echo STTY", seconds: 30)
            }
        }
    }

    @Test("a session that waited while the window was too small replays and exports exactly")
    func tooSmallWhileRecording() throws {
        let folder = try AttuneBinary.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let recording = folder.appendingPathComponent("small.jsonl").path
        let pane = try livePane(width: 100, height: 30)
        try startRecording(pane, scenario: "workshop-wait-or-lean-in", to: recording, seconds: 1)
        try pane.resize(width: 60, height: 20)
        try pane.wait(for: "at least 80")
        Thread.sleep(forTimeInterval: 2)
        try pane.resize(width: 100, height: 30)
        try pane.wait(for: "The baby has turned away. What now?", seconds: 20)
        try pane.type("i")
        try pane.wait(for: "the run going on", seconds: 20) { (clockSeconds($0) ?? 0) >= 12 }
        try pane.type("q")
        try pane.settled(containing: "What happened")
        try pane.type("q")
        try pane.wait(for: "EXIT=0")
        _ = try expectPlays(recording, in: folder)
        let report = try Spawned.run(["report", recording, "--svg", folder.appendingPathComponent("small.svg").path])
        #expect(report.exitCode == 0, "\(report.standardError)")
    }

    @Test("an edited recording is refused before its first frame, naming the file, line and event")
    func editedRecording() throws {
        let folder = try AttuneBinary.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let recording = folder.appendingPathComponent("edited.jsonl").path
        try HandMadeRecording.text(scenario: "scene-a-waits", seconds: 30, keys: [("char:q", 9999)])
            .write(toFile: recording, atomically: true, encoding: .utf8)
        let pane = try livePane()
        try pane.run(TmuxPane.attune("replay \(TmuxPane.quoted(recording))") + "; echo EXIT=$?")
        let screen = try pane.wait(for: "EXIT=1", seconds: 5)
        let unwrapped = screen.replacingOccurrences(of: "\n", with: "")
        #expect(unwrapped.contains("edited.jsonl: line 903: event 902: the key char:q was recorded at step 9999"), "\(screen)")
        #expect(!screen.contains("replay 1x"))
    }

    @Test("--record through a link or onto a device keeps the link and the device")
    func recordOntoLinkAndDevice() throws {
        let folder = try AttuneBinary.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("kept.jsonl").path
        let link = folder.appendingPathComponent("link.jsonl").path
        #expect(symlink(target, link) == 0)
        var destinations = [link]
        let null = folder.appendingPathComponent("null").path
        if Scratch.makeDevice(null, major: 1, minor: 3) { destinations.append(null) }
        for destination in destinations {
            let pane = try livePane()
            try startRecording(pane, to: destination, seconds: 2)
            try pane.type("q")
            try pane.settled(containing: "What happened")
            try pane.type("q")
            try pane.wait(for: "EXIT=0")
        }
        #expect(kind(link) == S_IFLNK)
        _ = try expectPlays(target, in: folder)
        if destinations.count > 1 { #expect(kind(null) == S_IFCHR) }
    }
}

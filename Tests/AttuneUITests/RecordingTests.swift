import AttuneModel
import AttuneScenario
import Foundation
import Testing

@testable import AttuneUI

/// A live session driven by hand, recorded as the live loop records it,
/// with the frame after every message.
struct RecordedSession {
    var state: AppState
    var recorder: Recorder
    var frames: [Frame] = []
    var at = 0.0
    let scenario: Scenario

    init(_ scenario: Scenario, size: Size = Size(width: 100, height: 30), paused: Bool = false) {
        self.scenario = scenario
        state = AppState(run: scenario, size: AppState.minimumSize, seed: scenario.seed, paused: paused)
        recorder = Recorder(
            header: Recording.Header(
                scenarioName: scenario.name, scenarioPath: scenario.sourcePath,
                scenarioText: (try? String(contentsOfFile: scenario.sourcePath ?? "", encoding: .utf8)) ?? "",
                overrides: [], seed: scenario.seed, speed: 1, paused: paused, ascii: false, presenter: false,
                createdSeconds: 1_764_000_000))
        recorder.resize(size, at: 0)
        state.update(.resize(size))
        frames.append(AppView.render(state))
    }

    /// Lets `seconds` pass in ticks of 1/30 s (as microseconds).
    mutating func wait(seconds: Double) {
        for _ in 0..<Int((seconds * 30).rounded()) {
            at += 1.0 / 30
            recorder.tick(at: at, microseconds: 33_333)
            state.update(.tick(seconds: Recording.Event.seconds(microseconds: 33_333)))
            frames.append(AppView.render(state))
        }
    }

    /// The window changes to `size`.
    mutating func resize(_ size: Size) {
        at += 0.01
        recorder.resize(size, at: at)
        state.update(.resize(size))
        frames.append(AppView.render(state))
    }

    /// Presses `key`.
    mutating func press(_ key: Key) {
        at += 0.01
        recorder.key(key, at: at, state: state)
        state.update(.key(key))
        recorder.noteSpeed(after: state)
        recorder.noteSetting(after: state)
        frames.append(AppView.render(state))
    }

    var recording: Recording { recorder.recording }
}

/// The recording of a short session of "Wait or lean in?": play to the
/// question, lean in, what if, wait, speed up, end.
func workshopSession() throws -> RecordedSession {
    var session = RecordedSession(try readyScenario("workshop-wait-or-lean-in"))
    session.wait(seconds: 14)
    session.press(.character("i"))
    session.wait(seconds: 3)
    session.press(.character("W"))
    session.press(.character("w"))
    session.press(.character("+"))
    session.wait(seconds: 3)
    session.press(.left)
    session.wait(seconds: 1)
    session.press(.character("q"))
    return session
}

@Suite("Recordings: written, read back, and replayed")
struct RecordingTests {
    @Test func aRecordingReadsBackAsItWasWritten() throws {
        let session = try workshopSession()
        let text = RecordingFormat.encode(session.recording)
        #expect(text.hasPrefix("{\"attune_recording\":1,"))
        #expect(text.hasSuffix("{\"end\":true,\"events\":\(session.recording.events.count)}\n"))
        #expect(try RecordingFormat.decode(text) == session.recording)
    }

    @Test func keysCarryTheirStepAndSpeedChangesShow() throws {
        let session = try workshopSession()
        let keys = session.recording.events.compactMap { event -> (Key, Int, Double)? in
            if case let .key(_, key, step, speed) = event { return (key, step, speed) }
            return nil
        }
        #expect(keys.map(\.0) == [.character("i"), .character("W"), .character("w"), .character("+"), .left, .character("q")])
        #expect(keys[0].1 > 0)
        #expect(keys[3].2 == 2, "the speed after + is 2x")
    }

    @Test func aReplayGivesTheSameFramesOneByOne() throws {
        let session = try workshopSession()
        let read = try RecordingFormat.decode(RecordingFormat.encode(session.recording))
        var replay = Replay(recording: read, scenario: session.scenario)
        var frames = [AppView.render(replay.state)]
        while !replay.isAtEnd {
            try replay.advance()
            frames.append(AppView.render(replay.state))
        }
        // The live session's first frame came after its first size.
        #expect(frames.count == session.frames.count + 1)
        #expect(Array(frames.dropFirst()) == session.frames)
        #expect(replay.state.screen.kind == .debrief)
        #expect(replay.state.debrief == session.state.debrief)
        #expect(replay.state.debrief?.branches.count == 2)
    }

    @Test func aSessionThatWaitedInATooSmallWindowReplaysAndExportsExactly() throws {
        var session = RecordedSession(try readyScenario("workshop-wait-or-lean-in"))
        session.wait(seconds: 3)
        session.resize(Size(width: 60, height: 20))
        session.wait(seconds: 2)
        session.resize(Size(width: 100, height: 30))
        session.wait(seconds: 10)
        #expect(session.state.session?.timeline.openDecision != nil, "the question is up")
        session.press(.character("i"))
        session.wait(seconds: 2)
        session.press(.character("q"))
        let read = try RecordingFormat.decode(RecordingFormat.encode(session.recording))
        var replay = Replay(recording: read, scenario: session.scenario)
        try replay.advanceToEnd()
        #expect(replay.state.debrief == session.state.debrief)
        let cast = try Asciicast.make(read, scenario: session.scenario)
        var terminal = TinyTerminal(width: 100, height: 30)
        for line in cast.split(separator: "\n").dropFirst() {
            let event = try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [Any])
            terminal.feed(try #require(event[2] as? String))
        }
        #expect(terminal.lines == session.frames.last?.lines)
    }

    @Test func aKeyAtAnotherStepThanRecordedIsReported() throws {
        let session = try workshopSession()
        var recording = session.recording
        let index = try #require(recording.events.firstIndex { if case .key = $0 { true } else { false } })
        guard case let .key(at, key, step, speed) = recording.events[index] else { return }
        recording.events[index] = .key(at: at, key: key, step: step + 3, speed: speed)
        var replay = Replay(recording: recording, scenario: session.scenario)
        let error = #expect(throws: RecordingError.self) { try replay.advanceToEnd() }
        #expect(error?.line == index + 2, "the event's line in the file: the header is line 1")
        #expect(error?.message.hasPrefix("event \(index + 1): the key char:i was recorded at step \(step + 3)") == true)
    }
}

@Suite("Recordings that cannot be read")
struct BadRecordingTests {
    func error(_ text: String) -> String {
        do {
            _ = try RecordingFormat.decode(text)
            Issue.record("expected the recording to be refused")
            return ""
        } catch {
            return error.description
        }
    }

    func goodText() throws -> String { RecordingFormat.encode(try workshopSession().recording) }

    @Test func anEmptyFile() {
        #expect(error("") == "the file is empty; an Attune recording starts with a line naming its format")
    }

    @Test func somethingElse() {
        #expect(error("title: Test\n").hasPrefix("line 1: this is not an Attune recording"))
        #expect(error("{\"hello\": 1}\n").hasPrefix("line 1: this is not an Attune recording"))
    }

    @Test func anotherVersion() throws {
        let text = try goodText().replacingOccurrences(of: "{\"attune_recording\":1,", with: "{\"attune_recording\":2,")
        #expect(
            error(text) == "line 1: this recording is in format version 2; this attune reads version 1. Record it again with this attune")
    }

    @Test func aRecordingWithoutItsEndLinePlaysUpToWhereItStops() throws {
        let session = try workshopSession()
        let lines = RecordingFormat.encode(session.recording).split(separator: "\n")
        let kept = lines.count / 2
        let cut = try RecordingFormat.decode(lines.prefix(kept).joined(separator: "\n") + "\n")
        #expect(cut.events == Array(session.recording.events.prefix(kept - 1)))
        #expect(cut.ending == .cutShort(lastLine: kept, atSeconds: session.recording.events[kept - 2].at))
        var replay = Replay(recording: cut, scenario: session.scenario)
        try replay.advanceToEnd()
        #expect(replay.isAtEnd)
    }

    @Test func aLastLineCutInTheMiddleIsLeftOut() throws {
        let session = try workshopSession()
        let text = RecordingFormat.encode(session.recording)
        let lines = text.split(separator: "\n")
        let whole = lines.prefix(10).joined(separator: "\n") + "\n"
        let torn = try RecordingFormat.decode(whole + lines[10].prefix(7))
        #expect(torn.events == Array(session.recording.events.prefix(9)))
        #expect(torn.ending == .cutShort(lastLine: 10, atSeconds: session.recording.events[8].at))
    }

    @Test func aBrokenLineInTheMiddleIsRefused() throws {
        var lines = try goodText().split(separator: "\n").map(String.init)
        lines[5] = String(lines[5].prefix(7))
        #expect(error(lines.joined(separator: "\n") + "\n") == "line 6: this line is not valid JSON; the recording was cut short or edited")
    }

    @Test func aRecordingCutInsideItsFirstLineHasNothingToPlay() throws {
        let text = try goodText()
        #expect(error(String(text.prefix(40))).hasPrefix("the recording stops inside its first line, before any event"))
    }

    @Test func aVersionWrittenAsTextIsNamedAsSuch() throws {
        let text = try goodText().replacingOccurrences(of: "{\"attune_recording\":1,", with: "{\"attune_recording\":\"1\",")
        #expect(error(text).hasPrefix("line 1: the format version is written as text (\"1\"), but attune writes it as a number"))
        let boolean = try goodText().replacingOccurrences(of: "{\"attune_recording\":1,", with: "{\"attune_recording\":true,")
        #expect(error(boolean).hasPrefix("line 1: this recording is in format version written as true, not a number"))
    }

    @Test func anOverlongLineIsRefusedWithoutReadingIt() throws {
        var lines = try goodText().split(separator: "\n").map(String.init)
        lines[3] = "{\"at\":1,\"key\":\"" + String(repeating: "x", count: 10_000) + "\"}"
        #expect(
            error(lines.joined(separator: "\n") + "\n")
                == "line 4: this line is 9 KiB long, but an event line is under 100 bytes; the recording was edited, or this is not an Attune recording"
        )
    }

    @Test func aRecordingLargerThanTheLimitIsRefused() {
        let big = String(repeating: "x", count: RecordingFormat.maximumBytes + 1)
        #expect(error(big).hasPrefix("the file is 64.1 MiB; a recording can be at most 64 MiB"))
    }

    @Test func anEditedScenario() throws {
        let text = try goodText().replacingOccurrences(of: "Wait or lean in?", with: "Wait or lean in!")
        #expect(error(text) == "line 1: the scenario text in the recording does not match its hash; the recording was edited")
    }

    @Test func anEditedEventCount() throws {
        var lines = try goodText().split(separator: "\n").map(String.init)
        lines.remove(at: 3)
        #expect(error(lines.joined(separator: "\n") + "\n").contains("the recording was edited"))
    }

    @Test func anUnknownKey() throws {
        var lines = try goodText().split(separator: "\n").map(String.init)
        let index = try #require(lines.firstIndex { $0.contains("\"key\":") })
        lines[index] = lines[index].replacingOccurrences(of: "\"key\":\"char:i\"", with: "\"key\":\"jump\"")
        #expect(error(lines.joined(separator: "\n") + "\n") == "line \(index + 1): \"jump\" is not a key Attune knows")
    }

    @Test func textAfterTheEnd() throws {
        #expect(error(try goodText() + "{\"at\":99,\"tick_us\":1}\n").contains("there is more after the end line"))
    }

    @Test func theHashNoticesAnyChange() {
        #expect(ContentHash.fnv1a64("title: A\n") != ContentHash.fnv1a64("title: B\n"))
        #expect(ContentHash.fnv1a64("") == "cbf29ce484222325")
        #expect(ContentHash.fnv1a64("a") == "af63dc4c8601ec8c")
    }
}

/// A small terminal: enough of ANSI (cursor moves, clear, SGR) to read an
/// asciicast's text back as screen lines.
struct TinyTerminal {
    var grid: [[Character]]
    var row = 0, column = 0

    init(width: Int, height: Int) {
        grid = Array(repeating: Array(repeating: " ", count: width), count: height)
    }

    mutating func feed(_ text: String) {
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            if character == "\u{1b}" {
                guard characters.popFirst() == "[" else { continue }
                var parameters = ""
                while let next = characters.popFirst() {
                    if next.isLetter {
                        let numbers = parameters.split(separator: ";").map { Int($0) ?? 0 }
                        switch next {
                        case "H":
                            row = max(0, (numbers.first ?? 1) - 1)
                            column = max(0, (numbers.count > 1 ? numbers[1] : 1) - 1)
                        case "J":
                            for r in grid.indices { grid[r] = Array(repeating: " ", count: grid[r].count) }
                        default:
                            break
                        }
                        break
                    }
                    parameters.append(next)
                }
            } else if row < grid.count && column < grid[row].count {
                grid[row][column] = character
                column += 1
            }
        }
    }

    var lines: [String] { grid.map { String($0) } }
}

@Suite("Asciicast export")
struct AsciicastTests {
    @Test func theCastHasAVersion2HeaderAndEventsWithIncreasingTimes() throws {
        let session = try workshopSession()
        let cast = try Asciicast.make(session.recording, scenario: session.scenario)
        let lines = cast.split(separator: "\n").map(String.init)
        let header = try #require(JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(header["version"] as? Int == 2)
        #expect(header["width"] as? Int == 100)
        #expect(header["height"] as? Int == 30)
        #expect(header["timestamp"] as? Int == 1_764_000_000)
        var last = -1.0
        for line in lines.dropFirst() {
            let event = try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [Any])
            #expect(event.count == 3)
            let time = try #require(event[0] as? Double)
            #expect(time > last)
            last = time
            #expect(event[1] as? String == "o")
            #expect(event[2] is String)
        }
        #expect(lines.count > 20)
    }

    @Test func theCastsTextReplaysTheSameScreen() throws {
        let session = try workshopSession()
        let cast = try Asciicast.make(session.recording, scenario: session.scenario)
        var terminal = TinyTerminal(width: 100, height: 30)
        var sawQuestion = false
        for line in cast.split(separator: "\n").dropFirst() {
            let event = try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [Any])
            terminal.feed(try #require(event[2] as? String))
            if terminal.lines.contains(where: { $0.contains("The baby has turned away. What now?") }) { sawQuestion = true }
        }
        #expect(sawQuestion)
        #expect(terminal.lines == session.frames.last?.lines)
    }

    @Test func theANSIWriterWritesOnlyWhatChanged() {
        var before = Frame(width: 10, height: 2)
        before.write("hello", column: 0, row: 0)
        var after = before
        after.write("J", column: 0, row: 0, style: Style(foreground: .alert, bold: true))
        #expect(ANSIWriter.text(from: before, to: after) == "\u{1b}[1;1H\u{1b}[0;1;33mJ\u{1b}[0m")
        #expect(ANSIWriter.text(from: after, to: after) == "")
        #expect(ANSIWriter.text(from: nil, to: before).hasPrefix("\u{1b}[0m\u{1b}[2J\u{1b}[H"))
    }
}

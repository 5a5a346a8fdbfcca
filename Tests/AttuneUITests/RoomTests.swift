import AttuneModel
import AttuneScenario
import Foundation
import Testing

@testable import AttuneUI

/// An app opened straight on a room of a ready scenario, its babies drawn
/// from the default population (as `attune room` does).
func roomApp(
    _ name: String = "still-face", babies: Int = 24, width: Int = 100, height: Int = 30, ascii: Bool = false,
    paused: Bool = false, seed: UInt64? = nil, speed: Double = 1
) throws -> AppState {
    AppState(
        room: AppState.roomScenario(try readyScenario(name)), babies: babies, size: Size(width: width, height: height),
        ascii: ascii, seed: seed, speed: speed, paused: paused)
}

/// How many cells of the grid are drawn in `text`: each says where the
/// baby looks, its face, its heart rate, in step or not (`● ++ 152 ─`, or
/// `o ++ 152 =` in ASCII).
func cellCount(_ text: String) -> Int {
    let spacedCell = /[●○·o*_] (\+\+|\+ |\. |- |--|! |!!) [ \d]{2}\d [─~X=]/
    return text.split(separator: "\n").map { $0.matches(of: spacedCell).count }.reduce(0, +)
}

/// How many dense cells (`●++152─`) are drawn in `text`.
func denseCellCount(_ text: String) -> Int {
    let denseCell = /[●○·o*_](\+\+|\+ |\. |- |--|! |!!)[ \d]{2}\d[─~X=]/
    return text.split(separator: "\n").map { $0.matches(of: denseCell).count }.reduce(0, +)
}

/// The longest run of rows in `lines` that are empty from edge to edge:
/// how many rows, and the first (0-based).
func longestEmptyBand(_ lines: [String]) -> (rows: Int, first: Int) {
    var best = (rows: 0, first: 0)
    var run = 0
    for (index, line) in lines.enumerated() {
        run = line.allSatisfy { $0 == " " } ? run + 1 : 0
        if run > best.rows { best = (run, index - run + 1) }
    }
    return best
}

/// The words of the legend: every symbol of a cell is named on screen.
let legendWords = ["at her", "away", "far away", "happy", "calm", "flat", "upset", "heart rate", "in step", "out of step", "rupture"]

@Suite("The room of babies on screen")
struct RoomTests {
    @Test(
        "every baby has a cell inside its grid, the count shows and the legend is whole, from 80 x 24 to 200 x 60",
        arguments: [(80, 24), (100, 30), (160, 45), (200, 60)])
    func gridLayout(width: Int, height: Int) throws {
        var app = try roomApp(width: width, height: height)
        app.wait(seconds: 2)
        let room = try #require(app.room)
        let layout = RoomLayout(size: app.size, babies: 24, dyads: 1)
        #expect(layout.columns * layout.visibleRows >= 24, "every baby in sight at once")
        let grid = layout.grids[0]
        let cells = grid.inset(top: 1, left: 1)
        var seen: [Rect] = []
        for k in 0..<24 {
            let column = cells.column + (k % layout.columns) * layout.stride
            let row = cells.row + (k / layout.columns) * layout.rowPitch
            let cell = Rect(column: column, row: row, width: layout.format.width - 1, height: layout.format.lines)
            #expect(cell.intersection(cells) == cell, "cell \(k + 1) lies inside its grid")
            #expect(cell.endColumn <= layout.panel.column, "cell \(k + 1) is left of the figures")
            #expect(cell.endRow <= layout.caption.row)
            #expect(!seen.contains { !$0.intersection(cell).isEmpty }, "cell \(k + 1) overlaps no other")
            seen.append(cell)
        }
        #expect(layout.legend.height == RoomView.legendRows(width: layout.legend.width), "the legend shows whole")
        #expect(layout.legend.row > (seen.map(\.endRow).max() ?? 0) - 1)
        let text = app.screenText
        #expect(cellCount(text) == 24, "24 cells drawn:\n\(text)")
        #expect(text.contains("A room of 24 babies"))
        #expect(text.contains("Caregiver · waits, then greets"))
        #expect(!text.contains("of 24 ·"), "no scrolling: the grid's title names no page")
        for word in legendWords { #expect(text.contains(word), "the legend names \(word)") }
        #expect(text.contains("looking"))
        #expect(text.contains("heart rate now, bpm"))
        #expect(text.contains("Now "), "the room now in a sentence")
        #expect(room.timeline.cursor > 0)
        // Every line of the frame fits the window.
        #expect(app.screenLines.count == height)
        #expect(app.screenLines.allSatisfy { $0.count == width })
    }

    @Test(
        "no band of more than three empty rows: the grid, its legend and the figures share a tall window's rows",
        arguments: [(80, 24), (100, 30), (120, 36), (120, 40), (160, 45), (200, 60)])
    func noEmptyBand(width: Int, height: Int) throws {
        for (name, babies) in [("still-face", 24), ("wait-or-chase", 24), ("still-face", 100)] {
            var app = try roomApp(name, babies: babies, width: width, height: height)
            app.wait(seconds: 3)
            let lines = app.screenLines
            let band = longestEmptyBand(lines)
            #expect(
                band.rows <= 3,
                "\(name), \(babies) babies at \(width) x \(height): \(band.rows) empty rows from row \(band.first + 1):\n\(lines.joined(separator: "\n"))"
            )
        }
    }

    @Test("a room of 100 fits a 200 x 60 window whole, and 80 x 24 in dense cells; 300 page, saying which babies show")
    func manyBabies() throws {
        var large = try roomApp(babies: 100, width: 200, height: 60)
        large.wait(seconds: 1)
        let layout = RoomLayout(size: large.size, babies: 100, dyads: 1)
        #expect(layout.columns * layout.visibleRows >= 100)
        #expect(layout.format.isSpaced)
        #expect(cellCount(large.screenText) == 100)
        #expect(large.screenText.contains("A room of 100 babies"))

        let small = try roomApp(babies: 100, width: 80, height: 24, paused: true)
        let dense = RoomLayout(size: small.size, babies: 100, dyads: 1)
        #expect(!dense.format.isSpaced)
        #expect(dense.columns * dense.visibleRows >= 100)
        #expect(denseCellCount(small.screenText) == 100)
        #expect(small.screenText.firstMatch(of: /mean \d+ · at rest/) != nil, "every heart at its resting rate at the start")

        var crowded = try roomApp(babies: 300, width: 80, height: 24, paused: true)
        let shown = denseCellCount(crowded.screenText)
        #expect(shown > 0 && shown < 300)
        #expect(crowded.screenText.contains("babies 1-\(shown) of 300"))
        crowded.press(.end)
        let text = crowded.screenText
        #expect(text.contains("of 300"))
        #expect(text.contains("Baby 300 of 300"))
    }

    @Test("--ascii: every byte is ASCII and the marks still say gaze, affect, in step and rupture")
    func asciiRoom() throws {
        for name in ["still-face", "wait-or-chase"] {
            var app = try roomApp(name, width: 120, height: 36, ascii: true)
            app.wait(seconds: 20)
            let text = app.screenText
            #expect(isASCII(text), "\(name) is ASCII through and through")
            #expect(cellCount(text) == 24 * app.room!.timeline.dyadCount)
            #expect(text.contains("* at her"))
            #expect(text.contains("o away"))
            #expect(text.contains("_ far away"))
            #expect(text.contains("= in step"))
            #expect(text.contains("X rupture"))
            app.press(.character("?"))
            #expect(isASCII(app.screenText))
            #expect(app.screenText.contains("in step - out of step - a rupture"))
        }
    }

    @Test("without colour the cells still carry their meaning, and the selected baby shows in reverse")
    func noColour() throws {
        var app = try roomApp(width: 100, height: 30)
        app.wait(seconds: 130)
        let frame = AppView.render(app)
        var colours = 0
        for row in 0..<frame.height {
            for column in 0..<frame.width {
                let resolved = Theme.monochrome.resolve(frame[column, row].style)
                if resolved.foreground != .default || resolved.background != .default { colours += 1 }
            }
        }
        #expect(colours == 0)
        let text = frame.lines.joined(separator: "\n")
        // In the still face, ruptures and gaze away show as marks, not colours.
        #expect(text.contains(" X"), "a rupture mark")
        #expect(text.contains("○"), "a baby looking away")
        #expect(cellCount(text) == 24)
        // The selected cell: a pointer and reverse video.
        let pointer = try #require(frame.lines.firstIndex { $0.contains("▶●") || $0.contains("▶○") || $0.contains("▶·") })
        let column = try #require(frame.lines[pointer].firstIndex(of: "▶")).utf16Offset(in: frame.lines[pointer])
        #expect(Theme.monochrome.resolve(frame[column + 1, pointer].style).reverse)
    }

    @Test("two caregivers: two grids with the same babies in the same cells, and the figures compared")
    func twoGrids() throws {
        var app = try roomApp("wait-or-chase", width: 160, height: 45)
        app.wait(seconds: 30)
        let text = app.screenText
        #expect(text.contains("Waits · waits, then greets"))
        #expect(text.contains("Chases · leans in"))
        #expect(cellCount(text) == 48)
        let room = try #require(app.room)
        for baby in room.timeline.now.room.babies {
            #expect(baby.dyads[0].traits.restingHeartRate == baby.dyads[1].traits.restingHeartRate)
        }
        // The figures, one column each.
        #expect(text.firstMatch(of: /Waits\s+Chases/) != nil)
        #expect(text.firstMatch(of: /looking\s+\d+%\s+\d+%/) != nil)
        #expect(text.contains("Now, of 24 babies, Waits:"))

        // The debrief compares the two sides over the same babies.
        app.press(.character("q"))
        let report = try #require(app.roomDebrief).report.plainText.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(report.contains("With Chases against Waits: looking at her fell"))
        #expect(report.contains("With Waits: Upset longest"))
        #expect(report.contains("With Chases: Upset longest"))
        #expect(report.components(separatedBy: "At rest their hearts beat").count == 2, "the same babies' resting hearts, told once")
    }

    @Test("arrows and Enter open one baby in the dyad view at the same moment, with its temperament in words; Esc returns")
    func openOneBaby() throws {
        var app = try roomApp(width: 100, height: 30)
        app.wait(seconds: 12)
        app.press(.character(" "))
        let step = app.room!.timeline.cursor
        app.press(.right, .right, .down)
        let layout = RoomLayout(size: app.size, babies: 24, dyads: 1)
        let chosen = 2 + layout.columns
        #expect(app.room?.selected == chosen)
        #expect(app.screenText.contains("Baby \(chosen + 1) of 24:"))
        app.press(.enter)
        let room = try #require(app.room)
        let lens = try #require(room.lens)
        #expect(lens.baby == chosen)
        #expect(lens.session.timeline.cursor == step, "the same moment")
        let baby = room.timeline.now.room.babies[chosen]
        #expect(lens.session.timeline.now.simulation.dyads[0].infant == baby.dyads[0].infant)
        #expect(lens.session.timeline.now.simulation.infant == baby.infant)
        let text = app.screenText
        let words = Temperament.phrases(baby.infant).joined(separator: " · ")
        #expect(text.contains("Baby \(chosen + 1) of 24: \(words)"), "its temperament in words:\n\(text)")
        #expect(text.contains("arousal"))
        #expect(text.contains("Esc"))
        #expect(cellCount(text) == 0, "the dyad view, not the grid")

        // Playing on, the opened baby keeps to the room.
        app.press(.character(" "))
        app.wait(seconds: 3)
        let later = try #require(app.room)
        #expect(later.timeline.cursor > step)
        #expect(later.lens?.session.timeline.cursor == later.timeline.cursor)
        #expect(
            later.lens?.session.timeline.now.simulation.dyads[0].infant
                == later.timeline.now.room.babies[chosen].dyads[0].infant)
        // Back goes back for both.
        app.press(.left)
        let back = try #require(app.room)
        #expect(back.lens?.session.timeline.cursor == back.timeline.cursor)

        app.press(.escape)
        #expect(app.room?.lens == nil)
        #expect(app.room?.selected == chosen)
        #expect(cellCount(app.screenText) == 24)
        #expect(app.screenText.contains("Back to the room"))
    }

    @Test("pause, back and forward, and speed work on the whole room, and a rewound room plays the same moments again")
    func pauseRewindSpeed() throws {
        var app = try roomApp(width: 100, height: 30)
        app.wait(seconds: 10)
        app.press(.character(" "))
        #expect(app.room?.isPaused == true)
        #expect(app.screenText.contains("PAUSED"))
        let paused = app.room!.timeline.cursor
        app.wait(seconds: 2)
        #expect(app.room!.timeline.cursor == paused, "nothing moves while paused")
        let then = app.room!.timeline.now.room.babies.map { $0.dyads.map(\.infant) }
        app.press(.character("<"))
        #expect(app.room!.timeline.cursor == paused - 50)
        #expect(app.screenText.contains("Back to 0:"))
        app.press(.character(">"))
        #expect(app.room!.timeline.cursor == paused)
        #expect(app.room!.timeline.now.room.babies.map { $0.dyads.map(\.infant) } == then, "the same room again")
        app.press(.character("+"))
        #expect(app.room?.speed == 2)
        app.press(.character("-"), .character("-"))
        #expect(app.room?.speed == 0.5)
        app.press(.character(" "))
        app.wait(seconds: 2)
        #expect(app.room!.timeline.cursor == paused + 10, "2 s at 0.5x is 1 s of the run")
    }

    @Test("a scene's question stops the whole room; its answer changes every caregiver at the same step, and W asks it again")
    func questionsForTheRoom() throws {
        var app = try roomApp("workshop-still-face", babies: 8, width: 100, height: 30, speed: 32)
        var waited = 0
        while app.room?.timeline.openDecision == nil && waited < 200 {
            app.wait(seconds: 0.5)
            waited += 1
        }
        let asked = try #require(app.room)
        #expect(asked.timeline.openDecision == 0)
        let step = asked.timeline.cursor
        #expect(app.screenText.contains("[g] gently   [l] lively"))
        app.wait(seconds: 2)
        #expect(app.room?.timeline.cursor == step, "the room waits for the answer")
        app.press(.character("l"))
        let answered = try #require(app.room)
        #expect(answered.timeline.now.decisions.choiceLabels == ["lively"])
        let energies = answered.timeline.now.room.babies.map { $0.dyads[0].caregiver.parameters.energy }
        #expect(Set(energies).count == 1)
        #expect(energies.first == 0.85)
        #expect(answered.isPaused == false, "the room plays on after the answer")
        app.wait(seconds: 1)
        #expect((app.room?.timeline.cursor ?? 0) > step)
        app.press(.character("W"))
        let again = try #require(app.room)
        #expect(again.timeline.cursor == step)
        #expect(again.timeline.openDecision == 0)
        #expect(again.branches.count == 1)
        #expect(again.branches[0].choices == ["lively"])
    }

    @Test("a window below 80 x 24 asks to be made larger, and the room waits")
    func tooSmall() throws {
        var app = try roomApp(width: 70, height: 20)
        app.wait(seconds: 2)
        #expect(app.room?.timeline.cursor == 0)
        #expect(app.screenText.contains("Please make the window larger."))
        #expect(app.screenText.contains("The run waits until then."))
        app.update(.resize(Size(width: 80, height: 24)))
        app.wait(seconds: 1)
        #expect(app.room?.timeline.cursor == 10)
    }

    @Test("the chooser's r opens the selected scene as a room of 24 babies")
    func fromTheChooser() throws {
        let scenes = try ["still-face", "wait-or-chase"].map(readyScenario)
        var app = AppState(chooser: scenes, size: Size(width: 100, height: 30))
        #expect(app.screenText.contains("room of babies"))
        app.press(.character("r"))
        let room = try #require(app.room)
        #expect(room.timeline.babyCount == 24)
        #expect(room.scenario.name == "still-face")
        #expect(room.scenario.plan.population == .default)
        #expect(Set(room.timeline.now.room.babies.map(\.infant)).count == 24)
        #expect(app.screenText.contains("A room of 24 babies"))
    }

    @Test("the debrief says what the babies shared and how they differed, by temperament, in warm words")
    func debrief() throws {
        var app = try roomApp(speed: 32)
        app.wait(seconds: 12)
        #expect(app.screen.kind == .roomDebrief)
        let report = try #require(app.roomDebrief).report.plainText.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(report.contains("What happened in the room"))
        #expect(report.contains("What they shared"))
        #expect(report.contains("How they differed"))
        #expect(report.contains("Upset longest"))
        #expect(report.contains("Found the way back fastest"))
        #expect(report.contains("By temperament, upset on average"))
        #expect(report.contains("By temperament, the share of repairs made within 2 s"))
        #expect(report.firstMatch(of: /\(easily stirred[^)]*\), \d+ s/) != nil, "the most upset babies are named with their temperament")
        #expect(report.contains("with seeds 3 to 26"))
        #expect(report.contains("attune batch still-face --population default --runs 24 --seed 3"))
        #expect(report.contains("What a repair looks like"))
        for word in ["fail", "bad", "wrong", "poor", "blame"] {
            #expect(!report.lowercased().contains(word), "no judging words: \(word)")
        }
        // The figures agree with the room's babies' own figures.
        let metrics = app.room!.timeline.now.room.metrics
        let looking = try #require(RoomFigures.mean(Figures.gazeAtCaregiver, of: metrics, dyad: 0, phase: 1)).mean
        #expect(report.contains(TextFormatting.fixed(looking, 1)))
        app.press(.character("b"))
        #expect(app.screen.kind == .room)
    }
}

extension AppState {
    /// The room's debrief while it shows, or nil.
    var roomDebrief: RoomDebriefState? {
        if case let .roomDebrief(debrief) = screen { return debrief }
        return nil
    }
}

/// A room driven by hand, recorded as the live loop records it, with the
/// frame after every message.
struct RecordedRoom {
    var state: AppState
    var recorder: Recorder
    var frames: [Frame] = []
    var at = 0.0
    let scenario: Scenario

    init(_ scenario: Scenario, babies: Int, size: Size = Size(width: 100, height: 30)) {
        self.scenario = scenario
        state = AppState(room: scenario, babies: babies, size: AppState.minimumSize, seed: scenario.seed)
        var header = Recording.Header(
            scenarioName: scenario.name, scenarioPath: scenario.sourcePath,
            scenarioText: (try? String(contentsOfFile: scenario.sourcePath ?? "", encoding: .utf8)) ?? "",
            overrides: [], population: "default", seed: scenario.seed, speed: 1, paused: false, ascii: false,
            presenter: false, createdSeconds: 1_764_000_000)
        header.roomBabies = babies
        recorder = Recorder(header: header)
        recorder.resize(size, at: 0)
        state.update(.resize(size))
        frames.append(AppView.render(state))
    }

    mutating func wait(seconds: Double) {
        for _ in 0..<Int((seconds * 30).rounded()) {
            at += 1.0 / 30
            recorder.tick(at: at, microseconds: 33_333)
            state.update(.tick(seconds: Recording.Event.seconds(microseconds: 33_333)))
            frames.append(AppView.render(state))
        }
    }

    mutating func press(_ key: Key) {
        at += 0.01
        recorder.key(key, at: at, state: state)
        state.update(.key(key))
        recorder.noteSpeed(after: state)
        frames.append(AppView.render(state))
    }

    var recording: Recording { recorder.recording }
}

@Suite("A room's recording")
struct RoomRecordingTests {
    @Test("a room recording with keys, an opened baby and a rewind replays frame for frame")
    func replaysExactly() throws {
        let scenario = AppState.roomScenario(try readyScenario("still-face"))
        var session = RecordedRoom(scenario, babies: 16)
        session.wait(seconds: 4)
        session.press(.right)
        session.press(.down)
        session.press(.enter)
        session.wait(seconds: 2)
        session.press(.character("<"))
        session.wait(seconds: 2)
        session.press(.escape)
        session.press(.character("+"))
        session.wait(seconds: 3)
        session.press(.character(" "))
        session.press(.character("<"))
        session.press(.character("<"))
        session.press(.character(" "))
        session.wait(seconds: 2)
        session.press(.character("q"))
        #expect(session.state.screen.kind == .roomDebrief)

        let text = RecordingFormat.encode(session.recording)
        #expect(text.contains("\"room\":{\"babies\":16}"))
        let read = try RecordingFormat.decode(text)
        #expect(read == session.recording)
        #expect(read.header.roomBabies == 16)
        var replay = Replay(recording: read, scenario: scenario)
        var frames = [AppView.render(replay.state)]
        while !replay.isAtEnd {
            try replay.advance()
            frames.append(AppView.render(replay.state))
        }
        #expect(frames.count == session.frames.count + 1)
        #expect(Array(frames.dropFirst()) == session.frames, "the same frames, one by one")
        #expect(replay.state.screen.kind == .roomDebrief)
        #expect(replay.state.room?.timeline.now.room.metrics == session.state.room?.timeline.now.room.metrics)
    }

    @Test("a recording's room header is checked: a number of babies outside 1 to 500 is refused")
    func editedHeaderRefused() throws {
        let scenario = AppState.roomScenario(try readyScenario("still-face"))
        var session = RecordedRoom(scenario, babies: 4)
        session.wait(seconds: 1)
        let text = RecordingFormat.encode(session.recording).replacingOccurrences(
            of: "\"room\":{\"babies\":4}", with: "\"room\":{\"babies\":9000}")
        #expect(throws: RecordingError.self) { try RecordingFormat.decode(text) }
    }
}

import AttuneModel
import AttuneScenario
import Testing

@testable import AttuneUI

@Suite("The live app: rendered frames")
struct AppRenderTests {
    @Test func theChooserListsTheSideBySideSceneFirstWithWhatItIsAbout() throws {
        var app = AppState(chooser: ReadyScenarios.all(), size: Size(width: 100, height: 30))
        let lines = app.screenLines
        #expect(lines[0].hasPrefix(" Attune · a baby and a caregiver, face to face"))
        #expect(lines[4].hasPrefix("│ ▶ wait-or-chase "))
        #expect(lines[4].contains("Wait or chase? One baby, two caregivers"))
        #expect(app.screenText.contains("The same four-month-old plays peek-a-boo"))
        #expect(app.screenText.contains("Things to notice"))
        #expect(app.screenText.contains("2 caregivers side by side: Waits (attuned), Chases (intrusive). Lasts 2:00."))
        #expect(lines.last?.hasPrefix(" ↑/↓  choose   Enter  start") == true)
        app.press(.down)
        #expect(app.screenLines[5].hasPrefix("│ ▶ scene-a-waits "))
        #expect(app.screenText.contains("A four-month-old and a caregiver play peek-a-boo."))
    }

    @Test func theHeaderShowsSceneClockSpeedAndState() throws {
        let app = try liveApp(paused: true)
        let header = app.screenLines[0]
        #expect(header.hasPrefix(" Attune · Wait or chase? One baby, two caregivers"))
        #expect(header.hasSuffix("play  0:00 / 2:00  speed 1x  PAUSED "))
    }

    @Test func twoDyadsSitSideBySideWithTheSelectedOneMarked() throws {
        let frame = AppView.render(try liveApp(paused: true))
        #expect(frame.text(row: 2).hasPrefix("┌─ ▶ Waits · waits, then greets ─"))
        #expect(frame[60, 2].grapheme == "┌")
        #expect(frame.text(row: 2).dropFirst(60).hasPrefix("┌─ Chases · leans in ─"))
        #expect(frame[2, 2].style.foreground == .accent)
    }

    @Test func underTheHeaderALineSaysWhatTheBabyIsLike() throws {
        let frame = AppView.render(try liveApp(paused: true))
        // wait-or-chase: 4 months, reactivity and soothability 0.5, trust 0.8.
        #expect(frame.text(row: 1) == " The baby: 4 months old · even-tempered · trusting".padding(toLength: 120))
        #expect(frame[1, 1].style.bold && !frame[12, 1].style.bold)
        var scenario = try readyScenario("still-face")
        scenario.plan.infant.reactivity = 0.85
        scenario.plan.infant.soothability = 0.2
        scenario.plan.infant.sociability = 0.8
        let reactive = AppState(run: scenario, size: Size(width: 100, height: 30), paused: true)
        #expect(reactive.screenLines[1].hasPrefix(" The baby: 4 months old · easily stirred, slow to settle · keen on faces "))
    }

    @Test func eachRunOfAPopulationDescribesItsOwnBaby() throws {
        var scenario = try readyScenario("scene-a-waits")
        scenario.plan.population = .default
        var lines = Set<String>()
        for seed: UInt64 in 1...12 {
            let app = AppState(run: scenario, size: Size(width: 100, height: 30), seed: seed, paused: true)
            let baby = try #require(app.session?.timeline.now.simulation.infant)
            #expect(app.screenLines[1].hasPrefix(" " + Temperament.line(baby)))
            lines.insert(app.screenLines[1])
        }
        #expect(lines.count > 1, "different babies, different words")
    }

    @Test func theFacesFaceEachOtherAndShowGazeAndExpression() throws {
        let lines = try liveApp(paused: true).screenLines
        func cells(_ row: Int, _ column: Int, _ count: Int) -> String {
            String(lines[row].dropFirst(column).prefix(count))
        }
        // The infant (left) looks at the caregiver: eyes and mouth turned right.
        #expect(cells(4, 4, 7) == "   ~   ")
        #expect(cells(6, 4, 7) == "|  o o|")
        #expect(cells(7, 4, 7) == "|   u |")
        // The caregiver (right) plays, looking at the infant.
        #expect(cells(4, 48, 7) == " _____ ")
        #expect(cells(6, 48, 7) == "|^ ^  |")
        #expect(cells(7, 48, 7) == "|\\_/  |")
        // The lines of sight between them.
        #expect(cells(6, 12, 35).hasSuffix("- ▶"))
        #expect(cells(7, 12, 3) == "◀ -")
        #expect(lines[5].contains("peek-a-boo!"))
    }

    @Test func faceArtForEachGaze() {
        #expect(Faces.infant(gaze: .atCaregiver, behavior: .smiling, affect: .delighted)[2...3] == ["|  ^ ^|", "|  \\_/|"])
        #expect(Faces.infant(gaze: .away, behavior: .selfSoothing, affect: .dull)[2...3] == ["|- -  |", "| o=  |"])
        #expect(Faces.infant(gaze: .farAway, behavior: .selfSoothing, affect: .dull)[2...3] == ["<o    |", " =    |"])
        #expect(Faces.infant(gaze: .away, behavior: .crying, affect: .distressed)[2...3] == ["|> <  |", "|/O\\  |"])
        #expect(Faces.caregiver(action: .stillFace)[3] == "|---  |")
        #expect(Faces.caregiver(action: .disengage)[2] == "|  o o|")
        for gaze in Gaze.allCases {
            for behavior in Behavior.allCases {
                for affect in Affect.allCases {
                    let face = Faces.infant(gaze: gaze, behavior: behavior, affect: affect)
                    #expect(face.count == Faces.height)
                    #expect(face.allSatisfy { $0.count == Faces.width && isASCII($0) })
                }
            }
        }
        for action in CaregiverAction.allCases {
            #expect(Faces.caregiver(action: action).allSatisfy { $0.count == Faces.width && isASCII($0) })
        }
    }

    @Test func wordsSayAffectGazeArousalActionAndIntensity() throws {
        let text = try liveApp(paused: true).screenText
        #expect(text.contains("│ + interested · looks at her"))
        #expect(text.contains("│ arousal   [░"))
        #expect(text.contains("] in range"))
        // The heart rate under the gauge: a calm baby at rest (140 bpm at 4
        // months, reactivity and soothability 0.5).
        #expect(text.contains("│           ♥ 140 bpm (resting 140)"))
        #expect(text.contains("│ She plays "))
        #expect(text.contains("│ intensity █"))
        #expect(text.contains("│ ruptures 0 · repairs 0 · median repair -  "))
        #expect(text.contains("│ distress 0.0 s  "))
    }

    @Test func theHeartRateUnderTheGaugeFollowsTheModelStepByStep() throws {
        var app = try liveApp("scene-b-chases", width: 100, height: 30)
        var shown = Set<String>()
        for _ in 0..<300 {
            app.wait(seconds: 0.1)
            let dyad = app.session!.timeline.now.simulation.dyads[0]
            let expected = ScreenWords.heartRate(dyad.infant.heartRate, resting: dyad.traits.restingHeartRate, ascii: false)
            #expect(app.screenText.contains("│           " + expected + " "), "\(expected)")
            shown.insert(expected)
        }
        #expect(shown.count > 10, "the number moves with the baby")
        #expect(shown.contains { $0.hasPrefix("♥ 1") && !$0.hasPrefix("♥ 14") }, "a chased baby's heart goes well above rest")
    }

    @Test func inASCIITheHeartRateIsWrittenHR() throws {
        let app = try liveApp(ascii: true, paused: true)
        #expect(app.screenText.contains("|           HR 140 bpm (resting 140)"))
        #expect(!app.screenText.contains("♥"))
    }

    @Test func aWaitingCaregiverShowsHowLongSheHasWaited() throws {
        var app = try liveApp("scene-a-waits")
        var shown = false
        for _ in 0..<600 where !shown {
            app.wait(seconds: 0.1)
            let caregiver = app.session!.timeline.now.simulation.dyads[0].caregiver
            if caregiver.action == .wait && caregiver.actionSeconds > 1 {
                shown = true
                let waited = TextFormatting.seconds(caregiver.actionSeconds)
                #expect(app.screenText.contains("She sits back and waits · \(waited) so far"))
            }
        }
        #expect(shown)
    }

    @Test func theStripChartsShowTheLastMinute() throws {
        var app = try liveApp()
        app.wait(seconds: 40)
        let lines = app.screenLines
        let gaze = try #require(lines.first { $0.hasPrefix("│ gaze ") })
        #expect(gaze.contains("●") && gaze.contains("○"))
        #expect(lines.contains { $0.hasPrefix("│ affect ") && $0.contains("+") })
        #expect(lines.contains { $0.hasPrefix("│ in step ") && $0.contains("X") })
        #expect(lines.contains { $0.contains("s ago") && $0.contains("now") })
    }

    @Test func theNarrationLineSaysWhatHappened() throws {
        var app = try liveApp()
        app.wait(seconds: 1.1)
        let lines = app.screenLines
        #expect(lines[lines.count - 5] == " Two caregivers, one baby. Each starts a lively game of peek-a-boo.".padding(toLength: 120))
    }

    @Test func aNoticeSaysWhereGoingBackLanded() throws {
        var app = try liveApp()
        app.wait(seconds: 12)
        app.press(.left)
        #expect(app.screenText.contains("▶ Back to 0:07. Play on to see the same moments again"))
        #expect(app.screenLines[0].contains("(recorded to 0:12)"))
        #expect(app.screenLines[0].contains("REPLAYING"))
    }

    @Test func theKeyBarShowsTheEssentialKeysEvenAt80Columns() throws {
        let app = try liveApp(width: 80, height: 24, paused: true)
        let bar = try #require(app.screenLines.last)
        // With two caregivers the keys go without their padding, so that
        // the settings key fits too.
        for hint in ["Space play", "5 s", "c policy", "h you act", "Tab side", "? keys", "q end", "s settings"] {
            #expect(bar.contains(hint), "\(hint)")
        }
        var wide = try liveApp(paused: true)
        #expect(wide.screenLines.last?.contains("+/-  speed") == true)
        wide.type("h")
        let human = try #require(wide.screenLines.last)
        // Play is what she does now: its key is marked.
        for hint in ["1 ▸play", "2  greet", "3  wait", "4  soothe", "5  lean in", "6  still face", "h  hand back"] {
            #expect(human.contains(hint), "\(hint)")
        }
        wide.type("3.")
        #expect(wide.screenLines.last?.contains("1  play  2  greet  3 ▸wait") == true)
        // With one caregiver at 80 columns the settings key fits too.
        let one = try liveApp("scene-a-waits", width: 80, height: 24, paused: true)
        let oneBar = try #require(one.screenLines.last)
        for hint in ["Space  play", "c  policy", "h  you act", "?  keys", "q  end", "s  settings"] {
            #expect(oneBar.contains(hint), "\(hint)")
        }
    }

    @Test func theHelpOverlayListsEveryKey() throws {
        var app = try liveApp(paused: true)
        app.type("?")
        let text = app.screenText
        #expect(text.contains("Keys: the live screen"))
        for key in ["Space", "+  -", "←  →", "1 ... 6", "Tab", "Ctrl-C", "Press i: what am I looking at? Any other key: back."] {
            #expect(text.contains(key), "\(key)")
        }
    }

    @Test func aTooSmallTerminalGetsACentredRequestForALargerWindow() throws {
        let app = try liveApp(width: 60, height: 20)
        let lines = app.screenLines
        #expect(lines.count == 20)
        #expect(lines[8] == "            This window is too small for Attune.            ")
        #expect(app.screenText.contains("It is 60 x 20; Attune needs at least 80 x 24."))
        #expect(app.screenText.contains("The run waits until then."))
    }

    @Test func everyScreenFitsTheMinimumSize() throws {
        var app = try liveApp(width: 80, height: 24)
        app.wait(seconds: 20)
        #expect(app.screenLines.count == 24)
        #expect(app.screenLines.allSatisfy { $0.count == 80 })
        #expect(app.screenText.contains("ruptures"))
        app.type("q")
        #expect(app.screenLines[0].hasPrefix(" What happened · Wait or chase?"))
    }

    @Test func anASCIIFrameHasNoByteAbove0x7FOnAnyScreen() throws {
        var chooser = AppState(chooser: ReadyScenarios.all(), size: Size(width: 120, height: 40), ascii: true)
        #expect(isASCII(chooser.screenText))
        for _ in 0..<3 { chooser.press(.down) }
        #expect(isASCII(chooser.screenText))
        var app = try liveApp(ascii: true)
        app.wait(seconds: 30)
        #expect(isASCII(app.screenText))
        #expect(app.screenText.contains("+- > Waits - waits, then greets -"))
        app.press(.left)
        #expect(isASCII(app.screenText))
        app.type("?")
        #expect(isASCII(app.screenText))
        app.type(" h")
        #expect(isASCII(app.screenText))
        app.type("q")
        #expect(isASCII(app.screenText))
        app.update(.resize(Size(width: 50, height: 10)))
        #expect(isASCII(app.screenText))
        let scene = try liveApp("scene-a-waits", width: 80, height: 24, ascii: true)
        #expect(isASCII(scene.screenText), "the title's long dash is drawn as -")
        #expect(scene.screenLines[0].contains("Scene A - the caregiver waits"))
    }

    @Test func theASCIIStandInsKeepTheWidth() {
        #expect(TextFormatting.ascii("Scene A — “waits” … 2×") == "Scene A - \"waits\" ... 2x")
        #expect(TextFormatting.ascii("café") == "cafe")
        var frame = Frame(width: 3, height: 1)
        frame.write("─é漢", column: 0, row: 0)
        AppView.asciiOnly(&frame)
        #expect(frame.text(row: 0) == "-e?")
    }
}

@Suite("Text formatting")
struct TextFormattingTests {
    @Test func clockTimes() {
        #expect(TextFormatting.clock(0) == "0:00")
        #expect(TextFormatting.clock(14.99) == "0:14")
        #expect(TextFormatting.clock(120) == "2:00")
        #expect(TextFormatting.clock(-3) == "0:00")
    }

    @Test func secondsAndNumbers() {
        #expect(TextFormatting.seconds(3.25) == "3.3 s")
        #expect(TextFormatting.seconds(14.2) == "14 s")
        #expect(TextFormatting.wholeSeconds(0.2) == "1 s")
        #expect(TextFormatting.fixed(0.8, 2) == "0.80")
        #expect(TextFormatting.speed(0.25) == "0.25x")
        #expect(TextFormatting.speed(0.5) == "0.5x")
        #expect(TextFormatting.speed(32) == "32x")
    }

    @Test func wrapping() {
        #expect(TextFormatting.wrap("the baby looks away", width: 9) == ["the baby", "looks", "away"])
        #expect(TextFormatting.wrap("", width: 5) == [""])
        #expect(TextFormatting.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(TextFormatting.wrap("within 6.2 s. The", width: 11) == ["within", "6.2 s. The"])
    }
}

import AttuneModel
import AttuneScenario
import Testing

@testable import AttuneUI

/// An app showing a ready scenario in the projector layout.
func presenterApp(
    _ name: String = "workshop-wait-or-lean-in", width: Int = 100, height: Int = 30, ascii: Bool = false, paused: Bool = false
) throws -> AppState {
    AppState(
        run: try readyScenario(name), size: Size(width: width, height: height), ascii: ascii, paused: paused, presenter: true)
}

@Suite("The presenter layout at 100 x 30")
struct AppPresenterTests {
    @Test func theHeaderNamesTheSceneAndTheClockAndThereIsNoKeyBar() throws {
        var app = try presenterApp()
        app.wait(seconds: 14)
        let lines = app.screenLines
        #expect(lines.count == 30)
        #expect(lines[0].hasPrefix(" Attune · Wait or lean in?"))
        // The baby looks around the room at 0:01 (curiosity: no question),
        // first looks away to calm down at 0:12, and the scene stops there
        // for the room's answer.
        #expect(lines[0].contains("0:12 / 2:00  speed 1x  YOUR CHOICE"))
        #expect(!app.screenText.contains("Space  play"))
        #expect(!app.screenText.contains("?  keys"))
    }

    @Test func aSingleDyadsFacesAreDrawnAsLargeAsThePanelAllows() throws {
        let app = try presenterApp()
        let frame = AppView.render(app)
        let layout = PresenterView.PanelLayout(body: Rect(column: 0, row: 0, width: 96, height: frame.height - 8))
        #expect(layout.faces == FaceSize(width: 21, height: 13))
        // The caregiver's face at that size, row under row, beside the baby's.
        let action = try #require(app.session).timeline.now.simulation.dyads[0].caregiver.action
        let face = Faces.caregiver(action: action, size: layout.faces)
        let lines = app.screenLines
        let top = try #require(lines.firstIndex { $0.contains(face[1]) })
        #expect(face.indices.allSatisfy { lines[top - 1 + $0].contains(face[$0]) })
    }

    @Test func theGaugeIsThreeRowsTallAcrossThePanelWithTheWindowNamed() throws {
        var app = try presenterApp()
        app.wait(seconds: 3)
        let gauges = app.screenLines.filter { $0.hasPrefix(" [") && $0.hasSuffix("] ") }
        #expect(gauges.count == 3)
        #expect(gauges.allSatisfy { $0.count == 100 && $0.contains("▓") && $0.contains("●") })
        #expect(app.screenText.contains("arousal: IN RANGE   (▓▓ the comfortable range · ! overwhelmed)"))
        let marker = try #require(gauges.first?.firstIndex(of: "●"))
        let arousal = app.session!.timeline.now.simulation.dyads[0].infant.arousal
        let cell = gauges[0].distance(from: gauges[0].startIndex, to: marker) - 2
        #expect(cell == BandGauge.markerIndex(value: arousal, cells: 96))
    }

    @Test func theCaptionIsBoldAndCentredOnItsOwnBand() throws {
        var app = try presenterApp()
        app.wait(seconds: 1.5)
        let frame = AppView.render(app)
        let caption = "A game of peek-a-boo begins. Watch the baby's eyes and the arousal gauge."
        let row = try #require(frame.lines.firstIndex { $0.contains(caption) })
        #expect(row >= 25, "the caption sits in the band at the bottom")
        let text = frame.lines[row]
        let start = try #require(text.range(of: caption)).lowerBound
        let column = text.distance(from: text.startIndex, to: start)
        let left = column, right = 100 - column - caption.count
        #expect(abs(left - right) <= 1, "centred")
        #expect(frame[column, row].style.bold)
        #expect(frame.lines[24] == String(repeating: "─", count: 100), "a rule sets the caption band apart")
    }

    @Test func theQuestionIsShownInReverseWithItsChoices() throws {
        var app = try presenterApp()
        app.playUntilAsked()
        let frame = AppView.render(app)
        let row = try #require(frame.lines.firstIndex { $0.contains("The baby has turned away. What now?") })
        #expect(frame[0, row].style.reverse)
        #expect(frame.lines[row + 2].contains("[w] wait      [i] lean in"))
        #expect(frame.lines[0].contains("YOUR CHOICE"))
        app.type("i")
        #expect(app.session?.policy(dyad: 0) == .intrusive)
        #expect(app.screenText.contains("Caregiver · leans in"))
    }

    @Test func questionMarkShowsTheKeys() throws {
        var app = try presenterApp(paused: true)
        app.type("?")
        #expect(app.screenText.contains("Keys: the live screen"))
        #expect(app.screenText.contains("W        what if"))
        app.type("x")
        #expect(!app.screenText.contains("Keys: the live screen"))
    }

    @Test func twoDyadsStandSideBySideAtTwiceTheSize() throws {
        var app = try presenterApp("wait-or-chase")
        app.wait(seconds: 9)
        let text = app.screenText
        #expect(text.contains("Waits · waits, then greets"))
        #expect(text.contains("Chases · leans in"))
        let gauges = app.screenLines.filter { $0.hasPrefix(" [") }
        #expect(gauges.count == 3)
        #expect(gauges.allSatisfy { $0.components(separatedBy: "[").count == 3 }, "one gauge per dyad on each row")
        #expect(app.screenLines.contains { $0.contains("|           |") }, "faces at twice the size: 14 columns")
    }

    @Test func theSmallestWindowStillShowsEverything() throws {
        var app = try presenterApp(width: 80, height: 24)
        app.wait(seconds: 14)
        let text = app.screenText
        #expect(app.screenLines.count == 24)
        for part in ["Caregiver · waits, then greets", "arousal:", "bpm (resting 140)", "She ", "0:12 / 2:00"] {
            #expect(text.contains(part), "\(part)")
        }
        #expect(app.screenLines.filter { $0.hasPrefix(" [") }.count == 3)
    }

    @Test func atTheSmallestSizeWordsAreShortenedWholeNeverCut() throws {
        var app = try presenterApp("wait-or-chase", width: 80, height: 24)
        for _ in 0..<12 {
            app.wait(seconds: 5)
            let lines = app.screenLines
            let arousal = lines.filter { $0.contains("arousal: ") }
            #expect(arousal.count == 1 && arousal.allSatisfy { !$0.contains("…") }, "the gauge's words are never cut: \(arousal)")
            #expect(arousal[0].components(separatedBy: "arousal: ").count == 3, "one for each pair")
            // Whatever is shortened ends with whole words.
            for line in lines where line.contains("…") {
                let before = line.components(separatedBy: "…")[0]
                let word = before.split(separator: " ").last.map(String.init) ?? ""
                let said = ["Wait", "or", "chase?", "One", "baby", "two", "tsk", "tsk!"]
                #expect(said.contains(word), "a cut word: \(line)")
            }
        }
    }

    @Test func anASCIIPresenterScreenIsASCII() throws {
        var app = try presenterApp(ascii: true)
        app.wait(seconds: 5)
        #expect(isASCII(app.screenText))
        app.playUntilAsked()
        #expect(isASCII(app.screenText))
    }

    @Test func theFacesAndTheGaugeGrowWithTheWindow() throws {
        var sizes: [FaceSize] = []
        var gauges: [Int] = []
        for (width, height) in [(80, 24), (100, 30), (160, 45), (200, 60)] {
            var app = try presenterApp(width: width, height: height)
            app.wait(seconds: 3)
            let frame = AppView.render(app)
            let body = Rect(column: 0, row: 0, width: width - 2, height: height - 3 - PresenterView.captionRows(height: height))
            let layout = PresenterView.PanelLayout(body: body)
            sizes.append(layout.faces)
            gauges.append(frame.lines.filter { $0.hasPrefix(" [") && $0.hasSuffix("] ") }.count)
            #expect(gauges.last == layout.gaugeRows)
        }
        #expect(zip(sizes, sizes.dropFirst()).allSatisfy { $0.0 < $0.1 }, "\(sizes)")
        #expect(zip(gauges, gauges.dropFirst()).allSatisfy { $0.0 <= $0.1 } && gauges.last! > gauges.first!, "\(gauges)")
    }

    @Test(arguments: [(160, 45), (200, 60), (100, 30)])
    func aLargeWindowHasNoBandOfMoreThanThreeEmptyRows(size: (Int, Int)) throws {
        for name in ["workshop-wait-or-lean-in", "wait-or-chase", "workshop-still-face"] {
            var app = try presenterApp(name, width: size.0, height: size.1)
            for seconds in [1.0, 5, 14] {
                app.wait(seconds: seconds)
                let band = longestEmptyBand(AppView.render(app))
                #expect(band <= 3, "\(name) at \(size.0) x \(size.1): \(band) empty rows together\n\(app.screenText)")
            }
            app.playUntilAsked()
            #expect(longestEmptyBand(AppView.render(app)) <= 3, "\(name) with its question open")
        }
    }

    @Test func theHeartRateIsDrawnInBigDigitsInALargeWindow() throws {
        var app = try presenterApp(width: 160, height: 45)
        app.wait(seconds: 3)
        let rate = Int(app.session!.timeline.now.simulation.dyads[0].infant.heartRate.rounded())
        let digits = BigDigits.rows(String(rate))
        let lines = app.screenLines
        let row = try #require(lines.firstIndex { $0.contains(digits[1]) && $0.contains("bpm (resting 140)") })
        #expect(lines[row - 1].contains(digits[0]) && lines[row + 1].contains(digits[2]))
        #expect(BigDigits.rows("150") == ["     _   _ ", "  | |_  | |", "  |  _| |_|"])
    }
}

@Suite("The high-contrast theme")
struct HighContrastThemeTests {
    @Test func everyCellIsBoldAndNothingIsDim() {
        let theme = Theme.colour.withHighContrast(true)
        let muted = theme.resolve(.colour(.muted))
        #expect(muted.bold && !muted.dim && muted.foreground == .default)
        #expect(theme.resolve(.plain).bold)
        #expect(theme.resolve(.colour(.calm)).foreground == .calm)
    }

    @Test func inMonochromeItKeepsTheAttributesThatCarryMeaning() {
        let theme = Theme.monochrome.withHighContrast(true)
        let distress = theme.resolve(.colour(.distress))
        #expect(distress.bold && distress.reverse && distress.foreground == .default)
        #expect(!theme.resolve(.colour(.muted)).dim)
    }

    @Test func withoutHighContrastNothingChanges() {
        #expect(Theme.colour.resolve(.colour(.muted)) == .colour(.muted))
        #expect(Theme.colour.highContrast == false)
    }
}

/// The most rows in a row of `frame` with nothing but spaces on them.
func longestEmptyBand(_ frame: Frame) -> Int {
    var longest = 0
    var current = 0
    for line in frame.lines {
        current = line.allSatisfy { $0 == " " } ? current + 1 : 0
        longest = max(longest, current)
    }
    return longest
}

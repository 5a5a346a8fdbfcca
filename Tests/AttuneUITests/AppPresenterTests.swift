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

    @Test func aSingleDyadsFacesAreDrawnThreeTimesAsLarge() throws {
        let app = try presenterApp()
        let frame = AppView.render(app)
        #expect(PresenterView.faceScale(for: frame.bounds) == 3)
        // The sides of both faces: 7 columns scaled to 21, so the inside is 19 wide.
        let sides = app.screenLines.filter { $0.contains("|" + String(repeating: " ", count: 17) + "|") }
        #expect(sides.count >= 4)
        #expect(app.screenLines.contains { $0.contains("\\___________/") }, "the chin, scaled")
    }

    @Test func theGaugeIsThreeRowsTallAcrossThePanelWithTheWindowNamed() throws {
        var app = try presenterApp()
        app.wait(seconds: 3)
        let gauges = app.screenLines.filter { $0.hasPrefix(" [") && $0.hasSuffix("] ") }
        #expect(gauges.count == 3)
        #expect(gauges.allSatisfy { $0.count == 100 && $0.contains("▓") && $0.contains("●") })
        #expect(app.screenText.contains("arousal: IN RANGE   (▓▓ the comfortable range)"))
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

    @Test func anASCIIPresenterScreenIsASCII() throws {
        var app = try presenterApp(ascii: true)
        app.wait(seconds: 5)
        #expect(isASCII(app.screenText))
        app.playUntilAsked()
        #expect(isASCII(app.screenText))
    }

    @Test func scalingAFaceGrowsItsSidesNotItsFeatures() {
        let face = Faces.infant(gaze: .atCaregiver, behavior: .engaged, affect: .interested)
        let big = PresenterView.scaled(face, by: 2)
        #expect(big.count == PresenterView.faceHeight(scale: 2))
        #expect(big.allSatisfy { $0.count == 14 })
        #expect(big.filter { $0.contains("o") }.count == 1, "the eyes are drawn once")
        #expect(PresenterView.scaled(face, by: 1) == face)
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

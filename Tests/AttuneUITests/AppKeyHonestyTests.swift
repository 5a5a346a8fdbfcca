import AttuneModel
import AttuneScenario
import Testing

@testable import AttuneUI

/// Keys that could make the screen say something untrue about the run, or
/// say nothing at all: titles that name actions, answers with Caps Lock on,
/// stray keys after the end, unknown keys, and the help overlay.
@Suite("The live app: keys tell the truth")
struct AppKeyHonestyTests {
    @Test func afterTheRoomAnswersLeanInTheTitlesNameTheActionNotThePerson() throws {
        var app = try liveApp("workshop-wait-or-lean-in")
        app.playUntilAsked()
        app.type("i")
        app.wait(seconds: 3)
        #expect(app.session?.policy(dyad: 0) == .intrusive)
        #expect(app.screenText.contains("Caregiver · leans in"))
        #expect(!app.screenText.contains("intrusive"))
        app.presenter = true
        #expect(app.screenText.contains("Caregiver · leans in"))
        #expect(!app.screenText.contains("intrusive"))
        app.presenter = false
        app.type("q")
        let report = try #require(app.debrief)
        #expect(report.dyads[0].policy == "leans in to win the baby's gaze back")
        #expect(!report.plainText.contains("intrusive"))
        #expect(report.plainText.contains("Caregiver · leans in to win the baby's gaze back"))
    }

    @Test(arguments: ["W", "I"])
    func answersWorkWithCapsLockOn(key: String) throws {
        var app = try liveApp("workshop-wait-or-lean-in")
        app.playUntilAsked()
        #expect(app.session?.timeline.openDecision == 0)
        app.type(key)
        #expect(app.session?.timeline.openDecision == nil)
        let expected = key == "W" ? ["wait"] : ["lean in"]
        #expect(app.session?.timeline.now.decisions.choiceLabels == expected)
        // With a choice on `w`, the question's key bar does not offer `W`
        // for the earlier question.
        let point = try readyScenario("workshop-wait-or-lean-in").decisions[0]
        #expect(!KeyMap.decisionBar(point, whatIf: true).contains { $0.key == "W" })
    }

    @Test func whatIfStillGoesBackOnceTheQuestionIsAnswered() throws {
        var app = try liveApp("workshop-wait-or-lean-in")
        app.playUntilAsked()
        app.type("I")
        app.wait(seconds: 5)
        app.type("W")
        #expect(app.session?.timeline.openDecision == 0)
        #expect(app.session?.branches.count == 1)
    }

    @Test func strayKeysAfterTheEndDoNotRelabelTheRun() throws {
        var app = try liveApp("scene-a-waits")
        app.type("++++++++")
        app.wait(seconds: 20)
        #expect(app.screen.kind == .debrief)
        let before = try #require(app.debrief).plainText
        #expect(before.contains("Waits · waits through look-aways"))
        #expect(!before.contains("at the keyboard"))
        // Back to the run, a caregiver's key, then the debrief again.
        app.type("b")
        #expect(app.screen.kind == .live)
        for key in ["5", "h", "c", "1"] {
            app.type(key)
            #expect(app.session?.policy(dyad: 0) == .attuned)
            #expect(app.session?.currentNotice?.text == LiveSession.endedHint)
        }
        app.type("q")
        let after = try #require(app.debrief).plainText
        #expect(after == before)
        #expect(!after.contains("you, at the keyboard"))
    }

    @Test func anUnknownKeyGetsAShortHint() throws {
        var app = try liveApp("scene-a-waits", paused: true)
        app.type("z")
        #expect(app.session?.currentNotice?.text == "z does nothing here. Press ? for the keys.")
        #expect(app.screenText.contains("z does nothing here. Press ? for the keys."))
        app.press(.home)
        #expect(app.session?.currentNotice?.text == "Home does nothing here. Press ? for the keys.")
        // A capital letter whose small letter is a key: Caps Lock may be on.
        app.type("H")
        #expect(app.session?.currentNotice?.text == "H does nothing here; h does (is Caps Lock on?). Press ? for the keys.")
        #expect(app.session?.policy(dyad: 0) == .attuned)
    }

    @Test func cAndHSayWhatSheWillDoNotWhatSheIs() throws {
        var app = try liveApp("scene-a-waits", paused: true)
        let labels = ["attuned", "intrusive", "withdrawn", "still-face", "good-enough", "anxious", "policy"]
        for _ in KeyMap.policyCycle {
            app.type("c")
            let policy = try #require(app.session?.policy(dyad: 0))
            let notice = try #require(app.session?.currentNotice?.text)
            #expect(notice.hasSuffix("now \(KeyMap.doing(policy))."), "\(notice)")
            for label in labels { #expect(!notice.contains(label), "\(notice)") }
        }
        app.type("h")
        app.type("h")
        let back = try #require(app.session?.currentNotice?.text)
        #expect(back.contains("is back in her own hands: she "), "\(back)")
        for label in labels { #expect(!back.contains(label), "\(back)") }
    }

    @Test func anUnknownKeyOnTheChooserGetsAHintInPlaceOfTheInstruction() throws {
        var app = AppState(chooser: [try readyScenario("scene-a-waits")], size: Size(width: 80, height: 24))
        #expect(app.screenLines[2].contains("Choose a scene with"))
        app.type("z")
        #expect(app.screenLines[2] == " z does nothing here. Press ? for the keys.".padding(toLength: 80))
        app.type("Q")
        #expect(app.screenLines[2].contains("Q does nothing here; q does (is Caps Lock on?)"))
        app.press(.down)
        #expect(app.screenLines[2].contains("Choose a scene with"))
        #expect(app.outcome == nil)
    }

    @Test func anUnknownKeyOnEitherDebriefGetsAHintOnItsLastRow() throws {
        var app = try liveApp("scene-a-waits", width: 80, height: 24, paused: true)
        app.type("q")
        #expect(app.screen.kind == .debrief)
        let before = app.screenLines
        app.type("5")
        #expect(app.screenLines[22] == " 5 does nothing here. Press ? for the keys.".padding(toLength: 80))
        #expect(Array(app.screenLines[0..<22]) == Array(before[0..<22]))
        #expect(app.screenLines[23] == before[23], "the key bar stays")
        app.type("R")
        #expect(app.screenLines[22].contains("R does nothing here; r does (is Caps Lock on?)"))
        #expect(app.screen.kind == .debrief)
        app.press(.down)
        #expect(!app.screenText.contains("does nothing here"))

        var room = try roomApp(width: 100, height: 30, paused: true)
        room.type("q")
        #expect(room.screen.kind == .roomDebrief)
        room.type("z")
        #expect(room.screenLines[28].contains("z does nothing here. Press ? for the keys."))
        room.type("j")
        #expect(!room.screenText.contains("does nothing here"))
    }

    @Test func anUnknownKeyInTheRoomGetsAHint() throws {
        var app = try roomApp(width: 100, height: 30, paused: true)
        app.type("z")
        #expect(app.room?.currentNotice?.text == "z does nothing here. Press ? for the keys.")
        #expect(app.screenText.contains("z does nothing here."))
        app.press(.enter)
        app.type("Z")
        #expect(app.room?.currentNotice?.text == "Z does nothing here. Press ? for the keys.")
    }

    @Test func anUnknownKeyAtAQuestionNamesTheAnswers() throws {
        var app = try liveApp("workshop-wait-or-lean-in")
        app.playUntilAsked()
        app.type("z")
        let notice = try #require(app.session?.currentNotice?.text)
        #expect(notice.hasPrefix("Choose an answer to go on: "))
        #expect(notice.contains("wait") && notice.contains("lean in"))
        #expect(app.session?.timeline.openDecision == 0)
    }

    @Test func whileTheKeysAreShownTheHeaderSaysPaused() throws {
        var app = try liveApp("scene-a-waits")
        app.wait(seconds: 1)
        #expect(app.screenLines[0].contains("PLAYING"))
        app.type("?")
        #expect(app.isHelpShown)
        #expect(app.screenLines[0].contains("PAUSED"))
        #expect(!app.screenLines[0].contains("PLAYING"))
        let step = app.cursor
        app.wait(seconds: 2)
        #expect(app.cursor == step)
        app.presenter = true
        #expect(app.screenLines[0].contains("PAUSED"))
        app.presenter = false
        app.type("x")
        #expect(!app.isHelpShown)
        #expect(app.screenLines[0].contains("PLAYING"))
        #expect(app.session?.isPaused == false)
    }

    @Test func thePathsTableAndTheFiguresCountLookAwaysAlike() throws {
        var app = try liveApp("workshop-wait-or-lean-in")
        app.type("++++")
        app.playUntilAsked()
        app.type("i")
        app.wait(seconds: 6)
        app.type("W")
        app.type("w")
        app.wait(seconds: 6)
        app.type("q")
        let report = try #require(app.debrief)
        #expect(report.branches.count == 2)
        let current = try #require(report.branches.last).figures[0]
        let table = Dictionary(report.figureRows.map { ($0.label, $0.values) }, uniquingKeysWith: { a, _ in a })
        let told = report.dyads[0].entries.filter { $0.kind == .lookAway }.count
        #expect(table["look-aways"] == ["\(told)"])
        #expect(current.lookAways == told)
        let paths = try #require(report.branchTables.first).lines
        let row = try #require(paths.first { $0.hasPrefix("look-aways") })
        #expect(row.hasSuffix(" \(told)"))
    }
}

import AttuneModel
import AttuneScenario
import Testing

@testable import AttuneUI

@Suite("The live app: keys through the update function")
struct AppUpdateTests {
    @Test func startsPausedWithDashPausedAndTimeDoesNotMove() throws {
        var app = try liveApp(paused: true)
        #expect(app.session?.isPaused == true)
        #expect(app.wakeDelaySeconds == nil)
        app.wait(seconds: 2)
        #expect(app.cursor == 0)
    }

    @Test func dotStepsOnceWhilePaused() throws {
        var app = try liveApp(paused: true)
        app.type(".")
        #expect(app.cursor == 1)
        app.type("..")
        #expect(app.cursor == 3)
    }

    @Test func dotWhilePlayingPausesWithoutStepping() throws {
        var app = try liveApp()
        app.wait(seconds: 1)
        let before = app.cursor
        app.type(".")
        #expect(app.session?.isPaused == true)
        #expect(app.cursor == before)
    }

    @Test func spacePausesAndResumes() throws {
        var app = try liveApp()
        app.wait(seconds: 1)
        #expect(app.cursor == 10)
        app.type(" ")
        app.wait(seconds: 1)
        #expect(app.cursor == 10)
        app.type(" ")
        app.wait(seconds: 0.5)
        #expect(app.cursor == 15)
    }

    @Test func oneSecondAtOneTimesSpeedIsTenSteps() throws {
        var app = try liveApp()
        app.update(.tick(seconds: 1))
        #expect(app.cursor == 10)
        #expect(app.wakeDelaySeconds.map { abs($0 - 0.1) < 1e-6 } == true)
    }

    @Test func speedStepsThroughTheLadderAndStopsAtTheEnds() throws {
        var app = try liveApp()
        var seen: [Double] = []
        for _ in 0..<10 {
            app.type("+")
            seen.append(app.session!.speed)
        }
        #expect(seen == [2, 4, 8, 16, 32, 32, 32, 32, 32, 32])
        for _ in 0..<10 { app.type("-") }
        #expect(app.session?.speed == 0.25)
        app.type("=")
        #expect(app.session?.speed == 0.5)
    }

    @Test func speedScalesSimulatedTime() throws {
        var app = try liveApp()
        app.type("++")
        app.update(.tick(seconds: 1))
        #expect(app.cursor == 40)
        app.type("----")
        app.update(.tick(seconds: 1))
        #expect(app.cursor == 42)
        #expect(app.session?.speed == 0.25)
    }

    @Test func aLongStallCountsAsOneSecond() throws {
        var app = try liveApp()
        app.update(.tick(seconds: 30))
        #expect(app.cursor == 10)
    }

    @Test func theWakeDelayNeverGoesBelowAThirtiethOfASecond() throws {
        var app = try liveApp()
        app.type("+++++")
        #expect(app.wakeDelaySeconds == 1.0 / 30)
    }

    @Test func cCyclesTheSelectedCaregiversPolicy() throws {
        var app = try liveApp(paused: true)
        var seen: [Policy] = []
        for _ in 0..<6 {
            app.type("c")
            seen.append(app.session!.policy(dyad: 0))
        }
        #expect(seen == [.intrusive, .withdrawn, .stillFace, .goodEnough, .anxious, .attuned])
        #expect(app.session?.policy(dyad: 1) == .intrusive)
    }

    @Test func tabSelectsTheOtherDyadForC() throws {
        var app = try liveApp(paused: true)
        app.press(.tab)
        #expect(app.session?.selectedDyad == 1)
        app.type("c")
        #expect(app.session?.policy(dyad: 1) == .withdrawn)
        #expect(app.session?.policy(dyad: 0) == .attuned)
        app.press(.tab)
        #expect(app.session?.selectedDyad == 0)
    }

    @Test func aPolicySwitchChangesWhatTheCaregiverDoes() throws {
        var app = try liveApp(paused: true)
        app.type("cc")  // withdrawn... then still face
        app.type("c")
        #expect(app.session?.policy(dyad: 0) == .stillFace)
        app.type(" ")
        app.wait(seconds: 1)
        #expect(app.session?.timeline.now.simulation.dyads[0].caregiver.action == .stillFace)
    }

    @Test func hPutsTheKeyboardInTheCaregiversPlaceAndGivesItBack() throws {
        var app = try liveApp(paused: true)
        app.type("h")
        #expect(app.session?.policy(dyad: 0) == .human)
        #expect(app.screenLines.last?.contains("1 ▸play") == true)
        #expect(app.screenLines.last?.contains("6  still face") == true)
        app.type("3.")
        #expect(app.session?.timeline.now.simulation.dyads[0].caregiver.action == .wait)
        app.type("4.")
        #expect(app.session?.timeline.now.simulation.dyads[0].caregiver.action == .soothe)
        app.type("h")
        #expect(app.session?.policy(dyad: 0) == .attuned)
    }

    @Test func theHumanActionHoldsUntilTheNextKey() throws {
        var app = try liveApp(paused: true)
        app.type("h5")
        for _ in 0..<30 { app.type(".") }
        #expect(app.session?.timeline.now.simulation.dyads[0].caregiver.action == .intrude)
        #expect(app.session?.timeline.now.simulation.dyads[1].caregiver.action != nil)
    }

    @Test func anActionKeyAloneTakesTheCaregiversPlace() throws {
        var app = try liveApp(paused: true)
        app.type("2")
        #expect(app.session?.policy(dyad: 0) == .human)
        app.type(".")
        #expect(app.session?.timeline.now.simulation.dyads[0].caregiver.action == .greet)
        app.type("h")
        #expect(app.session?.policy(dyad: 0) == .attuned)
    }

    @Test func rStartsAgainFromTheBeginning() throws {
        var app = try liveApp()
        app.type("c")
        app.wait(seconds: 3)
        app.type("r")
        #expect(app.cursor == 0)
        #expect(app.session?.policy(dyad: 0) == .attuned)
        #expect(app.session?.timeline.recordedSteps == 0)
    }

    @Test func qOpensTheDebriefAndBGoesBack() throws {
        var app = try liveApp()
        app.wait(seconds: 5)
        app.type("q")
        #expect(app.screen.kind == .debrief)
        #expect(app.debrief != nil)
        #expect(app.session?.isPaused == true)
        app.type("b")
        #expect(app.screen.kind == .live)
        #expect(app.cursor == 50)
    }

    @Test func qInTheDebriefQuitsWithTheFigures() throws {
        var app = try liveApp()
        app.wait(seconds: 5)
        app.type("qq")
        guard case let .quit(summary)? = app.outcome else {
            Issue.record("expected the app to quit")
            return
        }
        #expect(summary?.contains("ruptures") == true)
        #expect(summary?.contains("Waits") == true)
    }

    @Test func rInTheDebriefReplaysTheScene() throws {
        var app = try liveApp()
        app.wait(seconds: 5)
        app.type("qr")
        #expect(app.screen.kind == .live)
        #expect(app.cursor == 0)
        #expect(app.session?.isPaused == false)
    }

    @Test func sInTheDebriefAsksForTheScenesThenShowsThem() throws {
        var app = try liveApp()
        app.type("q")
        let effects = app.update(.key(.character("s")))
        #expect(effects == [.loadScenarios])
        #expect(app.screen.kind == .chooser)
        #expect(app.scenes.isLoading)
        app.update(.scenariosLoaded(ReadyScenarios.all()))
        #expect(!app.scenes.isLoading)
        #expect(app.scenes.scenarios.first?.name == "wait-or-chase")
    }

    @Test func theEndOfTheRunOpensTheDebrief() throws {
        var app = try liveApp("scene-a-waits")
        app.type("+++++")  // 32x
        for _ in 0..<10 { app.update(.tick(seconds: 1)) }
        #expect(app.session?.timeline.isFinished == true)
        #expect(app.screen.kind == .debrief)
        #expect(app.wakeDelaySeconds == nil)
    }

    @Test func anInterruptEndsTheAppAtOnce() throws {
        var app = try liveApp()
        app.press(.interrupt)
        #expect(app.outcome == .interrupted)
    }

    @Test func theChooserMovesAndStartsTheSelectedScene() throws {
        var app = AppState(chooser: ReadyScenarios.all(), size: Size(width: 100, height: 30))
        #expect(app.scenes.scenarios.first?.name == "wait-or-chase")
        app.press(.up)
        #expect(app.scenes.selected == 0)
        app.press(.down, .character("j"), .character("k"))
        #expect(app.scenes.selected == 1)
        app.press(.end)
        #expect(app.scenes.selected == app.scenes.scenarios.count - 1)
        app.press(.home, .enter)
        #expect(app.screen.kind == .live)
        #expect(app.session?.scenario.name == "wait-or-chase")
        #expect(app.session?.timeline.seed == 7)
    }

    @Test func aSceneTooLongToKeepIsShownWithWhyButNotStarted() throws {
        let long = try ScenarioLoader.load(
            yaml: """
                title: A long day
                step: 0.01s
                dyads:
                  - caregiver: { policy: attuned }
                  - caregiver: { policy: intrusive }
                duration: 1440min

                """, name: "long-day")
        var app = AppState(chooser: [long], size: Size(width: 100, height: 30))
        app.press(.enter)
        #expect(app.screen.kind == .chooser)
        #expect(app.session == nil)
        let text = AppView.render(app).lines.joined(separator: "\n")
        #expect(text.contains("It can't be opened here: this scenario is too long to watch or draw"))
    }

    @Test func aSeedGivenAtTheStartIsUsedForEveryRun() throws {
        var app = AppState(chooser: ReadyScenarios.all(), size: Size(width: 100, height: 30), seed: 99)
        app.press(.enter)
        #expect(app.session?.timeline.seed == 99)
    }

    @Test func qInTheChooserQuitsWithoutFigures() throws {
        var app = AppState(chooser: ReadyScenarios.all(), size: Size(width: 100, height: 30))
        app.type("q")
        #expect(app.outcome == .quit(summary: nil))
    }

    @Test func theHelpOverlayStopsTimeAndAnyKeyClosesIt() throws {
        var app = try liveApp()
        app.type("?")
        #expect(app.isHelpShown)
        #expect(app.wakeDelaySeconds == nil)
        app.wait(seconds: 1)
        #expect(app.cursor == 0)
        app.type("c")
        #expect(!app.isHelpShown)
        #expect(app.session?.policy(dyad: 0) == .attuned, "the key that closes help does nothing else")
        app.wait(seconds: 1)
        #expect(app.cursor == 10)
    }

    @Test func aTooSmallTerminalStopsTimeUntilItGrows() throws {
        var app = try liveApp()
        app.update(.resize(Size(width: 79, height: 24)))
        #expect(app.isTooSmall)
        #expect(app.wakeDelaySeconds == nil)
        app.wait(seconds: 1)
        #expect(app.cursor == 0)
        app.update(.resize(Size(width: 80, height: 24)))
        app.wait(seconds: 1)
        #expect(app.cursor == 10)
    }

    @Test func theRevisionMovesOnlyWhenSomethingChanged() throws {
        var app = try liveApp()
        let start = app.revision
        app.update(.tick(seconds: 0.05))
        #expect(app.revision == start)
        app.update(.tick(seconds: 0.05))
        #expect(app.revision == start + 1)
        app.type(" ")
        let paused = app.revision
        app.update(.tick(seconds: 1))
        #expect(app.revision == paused)
    }
}

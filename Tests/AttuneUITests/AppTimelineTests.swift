import AttuneModel
import AttuneScenario
import Testing

@testable import AttuneUI

@Suite("The live app: moving back and forward, and branching")
struct AppTimelineTests {
    @Test func leftGoesBackFiveSecondsToExactlyTheMomentThatWasLeft() throws {
        var app = try liveApp()
        app.wait(seconds: 12)
        let earlier = app.session!.timeline.samples
        app.press(.left)
        #expect(app.cursor == 70)
        #expect(app.session?.timeline.isRewound == true)
        // The run at step 70 is the run a fresh start reaches in 70 steps.
        var fresh = Timeline(scenario: try readyScenario("wait-or-chase"), seed: 7)
        for _ in 0..<70 { fresh.step() }
        let now = app.session!.timeline.now.simulation
        for d in 0..<2 {
            #expect(now.dyads[d].infant == fresh.now.simulation.dyads[d].infant)
            #expect(now.dyads[d].caregiver == fresh.now.simulation.dyads[d].caregiver)
        }
        #expect(app.session!.timeline.samples == earlier, "going back keeps the recorded future")
    }

    @Test func goingBackStopsAtTheStart() throws {
        var app = try liveApp()
        app.wait(seconds: 3)
        app.press(.left)
        #expect(app.cursor == 0)
        app.press(.left)
        #expect(app.cursor == 0)
        #expect(app.session?.currentNotice?.text == "This is the start of the run.")
    }

    @Test func rightReplaysTheRecordedFutureAndStopsAtTheNewestMoment() throws {
        var app = try liveApp()
        app.wait(seconds: 12)
        app.press(.left, .left)
        #expect(app.cursor == 20)
        app.press(.right)
        #expect(app.cursor == 70)
        app.press(.right)
        #expect(app.cursor == 120)
        #expect(app.session?.timeline.isRewound == false)
        app.press(.right)
        #expect(app.cursor == 120)
    }

    @Test func playingOnAfterGoingBackFollowsTheRecordedHistoryThenGoesBeyond() throws {
        var app = try liveApp()
        app.wait(seconds: 10)
        var straight = try liveApp()
        straight.wait(seconds: 20)
        app.press(.left)
        app.wait(seconds: 15)
        #expect(app.cursor == 200)
        #expect(history(app) == history(straight))
        #expect(app.session?.timeline.now.narrator.lines == straight.session?.timeline.now.narrator.lines)
    }

    @Test func actingAfterGoingBackStartsANewFuture() throws {
        var app = try liveApp()
        app.wait(seconds: 20)
        app.press(.left, .left)
        #expect(app.cursor == 100)
        app.type("c")
        #expect(app.session?.timeline.recordedSteps == 100, "the recorded future is dropped")
        #expect(app.session?.currentNotice?.text.hasPrefix("A new future from 0:10.") == true)
        app.wait(seconds: 10)
        #expect(app.session?.timeline.recordedSteps == 200)
        #expect(app.session?.policy(dyad: 0) == .intrusive)
    }

    @Test func theSameKeysAfterTheSameRewindGiveTheSameFuture() throws {
        func branched() throws -> AppState {
            var app = try liveApp()
            app.wait(seconds: 20)
            app.press(.left, .left)
            app.type("h")
            app.wait(seconds: 2)
            app.type("5")
            app.wait(seconds: 3)
            app.press(.tab)
            app.type("c")
            app.wait(seconds: 10)
            return app
        }
        let first = try branched()
        let second = try branched()
        #expect(history(first) == history(second))
        #expect(history(first).count == 250 * 2)
        // And the new future differs from the one first recorded.
        var original = try liveApp()
        original.wait(seconds: 25)
        #expect(history(first) != history(original))
    }

    @Test func aBranchReplaysExactlyWhenGoneBackOverAgain() throws {
        var app = try liveApp()
        app.wait(seconds: 8)
        app.type("h3")
        app.wait(seconds: 4)
        app.type("1")
        app.wait(seconds: 8)
        let recorded = history(app)
        // Back to before the first action, then forward again over it.
        app.press(.left, .left, .left, .left)
        #expect(app.cursor == 0)
        app.wait(seconds: 20)
        #expect(history(app) == recorded)
        #expect(app.session?.policy(dyad: 0) == .human)
    }

    @Test func goingBackOverAnActionAndActingDifferentlyChangesTheFuture() throws {
        var app = try liveApp()
        app.wait(seconds: 10)
        app.type("h5")
        app.wait(seconds: 10)
        let intruding = history(app)
        app.press(.left, .left)
        app.type("3")
        app.wait(seconds: 10)
        #expect(history(app).count == intruding.count)
        #expect(history(app) != intruding)
        #expect(Array(history(app).prefix(200)) == Array(intruding.prefix(200)))
    }

    @Test func checkpointsRestoreTheSameRunAsSteppingStraight() throws {
        let scenario = try readyScenario("still-face")
        var timeline = Timeline(scenario: scenario, seed: 3)
        for _ in 0..<1_234 { timeline.step() }
        let samples = timeline.samples
        for target in [0, 1, 49, 50, 51, 333, 1_200, 1_234] {
            timeline.seek(to: target)
            #expect(timeline.cursor == target)
            var straight = Timeline(scenario: scenario, seed: 3)
            for _ in 0..<target { straight.step() }
            #expect(timeline.now.simulation.dyads[0].infant == straight.now.simulation.dyads[0].infant)
            #expect(timeline.now.narrator.lines == straight.now.narrator.lines)
        }
        #expect(timeline.samples == samples)
    }

    @Test func aLongRunKeepsFewerCheckpointsAndStillGoesBackExactly() throws {
        let scenario = try ScenarioLoader.resolve("still-face", overrides: ["phases.0.duration=1200s"])
        var timeline = Timeline(scenario: scenario, seed: 5)
        #expect(timeline.checkpointSteps == (12_000 + 1_200 + 1_200) / 200)
        for _ in 0..<3_000 { timeline.step() }
        timeline.seek(to: 2_950)
        var straight = Timeline(scenario: scenario, seed: 5)
        for _ in 0..<2_950 { straight.step() }
        #expect(timeline.now.simulation.dyads[0].infant == straight.now.simulation.dyads[0].infant)
        #expect(timeline.now.narrator.lines == straight.now.narrator.lines)
    }

    @Test func theRunMatchesTheHeadlessModelStepForStep() throws {
        let scenario = try readyScenario("wait-or-chase")
        var timeline = Timeline(scenario: scenario, seed: 7)
        var simulation = Simulation(plan: scenario.plan, seed: 7)
        for _ in 0..<600 {
            timeline.step()
            simulation.step()
        }
        #expect(timeline.now.simulation.metrics == simulation.metrics)
    }
}

@Suite("The narration")
struct NarrationTests {
    @Test func theScenariosTimedCaptionAppearsOnTime() throws {
        var app = try liveApp()
        app.wait(seconds: 0.9)
        // The narrator may already have spoken (the baby smiled), but no
        // caption yet: the scenario's first one is due at 1 s.
        #expect(app.session?.timeline.now.narrator.lines.contains(where: \.isCaption) == false)
        app.wait(seconds: 0.1)
        #expect(app.session?.timeline.now.narrator.newest?.text == "Two caregivers, one baby. Each starts a lively game of peek-a-boo.")
        #expect(app.session?.timeline.now.narrator.newest?.isCaption == true)
    }

    @Test func lookAwaysAreExplainedInPlainWords() throws {
        var app = try liveApp()
        var texts = Set<String>()
        for _ in 0..<1_200 {
            app.wait(seconds: 0.1)
            for line in app.session!.timeline.now.narrator.lines { texts.insert(line.text) }
        }
        #expect(texts.contains { $0.hasPrefix("Waits: The baby looks back on its own after") })
        #expect(
            texts.contains {
                $0.hasPrefix("Waits: The baby looks away: its arousal went above the comfortable range and its heart rate climbed to ")
            })
        #expect(texts.contains { $0.hasPrefix("Waits: The baby looks around the room: something else caught its eye.") })
        #expect(texts.contains { $0.hasPrefix("Waits: The baby looks back after") && $0.contains("of looking around the room") })
    }

    @Test func chasingIsExplainedWithItsEffect() throws {
        var app = try liveApp("scene-b-chases")
        var texts = Set<String>()
        for _ in 0..<600 {
            app.wait(seconds: 0.1)
            for line in app.session!.timeline.now.narrator.lines { texts.insert(line.text) }
        }
        #expect(texts.contains("The caregiver leans in while the baby is looking away; it can't settle, and turns further away."))
    }

    @Test func withTwoDyadsEachLineNamesItsPair() throws {
        var app = try liveApp()
        app.wait(seconds: 30)
        let lines = app.session!.timeline.now.narrator.lines.dropFirst()
        #expect(!lines.isEmpty)
        for line in lines {
            #expect(line.text.hasPrefix("Waits: ") || line.text.hasPrefix("Chases: "))
        }
    }

    @Test func nothingIsEverBlamed() throws {
        var texts = Set<String>()
        for name in ReadyScenarios.names {
            var app = try liveApp(name)
            app.type("++++")
            for _ in 0..<40 {
                app.update(.tick(seconds: 0.5))
                for line in app.session!.timeline.now.narrator.lines { texts.insert(line.text.lowercased()) }
            }
        }
        for word in ["fail", "bad ", "wrong", "should", "mistake", "fault"] {
            #expect(!texts.contains { $0.contains(word) }, "\(word)")
        }
    }
}

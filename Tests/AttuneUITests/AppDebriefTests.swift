import AttuneModel
import AttuneScenario
import Testing

@testable import AttuneUI

@Suite("The debrief")
struct AppDebriefTests {
    /// wait-or-chase played to its end.
    func finished() throws -> AppState {
        var app = try liveApp()
        app.type("+++++")
        for _ in 0..<8 { app.update(.tick(seconds: 1)) }
        return app
    }

    @Test func theEndOfTheRunShowsWhatHappened() throws {
        let app = try finished()
        #expect(app.screen.kind == .debrief)
        let lines = app.screenLines
        #expect(lines[0].hasPrefix(" What happened · Wait or chase? One baby, two caregivers"))
        #expect(lines[1].hasPrefix(" The run lasted 2:00, seed 7."))
        #expect(lines[3].hasPrefix(" Waits · waits through look-aways"))
        #expect(lines.last?.hasPrefix(" r  replay   s  scenes   b  back to the run") == true)
    }

    @Test func eachLookAwayIsExplained() throws {
        let report = try #require(try finished().debrief)
        let waits = report.dyads[0].entries.filter { $0.kind == .lookAway }
        let chases = report.dyads[1].entries.filter { $0.kind == .lookAway }
        #expect(waits.count >= 5)
        #expect(
            waits.contains {
                $0.text.hasSuffix("came back on its own: it needed a moment to calm down.")
                    || $0.text.contains("came back on its own: it needed a moment to calm down. It sucked")
            })
        #expect(waits.allSatisfy { $0.text.hasPrefix("At ") })
        #expect(chases.contains { $0.text.contains("The caregiver leaned in while it was turned away") })
        #expect(
            waits.allSatisfy {
                $0.text.firstMatch(of: /^At \d:\d\d the baby looked (away|around the room)( for \d+ s|, and was still)/) != nil
            })
        // Looking around the room is curiosity: never explained as calming down.
        let curious = waits.filter(\.isExploring)
        #expect(!curious.isEmpty)
        #expect(
            curious.allSatisfy { $0.text.contains("the baby looked around the room") && !$0.text.contains("needed a moment to calm down") })
        #expect(waits.filter { !$0.isExploring }.allSatisfy { $0.text.contains("the baby looked away") })
        #expect(report.dyads[0].summary.contains("to look around the room)"))
    }

    @Test func aLookAwayToLookAroundSaysSoAndNeverSpeaksOfCalmingDown() {
        let curious = DebriefReport.lookAwaySentence(
            at: "0:05", length: 3.2, chased: false, turnedFar: false, upset: false, pushed: false, withdrew: false,
            stillFace: false, soothed: false, thumb: false, onOwn: true, exploring: true)
        #expect(
            curious
                == "At 0:05 the baby looked around the room for 3 s, curious about something else, and came back on its own."
        )
        let stillFace = DebriefReport.lookAwaySentence(
            at: "2:10", length: 6, chased: false, turnedFar: false, upset: false, pushed: false, withdrew: false,
            stillFace: true, soothed: false, thumb: false, onOwn: true, exploring: true)
        #expect(stillFace.hasPrefix("At 2:10 the baby looked around the room for 6 s: the still face gave no answer"))
        let settling = DebriefReport.lookAwaySentence(
            at: "0:05", length: 3.2, chased: false, turnedFar: false, upset: false, pushed: false, withdrew: false,
            stillFace: false, soothed: false, thumb: false, onOwn: true)
        #expect(settling == "At 0:05 the baby looked away for 3 s and came back on its own: it needed a moment to calm down.")
    }

    @Test func aChasedLookAwaySaysOnlyWhatTheBabyDid() {
        let pushedOnly = DebriefReport.lookAwaySentence(
            at: "0:05", length: 31, chased: true, turnedFar: true, upset: true, pushed: true, withdrew: false,
            stillFace: false, soothed: false, thumb: true, onOwn: false, fussed: false)
        #expect(pushedOnly.contains("; it pushed at her face and turned further away, and needed longer to come back."))
        let fussedToo = DebriefReport.lookAwaySentence(
            at: "0:05", length: 31, chased: true, turnedFar: true, upset: true, pushed: true, withdrew: false,
            stillFace: false, soothed: false, thumb: true, onOwn: false, fussed: true)
        #expect(fussedToo.contains("; it fussed, pushed at her face and turned further away,"))
    }

    @Test func rupturesAndRepairsAreListedWithTheirTimes() throws {
        let report = try #require(try finished().debrief)
        let ruptures = report.dyads[0].entries.filter { $0.kind == .rupture }
        #expect(ruptures.count == report.dyads[0].figures.ruptures)
        #expect(ruptures.allSatisfy { $0.text.contains("fell out of step") })
        #expect(ruptures.contains { $0.text.hasSuffix("later: a repair.") })
    }

    @Test func theFiguresAreTheModelsFigures() throws {
        let app = try finished()
        let report = try #require(app.debrief)
        var simulation = Simulation(plan: try readyScenario("wait-or-chase").plan, seed: 7)
        simulation.runToEnd()
        for d in 0..<2 {
            let figures = RunFigures(phases: simulation.metrics[d])
            #expect(report.dyads[d].figures.ruptures == figures.ruptures)
            #expect(report.dyads[d].figures.repairs == figures.repairs)
            #expect(report.dyads[d].figures.distressSeconds == figures.distressSeconds)
        }
        #expect(report.dyads[1].figures.distressSeconds > report.dyads[0].figures.distressSeconds)
    }

    @Test func theDebriefEndsWithWhatARepairLooksLike() throws {
        var app = try finished()
        app.press(.end)
        let text = app.screenText
        #expect(text.contains("What a repair looks like"))
        #expect(text.contains("is what builds trust."))
        app.press(.home)
        #expect(app.debriefScroll == 0)
        app.press(.down, .down)
        #expect(app.debriefScroll == 2)
        app.press(.end, .up)
        #expect(app.debriefScroll == DebriefView.maximumScroll(try #require(app.debrief), size: app.size, ascii: app.ascii) - 1)
    }

    @Test func theDebriefNeverBlames() throws {
        for name in ReadyScenarios.names {
            var app = try liveApp(name)
            app.type("+++++")
            for _ in 0..<12 { app.update(.tick(seconds: 1)) }
            app.type("q")
            let report = try #require(app.debrief)
            let all = ([report.plainText] + report.dyads.flatMap { $0.entries.map(\.text) }).joined(separator: "\n").lowercased()
            for word in ["fail", "bad ", "wrong", "should", "mistake", "fault", "blame"] {
                #expect(!all.contains(word), "\(name): \(word)")
            }
        }
    }

    @Test func anEarlyQuitDescribesTheRunSoFar() throws {
        var app = try liveApp("scene-b-chases")
        app.wait(seconds: 12)
        app.type("q")
        let report = try #require(app.debrief)
        #expect(report.seconds == 12)
        #expect(app.screenLines[1].hasPrefix(" The run lasted 0:12 of 2:00, seed"))
    }

    @Test func aLookAwayStillGoingAtTheEndIsSaidToBeOngoing() throws {
        var app = try liveApp("scene-b-chases")
        // The first look-away to calm down (not one to look around the room).
        for _ in 0..<600 {
            app.wait(seconds: 0.1)
            let infant = app.session!.timeline.now.simulation.dyads[0].infant
            if infant.gaze != .atCaregiver && infant.behavior != .exploring { break }
        }
        app.wait(seconds: 0.5)
        app.type("q")
        let last = try #require(app.debrief?.dyads[0].entries.last { $0.kind == .lookAway })
        #expect(last.text.contains("the baby looked away, and was still turned away when the run was stopped"))
        #expect(last.isUnfinished)
        #expect(!last.isExploring)
    }

    @Test func aLookAroundStillGoingAtTheEndIsSaidToBeOngoing() throws {
        var app = try liveApp("scene-b-chases")
        for _ in 0..<600 {
            app.wait(seconds: 0.1)
            let infant = app.session!.timeline.now.simulation.dyads[0].infant
            if infant.gaze != .atCaregiver && infant.behavior == .exploring { break }
        }
        #expect(app.session!.timeline.now.simulation.dyads[0].infant.behavior == .exploring)
        app.type("q")
        let last = try #require(app.debrief?.dyads[0].entries.last { $0.kind == .lookAway })
        #expect(last.text.contains("the baby looked around the room, and was still looking around when the run was stopped"))
        #expect(last.isUnfinished && last.isExploring)
    }

    @Test func thePrintedSummaryHasTheFiguresOfEachPair() throws {
        let report = try #require(try finished().debrief)
        let text = report.plainText
        #expect(text.hasPrefix("Wait or chase? One baby, two caregivers: 2:00 of 2:00, seed 7\n"))
        #expect(text.contains("Waits  Chases"))
        #expect(text.contains("ruptures (out of step > 0.5 s)"))
        #expect(text.contains("median repair time"))
        #expect(text.contains("What a repair looks like"))
    }
}

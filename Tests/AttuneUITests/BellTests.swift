import AttuneModel
import Testing

@testable import AttuneUI

extension AppState {
    /// Lets `seconds` of wall-clock time pass in ticks of 0.1 s and returns,
    /// for every tick that asked for the bell, the step it was asked at.
    mutating func bellSteps(seconds: Double) -> [Int] {
        var steps: [Int] = []
        var left = seconds
        while left > 1e-9 {
            if update(.tick(seconds: min(0.1, left))).contains(.bell) { steps.append(cursor) }
            left -= 0.1
        }
        return steps
    }
}

@Suite("The bell (--bell) at questions and still faces")
struct BellTests {
    @Test func theBellRingsOnceWhenTheQuestionOpens() throws {
        var app = try presenterApp()
        app.bell = true
        let steps = app.bellSteps(seconds: 20)
        let question = try #require(app.session?.timeline.openDecision)
        #expect(question == 0)
        #expect(steps == [app.cursor], "one bell, at the step the question opened")
        // Waiting on the open question rings no more.
        #expect(app.bellSteps(seconds: 5).isEmpty)
    }

    @Test func withoutTheFlagThereIsNoBell() throws {
        for name in ["workshop-wait-or-lean-in", "still-face", "workshop-still-face"] {
            var app = try presenterApp(name)
            #expect(!app.bell, "off by default")
            var effects: [AppEffect] = []
            for _ in 0..<3 {
                for _ in 0..<900 { effects += app.update(.tick(seconds: 0.1)) }
                // Answer whatever is asked, so the run goes on.
                if let decision = app.session?.timeline.openDecision, let key = app.session?.scenario.decisions[decision].choices.first?.key
                {
                    effects += app.update(.key(.character(key)))
                }
            }
            #expect(!effects.contains(.bell), "\(name)")
        }
    }

    @Test func theBellRingsWhenAStillFaceBegins() throws {
        var app = try liveApp("still-face", width: 100, height: 30)
        app.bell = true
        app.update(.key(.character("+")))  // 2x, fewer ticks
        var rung: [Int] = []
        var began: [Int] = []
        var holding = false
        for _ in 0..<2_000 where app.screen.kind == .live {
            if app.update(.tick(seconds: 0.1)).contains(.bell) { rung.append(app.cursor) }
            let now = app.session?.timeline.now.simulation.dyads[0].caregiver.action == .stillFace
            if now && !holding { began.append(app.cursor) }
            holding = now
        }
        #expect(!began.isEmpty, "the scenario has a still face")
        #expect(rung == began, "a bell at each start of a still face, and at nothing else")
    }

    @Test func aRoomRingsWhenItsCaregiversGoStillAndNotWithoutTheFlag() throws {
        var rung: [Int] = []
        var began: [Int] = []
        for ringing in [true, false] {
            var app = try roomApp("still-face", babies: 6, speed: 8)
            app.bell = ringing
            var holding = false
            for _ in 0..<600 where app.screen.kind == .room {
                let asked = app.update(.tick(seconds: 0.1)).contains(.bell)
                let now = app.room?.timeline.now.room.babies[0].dyads[0].caregiver.action == .stillFace
                if ringing {
                    if asked { rung.append(app.room?.timeline.cursor ?? -1) }
                    if now && !holding { began.append(app.room?.timeline.cursor ?? -1) }
                } else {
                    #expect(!asked, "no bell without --bell")
                }
                holding = now
            }
        }
        #expect(!began.isEmpty, "the room reaches its still face")
        #expect(rung == began, "one bell as the room's caregivers go still, and at nothing else")
    }

    @Test func goingBackRingsNoBell() throws {
        var app = try presenterApp()
        app.bell = true
        _ = app.bellSteps(seconds: 20)
        #expect(app.session?.timeline.openDecision != nil)
        #expect(!app.update(.key(.left)).contains(.bell))
    }
}

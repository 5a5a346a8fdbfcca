import AttuneModel
import AttuneScenario
import Testing

@testable import AttuneUI

/// The keys a table's bindings take, found by trying every key a terminal
/// can send.
private let everyKey: [Key] =
    [.up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .escape, .backspace, .tab, .interrupt]
    + "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,+-=_?!".map { Key.character($0) }
    + "abcdefghijklmnopqrstuvwxyz".map { Key.control($0) }

@Suite("Key tables: one binding holds its keys, its help and its key-bar words")
struct KeyTableTests {
    @Test func theHelpOverlayListsEveryBindingOfEachScreenInOrder() {
        #expect(KeyMap.liveHelp == KeyMap.live.bindings.flatMap(\.helpRows))
        #expect(KeyMap.chooserHelp == KeyMap.chooser.bindings.flatMap(\.helpRows))
        #expect(KeyMap.debriefHelp == KeyMap.debrief.bindings.flatMap(\.helpRows))
        #expect(KeyMap.liveHelp.first == KeyHint(key: "Space", label: "pause, or play on"))
        #expect(KeyMap.liveHelp.contains(KeyHint(key: "", label: "  acting after going back starts a new future")))
    }

    @Test func noTwoBindingsOfAScreenTakeTheSameKey() throws {
        let session = try LiveSession(scenario: readyScenario("wait-or-chase"), seed: 1)
        for key in everyKey {
            let live = KeyMap.live.bindings.filter { $0.command(for: key, in: session) != nil }.map(\.id)
            #expect(live.count <= 1, "\(key) is taken by \(live)")
            let chooser = KeyMap.chooser.bindings.filter { $0.command(for: key, in: ()) != nil }.map(\.id)
            #expect(chooser.count <= 1, "\(key) is taken by \(chooser)")
            let debrief = KeyMap.debrief.bindings.filter { $0.command(for: key, in: ()) != nil }.map(\.id)
            #expect(debrief.count <= 1, "\(key) is taken by \(debrief)")
        }
    }

    @Test func everyLiveBindingIsReachableByAKey() throws {
        let session = try LiveSession(scenario: readyScenario("wait-or-chase"), seed: 1)
        var withSettings = session
        withSettings.settings = SettingsPanel()
        for binding in KeyMap.live.bindings where binding.id != "answer" {
            // The settings panel's keys work while it is open.
            let context = binding.id == "settingsKeys" ? withSettings : session
            #expect(everyKey.contains { binding.command(for: $0, in: context) != nil }, "\(binding.id) takes no key")
        }
    }

    @Test func aQuestionsAnswersComeBeforeEveryOtherKey() throws {
        var app = try liveApp("workshop-wait-or-lean-in", width: 100, height: 30)
        app.wait(seconds: 16)
        let session = try #require(app.session)
        let decision = try #require(session.timeline.openDecision)
        let choice = try #require(session.scenario.decisions[decision].choices.first)
        #expect(KeyMap.live.command(for: .character(choice.key), in: session) == .answer(choice: 0))
        // Without a question the same key means what it always means.
        let fresh = try LiveSession(scenario: readyScenario("workshop-wait-or-lean-in"), seed: 1)
        #expect(KeyMap.live.command(for: .character(choice.key), in: fresh) != .answer(choice: 0))
    }

    @Test func theKeyBarsComeFromTheBindings() {
        #expect(
            KeyMap.liveBar(paused: false, human: false, dyads: 2).map(\.key) == [
                "Space", "←/→", "c", "h", "Tab", "?", "q", "s", "+/-", ".", "r",
            ])
        #expect(KeyMap.liveBar(paused: true, human: false, dyads: 1).first == KeyHint(key: "Space", label: "play"))
        #expect(
            KeyMap.liveBar(paused: false, human: true, dyads: 1, whatIf: true).map(\.key) == [
                "1", "2", "3", "4", "5", "6", "h", "Space", "W", "?", "q", "s",
            ])
        // In her place, the key of what she does now is marked.
        #expect(
            KeyMap.liveBar(paused: false, human: true, dyads: 1, action: .wait).filter(\.isActive).map(\.label) == ["wait"])
        #expect(KeyMap.liveBar(paused: false, human: false, dyads: 1, action: .wait).allSatisfy { !$0.isActive })
        #expect(KeyMap.settingsBar(paused: true).map(\.key) == ["↑/↓", "←/→", "s", "Space", "?", "q"])
        #expect(KeyMap.settingsBar(paused: true).first { $0.key == "s" }?.label == "close settings")
        #expect(KeyMap.chooserBar.map(\.label) == ["choose", "start", "room of babies", "keys", "quit"])
        #expect(KeyMap.debriefBar.map(\.label) == ["replay", "scenes", "back to the run", "scroll", "quit"])
    }

    @Test func theDebriefIsAScreenWithItsOwnState() throws {
        var app = try liveApp("scene-a-waits")
        app.wait(seconds: 5)
        app.type("q")
        guard case let .debrief(debrief) = app.screen else {
            Issue.record("expected the debrief")
            return
        }
        #expect(debrief.session.isPaused)
        #expect(debrief.report == app.debrief)
        app.type("b")
        guard case let .live(session) = app.screen else {
            Issue.record("expected the run again")
            return
        }
        #expect(session.timeline.cursor == debrief.session.timeline.cursor)
    }
}

@Suite("The replay viewer, as a pure state machine")
struct ReplayViewerTests {
    private func viewer(paused: Bool = false, speed: Double = 1) throws -> (ReplayViewer, RecordedSession) {
        let session = try workshopSession()
        let replay = Replay(recording: session.recording, scenario: session.scenario)
        return (ReplayViewer(replay: replay, size: Size(width: 100, height: 30), speed: speed, paused: paused), session)
    }

    @Test func itPlaysTheEventsAtTheirRecordedTimesScaledByItsSpeed() throws {
        var (viewer, session) = try self.viewer(speed: 2)
        try viewer.update(.elapsed(seconds: 1))
        let given = session.recording.events.filter { $0.at <= 2 + 1e-9 }.count
        #expect(viewer.replay.position == given)
        #expect(viewer.tag == " replay 2x · Space pauses ")
        let next = session.recording.events[given].at
        #expect(abs((viewer.wakeDelaySeconds ?? -1) - (next - 2) / 2) < 1e-9)
    }

    @Test func pausedItWaits() throws {
        var (viewer, _) = try self.viewer(paused: true)
        try viewer.update(.elapsed(seconds: 5))
        #expect(viewer.replay.position == 0)
        #expect(viewer.wakeDelaySeconds == nil)
        #expect(viewer.tag == " replay paused · Space plays ")
        try viewer.update(.key(.character(" ")))
        try viewer.update(.elapsed(seconds: 5))
        #expect(viewer.replay.position > 0)
    }

    @Test func itsKeysChangeSpeedAndStop() throws {
        var (viewer, _) = try self.viewer()
        try viewer.update(.key(.character("+")))
        #expect(viewer.speed == 2)
        try viewer.update(.key(.character("-")))
        try viewer.update(.key(.character("-")))
        #expect(viewer.speed == 0.5)
        try viewer.update(.key(.character("x")))
        #expect(viewer.outcome == nil)
        try viewer.update(.key(.character("q")))
        #expect(viewer.outcome == .stopped)
        var other = try self.viewer().0
        try other.update(.key(.interrupt))
        #expect(other.outcome == .interrupted)
    }

    @Test func playedToTheEndItShowsTheSessionsLastScreenUnderItsTag() throws {
        var (viewer, session) = try self.viewer(speed: 32)
        while !viewer.isFinished { try viewer.update(.elapsed(seconds: 1)) }
        #expect(viewer.tag == " replay ended · q leaves ")
        let shown = viewer.frame.lines
        let original = try #require(session.frames.last).lines
        #expect(Array(shown.dropLast()) == Array(original.dropLast()))
        #expect(shown.last?.hasSuffix(" replay ended · q leaves ") == true)
    }
}

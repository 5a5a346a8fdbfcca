import AttuneModel
import AttuneScenario
import Foundation
import Testing

@testable import AttuneUI

extension AppState {
    /// Opens the settings, chooses the row of `key` for `target` and presses
    /// → (or ←) `times` times.
    mutating func changeSetting(_ target: LiveSetting.Target, _ key: String, up: Bool = true, times: Int = 1) {
        if session?.settings == nil { type("s") }
        let rows = SettingsPanel.rows(dyads: session?.timeline.dyadCount ?? 1)
        guard let row = rows.firstIndex(where: { $0.target == target && $0.key == key }) else { return }
        while let selected = session?.settings?.selected, selected != row { press(selected < row ? .down : .up) }
        for _ in 0..<times { press(up ? .right : .left) }
    }
}

@Suite("Live settings: the panel, the change, rewind and the debrief")
struct LiveSettingsTests {
    @Test func thePanelListsEveryParameterOfTheRegistryWithItsRangeAndValue() throws {
        var app = try liveApp("wait-or-chase", width: 120, height: 60, paused: true)
        #expect(app.screenLines.last?.contains("s  settings") == true)
        app.type("s")
        let text = app.screenText
        #expect(text.contains("Settings · the run goes on from each change"))
        #expect(text.contains("The baby (every caregiver meets the same baby)"))
        #expect(text.contains("Waits · waits, then greets") && text.contains("Chases · leans in"))
        let simulation = try #require(app.session?.timeline.now.simulation)
        for parameter in ParameterCatalog.infant {
            let shown = SettingsPanel.format(simulation.infant[keyPath: parameter.field], unit: parameter.spec.unit)
            let row = try #require(app.screenLines.first { $0.contains(" " + SettingWords.name(parameter.key) + " ") }, "\(parameter.key)")
            #expect(row.contains(shown) && row.contains(SettingsPanel.range(parameter.spec)), "\(row)")
        }
        let rows = SettingsPanel.rows(dyads: 2)
        #expect(rows.count == ParameterCatalog.infant.count + 2 * ParameterCatalog.caregiver.count)
        #expect(rows.filter { $0.target == .caregiver(dyad: 1) }.map(\.key) == ParameterCatalog.caregiver.map(\.key))
        #expect(app.screenLines.last?.hasPrefix(" ↑/↓  choose   ←/→  change   s  close settings") == true)
        // The faces stay in view above the panel.
        #expect(text.contains("Waits · waits, then greets ──"))
        app.type("s")
        #expect(!app.screenText.contains("Settings · the run goes on"))
    }

    @Test func thePanelFitsEightyByTwentyFourAndStaysASCIIWithAscii() throws {
        var app = try liveApp("scene-b-chases", width: 80, height: 24, ascii: true, paused: true)
        app.type("s")
        app.press(.down, .down, .down, .down, .down)
        let lines = app.screenLines
        #expect(lines.count == 24 && lines.allSatisfy { $0.count == 80 })
        #expect(isASCII(app.screenText))
        #expect(lines.contains { $0.contains("> patience") }, "the chosen row scrolled into view")
        #expect(lines.contains { $0.contains("< 1 s >") })
    }

    @Test func aChangeBranchesTheRunFromThatMomentAsARewindDoes() throws {
        var app = try liveApp("scene-b-chases", width: 100, height: 30, seed: 3)
        app.wait(seconds: 10)
        let step = app.cursor
        app.changeSetting(.caregiver(dyad: 0), "patience", times: 3)
        let session = try #require(app.session)
        let made = (session.timeline.inputs[step] ?? []).compactMap { input -> LiveSetting? in
            if case let .set(setting) = input { setting } else { nil }
        }
        #expect(made.map(\.value) == [2, 3, 4], "three presses from 1 s: \(made)")
        #expect(session.timeline.now.simulation.dyads[0].caregiver.parameters.patienceSeconds == 4)
        #expect(session.currentNotice?.text == "You made the caregiver more patient through look-aways (patience from 3 s to 4 s).")
        app.type("s")
        app.wait(seconds: 20)
        // The same run made by hand: the scenario and seed, the same change at the same step.
        var expected = Timeline(scenario: try readyScenario("scene-b-chases"), seed: 3)
        while expected.cursor < step { expected.step() }
        for setting in made { expected.branch(with: .set(setting)) }
        while expected.cursor < app.cursor { expected.step() }
        #expect(history(app) == Array(expected.samples.prefix(app.cursor)))
        // And it differs from the run without the change.
        var unchanged = Timeline(scenario: try readyScenario("scene-b-chases"), seed: 3)
        while unchanged.cursor < app.cursor { unchanged.step() }
        #expect(history(app) != Array(unchanged.samples.prefix(app.cursor)))
    }

    @Test func aChangeIsUndoneByGoingBackAndReplayedByGoingForward() throws {
        var app = try liveApp("wait-or-chase", width: 100, height: 30, seed: 2)
        app.wait(seconds: 12)
        app.changeSetting(.infant, "reactivity", times: 4)
        let after = try #require(app.session?.timeline.now.simulation.infant.reactivity)
        #expect(abs(after - 0.7) < 1e-9)
        app.type("s")
        app.wait(seconds: 6)
        app.press(.left, .left)
        #expect(app.session?.timeline.now.simulation.infant.reactivity == 0.5, "back before the change")
        app.press(.right, .right)
        #expect(app.session?.timeline.now.simulation.infant.reactivity == after, "the change replays")
        // Going back and acting before it starts a new future without it.
        app.press(.left, .left)
        app.type("c")
        #expect(app.session?.timeline.now.simulation.infant.reactivity == 0.5)
        app.wait(seconds: 10)
        #expect(app.session?.timeline.now.simulation.infant.reactivity == 0.5)
        app.type("q")
        #expect(app.debrief?.changes.isEmpty == true)
    }

    @Test func theDebriefSaysWhatChangedAndWhenInPlainWords() throws {
        var app = try liveApp("scene-a-waits", width: 100, height: 30, seed: 1)
        app.wait(seconds: 40)
        app.type(" ")
        app.changeSetting(.infant, "reactivity", times: 6)
        app.changeSetting(.infant, "age_months", up: false, times: 1)
        app.type(" ")
        app.wait(seconds: 5)
        app.changeSetting(.caregiver(dyad: 0), "energy", times: 1)
        app.type("q")
        let report = try #require(app.debrief)
        #expect(
            report.changes == [
                "At 0:40 you made the baby more easily stirred (reactivity from 0.50 to 0.80).",
                "At 0:40 you made the baby younger (age from 4 months to 3 months).",
                "At 0:45 you made the caregiver livelier in her play (energy from 0.60 to 0.65).",
            ])
        #expect(report.plainText.contains("What you changed\n  - At 0:40 you made the baby more easily stirred"))
        #expect(app.screenText.contains("What you changed"))
    }

    @Test func aValueStopsAtTheEndOfItsRangeAndSaysSo() throws {
        var app = try liveApp("scene-a-waits", width: 100, height: 30, paused: true)
        app.changeSetting(.infant, "age_months", times: 20)
        #expect(app.session?.timeline.now.simulation.infant.ageMonths == 12)
        #expect(app.session?.currentNotice?.text == "The baby's age is at its highest, 12 months.")
        #expect(app.settingChanges == 8, "4 to 12 months: eight changes, not twenty")
    }

    @Test func steppedValuesLandOnTheIncrementsAndStayInRange() throws {
        let share = try #require(ParameterCatalog.infant.first { $0.key == "reactivity" }?.spec)
        #expect(SettingsPanel.stepped(0.68, spec: share, up: true) == 0.7)
        #expect(SettingsPanel.stepped(0.68, spec: share, up: false) == 0.65)
        #expect(SettingsPanel.stepped(0.7, spec: share, up: true) == 0.75)
        #expect(SettingsPanel.stepped(1, spec: share, up: true) == 1)
        #expect(SettingsPanel.stepped(0, spec: share, up: false) == 0)
        let reaction = try #require(ParameterCatalog.caregiver.first { $0.key == "reaction" }?.spec)
        #expect(SettingsPanel.stepped(0.8, spec: reaction, up: true) == 0.9)
        #expect(SettingsPanel.format(0.9, unit: .seconds) == "0.9 s")
        #expect(SettingsPanel.format(12, unit: .seconds) == "12 s")
        #expect(SettingsPanel.format(1, unit: .months) == "1 month")
    }

    @Test func theChooserSaysHowToReachTheThingsToTry() throws {
        let app = AppState(chooser: [try readyScenario("scene-b-chases")], size: Size(width: 120, height: 50))
        let text = app.screenText
        #expect(text.contains("(press s, then patience to 4 s)"))
        #expect(text.contains("In the run, s opens the settings"))
    }

    @Test func everyParameterHasItsPlainWords() {
        for key in ParameterCatalog.infant.map(\.key) + ParameterCatalog.caregiver.map(\.key) {
            #expect(SettingWords.phrases[key] != nil, "\(key) has no words for the debrief")
        }
    }

    /// The "things to try" that change a parameter say how to reach it in
    /// the settings panel: "press s, then NAME to VALUE", with a name the
    /// panel shows and a value within its range that ← and → reach.
    @Test(arguments: ReadyScenarios.names)
    func theThingsToTryAreReachableFromThePanel(name: String) throws {
        let scenario = try readyScenario(name)
        let pattern = try NSRegularExpression(pattern: "press s, then (?:under (\\w+), )?([a-z ]+?) to ([0-9.]+)( s| months)?\\b")
        for item in scenario.tryThis {
            #expect(!item.contains("(set "), "\(name): \(item) names a path; the panel reaches it")
            let matches = pattern.matches(in: item, range: NSRange(item.startIndex..., in: item))
            #expect(item.contains(ChooserView.settingsTry) == !matches.isEmpty, "\(name): \(item)")
            for match in matches {
                func group(_ i: Int) -> String? { Range(match.range(at: i), in: item).map { String(item[$0]) } }
                let who = group(1)
                let key = try #require(group(2))
                let value = try #require(group(3).flatMap(Double.init))
                let target: LiveSetting.Target =
                    who.flatMap { label in scenario.plan.dyads.firstIndex { $0.label == label } }.map { .caregiver(dyad: $0) }
                    ?? (ParameterCatalog.infant.contains { SettingWords.name($0.key) == key } ? .infant : .caregiver(dyad: 0))
                let row = SettingsPanel.rows(dyads: scenario.plan.dyads.count).first {
                    $0.target == target && SettingWords.name($0.key) == key
                }
                let found = try #require(row, "\(name): \(item): the panel has no \(key) for \(target)")
                let spec = SettingsPanel.spec(found)
                #expect(spec.range.contains(value), "\(name): \(item)")
                let steps = value / SettingsPanel.increment(spec)
                #expect(abs(steps - steps.rounded()) < 1e-6, "\(name): \(item): ← and → reach \(value)")
            }
        }
    }
}

@Suite("Recordings of settings changes")
struct SettingsRecordingTests {
    /// A recorded run of "Wait or chase?" with settings changed while it
    /// played, while paused, and after going back.
    func session() throws -> RecordedSession {
        var session = RecordedSession(try readyScenario("wait-or-chase"))
        session.wait(seconds: 4)
        session.press(.character("s"))
        session.press(.down)
        session.press(.right)
        session.press(.right)
        session.wait(seconds: 3)
        session.press(.character(" "))
        for _ in 0..<7 { session.press(.down) }
        session.press(.left)
        session.press(.character(" "))
        session.press(.character("s"))
        session.wait(seconds: 3)
        session.press(.left)
        session.press(.character("s"))
        session.press(.right)
        session.wait(seconds: 4)
        session.press(.character("q"))
        return session
    }

    @Test func aSettingsChangeIsWrittenAsASetLineAfterItsKey() throws {
        let session = try session()
        let text = RecordingFormat.encode(session.recording)
        let sets = text.split(separator: "\n").filter { $0.contains("\"set\"") }
        #expect(sets.count == 4)
        #expect(sets.first?.contains("\"set\":\"infant.reactivity\"") == true)
        #expect(sets.contains { $0.contains("\"set\":\"dyads.0.caregiver.") })
        let events = session.recording.events
        for (index, event) in events.enumerated() {
            guard case let .setting(_, step, _) = event else { continue }
            guard case let .key(_, key, keyStep, _) = events[index - 1] else {
                Issue.record("a set line follows its key")
                continue
            }
            #expect(key == .right || key == .left)
            #expect(step == keyStep)
        }
        #expect(try RecordingFormat.decode(text) == session.recording)
    }

    @Test func aRecordingWithSettingsChangesReplaysTheSameFramesAndTheSameRun() throws {
        let session = try session()
        let read = try RecordingFormat.decode(RecordingFormat.encode(session.recording))
        var replay = Replay(recording: read, scenario: session.scenario)
        var frames: [Frame] = []
        while !replay.isAtEnd {
            let event = try replay.advance()
            if case .setting = event { continue }
            frames.append(AppView.render(replay.state))
        }
        #expect(frames.count == session.frames.count)
        let differing = zip(frames, session.frames).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        #expect(differing == nil, "frame \(differing ?? -1) differs")
        #expect(replay.state.debrief == session.state.debrief)
        let report = try #require(replay.state.debrief)
        #expect(report.changes.count == 2, "the change made after going back replaced the later one: \(report.changes)")
        #expect(history(replay.state) == history(session.state))
    }

    @Test func anEditedSetLineIsRefused() throws {
        let session = try session()
        var recording = session.recording
        let index = try #require(recording.events.firstIndex { if case .setting = $0 { true } else { false } })
        guard case let .setting(at, step, setting) = recording.events[index] else { return }
        var changed = setting
        changed.value += 0.05
        recording.events[index] = .setting(at: at, step: step, setting: changed)
        var replay = Replay(recording: recording, scenario: session.scenario)
        let error = #expect(throws: RecordingError.self) { try replay.advanceToEnd() }
        #expect(error?.message.contains("the recording says infant.reactivity went from") == true)
        // Without the set line, the change the key made is named.
        var cut = session.recording
        cut.events.remove(at: index)
        var cutReplay = Replay(recording: cut, scenario: session.scenario)
        let missing = #expect(throws: RecordingError.self) { try cutReplay.advanceToEnd() }
        #expect(missing?.message.contains("but the recording has no set line for it") == true)
    }

    @Test func aSetLineNamingNoSettingIsRefused() throws {
        let text = RecordingFormat.encode(try session().recording)
        let edited = text.replacingOccurrences(of: "\"set\":\"infant.reactivity\"", with: "\"set\":\"infant.colour\"")
        #expect(throws: RecordingError.self) { _ = try RecordingFormat.decode(edited) }
    }
}

import AttuneModel
import AttuneScenario
import AttuneTestSupport
import Foundation
import Testing

@testable import AttuneUI

/// How a scripted player chooses what the caregiver does.
enum PlayerStyle: CaseIterable, Sendable {
    /// Sits back as soon as the baby looks away, greets its return, then plays.
    case waits
    /// Leans in half a second after the baby looks away, sits back six
    /// seconds later, plays again once it is back.
    case chases
    /// Leans in half a second after the baby looks away and keeps on.
    case leansIn
    /// Presses an action key now and then, at random.
    case random
}

/// A run of `scenario` with the keyboard in caregiver `dyad`'s place from
/// the start, played by `style` for up to `seconds`.
func playedRun(_ scenario: Scenario, seed: UInt64, dyad: Int = 0, style: PlayerStyle, seconds: Double = 120)
    -> (timeline: Timeline, lines: [Coach.Line])
{
    var timeline = Timeline(scenario: scenario, seed: seed)
    timeline.branch(with: .policy(dyad: dyad, .human))
    var generator = SplitMix64(seed: seed &* 31 &+ 7)
    var lines: [Coach.Line] = []
    var awaySteps = 0
    let limit = Int(seconds / timeline.stepSeconds)
    while !timeline.isFinished && timeline.cursor < limit {
        if timeline.cursor > 0 {
            let last = timeline.sample(step: timeline.cursor - 1, dyad: dyad)
            awaySteps = last.gaze == .atCaregiver ? 0 : awaySteps + 1
            var choice: CaregiverAction?
            switch style {
            case .waits:
                if awaySteps == 1 { choice = .wait }
                if awaySteps == 0 && last.action == .wait { choice = .greet }
                if awaySteps == 0 && last.action == .greet && generator.next() % 20 == 0 { choice = .play }
            case .chases:
                // Leans in after half a second, sits back after six more.
                if awaySteps == 5 { choice = .intrude }
                if awaySteps == 65 { choice = .wait }
                if awaySteps == 0 && last.action != .play && generator.next() % 10 == 0 { choice = .play }
            case .leansIn:
                if awaySteps == 5 { choice = .intrude }
            case .random:
                if generator.next() % 30 == 0 {
                    let actions: [CaregiverAction] = [.play, .greet, .wait, .soothe, .intrude, .play, .wait, .stillFace]
                    choice = actions[Int(generator.next() % UInt64(actions.count))]
                }
            }
            if let choice { timeline.branch(with: .act(dyad: dyad, choice)) }
        }
        timeline.step()
        if let line = timeline.now.coach.lines[dyad], line != lines.last { lines.append(line) }
    }
    return (timeline, lines)
}

/// Checks one coaching line against the run's recorded steps: every number
/// and every claim in it must be what the model did. Returns what is
/// wrong, or nothing.
func coachProblems(_ line: Coach.Line, dyad d: Int, timeline: Timeline) -> [String] {
    let dt = timeline.stepSeconds
    let text = line.text
    let at = line.step
    func sample(_ j: Int) -> DyadSample { timeline.sample(step: j, dyad: d) }
    func seconds(_ steps: Int) -> String { TextFormatting.seconds(Double(steps) * dt) }
    func capture(_ pattern: String) -> [String]? {
        guard let regex = try? NSRegularExpression(pattern: pattern),
            let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
        else { return nil }
        return (1..<match.numberOfRanges).map { i in
            Range(match.range(at: i), in: text).map { String(text[$0]) } ?? ""
        }
    }
    var problems: [String] = []
    func expect(_ condition: Bool, _ what: String) {
        if !condition { problems.append("\(what) — line at step \(at): \(text)") }
    }
    /// The step the look-away told of began: the newest step up to `at`
    /// (before it, if the baby is back at `at`) where the gaze left her.
    func lookAwayStart() -> Int? {
        var j = sample(at).gaze == .atCaregiver ? at - 1 : at
        while j >= 0 {
            if sample(j).gaze != .atCaregiver && (j == 0 || sample(j - 1).gaze == .atCaregiver) { return j }
            j -= 1
        }
        return nil
    }
    /// The step the action at step `j` began (-1: before the run's first step).
    func actionStart(_ j: Int) -> Int {
        var q = j
        while q >= 1 && sample(q - 1).action == sample(j).action { q -= 1 }
        return q == 0 && j >= 0 ? -1 : q
    }

    if text.hasPrefix("The baby looked around the room for ") {
        guard let start = lookAwayStart(),
            let parts = capture("^The baby looked around the room for ([0-9.]+ s), curious, and came back to you\\.$")
        else { return ["an unknown look-around line: \(text)"] }
        expect(sample(at).gaze == .atCaregiver, "the baby is back")
        expect((start..<at).allSatisfy { sample($0).behavior == .exploring }, "it looked around the room all along")
        expect(parts[0] == seconds(at - start), "it looked around for \(seconds(at - start))")
        return problems
    }
    /// Seconds the baby needs to turn back if she sits back from step
    /// `from` on, by the model (the same run, rewound and played on), or nil
    /// past ``Coach/counterfactualSeconds``.
    func settling(from: Int) -> Double? {
        var copy = timeline
        copy.seek(to: from + 1)
        copy.branch(with: .act(dyad: d, .wait))
        var taken = 0
        while !copy.isFinished && taken < Int((Coach.counterfactualSeconds / dt).rounded()) {
            copy.step()
            taken += 1
            if copy.sample(step: copy.cursor - 1, dyad: d).gaze == .atCaregiver { return Double(taken) * dt }
        }
        return nil
    }
    if let parts = capture(
        "^The baby has been turned away for ([0-9.]+ s) while you ([a-z ]+?)(; left to settle from now, it would need about ([0-9]+ s))?\\.$"
    ) {
        guard let start = lookAwayStart() else { return ["no look-away began before: \(text)"] }
        expect(sample(at).gaze != .atCaregiver, "the baby is away")
        expect(parts[0] == seconds(at - start), "away for \(seconds(at - start))")
        expect(parts[1] == Coach.doing(sample(at).action), "she is doing \(sample(at).action)")
        let needed = settling(from: at)
        expect(parts[3] == (needed.map(TextFormatting.wholeSeconds) ?? ""), "from now it needs \(needed ?? -1) s")
        return problems
    }
    if text.hasPrefix("The baby looked away") {
        guard let start = lookAwayStart() else { return ["no look-away began before: \(text)"] }
        let returned = sample(at).gaze == .atCaregiver
        let before = start > 0 ? sample(start - 1).action : .play
        let lasted = start - actionStart(start - 1)
        // What she was doing when it turned.
        if let parts = capture("^The baby looked away ([0-9.]+ s) into your play") {
            expect(before == .play, "she was playing")
            expect(parts[0] == seconds(lasted), "play had lasted \(seconds(lasted))")
        } else if let parts = capture("^The baby looked away ([0-9.]+ s) after your greeting") {
            expect(before == .greet, "she was greeting")
            expect(parts[0] == seconds(lasted), "the greeting had lasted \(seconds(lasted))")
        } else {
            let whiles: [(String, CaregiverAction)] = [
                ("while you leaned in close", .intrude), ("while you waited", .wait), ("while you soothed it", .soothe),
                ("from your still face", .stillFace), ("while you looked elsewhere", .disengage),
            ]
            let said = whiles.first { text.hasPrefix("The baby looked away " + $0.0) }
            expect(said?.1 == before, "she was doing \(before)")
        }
        // What she did next, and when.
        let end = returned ? at : at
        let change = (max(1, start)...max(1, end)).first { $0 <= end && sample($0).action != sample($0 - 1).action }
        if let parts = capture("; you ([a-z ]+?) ([0-9.]+ s) later") {
            guard let change else { return problems + ["no change of action after the look-away: \(text)"] }
            expect(parts[0] == Coach.did(sample(change).action), "she then did \(sample(change).action)")
            expect(parts[1] == seconds(change - start), "she changed after \(seconds(change - start))")
            if let reach = capture(", then ([a-z ]+?) at ([0-9.]+ s)") {
                let next = ((change + 1)...max(change + 1, end)).first {
                    $0 <= end && sample($0).action != sample($0 - 1).action && Coach.reachesIn(sample($0).action)
                }
                guard let next else { return problems + ["no reach after the first change: \(text)"] }
                expect(reach[0] == Coach.did(sample(next).action), "she then did \(sample(next).action)")
                expect(reach[1] == seconds(next - start), "she reached in at \(seconds(next - start))")
            }
        } else {
            expect(change == nil || change! > end, "she did not change what she did (changed at \(change ?? -1))")
        }
        guard returned else {
            expect(!text.contains("came back"), "the baby is still away")
            return problems
        }
        // She reached in if she leaned in, played or greeted after the step
        // it turned, while it was away.
        let reached = (start + 1..<at).contains { Coach.reachesIn(sample($0).action) }
        if let parts = capture("It came back on its own after ([0-9.]+ s): that is how long it needed to settle\\.$") {
            expect(!reached, "nobody reached in while it was away")
            expect(parts[0] == seconds(at - start), "it was away \(seconds(at - start))")
        } else if let parts = capture("It came back after ([0-9.]+ s)[.;]") {
            expect(reached, "she reached in while it was away")
            expect(parts[0] == seconds(at - start), "it was away \(seconds(at - start))")
            if let settle = capture("left to settle, it would have needed about ([0-9]+ s)\\.$") {
                // The model's own answer: the same run from the step it began
                // to calm down, with her sitting back at once.
                let calming = (start..<at).first { sample($0).behavior != .exploring } ?? start
                guard let after = settling(from: calming) else { return problems + ["it would not have settled: \(text)"] }
                let needed = Double(calming - start) * dt + after
                expect(settle[0] == TextFormatting.wholeSeconds(needed), "left to settle it needed \(needed) s")
                expect(needed + 0.5 < Double(at - start) * dt, "it needed less than it took")
            }
        } else {
            problems.append("no return told: \(text)")
        }
        return problems
    }
    if let parts = capture("^You and the baby were back in step after ([0-9.]+ s): a repair\\.$") {
        expect(sample(at).coordinated && sample(at).events.contains(.repair), "a repair at this step")
        var since = at - 1
        while since > 0 && !sample(since - 1).coordinated { since -= 1 }
        expect(since >= 0 && !sample(since).coordinated, "out of step before")
        expect(parts[0] == seconds(at - since), "out of step for \(seconds(at - since))")
        return problems
    }
    let events = sample(at).events
    if text.hasPrefix("The baby began to cry") {
        expect(events.contains(.infantCries), "it began to cry at this step")
    } else if text.hasPrefix("The baby pushed at your face") {
        expect(events.contains(.infantPushesAway), "it pushed away at this step")
    } else if let parts = capture("^The baby began to fuss while you ([a-z ]+?)\\. ") {
        expect(events.contains(.infantFusses), "it began to fuss at this step")
        expect(parts[0] == Coach.doing(sample(at).action), "she was doing \(sample(at).action)")
    } else if let parts = capture("^The baby called to you while you ([a-z ]+?): a bid\\.") {
        expect(events.contains(.infantBids), "it bid at this step")
        expect(parts[0] == Coach.doing(sample(at).action), "she was doing \(sample(at).action)")
    } else {
        problems.append("a line the check does not know: \(text)")
    }
    return problems
}

@Suite("Coaching: what the line says is what the model did")
struct CoachTests {
    @Test(arguments: ["scene-a-waits", "scene-b-chases", "history-of-intrusion", "still-face", "wait-or-chase"])
    func everyNumberInEveryLineIsTrue(name: String) throws {
        let scenario = try readyScenario(name)
        var told = 0
        var kinds = Set<String>()
        for seed in [1, 2, 5] as [UInt64] {
            for style in PlayerStyle.allCases {
                let dyad = scenario.plan.dyads.count - 1
                let run = playedRun(scenario, seed: seed, dyad: dyad, style: style)
                for line in run.lines {
                    let problems = coachProblems(line, dyad: dyad, timeline: run.timeline)
                    #expect(problems.isEmpty, "\(name) seed \(seed) \(style): \(problems)")
                    told += 1
                    kinds.insert(String(line.text.prefix(24)))
                }
            }
        }
        #expect(told >= 20, "the player was coached (\(told) lines)")
        #expect(kinds.contains { $0.hasPrefix("The baby looked away") }, "look-aways were told: \(kinds)")
    }

    @Test func aLineAboutWaitingAndOneAboutLeaningInAreBothSaid() throws {
        let scenario = try readyScenario("scene-b-chases")
        let waited = (1...4).flatMap { playedRun(scenario, seed: $0, style: .waits).lines.map(\.text) }
        let chased = (1...4).flatMap { playedRun(scenario, seed: $0, style: .chases).lines.map(\.text) }
        #expect(waited.contains { $0.contains("; you sat back ") && $0.contains("It came back on its own after ") })
        #expect(chased.contains { $0.contains("; you leaned in ") && $0.contains("left to settle, it would have needed about ") })
        let leaned = playedRun(scenario, seed: 1, style: .leansIn).lines.map(\.text)
        #expect(leaned.contains { $0.contains("while you leaned in; left to settle from now, it would need about ") })
    }

    @Test func theCheckItselfCatchesAWrongNumber() throws {
        let scenario = try readyScenario("scene-b-chases")
        let run = playedRun(scenario, seed: 1, style: .chases)
        let line = try #require(run.lines.first { $0.text.contains("It came back after ") })
        let wrong = Coach.Line(
            text: line.text.replacingOccurrences(of: "It came back after ", with: "It came back after 1"), step: line.step,
            priority: line.priority)
        #expect(!coachProblems(wrong, dyad: 0, timeline: run.timeline).isEmpty)
        let early = Coach.Line(text: line.text, step: line.step - 1, priority: line.priority)
        #expect(!coachProblems(early, dyad: 0, timeline: run.timeline).isEmpty)
    }

    @Test func noLineBlames() throws {
        let scenario = try readyScenario("scene-b-chases")
        let texts = PlayerStyle.allCases.flatMap { playedRun(scenario, seed: 3, style: $0).lines.map(\.text) }
        for text in Set(texts) {
            for word in ["wrong", "should", "bad", "mistake", "fail", "too slow", "too fast", "ignored"] {
                #expect(!text.lowercased().contains(word), "\(text)")
            }
        }
    }

    @Test func theCoachingLineShowsOnlyInHerPlaceAndTheKeyBarMarksTheActionInForce() throws {
        var app = try liveApp("scene-b-chases", width: 100, height: 30)
        app.wait(seconds: 2)
        #expect(!app.screenText.contains("Coach:"))
        app.type("h")
        #expect(app.screenText.contains("Coach: when the baby looks away"))
        app.type("3")
        app.wait(seconds: 0.3)
        #expect(app.screenLines.last?.contains("3 ▸wait") == true)
        app.type("5")
        app.wait(seconds: 0.3)
        #expect(app.screenLines.last?.contains("5 ▸lean in") == true)
        #expect(app.screenLines.last?.contains("3  wait") == true)
        // The line, once said, is the coach's newest, as the run shows it.
        app.type("1")
        var said: String?
        for _ in 0..<600 where said == nil {
            app.wait(seconds: 0.1)
            if let session = app.session, let line = session.timeline.now.coach.line(dyad: 0, at: session.timeline.cursor) {
                said = line.text
            }
        }
        let text = try #require(said)
        let shown = app.screenLines.drop { !$0.contains("Coach: ") }.prefix(2).joined(separator: " ")
        #expect(shown.replacingOccurrences(of: "   ", with: " ").contains(String(text.prefix(30))))
        // The presenter layout shows the same line, whole, under the caption.
        app.presenter = true
        let presented = app.screenLines.suffix(PresenterView.captionRows(height: 30))
        let coachRows = presented.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.drop { !$0.contains("Coach: ") }
        let words = coachRows.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(words == "Coach: " + text)
        for size in [Size(width: 80, height: 24), Size(width: 200, height: 60)] {
            app.update(.resize(size))
            #expect(app.screenText.contains("Coach: "))
        }
        app.presenter = false
        app.type("h")
        #expect(!app.screenText.contains("Coach:"))
        app.presenter = true
        #expect(!app.screenText.contains("Coach:"))
    }
}

@Suite("The player beside the attuned caregiver")
struct PlayerComparisonTests {
    @Test func theStandInIsTheAttunedCaregiverWithTheSameBabyAndSeed() throws {
        let scenario = try readyScenario("scene-b-chases")
        let run = playedRun(scenario, seed: 4, style: .chases, seconds: 60)
        let comparison = try #require(PlayerComparison.all(timeline: run.timeline).first)
        // The attuned caregiver from the step the keyboard took her place.
        var attuned = Timeline(scenario: scenario, seed: 4)
        attuned.branch(with: .policy(dyad: 0, .attuned))
        while attuned.cursor < run.timeline.cursor { attuned.step() }
        let mask = Array(repeating: true, count: run.timeline.cursor)
        #expect(comparison.standIn == CaregiverFigures(timeline: attuned, dyad: 0, counted: mask))
        #expect(comparison.player == CaregiverFigures(timeline: run.timeline, dyad: 0, counted: mask))
        #expect(attuned.now.simulation.infant == run.timeline.now.simulation.infant, "the same baby")
        #expect(comparison.other == .attuned && comparison.from == 0 && comparison.to == 60)
    }

    @Test func theFiguresSayWhatThePlayerDid() throws {
        let scenario = try readyScenario("scene-b-chases")
        let waited = try #require(PlayerComparison.all(timeline: playedRun(scenario, seed: 2, style: .waits).timeline).first)
        #expect(waited.player.lookAways > 0)
        #expect(waited.player.leanedIn == 0 && waited.player.satBack == waited.player.lookAways)
        #expect(waited.player.medianSitBack.map { abs($0 - 0.1) < 1e-9 } == true, "sat back the step after it turned")
        let chased = try #require(PlayerComparison.all(timeline: playedRun(scenario, seed: 2, style: .chases).timeline).first)
        #expect(chased.player.lookAways > 0)
        #expect(chased.player.leanedIn == chased.player.lookAways)
        #expect(chased.player.medianSitBack.map { abs($0 - 6.5) < 1e-9 } == true, "sat back after leaning in for six seconds")
    }

    @Test func theDebriefOfAPlayedRunEndsWithTheComparison() throws {
        var app = try liveApp("scene-b-chases", width: 100, height: 30, seed: 2)
        app.type("h")
        app.wait(seconds: 30)
        app.type("q")
        let report = try #require(app.debrief)
        let comparison = try #require(report.players.first)
        let text = report.plainText
        let heading = try #require(text.range(of: "You in her place, beside the attuned caregiver"))
        #expect(text[heading.upperBound...].contains("you  attuned caregiver"))
        #expect(text.hasSuffix(comparison.table.map { "  " + $0 }.joined(separator: "\n") + "\n"))
        // The sentences give the table's own figures.
        let percents = (TextFormatting.percent(comparison.player.inStepPercent), TextFormatting.percent(comparison.standIn.inStepPercent))
        #expect(comparison.summary.contains("The pair was in step \(percents.0) of the time with you, \(percents.1) with"))
        #expect(comparison.summary.contains("came back \(DebriefReport.times(comparison.player.lookAways))."))
        #expect(text.contains("look-aways"))
        #expect(text.contains("repairs"))
        // On screen, the comparison is the debrief's last part.
        var shown = app
        shown.press(.end)
        #expect(shown.screenText.contains("time upset"))
        // A run nobody played has none.
        var watched = try liveApp("scene-b-chases", width: 100, height: 30, seed: 2)
        watched.wait(seconds: 30)
        watched.type("q")
        #expect(watched.debrief?.players.isEmpty == true)
        #expect(watched.debrief?.plainText.contains("You in her place") == false)
    }
}

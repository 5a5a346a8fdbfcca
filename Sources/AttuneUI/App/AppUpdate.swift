import AttuneModel
import AttuneScenario

extension AppState {
    /// The most steps one tick may take (at 32× and 0.1 s steps a tick of
    /// up to 1 s needs 320).
    static let maximumStepsPerTick = 2_000

    /// Applies one message: the app's only way to change.
    /// - Returns: what the shell should do for the app (load scenarios).
    @discardableResult
    public mutating func update(_ message: AppMessage) -> [AppEffect] {
        switch message {
        case let .tick(seconds):
            if tick(seconds: seconds) { touch() }
            return []
        case let .resize(newSize):
            size = newSize
            touch()
            return []
        case let .scenariosLoaded(scenarios):
            chooser.scenarios = scenarios
            chooser.selected = min(chooser.selected, max(0, scenarios.count - 1))
            chooser.isLoading = false
            touch()
            return []
        case let .key(key):
            touch()
            return press(key)
        }
    }

    // MARK: - Time

    /// Advances the run by `seconds` of wall-clock time at its speed.
    /// Returns true when a step was taken.
    private mutating func tick(seconds: Double) -> Bool {
        guard isRunning, var session else { return false }
        let wall = min(max(seconds, 0), 1)
        var noticeExpired = false
        if let notice = session.notice {
            session.notice?.shownSeconds += wall
            noticeExpired = notice.shownSeconds < Notice.lifetimeSeconds && notice.shownSeconds + wall >= Notice.lifetimeSeconds
        }
        let dt = session.timeline.stepSeconds
        session.owedSeconds += wall * session.speed
        var steps = Int((session.owedSeconds + 1e-9) / dt)
        steps = min(steps, Self.maximumStepsPerTick)
        session.owedSeconds = max(0, session.owedSeconds - Double(steps) * dt)
        guard steps > 0 else {
            self.session = session
            return noticeExpired
        }
        for _ in 0..<steps {
            session.timeline.step()
            if session.timeline.isFinished || session.timeline.openDecision != nil { break }
        }
        if session.timeline.openDecision != nil && !session.timeline.isFinished {
            session.isPaused = true
            session.owedSeconds = 0
        }
        self.session = session
        if session.timeline.isFinished { openDebrief() }
        return true
    }

    // MARK: - Keys

    private mutating func press(_ key: Key) -> [AppEffect] {
        switch key {
        case .interrupt:
            outcome = .interrupted
            return []
        case .resize, .tick:
            return []
        default:
            break
        }
        if isHelpShown {
            isHelpShown = false
            return []
        }
        if key == .character("?") {
            isHelpShown = true
            return []
        }
        switch screen {
        case .chooser: return pressInChooser(key)
        case .live:
            if pressInLive(key) { openDebrief() }
            return []
        case .debrief: return pressInDebrief(key)
        }
    }

    private mutating func pressInChooser(_ key: Key) -> [AppEffect] {
        let count = chooser.scenarios.count
        switch key {
        case .up, .character("k"):
            chooser.selected = max(0, chooser.selected - 1)
        case .down, .character("j"):
            chooser.selected = max(0, min(count - 1, chooser.selected + 1))
        case .home, .pageUp:
            chooser.selected = 0
        case .end, .pageDown:
            chooser.selected = max(0, count - 1)
        case .enter, .character(" "):
            // A scene too long to keep whole is shown, with why, but not started.
            guard chooser.selected < count, Timeline.tooLong(chooser.scenarios[chooser.selected]) == nil else { return [] }
            start(chooser.scenarios[chooser.selected])
        case .character("q"), .escape:
            outcome = .quit(summary: nil)
        default:
            break
        }
        return []
    }

    /// Starts a fresh run of `scenario` on the live screen.
    mutating func start(_ scenario: Scenario) {
        session = LiveSession(scenario: scenario, seed: seedOverride ?? scenario.seed, speed: startSpeed)
        debrief = nil
        debriefScroll = 0
        screen = .live
    }

    /// Handles a key on the live screen; returns true when the debrief
    /// should open (the run ended, or `q`).
    private mutating func pressInLive(_ key: Key) -> Bool {
        guard var session else { return false }
        defer { self.session = session }
        let dt = session.timeline.stepSeconds
        let fiveSeconds = max(1, Int((5 / dt).rounded()))
        if let decision = session.timeline.openDecision, !session.timeline.isFinished {
            let point = session.scenario.decisions[decision]
            switch key {
            case let .character(character):
                if let choice = point.choices.firstIndex(where: { $0.key == character }) {
                    answer(decision: decision, choice: choice, on: &session)
                    return false
                }
                if character == " " || character == "." {
                    session.notice = Notice("Choose an answer to go on: " + DecisionText.choices(point) + ".")
                    return false
                }
            default:
                break
            }
        }
        switch key {
        case .character(" "):
            if session.timeline.isFinished { return true }
            session.isPaused.toggle()
            session.owedSeconds = 0
        case .character("."):
            if !session.isPaused {
                session.isPaused = true
                session.owedSeconds = 0
            } else if !session.timeline.isFinished {
                session.timeline.step()
                return session.timeline.isFinished
            }
        case .character("+"), .character("="):
            session.speed = Speed.faster(than: session.speed)
            session.notice = Notice("Speed \(TextFormatting.speed(session.speed)).")
        case .character("-"), .character("_"):
            session.speed = Speed.slower(than: session.speed)
            session.notice = Notice("Speed \(TextFormatting.speed(session.speed)).")
        case .left:
            let before = session.timeline.cursor
            session.timeline.seek(to: before - fiveSeconds)
            session.owedSeconds = 0
            let at = TextFormatting.clock(session.timeline.seconds)
            let text = before == 0
                ? "This is the start of the run."
                : "Back to \(at). Play on to see the same moments again, or act to try something new from here."
            session.notice = Notice(text)
        case .right:
            let before = session.timeline.cursor
            session.timeline.seek(to: before + fiveSeconds)
            session.owedSeconds = 0
            let text = session.timeline.cursor == before
                ? "This is the newest moment: nothing is recorded after it yet."
                : "Forward to \(TextFormatting.clock(session.timeline.seconds))"
                    + (session.timeline.isRewound ? ", replaying what happened." : ", the newest moment.")
            session.notice = Notice(text)
            return session.timeline.isFinished
        case .character("r"):
            session = LiveSession(
                scenario: session.scenario, seed: session.timeline.seed, speed: session.speed, paused: session.isPaused)
            session.notice = Notice("Started again from the beginning, with the same seed.")
        case .tab:
            session.selectedDyad = (session.selectedDyad + 1) % max(1, session.timeline.dyadCount)
            let label = session.scenario.plan.dyads[session.selectedDyad].label
            session.notice = Notice("Keys now act on \(label).")
        case .character("c"):
            let d = session.selectedDyad
            let next = KeyMap.policy(after: session.policy(dyad: d) == .human ? (session.policyBeforeHuman[d] ?? .anxious) : session.policy(dyad: d))
            act(.policy(dyad: d, next), on: &session, saying: "now follows the \(next.word) policy: she \(KeyMap.meaning(of: next)).")
            session.policyBeforeHuman[d] = nil
        case .character("h"):
            let d = session.selectedDyad
            let current = session.policy(dyad: d)
            if current == .human {
                let back = session.policyBeforeHuman[d] ?? .attuned
                act(.policy(dyad: d, back), on: &session, saying: "is back to the \(back.word) policy: she \(KeyMap.meaning(of: back)).")
                session.policyBeforeHuman[d] = nil
            } else {
                session.policyBeforeHuman[d] = current
                act(.policy(dyad: d, .human), on: &session, saying: "is in your hands: keys 1 to 6 choose what she does.")
            }
        case let .character(character) where KeyMap.action(for: character) != nil:
            let d = session.selectedDyad
            let action = KeyMap.action(for: character)!
            if session.policy(dyad: d) != .human {
                session.policyBeforeHuman[d] = session.policy(dyad: d)
                act(.policy(dyad: d, .human), on: &session, saying: "is in your hands.")
            }
            act(.act(dyad: d, action), on: &session, saying: "- you chose: \(KeyMap.label(for: action)).")
        case .character(KeyMap.whatIfKey):
            whatIf(on: &session)
        case .character("q"), .escape:
            return true
        default:
            break
        }
        return false
    }

    /// Answers the open decision with `choice` and plays on.
    private func answer(decision: Int, choice: Int, on session: inout LiveSession) {
        let point = session.scenario.decisions[decision]
        let picked = point.choices[choice]
        for d in session.timeline.now.decisions.dyads(of: decision) {
            let current = session.policy(dyad: d)
            if case .action = picked.effect, current != .human { session.policyBeforeHuman[d] = current }
            if case .caregiver = picked.effect { session.policyBeforeHuman[d] = nil }
        }
        session.timeline.branch(with: .decide(decision: decision, choice: choice))
        session.isPaused = false
        session.owedSeconds = 0
        var text = "You chose: \(picked.label)."
        if !session.scenario.decisions.isEmpty {
            text += " Press \(KeyMap.whatIfKey) to go back to this question and try another answer."
        }
        session.notice = Notice(text)
    }

    /// Goes back to the latest answered question, keeping the path taken
    /// so far for the debrief.
    private func whatIf(on session: inout LiveSession) {
        guard let decision = session.timeline.now.decisions.latestAnswered(atOrBefore: session.timeline.cursor) else {
            session.notice = Notice(
                session.scenario.decisions.isEmpty
                    ? "This scene has no questions to go back to."
                    : "There is no answered question to go back to yet.")
            return
        }
        session.timeline.seek(to: session.timeline.recordedSteps)
        session.branches.append(DecisionBranch(timeline: session.timeline))
        session.timeline.reopen(decision: decision)
        session.isPaused = true
        session.owedSeconds = 0
        let kept = session.branches.count
        session.notice = Notice(
            "Back to the question at \(TextFormatting.clock(session.timeline.seconds)). "
                + "\(kept == 1 ? "The path you took is" : "The \(kept) paths you took are") kept for the end. Choose again.")
    }

    /// Gives `input` to the run (starting a new future when rewound) and
    /// leaves a notice naming the caregiver.
    private func act(_ input: LiveInput, on session: inout LiveSession, saying text: String) {
        let wasRewound = session.timeline.isRewound
        session.timeline.branch(with: input)
        let label = session.scenario.plan.dyads[session.selectedDyad].label
        var sentence = "The caregiver (\(label)) \(text)"
        if case .act = input { sentence = "\(label) \(text)" }
        if wasRewound {
            sentence = "A new future from \(TextFormatting.clock(session.timeline.seconds)). " + sentence
        }
        session.notice = Notice(sentence)
    }

    /// Pauses the run and opens the debrief of what has happened so far.
    mutating func openDebrief() {
        guard var session else { return }
        session.isPaused = true
        session.owedSeconds = 0
        self.session = session
        let branches = session.branches.isEmpty ? [] : session.branches + [DecisionBranch(timeline: session.timeline)]
        debrief = DebriefReport(timeline: session.timeline, branches: branches)
        debriefScroll = 0
        screen = .debrief
    }

    private mutating func pressInDebrief(_ key: Key) -> [AppEffect] {
        let page = max(1, size.height - 4)
        defer { debriefScroll = min(max(0, debriefScroll), DebriefView.maximumScroll(self)) }
        switch key {
        case .up, .character("k"):
            debriefScroll = max(0, debriefScroll - 1)
        case .down, .character("j"), .enter:
            debriefScroll += 1
        case .pageUp:
            debriefScroll = max(0, debriefScroll - page)
        case .pageDown, .character(" "):
            debriefScroll += page
        case .home:
            debriefScroll = 0
        case .end:
            debriefScroll = Int.max / 2
        case .character("r"):
            if let scenario = session?.scenario { start(scenario) }
        case .character("b"), .escape:
            if session != nil { screen = .live }
        case .character("s"):
            screen = .chooser
            if chooser.scenarios.isEmpty {
                chooser.isLoading = true
                return [.loadScenarios]
            }
        case .character("q"):
            outcome = .quit(summary: debrief.map { ascii ? TextFormatting.ascii($0.plainText) : $0.plainText })
        default:
            break
        }
        return []
    }
}

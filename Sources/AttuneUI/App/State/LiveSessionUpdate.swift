import AttuneModel
import AttuneScenario

extension LiveSession: PlayedSession {
    /// What a key on the live screen leads to, beyond the session itself.
    enum KeyResult: Equatable {
        /// Stay on the live screen.
        case stay
        /// The run ended, or `q`: open the debrief.
        case openDebrief
    }

    /// Handles a key through the live screen's bindings (``KeyMap/live``).
    mutating func handle(_ key: Key) -> KeyResult {
        guard let command = KeyMap.live.command(for: key, in: self) else {
            notice = Notice(Self.unknownKeyHint(key, session: self))
            return .stay
        }
        return perform(command)
    }

    /// A short hint for a key the live screen does not use: what to press
    /// instead (the answers while a question waits; the lowercase key
    /// when Caps Lock may be on; otherwise `?` for the keys).
    static func unknownKeyHint(_ key: Key, session: LiveSession) -> String {
        if let decision = session.timeline.openDecision, !session.timeline.isFinished {
            return "Choose an answer to go on: " + DecisionText.choices(session.scenario.decisions[decision]) + "."
        }
        return KeyMap.unknownKeyHint(key) { KeyMap.live.command(for: $0, in: session) != nil }
    }

    /// Carries out one command of the live screen.
    mutating func perform(_ command: LiveCommand) -> KeyResult {
        switch command {
        case let .answer(choice):
            if let decision = timeline.openDecision { answer(decision: decision, choice: choice) }
        case let .play(playback):
            if perform(playback: playback) { return .openDebrief }
        case .restart:
            let panel = settings
            self = LiveSession(scenario: scenario, seed: timeline.seed, speed: speed, paused: isPaused)
            settings = panel
            notice = Notice("Started again from the beginning, with the same seed.")
        case .nextSide:
            selectedDyad = (selectedDyad + 1) % max(1, timeline.dyadCount)
            let label = scenario.plan.dyads[selectedDyad].label
            notice = Notice("Keys now act on \(label).")
        case .switchPolicy, .takeOrHandBack, .act:
            // After the end nothing more happens: a key that would change
            // what she does must not rewrite the finished run.
            if timeline.isFinished {
                notice = Notice(Self.endedHint)
                return .stay
            }
            return change(command)
        case .whatIf:
            whatIf()
        case .toggleSettings:
            if settings == nil {
                settings = SettingsPanel()
                notice = Notice("Settings: ↑ and ↓ choose, ← and → change; the run goes on from the moment you change one.")
            } else {
                settings = nil
                notice = nil
            }
        case let .settingsMove(up):
            guard var panel = settings else { return .stay }
            let count = SettingsPanel.rows(dyads: timeline.dyadCount).count
            panel.selected = min(max(0, panel.selected + (up ? -1 : 1)), max(0, count - 1))
            settings = panel
        case let .settingsChange(up):
            changeSetting(up: up)
        case .end:
            return .openDebrief
        case .help, .leave:
            // The app answers these for every screen.
            break
        }
        return .stay
    }

    /// What a key that would change the caregiver says once the run has ended.
    static let endedHint = "The run has ended. Press ← to go back and try something else from there, or q to see what happened."

    /// Carries out a command that changes what the selected caregiver does.
    private mutating func change(_ command: LiveCommand) -> KeyResult {
        switch command {
        case .switchPolicy:
            let d = selectedDyad
            let next = KeyMap.policy(after: policy(dyad: d) == .human ? (policyBeforeHuman[d] ?? .anxious) : policy(dyad: d))
            act(.policy(dyad: d, next), saying: "now \(KeyMap.doing(next)).")
            policyBeforeHuman[d] = nil
        case .takeOrHandBack:
            let d = selectedDyad
            let current = policy(dyad: d)
            if current == .human {
                let back = policyBeforeHuman[d] ?? .attuned
                act(.policy(dyad: d, back), saying: "is back in her own hands: she \(KeyMap.doing(back)).")
                policyBeforeHuman[d] = nil
            } else {
                policyBeforeHuman[d] = current
                act(.policy(dyad: d, .human), saying: "is in your hands: keys 1 to 6 choose what she does.")
            }
        case let .act(action):
            let d = selectedDyad
            if policy(dyad: d) != .human {
                policyBeforeHuman[d] = policy(dyad: d)
                act(.policy(dyad: d, .human), saying: "is in your hands.")
            }
            act(.act(dyad: d, action), saying: "- you chose: \(KeyMap.label(for: action)).")
        default:
            break
        }
        return .stay
    }

    /// Answers the open decision with `choice` and plays on.
    private mutating func answer(decision: Int, choice: Int) {
        let point = scenario.decisions[decision]
        let picked = point.choices[choice]
        for d in timeline.now.decisions.dyads(of: decision) {
            let current = policy(dyad: d)
            if case .action = picked.effect, current != .human { policyBeforeHuman[d] = current }
            if case .caregiver = picked.effect { policyBeforeHuman[d] = nil }
        }
        timeline.branch(with: .decide(decision: decision, choice: choice))
        isPaused = false
        owedSeconds = 0
        var text = "You chose: \(picked.label)."
        if !scenario.decisions.isEmpty {
            text += " Press \(KeyMap.whatIfKey) to go back to this question and try another answer."
        }
        notice = Notice(text)
    }

    /// Moves the chosen parameter of the settings panel one increment up
    /// or down, from the current step on (a new future when rewound).
    private mutating func changeSetting(up: Bool) {
        guard let panel = settings else { return }
        let rows = SettingsPanel.rows(dyads: timeline.dyadCount)
        guard rows.indices.contains(panel.selected) else { return }
        let row = rows[panel.selected]
        let spec = SettingsPanel.spec(row)
        let name = SettingWords.name(row.key)
        let labels = scenario.plan.dyads.map(\.label)
        guard !timeline.isFinished else {
            notice = Notice("The run has ended. Go back (←, after closing the settings) to change something from an earlier moment.")
            return
        }
        guard let current = timeline.now.simulation.value(of: row.target, key: row.key) else { return }
        let next = SettingsPanel.stepped(current, spec: spec, up: up)
        guard abs(next - current) > 1e-9 else {
            let end = up ? "highest" : "lowest"
            notice = Notice(
                "\(SettingWords.possessive(SettingWords.subject(row.target, labels: labels)).capitalisedFirst) \(name) is at its \(end), \(SettingsPanel.format(current, unit: spec.unit))."
            )
            return
        }
        let setting = LiveSetting(target: row.target, key: row.key, from: current, value: next)
        let wasRewound = timeline.isRewound
        timeline.branch(with: .set(setting))
        madeSetting = setting
        var text = "You \(SettingWords.made(setting, labels: labels))."
        if wasRewound { text = "A new future from \(TextFormatting.clock(timeline.seconds)). " + text }
        notice = Notice(text)
    }

    /// Gives `input` to the run (starting a new future when rewound) and
    /// leaves a notice naming the caregiver.
    private mutating func act(_ input: LiveInput, saying text: String) {
        let wasRewound = timeline.isRewound
        timeline.branch(with: input)
        let label = scenario.plan.dyads[selectedDyad].label
        var sentence = "The caregiver (\(label)) \(text)"
        if case .act = input { sentence = "\(label) \(text)" }
        if wasRewound {
            sentence = "A new future from \(TextFormatting.clock(timeline.seconds)). " + sentence
        }
        notice = Notice(sentence)
    }

    func followTimeline() {}

    func wentBack(to clock: String) -> String {
        "Back to \(clock). Play on to see the same moments again, or act to try something new from here."
    }

    mutating func keepBranch() -> Int {
        branches.append(DecisionBranch(timeline: timeline))
        return branches.count
    }
}

import AttuneModel
import AttuneScenario

/// Every key of the live app, for the key bars and the help overlay, and
/// the keys that choose the caregiver's action in the `human` place.
public enum KeyMap {
    /// The keys that choose what the caregiver does while the keyboard has
    /// her place, in order: 1 play, 2 greet, 3 wait, 4 soothe, 5 lean in,
    /// 6 still face.
    public static let actionKeys: [(key: Character, action: CaregiverAction)] = [
        ("1", .play), ("2", .greet), ("3", .wait), ("4", .soothe), ("5", .intrude), ("6", .stillFace),
    ]

    /// The action a key chooses, if it is one of ``actionKeys``.
    public static func action(for key: Character) -> CaregiverAction? {
        actionKeys.first(where: { $0.key == key })?.action
    }

    /// A short label for an action on the key bar.
    public static func label(for action: CaregiverAction) -> String {
        switch action {
        case .play: "play"
        case .greet: "greet"
        case .wait: "wait"
        case .soothe: "soothe"
        case .intrude: "lean in"
        case .stillFace: "still face"
        case .disengage: "look away"
        }
    }

    /// The "what if" key: back to the latest answered question of a
    /// scenario's decision points, to choose again (`W`, a capital letter,
    /// so that it never clashes with a choice's lowercase key).
    public static let whatIfKey: Character = "W"

    /// The key bar while a decision point waits for an answer: its choices
    /// first, then going back, what if, the keys and the end.
    public static func decisionBar(_ point: DecisionPoint, whatIf: Bool) -> [KeyHint] {
        var hints = point.choices.map { KeyHint(key: String($0.key), label: $0.label) }
        if whatIf { hints.append(KeyHint(key: String(whatIfKey), label: "earlier question")) }
        hints += [
            KeyHint(key: "←", label: "5 s back"),
            KeyHint(key: "?", label: "keys"),
            KeyHint(key: "q", label: "end"),
        ]
        return hints
    }

    /// The policies `c` cycles through, in order.
    public static let policyCycle: [Policy] = [.attuned, .intrusive, .withdrawn, .stillFace, .goodEnough, .anxious]

    /// The policy after `policy` in ``policyCycle`` (`human` goes to the
    /// first).
    public static func policy(after policy: Policy) -> Policy {
        guard let index = policyCycle.firstIndex(of: policy) else { return policyCycle[0] }
        return policyCycle[(index + 1) % policyCycle.count]
    }

    /// What a policy means, in a few plain words.
    public static func meaning(of policy: Policy) -> String {
        switch policy {
        case .attuned: "waits through look-aways, greets the return, soothes distress"
        case .intrusive: "leans in to win the baby's gaze back"
        case .withdrawn: "slow and flat, often elsewhere"
        case .stillFace: "holds a still, unresponsive face"
        case .goodEnough: "means well, sometimes misreads, then repairs"
        case .anxious: "waits, but her worry shortens her patience"
        case .human: "you choose what she does"
        }
    }

    /// The key bar of the live screen, most needed first (the bar leaves
    /// out from the right what does not fit).
    /// - Parameters:
    ///   - paused: the run is paused (the first hint says "play").
    ///   - human: the selected caregiver is in the keyboard's hands (the
    ///     action keys come first).
    ///   - dyads: how many dyads are shown (Tab appears with two or more).
    ///   - whatIf: a question has been answered, so `W` can go back to it
    ///     (default false).
    public static func liveBar(paused: Bool, human: Bool, dyads: Int, whatIf: Bool = false) -> [KeyHint] {
        if human {
            var hints = actionKeys.map { KeyHint(key: String($0.key), label: label(for: $0.action)) }
            hints.append(KeyHint(key: "h", label: "hand back"))
            hints.append(KeyHint(key: "Space", label: paused ? "play" : "pause"))
            if whatIf { hints.append(KeyHint(key: String(whatIfKey), label: "what if")) }
            if dyads > 1 { hints.append(KeyHint(key: "Tab", label: "side")) }
            hints.append(KeyHint(key: "?", label: "keys"))
            hints.append(KeyHint(key: "q", label: "end"))
            return hints
        }
        var hints = [
            KeyHint(key: "Space", label: paused ? "play" : "pause"),
            KeyHint(key: "←/→", label: "5 s"),
            KeyHint(key: "c", label: "policy"),
            KeyHint(key: "h", label: "you act"),
        ]
        if whatIf { hints.append(KeyHint(key: String(whatIfKey), label: "what if")) }
        if dyads > 1 { hints.append(KeyHint(key: "Tab", label: "side")) }
        hints += [
            KeyHint(key: "?", label: "keys"),
            KeyHint(key: "q", label: "end"),
            KeyHint(key: "+/-", label: "speed"),
            KeyHint(key: ".", label: "step"),
            KeyHint(key: "r", label: "restart"),
        ]
        return hints
    }

    /// Every key of the live screen, for the help overlay.
    public static let liveHelp: [KeyHint] = [
        KeyHint(key: "Space", label: "pause, or play on"),
        KeyHint(key: ".", label: "one step (0.1 s) while paused"),
        KeyHint(key: "+  -", label: "faster, slower (0.25x to 32x)"),
        KeyHint(key: "←  →", label: "back, forward 5 s through the run"),
        KeyHint(key: "", label: "  acting after going back starts a new future"),
        KeyHint(key: "r", label: "start the run again"),
        KeyHint(key: "c", label: "switch the caregiver's policy"),
        KeyHint(key: "h", label: "take the caregiver's place, or hand it back"),
        KeyHint(key: "1 ... 6", label: "in her place: play, greet, wait, soothe,"),
        KeyHint(key: "", label: "  lean in, still face"),
        KeyHint(key: "Tab", label: "switch side (with two caregivers)"),
        KeyHint(key: "a ... z", label: "answer a question the scene asks"),
        KeyHint(key: "W", label: "what if: back to the last question,"),
        KeyHint(key: "", label: "  to try another answer"),
        KeyHint(key: "?", label: "show or hide these keys"),
        KeyHint(key: "q", label: "end the run and see what happened"),
        KeyHint(key: "Ctrl-C", label: "leave at once"),
    ]

    /// The key bar of the chooser.
    public static let chooserBar: [KeyHint] = [
        KeyHint(key: "↑/↓", label: "choose"),
        KeyHint(key: "Enter", label: "start"),
        KeyHint(key: "?", label: "keys"),
        KeyHint(key: "q", label: "quit"),
    ]

    /// Every key of the chooser, for the help overlay.
    public static let chooserHelp: [KeyHint] = [
        KeyHint(key: "↑  ↓  or  k  j", label: "choose a scene"),
        KeyHint(key: "Home  End", label: "first, last scene"),
        KeyHint(key: "Enter", label: "start the scene"),
        KeyHint(key: "?", label: "show or hide these keys"),
        KeyHint(key: "q  Esc", label: "quit"),
    ]

    /// The key bar of the debrief.
    public static let debriefBar: [KeyHint] = [
        KeyHint(key: "r", label: "replay"),
        KeyHint(key: "s", label: "scenes"),
        KeyHint(key: "b", label: "back to the run"),
        KeyHint(key: "↑/↓", label: "scroll"),
        KeyHint(key: "q", label: "quit"),
    ]

    /// Every key of the debrief, for the help overlay.
    public static let debriefHelp: [KeyHint] = [
        KeyHint(key: "↑  ↓  or  k  j", label: "scroll a line"),
        KeyHint(key: "PgUp  PgDn", label: "scroll a page"),
        KeyHint(key: "r", label: "replay the scene from the start"),
        KeyHint(key: "s", label: "back to the scenes"),
        KeyHint(key: "b", label: "back to the run, paused"),
        KeyHint(key: "?", label: "show or hide these keys"),
        KeyHint(key: "q", label: "quit and print the figures"),
    ]
}

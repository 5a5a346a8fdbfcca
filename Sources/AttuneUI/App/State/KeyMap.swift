import AttuneModel
import AttuneScenario

/// The keys of each screen, each binding with its help text and its key-bar
/// hints (see ``KeyBinding``), and the keys that choose the caregiver's
/// action in the `human` place.
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

    /// The settings key: opens and closes the settings panel (``SettingsPanel``).
    public static let settingsKey: Character = "s"

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

    /// What the caregiver does under a policy, as a sentence's verb
    /// phrase ("leans in to win the baby's gaze back"), for the notices of
    /// `c` and `h`: actions, never a label for the person.
    public static func doing(_ policy: Policy) -> String {
        switch policy {
        case .attuned: "waits through look-aways, greets the baby's return and soothes distress"
        case .intrusive: "leans in to win the baby's gaze back"
        case .withdrawn: "is slow and flat, and often looks elsewhere"
        case .stillFace: "holds a still, unresponsive face"
        case .goodEnough: "means well, sometimes misreads the baby, then repairs"
        case .anxious: "waits, but her worry shortens her patience"
        case .human: "does what you choose"
        }
    }

    // MARK: - The live screen

    /// The live screen's bindings, in the order of its help overlay.
    public static let live = KeyTable<LiveCommand, LiveSession>([
        .pause(LiveCommand.play), .step(LiveCommand.play), .speed(LiveCommand.play),
        KeyBinding(
            id: "seek", keys: [(.left, .play(.back)), (.right, .play(.forward))], helpKeys: "←  →",
            help: ["back, forward 5 s through the run", "acting after going back starts a new future"]
        ) { $0.question ? [KeyHint(key: "←", label: "5 s back")] : [KeyHint(key: "←/→", label: "5 s")] },
        KeyBinding(id: "restart", keys: [(.character("r"), .restart)], helpKeys: "r", help: ["start the run again"]) { _ in
            [KeyHint(key: "r", label: "restart")]
        },
        KeyBinding(id: "policy", keys: [(.character("c"), .switchPolicy)], helpKeys: "c", help: ["switch the caregiver's policy"]) { _ in
            [KeyHint(key: "c", label: "policy")]
        },
        KeyBinding(
            id: "human", keys: [(.character("h"), .takeOrHandBack)], helpKeys: "h", help: ["take the caregiver's place, or hand it back"]
        ) { [KeyHint(key: "h", label: $0.human ? "hand back" : "you act")] },
        KeyBinding(
            id: "actions", keys: actionKeys.map { (.character($0.key), .act($0.action)) }, helpKeys: "1 ... 6",
            help: ["in her place: play, greet, wait, soothe,", "lean in, still face (▸ on the key bar: hers now)"]
        ) { context in
            actionKeys.map { KeyHint(key: String($0.key), label: label(for: $0.action), isActive: context.action == $0.action) }
        },
        KeyBinding(
            id: "settings", keys: [(.character(settingsKey), .toggleSettings)], helpKeys: String(settingsKey),
            help: ["settings: the baby's and the caregivers' parameters"]
        ) { [KeyHint(key: String(settingsKey), label: $0.settings ? "close settings" : "settings")] },
        KeyBinding(
            id: "settingsKeys", helpKeys: "↑ ↓ ← →", help: ["in the settings: choose one, change it from now on"],
            bar: { $0.settings ? [KeyHint(key: "↑/↓", label: "choose"), KeyHint(key: "←/→", label: "change")] : [] },
            precedence: 1
        ) { key, session in
            guard session.settings != nil else { return nil }
            switch key {
            case .up: return .settingsMove(up: true)
            case .down: return .settingsMove(up: false)
            case .right: return .settingsChange(up: true)
            case .left: return .settingsChange(up: false)
            case .escape: return .toggleSettings
            default: return nil
            }
        },
        KeyBinding(id: "side", keys: [(.tab, .nextSide)], helpKeys: "Tab", help: ["switch side (with two caregivers)"]) {
            $0.dyads > 1 ? [KeyHint(key: "Tab", label: "side")] : []
        },
        KeyBinding(id: "answer", helpKeys: "a ... z", help: ["answer a question the scene asks"], precedence: 1) { key, session in
            guard case let .character(character) = key, let decision = session.timeline.openDecision, !session.timeline.isFinished,
                let choice = choice(for: character, in: session.scenario.decisions[decision])
            else { return nil }
            return .answer(choice: choice)
        },
        KeyBinding(
            id: "whatIf", keys: [(.character(whatIfKey), .whatIf)], helpKeys: String(whatIfKey),
            help: ["what if: back to the last question,", "to try another answer"]
        ) { $0.whatIf ? [KeyHint(key: String(whatIfKey), label: $0.question ? "earlier question" : "what if")] : [] },
        KeyBinding(id: "help", keys: [(.character("?"), .help)], helpKeys: "?", help: ["show or hide these keys"]) { _ in
            [KeyHint(key: "?", label: "keys")]
        },
        KeyBinding(id: "end", keys: [(.character("q"), .end), (.escape, .end)], helpKeys: "q", help: ["end the run and see what happened"])
        {
            _ in [KeyHint(key: "q", label: "end")]
        },
        KeyBinding(id: "leave", keys: [(.interrupt, .leave)], helpKeys: "Ctrl-C", help: ["leave at once"]),
    ])

    /// The order of the live screen's key bar, most needed first (the bar
    /// leaves out from the right what does not fit).
    static let liveBarOrder = [
        "pause", "seek", "policy", "human", "whatIf", "side", "help", "end", "settings", "speed", "step", "restart",
    ]
    /// The order of the key bar while the keyboard has the caregiver's place.
    static let humanBarOrder = ["actions", "human", "pause", "whatIf", "side", "help", "end", "settings"]
    /// The order of the key bar while the settings panel is open.
    static let settingsBarOrder = ["settingsKeys", "settings", "pause", "help", "end"]
    /// The order of the key bar while a question waits, after its choices.
    static let questionBarOrder = ["whatIf", "seek", "help", "end"]

    /// The key bar of the live screen.
    /// - Parameters:
    ///   - paused: the run is paused (the first hint says "play").
    ///   - human: the selected caregiver is in the keyboard's hands (the
    ///     action keys come first).
    ///   - dyads: how many dyads are shown (Tab appears with two or more).
    ///   - whatIf: a question has been answered, so `W` can go back to it
    ///     (default false).
    ///   - action: what the selected caregiver does now, marked among the
    ///     action keys while the keyboard has her place (default nil).
    public static func liveBar(
        paused: Bool, human: Bool, dyads: Int, whatIf: Bool = false, action: CaregiverAction? = nil
    ) -> [KeyHint] {
        let context = BarContext(paused: paused, human: human, dyads: dyads, whatIf: whatIf, action: human ? action : nil)
        return live.bar(human ? humanBarOrder : liveBarOrder, context)
    }

    /// The key bar while the settings panel is open: choose and change,
    /// close, pause or play, the keys, the end.
    public static func settingsBar(paused: Bool) -> [KeyHint] {
        live.bar(settingsBarOrder, BarContext(paused: paused, settings: true))
    }

    /// The key bar while a decision point waits for an answer: its choices
    /// first, then going back, what if, the keys and the end. A choice
    /// whose key is `w` answers to `W` too (Caps Lock), so the bar then
    /// leaves out going back to the earlier question.
    public static func decisionBar(_ point: DecisionPoint, whatIf: Bool) -> [KeyHint] {
        let whatIfFree = choice(for: whatIfKey, in: point) == nil
        return point.choices.map { KeyHint(key: String($0.key), label: $0.label) }
            + live.bar(questionBarOrder, BarContext(whatIf: whatIf && whatIfFree, question: true))
    }

    /// The choice of `point` that `character` answers: its own key, or the
    /// same letter in the other case, so that answers work with Caps Lock
    /// on (`W` answers `w`); nil when it answers none.
    public static func choice(for character: Character, in point: DecisionPoint) -> Int? {
        if let exact = point.choices.firstIndex(where: { $0.key == character }) { return exact }
        return point.choices.firstIndex(where: { $0.key.lowercased() == character.lowercased() })
    }

    /// A short hint for a key a screen does not use: the lowercase key
    /// when Caps Lock may be on and that key does something (`works`),
    /// otherwise `?` for the keys.
    static func unknownKeyHint(_ key: Key, works: (Key) -> Bool) -> String {
        let name = name(of: key)
        if case let .character(character) = key, character.isUppercase,
            let lower = character.lowercased().first, works(.character(lower))
        {
            return "\(name) does nothing here; \(lower) does (is Caps Lock on?). Press ? for the keys."
        }
        return "\(name) does nothing here. Press ? for the keys."
    }

    /// A key's name as a hint speaks of it: the character itself, or the
    /// key's name ("Enter", "↑").
    static func name(of key: Key) -> String {
        switch key {
        case let .character(character): character == " " ? "Space" : String(character)
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "Page Up"
        case .pageDown: "Page Down"
        case .home: "Home"
        case .end: "End"
        case .enter: "Enter"
        case .escape: "Esc"
        case .backspace: "Backspace"
        case .tab: "Tab"
        case let .control(character): "Ctrl-\(String(character).uppercased())"
        case .resize, .tick, .interrupt: "That key"
        }
    }

    /// Every key of the live screen, for the help overlay.
    public static var liveHelp: [KeyHint] { live.helpRows }

    // MARK: - The chooser

    /// The chooser's bindings, in the order of its help overlay.
    public static let chooser = KeyTable<ChooserCommand, Void>([
        KeyBinding(
            id: "move", keys: [(.up, .up), (.character("k"), .up), (.down, .down), (.character("j"), .down)],
            helpKeys: "↑  ↓  or  k  j", help: ["choose a scene"]
        ) { _ in [KeyHint(key: "↑/↓", label: "choose")] },
        KeyBinding(
            id: "ends", keys: [(.home, .first), (.pageUp, .first), (.end, .last), (.pageDown, .last)], helpKeys: "Home  End",
            help: ["first, last scene"]),
        KeyBinding(id: "start", keys: [(.enter, .start), (.character(" "), .start)], helpKeys: "Enter", help: ["start the scene"]) { _ in
            [KeyHint(key: "Enter", label: "start")]
        },
        KeyBinding(
            id: "room", keys: [(.character("r"), .room)], helpKeys: "r",
            help: ["a room of \(RoomSession.defaultBabies) babies, each different, in the scene"]
        ) { _ in [KeyHint(key: "r", label: "room of babies")] },
        KeyBinding(id: "help", keys: [(.character("?"), .help)], helpKeys: "?", help: ["show or hide these keys"]) { _ in
            [KeyHint(key: "?", label: "keys")]
        },
        KeyBinding(id: "quit", keys: [(.character("q"), .quit), (.escape, .quit)], helpKeys: "q  Esc", help: ["quit"]) { _ in
            [KeyHint(key: "q", label: "quit")]
        },
    ])

    /// The key bar of the chooser.
    public static var chooserBar: [KeyHint] { chooser.bar(["move", "start", "room", "help", "quit"], BarContext()) }

    /// Every key of the chooser, for the help overlay.
    public static var chooserHelp: [KeyHint] { chooser.helpRows }

    // MARK: - The debrief

    /// The debrief's bindings, in the order of its help overlay.
    public static let debrief = KeyTable<DebriefCommand, Void>([
        KeyBinding(
            id: "scroll",
            keys: [(.up, .lineUp), (.character("k"), .lineUp), (.down, .lineDown), (.character("j"), .lineDown), (.enter, .lineDown)],
            helpKeys: "↑  ↓  or  k  j", help: ["scroll a line"]
        ) { _ in [KeyHint(key: "↑/↓", label: "scroll")] },
        KeyBinding(
            id: "page",
            keys: [(.pageUp, .pageUp), (.pageDown, .pageDown), (.character(" "), .pageDown), (.home, .top), (.end, .bottom)],
            helpKeys: "PgUp  PgDn", help: ["scroll a page"]),
        KeyBinding(id: "replay", keys: [(.character("r"), .replay)], helpKeys: "r", help: ["replay the scene from the start"]) { _ in
            [KeyHint(key: "r", label: "replay")]
        },
        KeyBinding(id: "scenes", keys: [(.character("s"), .scenes)], helpKeys: "s", help: ["back to the scenes"]) { _ in
            [KeyHint(key: "s", label: "scenes")]
        },
        KeyBinding(id: "back", keys: [(.character("b"), .back), (.escape, .back)], helpKeys: "b", help: ["back to the run, paused"]) { _ in
            [KeyHint(key: "b", label: "back to the run")]
        },
        KeyBinding(id: "help", keys: [(.character("?"), .help)], helpKeys: "?", help: ["show or hide these keys"]),
        KeyBinding(id: "quit", keys: [(.character("q"), .quit)], helpKeys: "q", help: ["quit and print the figures"]) { _ in
            [KeyHint(key: "q", label: "quit")]
        },
    ])

    /// The key bar of the debrief.
    public static var debriefBar: [KeyHint] { debrief.bar(["replay", "scenes", "back", "scroll", "quit"], BarContext()) }

    /// Every key of the debrief, for the help overlay.
    public static var debriefHelp: [KeyHint] { debrief.helpRows }
}

/// What a key asks of a run played in time, alike on the live screen and
/// in the room.
public enum PlaybackCommand: Hashable, Sendable {
    /// Pause, or play on (at the end: open the debrief).
    case togglePause
    /// One step while paused (pauses first while playing).
    case step
    /// A faster speed.
    case faster
    /// A slower speed.
    case slower
    /// Five seconds back.
    case back
    /// Five seconds forward through what is recorded.
    case forward
}

extension KeyBinding where Command: Equatable {
    /// Space: pause, or play on; `play` makes the screen's command.
    static func pause(_ play: (PlaybackCommand) -> Command) -> KeyBinding {
        KeyBinding(id: "pause", keys: [(.character(" "), play(.togglePause))], helpKeys: "Space", help: ["pause, or play on"]) {
            $0.question ? [] : [KeyHint(key: "Space", label: $0.paused ? "play" : "pause")]
        }
    }

    /// `.`: one step while paused; `play` makes the screen's command.
    static func step(_ play: (PlaybackCommand) -> Command) -> KeyBinding {
        KeyBinding(id: "step", keys: [(.character("."), play(.step))], helpKeys: ".", help: ["one step (0.1 s) while paused"]) { _ in
            [KeyHint(key: ".", label: "step")]
        }
    }

    /// `+` and `-`: faster, slower; `play` makes the screen's command.
    static func speed(_ play: (PlaybackCommand) -> Command) -> KeyBinding {
        KeyBinding(
            id: "speed",
            keys: [
                (.character("+"), play(.faster)), (.character("="), play(.faster)), (.character("-"), play(.slower)),
                (.character("_"), play(.slower)),
            ],
            helpKeys: "+  -", help: ["faster, slower (0.25x to 32x)"]
        ) { _ in [KeyHint(key: "+/-", label: "speed")] }
    }
}

/// What a key asks of the live screen.
public enum LiveCommand: Hashable, Sendable {
    /// Play, pause, step, speed or seek (``PlaybackCommand``).
    case play(PlaybackCommand)
    /// The run again from the start, with the same seed.
    case restart
    /// The selected caregiver's next policy.
    case switchPolicy
    /// Take the selected caregiver's place, or hand it back.
    case takeOrHandBack
    /// In her place: do this.
    case act(CaregiverAction)
    /// Keys act on the next caregiver.
    case nextSide
    /// Answer the open question with its choice at this index.
    case answer(choice: Int)
    /// Back to the last answered question.
    case whatIf
    /// Open the settings panel, or close it.
    case toggleSettings
    /// In the settings: the parameter above (or below).
    case settingsMove(up: Bool)
    /// In the settings: the chosen parameter one increment up (or down).
    case settingsChange(up: Bool)
    /// Show the keys (handled by the app for every screen).
    case help
    /// End the run and open the debrief.
    case end
    /// Leave at once (a quit signal; handled by the app).
    case leave
}

/// What a key asks of the chooser.
public enum ChooserCommand: Hashable, Sendable {
    /// The scene above.
    case up
    /// The scene below.
    case down
    /// The first scene.
    case first
    /// The last scene.
    case last
    /// Start the selected scene.
    case start
    /// Start the selected scene in a room of babies.
    case room
    /// Show the keys (handled by the app).
    case help
    /// Leave the program.
    case quit
}

/// What a key asks of the debrief.
public enum DebriefCommand: Hashable, Sendable {
    /// Scroll a line up.
    case lineUp
    /// Scroll a line down.
    case lineDown
    /// Scroll a page up.
    case pageUp
    /// Scroll a page down.
    case pageDown
    /// To the top of the page.
    case top
    /// To the bottom of the page.
    case bottom
    /// Start the scene again.
    case replay
    /// Back to the chooser.
    case scenes
    /// Back to the run, paused.
    case back
    /// Show the keys (handled by the app).
    case help
    /// Quit and print the figures.
    case quit
}

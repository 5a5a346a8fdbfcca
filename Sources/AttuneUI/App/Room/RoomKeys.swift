import AttuneModel
import AttuneScenario

/// Where an arrow key moves the room's selection.
public enum RoomMove: Hashable, Sendable {
    case up, down, left, right, first, last
}

/// What a key asks of the room: on the grid, or with one baby opened.
public enum RoomCommand: Hashable, Sendable {
    /// Move the selection to another baby.
    case select(RoomMove)
    /// Open the selected baby in the dyad view, at the same moment.
    case open
    /// Back from the baby to the room.
    case close
    /// Play, pause, step, speed or seek (``PlaybackCommand``).
    case play(PlaybackCommand)
    /// The room again from the start, with the same babies.
    case restart
    /// With one baby opened: the keys' side moves to the next caregiver.
    case nextSide
    /// Answer the open question with its choice at this index.
    case answer(choice: Int)
    /// Back to the last answered question.
    case whatIf
    /// A key of the dyad view that has no place in a room (`c`, `h`, 1-6):
    /// say why, and how to take one baby's caregiver's place.
    case notInRoom
    /// Show the keys (handled by the app).
    case help
    /// End the room and see what happened.
    case end
    /// Leave at once (a quit signal; handled by the app).
    case leave
}

/// The room's keys: one table for the grid, one for a baby opened from it,
/// each binding with its help and key-bar words (see ``KeyBinding``).
public enum RoomKeys {
    /// The keys that go back from one baby to the room.
    static let backToRoom: [Key] = [.escape, .character("b")]

    private static let pause = KeyBinding<RoomCommand, RoomSession>.pause(RoomCommand.play)
    private static let step = KeyBinding<RoomCommand, RoomSession>.step(RoomCommand.play)
    private static let speed = KeyBinding<RoomCommand, RoomSession>.speed(RoomCommand.play)

    private static let restart = KeyBinding<RoomCommand, RoomSession>(
        id: "restart", keys: [(.character("r"), .restart)], helpKeys: "r", help: ["start the room again, with the same babies"]
    ) { _ in [KeyHint(key: "r", label: "restart")] }

    private static let answer = KeyBinding<RoomCommand, RoomSession>(
        id: "answer", helpKeys: "a ... z", help: ["answer the scene's question, for the whole room"],
        precedence: 1
    ) { key, room in
        guard case let .character(character) = key, let decision = room.timeline.openDecision, !room.timeline.isFinished,
            let choice = room.scenario.decisions[decision].choices.firstIndex(where: { $0.key == character })
        else { return nil }
        return .answer(choice: choice)
    }

    private static let whatIf = KeyBinding<RoomCommand, RoomSession>(
        id: "whatIf", keys: [(.character(KeyMap.whatIfKey), .whatIf)], helpKeys: String(KeyMap.whatIfKey),
        help: ["what if: back to the last question, to answer again"]
    ) { $0.whatIf ? [KeyHint(key: String(KeyMap.whatIfKey), label: $0.question ? "earlier question" : "what if")] : [] }

    private static let help = KeyBinding<RoomCommand, RoomSession>(
        id: "help", keys: [(.character("?"), .help)], helpKeys: "?", help: ["show or hide these keys and what the cells mean"]
    ) { _ in [KeyHint(key: "?", label: "keys")] }

    private static let end = KeyBinding<RoomCommand, RoomSession>(
        id: "end", keys: [(.character("q"), .end)], helpKeys: "q", help: ["end the room and see what happened"]
    ) { _ in [KeyHint(key: "q", label: "end")] }

    private static let leave = KeyBinding<RoomCommand, RoomSession>(
        id: "leave", keys: [(.interrupt, .leave)], helpKeys: "Ctrl-C", help: ["leave at once"])

    /// The grid's bindings, in the order of its help overlay.
    public static let grid = KeyTable<RoomCommand, RoomSession>([
        pause, step, speed,
        KeyBinding(
            id: "seek", keys: [(.character("<"), .play(.back)), (.character(","), .play(.back)), (.character(">"), .play(.forward))],
            helpKeys: "<  >", help: ["back, forward 5 s (acting then starts a new future)"]
        ) { $0.question ? [KeyHint(key: "<", label: "5 s back")] : [KeyHint(key: "</>", label: "5 s")] },
        KeyBinding(
            id: "move",
            keys: [
                (.up, .select(.up)), (.down, .select(.down)), (.left, .select(.left)), (.right, .select(.right)),
                (.home, .select(.first)), (.end, .select(.last)),
            ],
            helpKeys: "arrows", help: ["choose a baby (Home, End: the first, the last)"]
        ) { _ in [KeyHint(key: "arrows", label: "choose")] },
        KeyBinding(id: "open", keys: [(.enter, .open)], helpKeys: "Enter", help: ["open the chosen baby, at the same moment"]) { _ in
            [KeyHint(key: "Enter", label: "open")]
        },
        restart, answer, whatIf, help, end, leave,
    ])

    /// The order of the grid's key bar, most needed first.
    static let gridBarOrder = ["pause", "move", "open", "seek", "whatIf", "help", "end", "speed", "step", "restart"]

    /// The bindings with one baby opened, in the order of its help overlay.
    public static let baby = KeyTable<RoomCommand, RoomSession>([
        KeyBinding(
            id: "close", keys: backToRoom.map { ($0, .close) }, helpKeys: "Esc  b", help: ["back to the room, at the same moment"]
        ) { _ in [KeyHint(key: "Esc", label: "room")] },
        pause, step, speed,
        KeyBinding(
            id: "seek",
            keys: [
                (.left, .play(.back)), (.right, .play(.forward)), (.character("<"), .play(.back)), (.character(","), .play(.back)),
                (.character(">"), .play(.forward)),
            ],
            helpKeys: "←  →", help: ["back, forward 5 s (the whole room moves too)"]
        ) { $0.question ? [KeyHint(key: "←", label: "5 s back")] : [KeyHint(key: "←/→", label: "5 s")] },
        KeyBinding(id: "side", keys: [(.tab, .nextSide)], helpKeys: "Tab", help: ["switch side (with two caregivers)"]) {
            $0.dyads > 1 ? [KeyHint(key: "Tab", label: "side")] : []
        },
        KeyBinding(
            id: "notInRoom",
            keys: [(.character("c"), .notInRoom), (.character("h"), .notInRoom)]
                + KeyMap.actionKeys.map { (.character($0.key), .notInRoom) },
            helpKeys: "c  h", help: ["say how to take her place: open this baby alone"]),
        restart, answer, whatIf, help, end, leave,
    ])

    /// The order of the key bar with one baby opened.
    static let babyBarOrder = ["close", "pause", "seek", "side", "whatIf", "help", "end", "speed", "step"]
    /// The order of the key bar while a question waits, after its choices.
    static let questionBarOrder = ["whatIf", "seek", "help", "end"]

    /// The key bar of the room now.
    static func bar(_ room: RoomSession) -> [KeyHint] {
        let whatIf = room.timeline.now.decisions.latestAnswered(atOrBefore: room.timeline.cursor) != nil
        let table = room.lens == nil ? grid : baby
        if let decision = room.timeline.openDecision, !room.timeline.isFinished {
            let point = room.scenario.decisions[decision]
            return point.choices.map { KeyHint(key: String($0.key), label: $0.label) }
                + table.bar(questionBarOrder, BarContext(dyads: room.timeline.dyadCount, whatIf: whatIf, question: true))
        }
        let context = BarContext(paused: room.isPaused, dyads: room.timeline.dyadCount, whatIf: whatIf)
        return table.bar(room.lens == nil ? gridBarOrder : babyBarOrder, context)
    }

    /// The key bar of a room's debrief: the debrief's keys (``KeyMap/debrief``),
    /// with `b` going back to the room.
    static var debriefBar: [KeyHint] {
        KeyMap.debrief.bar(["replay", "scenes"], BarContext()) + [KeyHint(key: "b", label: "back to the room")]
            + KeyMap.debrief.bar(["scroll", "quit"], BarContext())
    }

    /// What the symbols of a cell mean, as rows of the help overlay.
    static func legend(_ glyphs: Glyphs) -> [KeyHint] {
        let far = RoomGrid.farMark(glyphs)
        return [
            KeyHint(key: "", label: "A cell: one baby and its caregiver"),
            KeyHint(key: "\(glyphs.dotFilled) \(glyphs.dotHollow) \(far)", label: "looks at her · looks away · turned far away"),
            KeyHint(key: "++ +", label: "delighted · interested"),
            KeyHint(key: ". - --", label: "neutral · dull · withdrawn"),
            KeyHint(key: "! !!", label: "fussy · crying or protesting"),
            KeyHint(key: "152", label: "heart rate; bold when well above its own rest"),
            KeyHint(key: "\(RoomGrid.inStepMark(glyphs)) ~ X", label: "in step · out of step · a rupture"),
        ]
    }
}

import AttuneModel
import AttuneScenario

extension RoomSession: PlayedSession {
    /// What a key on the room leads to, beyond the room itself.
    enum KeyResult: Equatable {
        /// Stay on the room.
        case stay
        /// The room ended, or `q`: open its debrief.
        case openDebrief
    }

    /// Handles a key through the room's bindings (``RoomKeys/grid``, or
    /// ``RoomKeys/baby`` with a baby opened) in a window of `size`.
    mutating func handle(_ key: Key, size: Size) -> KeyResult {
        let table = lens == nil ? RoomKeys.grid : RoomKeys.baby
        guard let command = table.command(for: key, in: self) else {
            notice = Notice(KeyMap.unknownKeyHint(key) { [self] in table.command(for: $0, in: self) != nil })
            return .stay
        }
        return perform(command, size: size)
    }

    /// Carries out one command of the room.
    mutating func perform(_ command: RoomCommand, size: Size) -> KeyResult {
        switch command {
        case let .select(move):
            let layout = RoomLayout(size: size, babies: timeline.babyCount, dyads: timeline.dyadCount)
            selected = layout.moved(move, from: selected, babies: timeline.babyCount)
        case .open:
            lens = RoomLens(baby: selected, room: timeline)
            notice = Notice("Baby \(selected + 1), at the same moment. Esc goes back to the room.")
        case .close:
            if let lens { selected = lens.baby }
            lens = nil
            notice = Notice("Back to the room at \(TextFormatting.clock(timeline.seconds)).")
        case let .answer(choice):
            if let decision = timeline.openDecision { answer(decision: decision, choice: choice) }
        case let .play(playback):
            if perform(playback: playback) { return .openDebrief }
        case .restart:
            let fresh = RoomSession(
                scenario: scenario, babies: timeline.babyCount, firstSeed: timeline.firstSeed, speed: speed, paused: isPaused)
            let opened = lens?.baby
            self = fresh.with(selected: selected)
            if let opened { lens = RoomLens(baby: opened, room: timeline) }
            notice = Notice("Started again from the beginning, with the same babies.")
        case .nextSide:
            lens?.nextSide()
            if let lens {
                notice = Notice("Keys now act on \(scenario.plan.dyads[lens.session.selectedDyad].label).")
            }
        case .whatIf:
            whatIf()
        case .notInRoom:
            let baby = lens?.baby ?? selected
            notice = Notice(
                "In a room every caregiver follows the scene. To take this baby's caregiver's place, open it alone: "
                    + "attune run \(scenario.name) --seed \(timeline.now.room.seed(ofBaby: baby))\(populationOption).")
        case .end:
            return .openDebrief
        case .help, .leave:
            // The app answers these for every screen.
            break
        }
        return .stay
    }

    /// The `--population` a command needs to meet the room's babies again
    /// (empty when the scenario's own babies are the room's).
    var populationOption: String {
        scenario.plan.population == .default ? " --population default" : ""
    }

    private func with(selected: Int) -> RoomSession {
        var copy = self
        copy.selected = min(selected, timeline.babyCount - 1)
        return copy
    }

    /// Gives `input` to every baby of the room (and to the baby opened).
    private mutating func give(_ input: LiveInput) {
        timeline.branch(with: input)
        lens?.mirror(input, room: timeline)
    }

    /// Answers the open question for the whole room and plays on.
    private mutating func answer(decision: Int, choice: Int) {
        let picked = scenario.decisions[decision].choices[choice]
        give(.decide(decision: decision, choice: choice))
        isPaused = false
        owedSeconds = 0
        notice = Notice(
            "You chose: \(picked.label), for every caregiver in the room. Press \(KeyMap.whatIfKey) to go back to this question and try another answer."
        )
    }

    func wentBack(to clock: String) -> String {
        "Back to \(clock), the whole room. Play on to see the same moments again."
    }

    mutating func followTimeline() {
        lens?.follow(timeline)
    }

    mutating func keepBranch() -> Int {
        branches.append(RoomBranch(timeline: timeline))
        return branches.count
    }
}

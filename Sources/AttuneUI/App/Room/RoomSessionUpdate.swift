import AttuneModel
import AttuneScenario

extension RoomSession {
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
        guard let command = table.command(for: key, in: self) else { return .stay }
        return perform(command, size: size)
    }

    /// Carries out one command of the room.
    mutating func perform(_ command: RoomCommand, size: Size) -> KeyResult {
        let fiveSeconds = max(1, Int((5 / timeline.stepSeconds).rounded()))
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
        case .togglePause:
            if askingForAnAnswer() { return .stay }
            if timeline.isFinished { return .openDebrief }
            isPaused.toggle()
            owedSeconds = 0
        case .step:
            if askingForAnAnswer() { return .stay }
            if !isPaused {
                isPaused = true
                owedSeconds = 0
            } else if !timeline.isFinished {
                timeline.step()
                lens?.follow(timeline)
                return timeline.isFinished ? .openDebrief : .stay
            }
        case .faster:
            speed = Speed.faster(than: speed)
            notice = Notice("Speed \(TextFormatting.speed(speed)).")
        case .slower:
            speed = Speed.slower(than: speed)
            notice = Notice("Speed \(TextFormatting.speed(speed)).")
        case .back:
            let before = timeline.cursor
            timeline.seek(to: before - fiveSeconds)
            lens?.follow(timeline)
            owedSeconds = 0
            notice = Notice(
                before == 0
                    ? "This is the start of the run."
                    : "Back to \(TextFormatting.clock(timeline.seconds)), the whole room. Play on to see the same moments again.")
        case .forward:
            let before = timeline.cursor
            timeline.seek(to: before + fiveSeconds)
            lens?.follow(timeline)
            owedSeconds = 0
            notice = Notice(
                timeline.cursor == before
                    ? "This is the newest moment: nothing is recorded after it yet."
                    : "Forward to \(TextFormatting.clock(timeline.seconds))"
                        + (timeline.isRewound ? ", replaying what happened." : ", the newest moment."))
            return timeline.isFinished ? .openDebrief : .stay
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

    /// While a question waits, Space and `.` only say how to go on.
    private mutating func askingForAnAnswer() -> Bool {
        guard let decision = timeline.openDecision, !timeline.isFinished else { return false }
        notice = Notice("Choose an answer to go on: " + DecisionText.choices(scenario.decisions[decision]) + ".")
        return true
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

    /// Goes back to the latest answered question, keeping the path taken
    /// so far for the debrief.
    private mutating func whatIf() {
        guard let decision = timeline.now.decisions.latestAnswered(atOrBefore: timeline.cursor) else {
            notice = Notice(
                scenario.decisions.isEmpty
                    ? "This scene has no questions to go back to."
                    : "There is no answered question to go back to yet.")
            return
        }
        timeline.seek(to: timeline.recordedSteps)
        branches.append(RoomBranch(timeline: timeline))
        timeline.reopen(decision: decision)
        lens?.follow(timeline)
        isPaused = true
        owedSeconds = 0
        let kept = branches.count
        notice = Notice(
            "Back to the question at \(TextFormatting.clock(timeline.seconds)). "
                + "\(kept == 1 ? "The path you took is" : "The \(kept) paths you took are") kept for the end. Choose again.")
    }

    /// Advances the room by `seconds` of wall-clock time (at most 1 s
    /// counts) at its speed, taking at most `maximumSteps` steps; pauses at
    /// a question.
    /// - Returns: whether anything on screen changed, and whether the room
    ///   has finished.
    mutating func advance(wallSeconds seconds: Double, maximumSteps: Int) -> (changed: Bool, finished: Bool) {
        let wall = min(max(seconds, 0), 1)
        var noticeExpired = false
        if let notice {
            self.notice?.shownSeconds += wall
            noticeExpired = notice.shownSeconds < Notice.lifetimeSeconds && notice.shownSeconds + wall >= Notice.lifetimeSeconds
        }
        let dt = timeline.stepSeconds
        owedSeconds += wall * speed
        var steps = Int((owedSeconds + 1e-9) / dt)
        steps = min(steps, maximumSteps)
        owedSeconds = max(0, owedSeconds - Double(steps) * dt)
        guard steps > 0 else { return (noticeExpired, false) }
        for _ in 0..<steps {
            timeline.step()
            if timeline.isFinished || timeline.openDecision != nil { break }
        }
        lens?.follow(timeline)
        if timeline.openDecision != nil && !timeline.isFinished {
            isPaused = true
            owedSeconds = 0
        }
        return (true, timeline.isFinished)
    }
}

import AttuneScenario

/// A run's history as a played session steps and seeks through it: what
/// the live screen's ``Timeline`` and the room's ``RoomTimeline`` both
/// answer.
protocol SteppedTimeline {
    /// The scenario being run.
    var scenario: Scenario { get }
    /// The current step (0 at the start).
    var cursor: Int { get }
    /// How many steps are recorded (the newest moment).
    var recordedSteps: Int { get }
    /// True when the cursor is behind the newest recorded step.
    var isRewound: Bool { get }
    /// True once the run has reached its end.
    var isFinished: Bool { get }
    /// Simulated seconds per step.
    var stepSeconds: Double { get }
    /// Simulated seconds at the cursor.
    var seconds: Double { get }
    /// The decision waiting for an answer at the cursor, if any.
    var openDecision: Int? { get }
    /// The decision points reached and answered up to the cursor.
    var decisionsNow: DecisionTracker { get }
    /// Takes one step.
    mutating func step()
    /// Moves to step `target` (clamped to 0...recordedSteps).
    mutating func seek(to target: Int)
    /// Goes back to the step at which `decision` was reached and asks it again.
    mutating func reopen(decision: Int)
}

extension Timeline: SteppedTimeline {
    var decisionsNow: DecisionTracker { now.decisions }
}

extension RoomTimeline: SteppedTimeline {
    var decisionsNow: DecisionTracker { now.decisions }
}

/// A run played in wall-clock time at a speed, with notices, that pauses
/// at a question: the live screen's ``LiveSession`` and the room's
/// ``RoomSession``. What they do alike is stated once here: how
/// wall-clock time becomes steps, how a notice ages, and what Space, `.`,
/// the speed keys, the arrows and "what if" do.
protocol PlayedSession {
    associatedtype Played: SteppedTimeline
    /// The run and its history.
    var timeline: Played { get set }
    /// Simulated seconds per wall-clock second.
    var speed: Double { get set }
    /// True while paused.
    var isPaused: Bool { get set }
    /// The latest notice, if any.
    var notice: Notice? { get set }
    /// Simulated seconds owed to the run but not yet stepped.
    var owedSeconds: Double { get set }
    /// Brings whatever looks at the timeline to its current step (the
    /// room's opened baby); nothing for the live screen.
    mutating func followTimeline()
    /// What the notice says after ← went back to `clock` (m:ss).
    func wentBack(to clock: String) -> String
    /// Keeps the path taken so far (the timeline at its newest moment) for
    /// the debrief.
    /// - Returns: how many paths are kept now.
    mutating func keepBranch() -> Int
}

extension PlayedSession {
    /// How many steps make five simulated seconds (at least 1): what ← and
    /// → move by.
    var fiveSecondsOfSteps: Int { max(1, Int((5 / timeline.stepSeconds).rounded())) }

    /// While a question waits, Space and `.` only say how to go on.
    /// - Returns: true when a question waits (and the notice says so).
    mutating func askingForAnAnswer() -> Bool {
        guard let decision = timeline.openDecision, !timeline.isFinished else { return false }
        notice = Notice("Choose an answer to go on: " + DecisionText.choices(timeline.scenario.decisions[decision]) + ".")
        return true
    }

    /// Space: plays or pauses.
    /// - Returns: true when the run has ended (Space opens the debrief).
    mutating func togglePause() -> Bool {
        if askingForAnAnswer() { return false }
        if timeline.isFinished { return true }
        isPaused.toggle()
        owedSeconds = 0
        return false
    }

    /// `.`: pauses a playing run, or takes one step of a paused one.
    /// - Returns: true when that step ended the run.
    mutating func stepOrPause() -> Bool {
        if askingForAnAnswer() { return false }
        if !isPaused {
            isPaused = true
            owedSeconds = 0
        } else if !timeline.isFinished {
            timeline.step()
            followTimeline()
            return timeline.isFinished
        }
        return false
    }

    /// Carries out one of the keys that play the run in time.
    /// - Returns: true when the key opens the debrief (the run has ended).
    mutating func perform(playback command: PlaybackCommand) -> Bool {
        switch command {
        case .togglePause:
            return togglePause()
        case .step:
            return stepOrPause()
        case .faster:
            changeSpeed(faster: true)
        case .slower:
            changeSpeed(faster: false)
        case .back:
            let atStart = seekBack()
            notice = Notice(atStart ? "This is the start of the run." : wentBack(to: TextFormatting.clock(timeline.seconds)))
        case .forward:
            return seekForward()
        }
        return false
    }

    /// `+` or `-`: the next speed up or down, said in a notice.
    mutating func changeSpeed(faster: Bool) {
        speed = faster ? Speed.faster(than: speed) : Speed.slower(than: speed)
        notice = Notice("Speed \(TextFormatting.speed(speed)).")
    }

    /// ←: five seconds back (the caller says where it went).
    /// - Returns: true when the run was already at its start.
    mutating func seekBack() -> Bool {
        let before = timeline.cursor
        timeline.seek(to: before - fiveSecondsOfSteps)
        followTimeline()
        owedSeconds = 0
        return before == 0
    }

    /// →: five seconds forward, at most to the newest moment, said in a
    /// notice.
    /// - Returns: true when the run has ended there.
    mutating func seekForward() -> Bool {
        let before = timeline.cursor
        timeline.seek(to: before + fiveSecondsOfSteps)
        followTimeline()
        owedSeconds = 0
        notice = Notice(
            timeline.cursor == before
                ? "This is the newest moment: nothing is recorded after it yet."
                : "Forward to \(TextFormatting.clock(timeline.seconds))"
                    + (timeline.isRewound ? ", replaying what happened." : ", the newest moment."))
        return timeline.isFinished
    }

    /// Goes back to the latest answered question, keeping the path taken
    /// so far for the debrief.
    mutating func whatIf() {
        guard let decision = timeline.decisionsNow.latestAnswered(atOrBefore: timeline.cursor) else {
            notice = Notice(
                timeline.scenario.decisions.isEmpty
                    ? "This scene has no questions to go back to."
                    : "There is no answered question to go back to yet.")
            return
        }
        timeline.seek(to: timeline.recordedSteps)
        let kept = keepBranch()
        timeline.reopen(decision: decision)
        followTimeline()
        isPaused = true
        owedSeconds = 0
        notice = Notice(
            "Back to the question at \(TextFormatting.clock(timeline.seconds)). "
                + "\(kept == 1 ? "The path you took is" : "The \(kept) paths you took are") kept for the end. Choose again.")
    }

    /// Advances the run by `seconds` of wall-clock time (at most 1 s
    /// counts) at its speed, taking at most `maximumSteps` steps; pauses at
    /// a question.
    /// - Returns: whether anything on screen changed (a step, or a notice
    ///   that expired), and whether the run has finished.
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
        followTimeline()
        if timeline.openDecision != nil && !timeline.isFinished {
            isPaused = true
            owedSeconds = 0
        }
        return (true, timeline.isFinished)
    }
}

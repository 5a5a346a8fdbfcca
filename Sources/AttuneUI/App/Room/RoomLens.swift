import AttuneModel
import AttuneScenario

/// One baby of the room opened in the dyad view: the baby's own run as a
/// ``LiveSession`` (with its charts of the last minute, its narration and
/// its figures), kept at the room's step with the room's inputs.
///
/// The baby's run is the room's run of that baby: the same plan (with the
/// population), the same seed, the same inputs at the same steps, so its
/// states are the room's, step for step. It is made when the baby is
/// opened, by stepping a fresh run up to the room's moment, and then
/// follows the room: forward step by step, back through its own recorded
/// steps, and made again when the room drops recorded inputs (a new
/// future, or a question asked again).
public struct RoomLens: Sendable {
    /// The baby opened, an index into the room's babies (0-based).
    public let baby: Int
    /// The baby's run, at the room's step. Its pause, speed and notice are
    /// the room's (see ``shown(in:)``).
    public private(set) var session: LiveSession
    /// The room's ``RoomTimeline/inputRevision`` the run was made at.
    private var revision: Int

    /// Opens baby `baby` of `room` at the room's current step.
    init(baby: Int, room: RoomTimeline) {
        self.baby = baby
        (session, revision) = Self.make(baby: baby, room: room)
        catchUp(room)
    }

    /// Steps a freshly made run through everything the room has recorded,
    /// then back to the room's step, so that the baby's run knows the same
    /// future (a rewound room shows a rewound baby).
    private mutating func catchUp(_ room: RoomTimeline) {
        step(to: room.recordedSteps, room)
        session.timeline.seek(to: room.cursor)
    }

    private static func make(baby: Int, room: RoomTimeline) -> (LiveSession, Int) {
        var session = LiveSession(scenario: room.scenario, seed: room.now.room.seed(ofBaby: baby), paused: true)
        for input in room.inputs[0] ?? [] { session.timeline.branch(with: input) }
        return (session, room.inputRevision)
    }

    /// Brings the baby's run to the room's current step.
    mutating func follow(_ room: RoomTimeline) {
        if revision != room.inputRevision {
            let selected = session.selectedDyad
            (session, revision) = Self.make(baby: baby, room: room)
            session.selectedDyad = selected
            catchUp(room)
            return
        }
        step(to: room.cursor, room)
    }

    private mutating func step(to target: Int, _ room: RoomTimeline) {
        if session.timeline.cursor > target { session.timeline.seek(to: target) }
        while session.timeline.cursor < target && !session.timeline.isFinished {
            if session.timeline.isRewound {
                session.timeline.seek(to: min(target, session.timeline.recordedSteps))
                continue
            }
            session.timeline.step()
            for input in room.inputs[session.timeline.cursor] ?? [] { session.timeline.branch(with: input) }
        }
    }

    /// Gives the baby's run an input the room has just been given at the
    /// same (newest) step.
    mutating func mirror(_ input: LiveInput, room: RoomTimeline) {
        guard revision == room.inputRevision, session.timeline.cursor == room.cursor else {
            follow(room)
            return
        }
        session.timeline.branch(with: input)
    }

    /// Keys act on the next caregiver of the baby (with two caregivers).
    mutating func nextSide() {
        session.selectedDyad = (session.selectedDyad + 1) % max(1, session.timeline.dyadCount)
    }

    /// The baby's run as the dyad view shows it inside `room`: paused,
    /// speed and notice are the room's.
    func shown(in room: RoomSession) -> LiveSession {
        var shown = session
        shown.isPaused = room.isPaused
        shown.speed = room.speed
        shown.notice = room.currentNotice
        return shown
    }
}

/// The recorded part of a run's history, as ``Timeline`` keeps one run's
/// and ``RoomTimeline`` a room's: every recorded step's records (one per
/// dyad), the keyboard's inputs by the step they apply to, and a
/// checkpoint of the run every `checkpointSteps` steps.
///
/// The owner steps its own `Moment` and applies its own inputs; this keeps
/// what is recorded, says which checkpoint to restore when going back, and
/// drops a recorded future when a new one starts.
struct CheckpointedHistory<Moment: Sendable, Record: Sendable>: Sendable {
    /// Every recorded step's records, step by step, dyad by dyad
    /// (`records[step * dyadCount + dyad]`).
    private(set) var records: [Record] = []
    /// The inputs, by the step they apply to, in the order given.
    private(set) var inputs: [Int: [LiveInput]] = [:]
    /// `checkpoints[k]` is the run after `k * checkpointSteps` steps, before
    /// that step's inputs.
    private var checkpoints: [Moment]
    /// How many records a step has (one per dyad), at least 1.
    let dyadCount: Int
    /// Steps between checkpoints, at least 1.
    let checkpointSteps: Int

    /// A history holding only `start`, the run at step 0.
    /// - Parameters:
    ///   - start: the run before any step or input.
    ///   - dyadCount: records per step.
    ///   - checkpointSteps: steps between checkpoints.
    ///   - expectedSteps: how many steps to make room for at once (at most
    ///     200,000 are reserved).
    init(start: Moment, dyadCount: Int, checkpointSteps: Int, expectedSteps: Int) {
        checkpoints = [start]
        self.dyadCount = dyadCount
        self.checkpointSteps = checkpointSteps
        records.reserveCapacity(min(expectedSteps, 200_000) * dyadCount)
    }

    /// How many steps are recorded.
    var recordedSteps: Int { records.count / max(1, dyadCount) }

    /// Records one dyad's record of the newest step.
    mutating func append(_ record: Record) {
        records.append(record)
    }

    /// The inputs recorded for `step`, in the order given.
    func inputs(at step: Int) -> [LiveInput] { inputs[step] ?? [] }

    /// Records `input` for `step`, after those already given there.
    mutating func add(_ input: LiveInput, at step: Int) {
        inputs[step, default: []].append(input)
    }

    /// Bookkeeping on reaching `step` with the run `now`: a checkpoint when
    /// one is due.
    /// - Returns: the inputs recorded for `step`, to apply.
    mutating func arrive(at step: Int, _ now: Moment) -> [LiveInput] {
        if step % checkpointSteps == 0 && checkpoints.count == step / checkpointSteps {
            checkpoints.append(now)
        }
        return inputs(at: step)
    }

    /// The latest checkpoint at or before `step`, to step forward from.
    func checkpoint(atOrBefore step: Int) -> Moment {
        checkpoints[min(step / checkpointSteps, checkpoints.count - 1)]
    }

    /// Drops what is recorded from `step` on: the records of `step` and
    /// after, the checkpoints after `step`, and the inputs after `step`
    /// (those of `step` too unless `keepingInputsOfStep`).
    mutating func dropFuture(from step: Int, keepingInputsOfStep: Bool) {
        records.removeSubrange(min(records.count, step * dyadCount)...)
        inputs = inputs.filter { keepingInputsOfStep ? $0.key <= step : $0.key < step }
        let kept = step / checkpointSteps + 1
        if checkpoints.count > kept { checkpoints.removeSubrange(kept...) }
    }
}

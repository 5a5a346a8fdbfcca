import AttuneModel
import AttuneScenario

/// Which of a scenario's decision points (``DecisionPoint``) a run has
/// reached, which are waiting for an answer, and which answer each got.
///
/// Part of a ``Moment``, stepped with the run, so that going back in a run
/// also goes back to before a question was asked, and replaying the run
/// asks it again at the same step.
public struct DecisionTracker: Sendable {
    /// The scenario's decision points, in file order.
    public let decisions: [DecisionPoint]
    /// Per decision, the step (how many steps the run had taken) at which
    /// it was reached, or nil while not reached.
    public private(set) var reachedStep: [Int?]
    /// Per decision, the index of the choice taken, or nil.
    public private(set) var chosen: [Int?]
    /// The decisions reached and not yet answered, oldest first.
    public private(set) var open: [Int] = []
    private let labels: [String]
    private let stepSeconds: Double

    /// A tracker for a run of `scenario`, before its first step.
    public init(scenario: Scenario) {
        decisions = scenario.decisions
        labels = scenario.plan.dyads.map(\.label)
        stepSeconds = scenario.plan.stepSeconds
        reachedStep = Array(repeating: nil, count: decisions.count)
        chosen = Array(repeating: nil, count: decisions.count)
    }

    /// The decision waiting for an answer now, if any (the oldest).
    public var current: Int? { open.first }

    /// The dyads (0-based) a decision's answer changes: the one it names,
    /// or every dyad.
    public func dyads(of decision: Int) -> [Int] {
        guard let label = decisions[decision].dyad else { return Array(labels.indices) }
        return labels.firstIndex(of: label).map { [$0] } ?? []
    }

    /// Takes in one step of the run.
    /// - Parameters:
    ///   - step: the index of the step just taken (0-based).
    ///   - events: what happened to each dyad during it.
    mutating func observe(step: Int, events: [Events]) {
        let reached = step + 1
        let secondsAfter = Double(reached) * stepSeconds
        for (index, decision) in decisions.enumerated() where reachedStep[index] == nil {
            let due: Bool
            switch decision.trigger {
            case let .at(seconds):
                due = seconds <= secondsAfter + 1e-9
            case let .on(wanted):
                due = dyads(of: index).contains { $0 < events.count && !events[$0].isDisjoint(with: wanted) }
            }
            if due {
                reachedStep[index] = reached
                open.append(index)
            }
        }
    }

    /// Records `choice` as the answer to `decision`.
    mutating func answer(decision: Int, choice: Int) {
        guard decisions.indices.contains(decision) else { return }
        chosen[decision] = choice
        open.removeAll { $0 == decision }
    }

    /// The labels of the choices taken so far, in the order the questions
    /// were reached.
    public var choiceLabels: [String] {
        decisions.indices
            .compactMap { index -> (Int, String)? in
                guard let step = reachedStep[index], let choice = chosen[index] else { return nil }
                return (step, decisions[index].choices[choice].label)
            }
            .sorted { $0.0 < $1.0 }
            .map(\.1)
    }

    /// The answered decision reached most recently at or before step
    /// `step`, or nil.
    public func latestAnswered(atOrBefore step: Int) -> Int? {
        decisions.indices
            .filter { chosen[$0] != nil && (reachedStep[$0] ?? Int.max) <= step }
            .max { (reachedStep[$0] ?? 0, $0) < (reachedStep[$1] ?? 0, $1) }
    }
}

/// One path taken through a run's decisions, kept when "what if" goes back
/// to a question, so that the debrief can set the paths side by side.
public struct DecisionBranch: Hashable, Sendable {
    /// The labels of the choices taken on this path, in order ("wait").
    public var choices: [String]
    /// Seconds of the run this path reached.
    public var seconds: Double
    /// Each dyad's figures on this path, in scenario order.
    public var figures: [RunFigures]

    /// The path of `timeline` at its current step.
    public init(timeline: Timeline) {
        choices = timeline.now.decisions.choiceLabels
        seconds = timeline.seconds
        figures = timeline.now.simulation.dyads.map { RunFigures(dyad: $0) }
    }

    /// The choices in a few words: `wait`, `wait, then lean in`, or
    /// `no choice yet`.
    public var name: String {
        switch choices.count {
        case 0: "no choice yet"
        case 1: choices[0]
        default: choices.dropLast().joined(separator: ", ") + ", then " + choices.last!
        }
    }
}

/// The words the screen uses for a decision point.
enum DecisionText {
    /// The choices on one line: `[w] wait   [i] lean in`.
    static func choices(_ point: DecisionPoint) -> String {
        point.choices.map { "[\($0.key)] \($0.label)" }.joined(separator: "   ")
    }
}

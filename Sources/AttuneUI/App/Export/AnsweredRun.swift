import AttuneScenario

/// A scenario's questions answered ahead of time, for a report: one key per
/// question, in the order the scenario file lists them (`attune report
/// workshop-still-face --answer g --answer e --answer w`).
///
/// The run is the one the live screen gives when each question is answered
/// the moment it is asked: the same inputs at the same steps, so the same
/// run, step for step. A question with no answer given is not asked: the
/// caregiver goes on as the scenario sets her, as in a report without
/// answers.
public struct AnsweredRun: Sendable {
    /// Why the answers cannot be used, in a sentence that names the
    /// question and the keys it takes.
    public struct Problem: Error, Hashable, Sendable, CustomStringConvertible {
        /// The sentence.
        public var description: String
    }

    /// The scenario.
    public let scenario: Scenario
    /// Per question given an answer (in file order), the chosen answer's
    /// index among its choices (0-based).
    public let choices: [Int]

    /// Reads `keys` as the answers to `scenario`'s questions, in order.
    /// A key matches a choice's key exactly, or with the other case when
    /// no choice of that question uses it (so `W` answers `w`, as it does
    /// on the live screen with Caps Lock on).
    /// - Parameters:
    ///   - scenario: the scenario whose questions are answered.
    ///   - keys: one key per question, in the order the scenario lists
    ///     them, at most as many as it has questions; an empty list
    ///     answers none.
    /// - Throws: ``Problem`` when the scenario asks no questions, when more
    ///   keys than questions are given, or when a key is not one of its
    ///   question's keys.
    public init(scenario: Scenario, keys: [String]) throws(Problem) {
        self.scenario = scenario
        let points = scenario.decisions
        if !keys.isEmpty && points.isEmpty {
            throw Problem(description: "this scenario asks no questions, so there is nothing for --answer to answer.")
        }
        if keys.count > points.count {
            let asked = points.count == 1 ? "one question" : "\(points.count) questions"
            throw Problem(
                description:
                    "--answer was given \(keys.count) times, but this scenario asks \(asked); give one --answer per question, in order."
            )
        }
        var choices: [Int] = []
        for (index, key) in keys.enumerated() {
            let point = points[index]
            guard let choice = Self.choice(key, of: point) else {
                let allowed = point.choices.map { "\($0.key) (\($0.label))" }
                let list = allowed.count > 1 ? allowed.dropLast().joined(separator: ", ") + " or " + allowed.last! : allowed[0]
                let shown = key.isEmpty ? "an empty --answer" : "--answer \(key)"
                throw Problem(
                    description: "\(shown) does not answer question \(index + 1) (\"\(point.question)\"); its keys are \(list).")
            }
            choices.append(choice)
        }
        self.choices = choices
    }

    /// The index of the choice of `point` that `key` picks, or nil.
    static func choice(_ key: String, of point: DecisionPoint) -> Int? {
        guard key.count == 1, let character = key.first else { return nil }
        if let exact = point.choices.firstIndex(where: { $0.key == character }) { return exact }
        let folded = point.choices.indices.filter {
            String(point.choices[$0].key).lowercased() == String(character).lowercased()
        }
        return folded.count == 1 ? folded[0] : nil
    }

    /// The labels of the answers given, in order ("gently", "end it and
    /// soothe").
    public var labels: [String] {
        choices.enumerated().map { scenario.decisions[$0.offset].choices[$0.element].label }
    }

    /// The run with `seed`, played to its end, each question given an
    /// answer answered as soon as it is asked.
    /// - Parameter seed: the run's seed, any 64-bit value (the scenario's
    ///   own is ``Scenario/seed``).
    /// - Returns: the run, and the questions (1-based, in file order) given
    ///   an answer that the run never asked (an event that did not happen).
    public func play(seed: UInt64) -> (timeline: Timeline, unasked: [Int]) {
        var timeline = Timeline(scenario: scenario, seed: seed)
        var answered = Set<Int>()
        while true {
            if let open = timeline.openDecision, open < choices.count, !answered.contains(open) {
                answered.insert(open)
                timeline.branch(with: .decide(decision: open, choice: choices[open]))
                continue
            }
            if timeline.isFinished { break }
            timeline.step()
        }
        return (timeline, choices.indices.filter { !answered.contains($0) }.map { $0 + 1 })
    }
}

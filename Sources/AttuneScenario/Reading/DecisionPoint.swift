import AttuneModel

/// A moment in a run where the live screen pauses and asks the person at
/// the keyboard what the caregiver should do next (the file's
/// `decisions:`). Made by ``ScenarioLoader``; docs/scenarios.md describes
/// the fields.
public struct DecisionPoint: Sendable, Hashable {
    /// When the question is asked.
    public enum Trigger: Sendable, Hashable {
        /// At a time from the start of the run, in seconds (more than 0,
        /// less than the run's length).
        case at(seconds: Double)
        /// The first time this event happens (to the decision's dyad when
        /// it names one, to any dyad otherwise).
        case on(Events)
    }

    /// When the question is asked.
    public var trigger: Trigger
    /// The question, in plain words ("The baby has turned away. What now?").
    public var question: String
    /// The answers, 2 to 4, each on its own key.
    public var choices: [DecisionChoice]
    /// The label of the dyad the decision is about (its event, and the
    /// caregiver the answer changes), or nil for every dyad.
    public var dyad: String?

    /// Creates a decision point.
    public init(trigger: Trigger, question: String, choices: [DecisionChoice], dyad: String? = nil) {
        self.trigger = trigger
        self.question = question
        self.choices = choices
        self.dyad = dyad
    }

    /// The keys a choice may not use, because the live screen already uses
    /// them: `c` (policy), `h` (take her place), `q` (end), `r` (restart).
    public static let reservedKeys: [Character] = ["c", "h", "q", "r"]
    /// The fewest and most choices a decision offers.
    public static let choiceCount = 2...4
}

/// One answer to a ``DecisionPoint``: a key, a label, and what the
/// caregiver does when it is chosen.
public struct DecisionChoice: Sendable, Hashable {
    /// What choosing it does.
    public enum Effect: Sendable, Hashable {
        /// The caregiver takes these settings from now on (a policy, and or
        /// any of her fields), as a live policy switch does.
        case caregiver(CaregiverSettings)
        /// The keyboard takes the caregiver's place and she does this
        /// action, until another choice or until `h` hands her back.
        case action(CaregiverAction)
    }

    /// The key: one lowercase letter, a to z, not one of
    /// ``DecisionPoint/reservedKeys``.
    public var key: Character
    /// A short label shown beside the key ("wait", "lean in").
    public var label: String
    /// What choosing it does.
    public var effect: Effect

    /// Creates a choice.
    public init(key: Character, label: String, effect: Effect) {
        self.key = key
        self.label = label
        self.effect = effect
    }
}

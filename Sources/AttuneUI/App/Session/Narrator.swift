import AttuneModel
import AttuneScenario

/// The narration line: the scenario's captions (``NarrationCue``) plus
/// plain sentences, made from each step's events, that say what just
/// happened and why.
///
/// A pure value stepped with the run, so a rewound run narrates exactly
/// what it narrated the first time. Captions from the scenario file always
/// show; the narrator's own sentences wait until the newest line has been
/// up for a moment (2.5 s of simulated time, 4 s after a caption) unless
/// they matter more.
public struct Narrator: Sendable {
    /// One narration line.
    public struct Line: Hashable, Sendable {
        /// The sentence, with the dyad's label in front when the run has
        /// more than one dyad.
        public var text: String
        /// The step (0-based) during which it appeared.
        public var step: Int
        /// How much it matters, 0...9; captions from the scenario are 9.
        public var priority: Int
        /// True for a caption from the scenario file.
        public var isCaption: Bool
    }

    /// The lines shown so far, newest last (the last six are kept).
    public private(set) var lines: [Line] = []

    private let cues: [NarrationCue]
    private let labels: [String]
    private let phaseNames: [String]
    private let stepSeconds: Double
    private var cueShown: [Bool]
    /// Per dyad: the step the look-away in progress began, or nil.
    private var lookAwayStart: [Int?]
    /// Per dyad: the caregiver leaned in during the look-away in progress.
    private var chasedDuringLookAway: [Bool]
    /// Per dyad: the step the miscoordinated stretch in progress began.
    private var outOfStepSince: [Int?]

    /// Seconds a sentence of the narrator's own stays up before a less
    /// important one may replace it.
    static let holdSeconds = 2.5
    /// Seconds a caption stays up before a less important sentence may
    /// replace it.
    static let captionHoldSeconds = 4.0
    /// How many lines are kept.
    static let keptLines = 6

    /// Creates the narrator of a run of `scenario`.
    public init(scenario: Scenario) {
        cues = scenario.narration
        labels = scenario.plan.dyads.map(\.label)
        phaseNames = scenario.plan.phases.map(\.name)
        stepSeconds = scenario.plan.stepSeconds
        cueShown = Array(repeating: false, count: scenario.narration.count)
        let count = scenario.plan.dyads.count
        lookAwayStart = Array(repeating: nil, count: count)
        chasedDuringLookAway = Array(repeating: false, count: count)
        outOfStepSince = Array(repeating: nil, count: count)
    }

    /// The newest line, if any.
    public var newest: Line? { lines.last }

    /// Takes in one step of the run.
    /// - Parameters:
    ///   - step: the index of the step just taken (0-based).
    ///   - events: what happened to each dyad during it.
    ///   - simulation: the run after the step.
    public mutating func observe(step: Int, events: [Events], simulation: Simulation) {
        let secondsAfter = Double(step + 1) * stepSeconds
        let secondsBefore = Double(step) * stepSeconds
        var captions: [String] = []

        // Captions at set times.
        for (index, cue) in cues.enumerated() {
            guard !cueShown[index], case let .at(seconds) = cue.trigger else { continue }
            let due = seconds > secondsBefore + 1e-9 && seconds <= secondsAfter + 1e-9
            if due || (step == 0 && seconds <= 1e-9) {
                cueShown[index] = true
                captions.append(cue.text)
            }
        }
        // Captions on events.
        for (index, cue) in cues.enumerated() {
            guard case let .on(wanted) = cue.trigger else { continue }
            if cue.once && cueShown[index] { continue }
            for d in events.indices where !events[d].isDisjoint(with: wanted) {
                if let only = cue.dyad, only != labels[d] { continue }
                cueShown[index] = true
                captions.append(prefixed(cue.text, dyad: d))
                break
            }
        }

        // The narrator's own sentences: the most important one this step.
        var best: (text: String, priority: Int)?
        for d in events.indices {
            let dyad = simulation.dyads[d]
            if let candidate = explain(events[d], dyad: dyad, index: d, step: step, phase: simulation.phaseIndex),
                candidate.priority > (best?.priority ?? -1)
            {
                best = (prefixed(candidate.text, dyad: d), candidate.priority)
            }
            track(events[d], dyad: dyad, index: d, step: step)
        }

        for caption in captions {
            push(Line(text: caption, step: step, priority: 9, isCaption: true))
        }
        if captions.isEmpty, let best, best.priority > 0 {
            if let newest = lines.last {
                let age = Double(step - newest.step) * stepSeconds
                let hold = newest.isCaption ? Self.captionHoldSeconds : Self.holdSeconds
                guard age >= hold || best.priority > newest.priority else { return }
            }
            push(Line(text: best.text, step: step, priority: best.priority, isCaption: false))
        }
    }

    private mutating func push(_ line: Line) {
        lines.append(line)
        if lines.count > Self.keptLines { lines.removeFirst(lines.count - Self.keptLines) }
    }

    private func prefixed(_ text: String, dyad: Int) -> String {
        labels.count > 1 ? "\(labels[dyad]): \(text)" : text
    }

    /// Updates the per-dyad bookkeeping after the sentences were chosen
    /// (they read the state from before this step's changes).
    private mutating func track(_ events: Events, dyad: Dyad, index d: Int, step: Int) {
        if events.contains(.infantLooksAway) {
            lookAwayStart[d] = step
            chasedDuringLookAway[d] = false
        }
        if events.contains(.infantLooksBack) {
            lookAwayStart[d] = nil
            chasedDuringLookAway[d] = false
        }
        if dyad.infant.gaze != .atCaregiver && dyad.caregiver.action == .intrude {
            chasedDuringLookAway[d] = true
        }
        if dyad.isCoordinated {
            outOfStepSince[d] = nil
        } else if outOfStepSince[d] == nil {
            outOfStepSince[d] = step
        }
    }

    /// The sentence for one dyad's events, if any, with its priority.
    private func explain(_ events: Events, dyad: Dyad, index d: Int, step: Int, phase: Int) -> (text: String, priority: Int)? {
        let infant = dyad.infant
        let action = dyad.caregiver.action
        let human = dyad.caregiver.parameters.policy == .human
        let away = infant.gaze != .atCaregiver

        if events.contains(.phaseStart) && phase > 0 && d == 0 {
            return ("A new phase begins: \(phaseNames[phase]).", 8)
        }
        if events.contains(.infantTurnsFarAway) {
            let who = human ? "You lean" : "The caregiver leans"
            if action == .intrude || chasedDuringLookAway[d] {
                return ("\(who) in while the baby is looking away; it can't settle, and turns further away.", 7)
            }
            return ("The baby turns further away: it still needs room to settle.", 7)
        }
        if events.contains(.infantCries) {
            return ("The baby cries: it has been overwhelmed for a while. Slow, calm comfort helps.", 7)
        }
        if events.contains(.infantPushesAway) {
            return ("The baby pushes at the caregiver's face: it needs more room to calm down.", 7)
        }
        if human, let text = humanSentence(events, away: away) {
            return (text, 6)
        }
        if events.contains(.caregiverStillFace) {
            return ("The caregiver holds a still face: she looks at the baby but does not respond.", 6)
        }
        if events.contains(.infantWithdraws) {
            return ("The baby goes quiet and turns inward: it has stopped expecting an answer for now.", 6)
        }
        if events.contains(.infantFusses) {
            if action == .stillFace || action == .disengage {
                return ("The baby fusses: its smiles and coos got no answer.", 6)
            }
            return ("The baby fusses: its arousal is far above the comfortable range, too high to calm down alone.", 6)
        }
        if events.contains(.infantLooksAway) {
            if infant.behavior == .withdrawn {
                return ("The baby turns away and goes quiet: its bids were not answered.", 5)
            }
            if action == .stillFace {
                return ("The baby looks away from the still face: a face that does not answer is hard to look at.", 5)
            }
            if infant.arousal >= dyad.traits.windowHigh - 0.1 {
                return ("The baby looks away: its arousal went above the comfortable range. Waiting lets it settle.", 5)
            }
            return ("The baby looks away for a moment.", 5)
        }
        if events.contains(.infantLooksBack) {
            let start = lookAwayStart[d] ?? step
            let length = TextFormatting.wholeSeconds(Double(step - start) * stepSeconds)
            if action == .stillFace {
                return ("The baby looks back, checking whether the caregiver's face has come back to life.", 5)
            }
            if chasedDuringLookAway[d] {
                return ("The baby looks back after \(length). Calming down took longer while the caregiver leaned in.", 5)
            }
            return ("The baby looks back on its own after \(length), calmer now. A warm greeting welcomes it back.", 5)
        }
        if events.contains(.caregiverIntrudes) && away {
            return (
                "The caregiver leans into the baby's line of sight to win its gaze back; the excitement stays high, so it can't settle.", 5
            )
        }
        if events.contains(.caregiverSoothes) {
            return ("The caregiver soothes: a low voice, a gentle hand.", 4)
        }
        if events.contains(.infantBids) {
            if action == .stillFace {
                return ("The baby smiles and coos at the still face, trying to bring the caregiver back.", 4)
            }
            return ("The baby smiles and coos to call the caregiver back.", 4)
        }
        if events.contains(.caregiverWaits) && away {
            return ("The caregiver sits back and waits, staying close. The baby can settle in its own time.", 3)
        }
        if events.contains(.caregiverGreets) {
            if away { return ("The caregiver greets the baby softly from where she is.", 3) }
            return ("The caregiver greets the baby warmly as it comes back.", 3)
        }
        if events.contains(.repair) {
            let since = outOfStepSince[d] ?? step
            let length = TextFormatting.seconds(Double(step - since) * stepSeconds)
            return ("Back in step after \(length): a repair.", 3)
        }
        if events.contains(.caregiverDisengages) {
            return ("The caregiver's attention drifts elsewhere for a moment.", 3)
        }
        if events.contains(.infantSelfSoothes) {
            return ("The baby sucks its thumb: it is calming itself down.", 2)
        }
        if events.contains(.infantSmiles) {
            return ("The baby smiles: the game is fun, and its arousal is in the comfortable range.", 1)
        }
        return nil
    }

    /// What the person in the caregiver's place just did, in the second
    /// person.
    private func humanSentence(_ events: Events, away: Bool) -> String? {
        if events.contains(.caregiverIntrudes) {
            return away
                ? "You lean into the baby's line of sight; the excitement stays high, so it can't settle."
                : "You lean in close with a burst of energy."
        }
        if events.contains(.caregiverWaits) {
            return away
                ? "You sit back and wait, staying close. The baby can settle in its own time."
                : "You sit back and wait."
        }
        if events.contains(.caregiverGreets) {
            return away ? "You greet the baby softly from where you are." : "You greet the baby warmly."
        }
        if events.contains(.caregiverSoothes) { return "You soothe the baby: a low voice, a gentle hand." }
        if events.contains(.caregiverPlays) { return "You play: peek-a-boo and big, bright faces." }
        if events.contains(.caregiverStillFace) { return "You hold a still face: you look at the baby but do not respond." }
        if events.contains(.caregiverDisengages) { return "You look elsewhere for a moment." }
        return nil
    }
}

import AttuneModel
import AttuneScenario

/// The narration line: the scenario's captions (``NarrationCue``) plus
/// plain sentences, made from each step's events, that say what just
/// happened and why.
///
/// Every sentence of its own is true of the model's state at the step it
/// describes, as the screen shows it: it says the arousal went above the
/// comfortable range only when the gauge says "too high", speaks of the
/// heart rate only with the number the screen shows, calls a look-away
/// to look around the room curiosity (never overload), and speaks of
/// smiles only when the face smiles.
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
    /// Per dyad: the look-away in progress is the baby looking around the
    /// room out of curiosity, and has not turned into one to calm down.
    private var exploringLookAway: [Bool]
    /// Per dyad: the infant's arousal and heart rate as the look-away in
    /// progress began (to say truly whether it came back calmer).
    private var lookAwayArousal: [Double]
    private var lookAwayHeartRate: [Double]
    /// Per dyad: the heart rate as the still face in progress began, or nil
    /// when she is not holding one.
    private var stillFaceHeartRate: [Double?]
    /// Per dyad: the rise of the heart rate under the still face in
    /// progress has been told.
    private var stillFaceRiseTold: [Bool]

    /// Seconds a sentence of the narrator's own stays up before a less
    /// important one may replace it.
    static let holdSeconds = 2.5
    /// Seconds a caption stays up before a less important sentence may
    /// replace it.
    static let captionHoldSeconds = 4.0
    /// How many lines are kept.
    static let keptLines = 6
    /// Beats per minute above its resting rate from which the baby's heart
    /// rate is said to be up.
    static let heartUpBeats = 8.0
    /// Beats per minute the heart rate must rise under the still face
    /// before the narration says so.
    static let stillFaceRiseBeats = 6.0

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
        exploringLookAway = Array(repeating: false, count: count)
        lookAwayArousal = Array(repeating: 0, count: count)
        lookAwayHeartRate = Array(repeating: 0, count: count)
        stillFaceHeartRate = Array(repeating: nil, count: count)
        stillFaceRiseTold = Array(repeating: false, count: count)
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
        var best: (text: String, priority: Int, dyad: Int, isStillFaceRise: Bool)?
        for d in events.indices {
            let dyad = simulation.dyads[d]
            if let candidate = explain(events[d], dyad: dyad, index: d, step: step, phase: simulation.phaseIndex)
                ?? stillFaceRise(dyad: dyad, index: d),
                candidate.priority > (best?.priority ?? -1)
            {
                best = (prefixed(candidate.text, dyad: d), candidate.priority, d, candidate.isStillFaceRise)
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
            if best.isStillFaceRise { stillFaceRiseTold[best.dyad] = true }
        }
    }

    private mutating func push(_ line: Line) {
        lines.append(line)
        if lines.count > Self.keptLines { lines.removeFirst(lines.count - Self.keptLines) }
    }

    /// True at the step the infant turns back to her from looking around
    /// the room (the model marks no event for that return).
    private func returnedFromLookingAround(_ d: Int, _ infant: InfantState) -> Bool {
        exploringLookAway[d] && lookAwayStart[d] != nil && infant.gaze == .atCaregiver
    }

    private func prefixed(_ text: String, dyad: Int) -> String {
        labels.count > 1 ? "\(labels[dyad]): \(text)" : text
    }

    /// Updates the per-dyad bookkeeping after the sentences were chosen
    /// (they read the state from before this step's changes).
    private mutating func track(_ events: Events, dyad: Dyad, index d: Int, step: Int) {
        let infant = dyad.infant
        let returnedFromLooking = returnedFromLookingAround(d, infant)
        // A new stretch away: a look-away, or a look around the room (a look
        // around that turns into a look-away keeps its start).
        if events.contains(.infantExplores) || (events.contains(.infantLooksAway) && lookAwayStart[d] == nil) {
            lookAwayStart[d] = step
            chasedDuringLookAway[d] = false
            exploringLookAway[d] = infant.behavior == .exploring
            lookAwayArousal[d] = infant.arousal
            lookAwayHeartRate[d] = infant.heartRate
        }
        if events.contains(.infantLooksBack) || returnedFromLooking {
            lookAwayStart[d] = nil
            chasedDuringLookAway[d] = false
            exploringLookAway[d] = false
        }
        if infant.gaze != .atCaregiver && dyad.caregiver.action == .intrude {
            chasedDuringLookAway[d] = true
        }
        // Chased or upset while looking around: a look-away to calm down now.
        if infant.gaze != .atCaregiver && infant.behavior != .exploring {
            exploringLookAway[d] = false
        }
        if dyad.caregiver.action == .stillFace {
            if stillFaceHeartRate[d] == nil {
                stillFaceHeartRate[d] = infant.heartRate
                stillFaceRiseTold[d] = false
            }
        } else {
            stillFaceHeartRate[d] = nil
        }
        if dyad.isCoordinated {
            outOfStepSince[d] = nil
        } else if outOfStepSince[d] == nil {
            outOfStepSince[d] = step
        }
    }

    /// A sentence of the narrator's own, with its priority.
    struct Candidate {
        var text: String
        var priority: Int
        /// The sentence tells the heart rate's rise under the still face.
        var isStillFaceRise = false

        init(_ text: String, _ priority: Int, isStillFaceRise: Bool = false) {
            self.text = text
            self.priority = priority
            self.isStillFaceRise = isStillFaceRise
        }
    }

    /// The heart rate as the screen shows it, in whole beats per minute.
    static func bpm(_ heartRate: Double) -> String { "\(Int(heartRate.rounded())) bpm" }

    /// True when the baby's heart beats clearly faster than at rest.
    static func heartIsUp(_ infant: InfantState, _ traits: InfantTraits) -> Bool {
        infant.heartRate >= traits.restingHeartRate + heartUpBeats
    }

    /// Once in a still face, when the heart rate has risen since it began:
    /// the physiology of the still face, told with the screen's numbers.
    private func stillFaceRise(dyad: Dyad, index d: Int) -> Candidate? {
        guard dyad.caregiver.action == .stillFace, !stillFaceRiseTold[d], let start = stillFaceHeartRate[d] else { return nil }
        let now = dyad.infant.heartRate
        guard Int(now.rounded()) >= Int(start.rounded()) + Int(Self.stillFaceRiseBeats) else { return nil }
        return Candidate(
            "Facing the still face, the baby's heart beats faster: \(Self.bpm(now)), up from \(Self.bpm(start)) when it began.", 4,
            isStillFaceRise: true)
    }

    /// The sentence for one dyad's events, if any, with its priority.
    private func explain(_ events: Events, dyad: Dyad, index d: Int, step: Int, phase: Int) -> Candidate? {
        let infant = dyad.infant
        let traits = dyad.traits
        let action = dyad.caregiver.action
        let human = dyad.caregiver.parameters.policy == .human
        let away = infant.gaze != .atCaregiver
        let heartUp = Self.heartIsUp(infant, traits)
        let heart = Self.bpm(infant.heartRate)

        if events.contains(.phaseStart) && phase > 0 && d == 0 {
            return Candidate("A new phase begins: \(phaseNames[phase]).", 8)
        }
        if events.contains(.infantTurnsFarAway) {
            let who = human ? "You lean" : "The caregiver leans"
            if action == .intrude || chasedDuringLookAway[d] {
                return Candidate("\(who) in while the baby is looking away; it can't settle, and turns further away.", 7)
            }
            return Candidate("The baby turns further away: it still needs room to settle.", 7)
        }
        if events.contains(.infantCries) {
            let beats = heartUp ? "; its heart rate is up to \(heart)" : ""
            return Candidate("The baby cries: it has been overwhelmed for a while\(beats). Slow, calm comfort helps.", 7)
        }
        if events.contains(.infantPushesAway) {
            return Candidate("The baby pushes at the caregiver's face: it needs more room to calm down.", 7)
        }
        if human, let text = humanSentence(events, away: away, exploring: infant.behavior == .exploring) {
            return Candidate(text, 6)
        }
        if events.contains(.caregiverStillFace) {
            return Candidate("The caregiver holds a still face: she looks at the baby but does not respond.", 6)
        }
        if events.contains(.infantWithdraws) {
            return Candidate("The baby goes quiet and turns inward: it has stopped expecting an answer for now.", 6)
        }
        if events.contains(.infantFusses) {
            return Candidate(fussing(infant: infant, traits: traits, action: action), 6)
        }
        if events.contains(.infantLooksAway) || events.contains(.infantExplores) {
            return Candidate(lookingAway(infant: infant, traits: traits, action: action), 5)
        }
        if events.contains(.infantLooksBack) || returnedFromLookingAround(d, infant) {
            let start = lookAwayStart[d] ?? step
            let length = TextFormatting.wholeSeconds(Double(step - start) * stepSeconds)
            if action == .stillFace {
                return Candidate("The baby looks back, checking whether the caregiver's face has come back to life.", 5)
            }
            if chasedDuringLookAway[d] {
                return Candidate("The baby looks back after \(length). Calming down took longer while the caregiver leaned in.", 5)
            }
            if exploringLookAway[d] {
                return Candidate("The baby looks back after \(length) of looking around the room. A warm greeting welcomes it back.", 5)
            }
            var text = "The baby looks back on its own after \(length)"
            let calmer = infant.arousal < lookAwayArousal[d] - 0.02
            let slower = infant.heartRate <= lookAwayHeartRate[d] - 3
            if calmer && slower {
                text += ", calmer now: its heart rate is down to \(heart)"
            } else if calmer {
                text += ", calmer now"
            }
            return Candidate(text + ". A warm greeting welcomes it back.", 5)
        }
        if events.contains(.caregiverIntrudes) && away {
            return Candidate(
                "The caregiver leans into the baby's line of sight to win its gaze back; the excitement stays high, so it can't settle.", 5)
        }
        if events.contains(.caregiverSoothes) {
            return Candidate("The caregiver soothes: a low voice, a gentle hand.", 4)
        }
        if events.contains(.infantBids) {
            if infant.affect == .delighted {
                if action == .stillFace {
                    return Candidate("The baby smiles and coos at the still face, trying to bring the caregiver back.", 4)
                }
                return Candidate("The baby smiles and coos to call the caregiver back.", 4)
            }
            if action == .stillFace {
                return Candidate("The baby calls to the still face, no longer smiling, still trying to bring the caregiver back.", 4)
            }
            return Candidate("The baby calls to the caregiver, watching her face, not smiling now.", 4)
        }
        if events.contains(.caregiverWaits) && away {
            if infant.behavior == .exploring {
                return Candidate("The caregiver sits back and waits while the baby looks around; it can come back in its own time.", 3)
            }
            return Candidate("The caregiver sits back and waits, staying close. The baby can settle in its own time.", 3)
        }
        if events.contains(.caregiverGreets) {
            if away { return Candidate("The caregiver greets the baby softly from where she is.", 3) }
            return Candidate("The caregiver greets the baby warmly as it comes back.", 3)
        }
        if events.contains(.repair) {
            let since = outOfStepSince[d] ?? step
            let length = TextFormatting.seconds(Double(step - since) * stepSeconds)
            return Candidate("Back in step after \(length): a repair.", 3)
        }
        if events.contains(.caregiverDisengages) {
            return Candidate("The caregiver's attention drifts elsewhere for a moment.", 3)
        }
        if events.contains(.infantSelfSoothes) {
            return Candidate("The baby sucks its thumb: it is calming itself down.", 2)
        }
        if events.contains(.infantSmiles) {
            if infant.arousal <= traits.windowHigh && infant.arousal >= traits.windowLow {
                return Candidate("The baby smiles: the game is fun, and its arousal is in the comfortable range.", 1)
            }
            return Candidate("The baby smiles: the game is fun.", 1)
        }
        return nil
    }

    /// Why the baby looks away, as the screen shows it at that step.
    private func lookingAway(infant: InfantState, traits: InfantTraits, action: CaregiverAction) -> String {
        let heartUp = Self.heartIsUp(infant, traits)
        let heart = Self.bpm(infant.heartRate)
        if infant.behavior == .withdrawn {
            return "The baby turns away and goes quiet: its bids were not answered."
        }
        if infant.behavior == .exploring {
            // Curiosity, never overload: the model sends the eyes around
            // the room only while arousal is at or below the top of the
            // comfortable range.
            switch action {
            case .stillFace:
                return "The baby looks around the room: the still face gives no answer, so it looks for something that does."
            case .disengage:
                return "The baby looks around the room while the caregiver's attention is elsewhere."
            default:
                return "The baby looks around the room: something else caught its eye. It is curious, not overwhelmed."
            }
        }
        if action == .stillFace {
            let beats = heartUp ? " Its heart rate is up to \(heart)." : ""
            return "The baby looks away from the still face: a face that does not answer is hard to look at.\(beats)"
        }
        let beats = heartUp ? " and its heart rate climbed to \(heart)" : ""
        if infant.arousal > traits.windowHigh {
            return "The baby looks away: its arousal went above the comfortable range\(beats). Waiting lets it settle."
        }
        if infant.arousal >= traits.windowHigh - 0.1 {
            return "The baby looks away: its arousal neared the top of the comfortable range\(beats). Waiting lets it settle."
        }
        return "The baby looks away for a moment."
    }

    /// Why the baby fusses, as the screen shows it at that step.
    private func fussing(infant: InfantState, traits: InfantTraits, action: CaregiverAction) -> String {
        let heartUp = Self.heartIsUp(infant, traits)
        let heart = Self.bpm(infant.heartRate)
        let beats = heartUp ? " Its heart rate is up to \(heart)." : ""
        if infant.gaze == .atCaregiver && (action == .stillFace || action == .disengage || infant.unansweredSeconds > 1) {
            return "The baby fusses: its calls got no answer.\(beats)"
        }
        if infant.arousal > traits.distressLevel {
            return "The baby fusses: its arousal is far above the comfortable range, too high to calm down alone."
        }
        if infant.arousal > traits.windowHigh {
            return "The baby fusses: its arousal is above the comfortable range, more than it can take just now.\(beats)"
        }
        if action == .play || action == .greet || action == .intrude {
            return "The baby fusses: strain has built up, and lively play is more than it can take just now.\(beats)"
        }
        return "The baby fusses: strain has built up, and it is hard to settle.\(beats)"
    }

    /// What the person in the caregiver's place just did, in the second
    /// person.
    private func humanSentence(_ events: Events, away: Bool, exploring: Bool) -> String? {
        if events.contains(.caregiverIntrudes) {
            return away
                ? "You lean into the baby's line of sight; the excitement stays high, so it can't settle."
                : "You lean in close with a burst of energy."
        }
        if events.contains(.caregiverWaits) {
            if away && exploring { return "You sit back and wait while the baby looks around; it can come back in its own time." }
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

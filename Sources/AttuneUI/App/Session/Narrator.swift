import AttuneModel
import AttuneScenario

/// The narration line: the scenario's captions (``NarrationCue``) plus
/// plain sentences, made from each step's events, that say what just
/// happened and why.
///
/// Every line is true of the model's state for as long as it is up, as
/// the screen shows it: each carries what it claims (``Condition``: the
/// baby turned away, she waits, the pair in step, the gauge's word...),
/// and a line goes from the screen (``Line/endedAt``) at the first step
/// one of its claims stops being true. Its own sentences say the arousal
/// went above the comfortable range only when the gauge says so, speak of
/// the heart rate only with the number the screen shows at that step,
/// call a look around the room curiosity (never overload), and speak of
/// smiles only when the face smiles.
///
/// A caption from the scenario file claims what its trigger means: a
/// caption on an event holds while the state the event began lasts
/// (``lasting(_:)``: `repair` while the pair are in step, `infant-fusses`
/// while the baby is upset, `caregiver-waits` while she waits for a baby
/// turned away to calm down...), a caption at a time holds while its phase
/// lasts. A caption whose event comes at a moment its words do not fit (she
/// sits back while the baby only looks around the room) is held for up to
/// ``captionWaitSeconds`` and shown at the first step they fit, or dropped;
/// a dropped `once` caption is not spent and waits for the next time.
///
/// A pure value stepped with the run, so a rewound run narrates exactly
/// what it narrated the first time. Captions show as soon as they fit; the
/// narrator's own sentences wait until the newest line still up has been
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
        /// The dyad (0-based) it speaks of, or nil when it speaks of the
        /// whole run (a caption at a time, a new phase).
        public var dyad: Int? = nil
        /// What it claims, which must stay true while it is up.
        var claims: [Condition] = []
        /// The step during which one of its claims stopped being true, so
        /// that it left the screen; nil while it is up.
        public var endedAt: Int? = nil

        /// True while the line is on screen: everything it says is still so.
        public var isUp: Bool { endedAt == nil }
    }

    /// Something a line says about the run that must stay true while the
    /// line is up, read as the screen shows it.
    enum Condition: Hashable, Sendable {
        /// The phase (0-based) it was said in is still running.
        case phase(Int)
        /// Each dyad's caregiver follows the policy she followed when it
        /// was said (one per dyad, in order).
        case policies([Policy])
        /// The baby is turned away (away or far away) to calm down, not
        /// looking around the room.
        case turnedAway
        /// The baby does not look at her (turned away, or looking around).
        case notLookingAtHer
        /// The baby looks around the room.
        case lookingAround
        /// The baby is turned far away.
        case turnedFarAway
        /// The baby looks at her.
        case lookingAtHer
        /// The baby does this.
        case behaving(Behavior)
        /// The baby is upset: fussing, crying or pushing away.
        case upset
        /// The baby's face shows delight (true) or does not (false).
        case delighted(Bool)
        /// She does one of these.
        case doing([CaregiverAction])
        /// The pair are in step (true) or out of step (false).
        case inStep(Bool)
        /// The arousal gauge says one of these words (``ScreenWords/zone(arousal:behavior:traits:)``).
        case gauge([String])
        /// The heart rate is clearly up: at least ``heartUpBeats`` above its resting rate.
        case heartUp
        /// The heart rate as the screen shows it is at least this.
        case heartAtLeast(Int)
        /// The heart rate as the screen shows it is at most this.
        case heartAtMost(Int)
        /// The baby is calm enough to come back: arousal near its return level.
        case calm
    }

    /// The gauge's words above the comfortable range.
    static let aboveRange = ["too high", "overwhelmed"]

    /// The lines said so far, newest last (the last six are kept), those
    /// still up and those gone.
    public private(set) var lines: [Line] = []

    private let cues: [NarrationCue]
    private let labels: [String]
    private let phaseNames: [String]
    /// Seconds from the start of the run at which each phase begins.
    private let phaseStarts: [Double]
    private let stepSeconds: Double
    private var cueShown: [Bool]
    /// Per cue, a caption on an event that came at a moment its words did
    /// not fit: the dyad, the step it came and what it claims.
    private var heldCue: [HeldCue?]
    /// Per dyad: the gauge went above the comfortable range during the
    /// look-away in progress, and has not yet been told coming back.
    private var aboveDuringLookAway: [Bool]
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
    /// Seconds a caption on an event waits for a moment its words fit
    /// before it is dropped.
    public static let captionWaitSeconds = 2.0
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
        phaseStarts = scenario.plan.phases.indices.map { i in scenario.plan.phases[..<i].reduce(0) { $0 + $1.durationSeconds } }
        stepSeconds = scenario.plan.stepSeconds
        cueShown = Array(repeating: false, count: scenario.narration.count)
        heldCue = Array(repeating: nil, count: scenario.narration.count)
        let count = scenario.plan.dyads.count
        aboveDuringLookAway = Array(repeating: false, count: count)
        lookAwayStart = Array(repeating: nil, count: count)
        chasedDuringLookAway = Array(repeating: false, count: count)
        outOfStepSince = Array(repeating: nil, count: count)
        exploringLookAway = Array(repeating: false, count: count)
        lookAwayArousal = Array(repeating: 0, count: count)
        lookAwayHeartRate = Array(repeating: 0, count: count)
        stillFaceHeartRate = Array(repeating: nil, count: count)
        stillFaceRiseTold = Array(repeating: false, count: count)
    }

    /// The newest line said, if any, whether it is still up or not.
    public var newest: Line? { lines.last }

    /// The lines on screen now, newest last: those whose claims all still hold.
    public var shown: [Line] { lines.filter(\.isUp) }

    /// The newest line still up, if any: the caption the presenter shows.
    public var current: Line? { lines.last(where: \.isUp) }

    /// Takes in one step of the run.
    /// - Parameters:
    ///   - step: the index of the step just taken (0-based).
    ///   - events: what happened to each dyad during it.
    ///   - simulation: the run after the step.
    public mutating func observe(step: Int, events: [Events], simulation: Simulation) {
        let secondsAfter = Double(step + 1) * stepSeconds
        let secondsBefore = Double(step) * stepSeconds
        let phase = simulation.phaseIndex

        // Lines whose words stopped being true go.
        for index in lines.indices where lines[index].isUp {
            if !Self.holds(lines[index].claims, dyad: lines[index].dyad, in: simulation) { lines[index].endedAt = step }
        }

        var captions: [Line] = []
        // Captions at set times, once the clock reaches their time, and not
        // before a step of the phase their time falls in has run (a caption
        // at a phase's start waits for that phase's first step): true while
        // that phase lasts and every caregiver keeps the policy she had (an
        // answer or a key that changes what she does ends them).
        let ranIn = Self.phase(at: secondsBefore, starts: phaseStarts)
        for (index, cue) in cues.enumerated() {
            guard !cueShown[index], case let .at(seconds) = cue.trigger else { continue }
            let reached = seconds <= secondsAfter + 1e-9 || (step == 0 && seconds <= 1e-9)
            let target = Self.phase(at: seconds, starts: phaseStarts)
            guard reached, target <= ranIn else { continue }
            cueShown[index] = true
            let policies = simulation.dyads.map(\.caregiver.parameters.policy)
            captions.append(
                Line(text: cue.text, step: step, priority: 9, isCaption: true, claims: [.phase(target), .policies(policies)]))
        }
        // Captions on events: due when the event comes, shown at the first
        // step (within captionWaitSeconds) at which what the event began
        // still lasts.
        let waitSteps = Int((Self.captionWaitSeconds / stepSeconds).rounded())
        for (index, cue) in cues.enumerated() {
            guard case let .on(wanted) = cue.trigger else { continue }
            if cue.once && cueShown[index] { continue }
            if heldCue[index] == nil {
                for d in events.indices where !events[d].isDisjoint(with: wanted) {
                    if let only = cue.dyad, only != labels[d] { continue }
                    heldCue[index] = HeldCue(dyad: d, step: step, claims: Self.lasting(events[d].intersection(wanted), phase: phase))
                    break
                }
            }
            guard let held = heldCue[index] else { continue }
            if Self.holds(held.claims, dyad: held.dyad, in: simulation) {
                heldCue[index] = nil
                cueShown[index] = true
                captions.append(
                    Line(
                        text: prefixed(cue.text, dyad: held.dyad), step: step, priority: 9, isCaption: true, dyad: held.dyad,
                        claims: held.claims))
            } else if step - held.step >= waitSteps {
                heldCue[index] = nil
            }
        }

        // The narrator's own sentences: the most important one this step.
        var best: (line: Line, isStillFaceRise: Bool, isSettled: Bool)?
        for d in events.indices {
            let dyad = simulation.dyads[d]
            if let candidate = explain(events[d], dyad: dyad, index: d, step: step, phase: phase)
                ?? stillFaceRise(dyad: dyad, index: d) ?? settled(dyad: dyad, index: d),
                candidate.priority > (best?.line.priority ?? -1)
            {
                let line = Line(
                    text: prefixed(candidate.text, dyad: d), step: step, priority: candidate.priority, isCaption: false,
                    dyad: candidate.wholeRun ? nil : d, claims: candidate.claims)
                best = (line, candidate.isStillFaceRise, candidate.isSettled)
            }
            track(events[d], dyad: dyad, index: d, step: step)
        }

        for caption in captions { push(caption) }
        if captions.isEmpty, let best, best.line.priority > 0,
            Self.holds(best.line.claims, dyad: best.line.dyad, in: simulation)
        {
            if let current {
                let age = Double(step - current.step) * stepSeconds
                let hold = current.isCaption ? Self.captionHoldSeconds : Self.holdSeconds
                guard age >= hold || best.line.priority > current.priority else { return }
            }
            push(best.line)
            if let d = best.line.dyad {
                if best.isStillFaceRise { stillFaceRiseTold[d] = true }
                if best.isSettled { aboveDuringLookAway[d] = false }
            }
        }
    }

    private mutating func push(_ line: Line) {
        lines.append(line)
        if lines.count > Self.keptLines { lines.removeFirst(lines.count - Self.keptLines) }
    }

    /// The phase (0-based) that the moment `seconds` from the start falls
    /// in, given each phase's start.
    static func phase(at seconds: Double, starts: [Double]) -> Int {
        max(0, (starts.lastIndex { $0 <= seconds + 1e-9 }) ?? 0)
    }

    /// A caption on an event waiting for a moment its words fit.
    struct HeldCue: Hashable, Sendable {
        var dyad: Int
        var step: Int
        var claims: [Condition]
    }

    /// What a caption on `event` claims while it is up: that what the
    /// event began still lasts. Captions on the caregiver sitting back or
    /// leaning in speak of her answer to a look-away, so they hold only
    /// while the baby is turned away to calm down (not while it looks
    /// around the room out of curiosity).
    static func lasting(_ event: Events, phase: Int) -> [Condition] {
        guard let first = Events.named.first(where: { event.contains($0.0) })?.0 else { return [] }
        switch first {
        case .infantLooksAway: return [.turnedAway]
        case .infantLooksBack: return [.lookingAtHer]
        case .infantTurnsFarAway: return [.turnedFarAway]
        case .infantSmiles: return [.delighted(true)]
        case .infantBids: return [.behaving(.bidding)]
        case .infantSelfSoothes: return [.behaving(.selfSoothing)]
        case .infantFusses, .infantPushesAway: return [.upset]
        case .infantCries: return [.behaving(.crying)]
        case .infantWithdraws: return [.behaving(.withdrawn)]
        case .infantExplores: return [.lookingAround]
        case .caregiverPlays: return [.doing([.play])]
        case .caregiverGreets: return [.doing([.greet, .play])]
        case .caregiverWaits: return [.doing([.wait]), .turnedAway]
        case .caregiverSoothes: return [.doing([.soothe])]
        case .caregiverIntrudes: return [.doing([.intrude]), .turnedAway]
        case .caregiverStillFace: return [.doing([.stillFace])]
        case .caregiverDisengages: return [.doing([.disengage])]
        case .rupture: return [.inStep(false)]
        case .repair: return [.inStep(true)]
        default: return [.phase(phase)]
        }
    }

    /// True when every one of `claims` is true of `simulation` now, for
    /// dyad `d` (nil: claims about the whole run only).
    static func holds(_ claims: [Condition], dyad d: Int?, in simulation: Simulation) -> Bool {
        for claim in claims {
            if case let .phase(phase) = claim {
                if simulation.phaseIndex != phase { return false }
                continue
            }
            if case let .policies(policies) = claim {
                if simulation.dyads.map(\.caregiver.parameters.policy) != policies { return false }
                continue
            }
            guard let d, d < simulation.dyads.count else { return false }
            if !holds(claim, simulation.dyads[d]) { return false }
        }
        return true
    }

    /// True when `claim` is true of `dyad` now, as the screen shows it.
    static func holds(_ claim: Condition, _ dyad: Dyad) -> Bool {
        let infant = dyad.infant
        let traits = dyad.traits
        let beats = Int(infant.heartRate.rounded())
        switch claim {
        case .phase, .policies: return true
        case .turnedAway: return infant.gaze != .atCaregiver && infant.behavior != .exploring
        case .notLookingAtHer: return infant.gaze != .atCaregiver
        case .lookingAround: return infant.gaze != .atCaregiver && infant.behavior == .exploring
        case .turnedFarAway: return infant.gaze == .farAway
        case .lookingAtHer: return infant.gaze == .atCaregiver
        case let .behaving(behavior): return infant.behavior == behavior
        case .upset: return infant.behavior.isDistress
        case let .delighted(yes): return (infant.affect == .delighted) == yes
        case let .doing(actions): return actions.contains(dyad.caregiver.action)
        case let .inStep(yes): return dyad.isCoordinated == yes
        case let .gauge(words):
            return words.contains(ScreenWords.zone(arousal: infant.arousal, behavior: infant.behavior, traits: traits).word)
        case .heartUp: return heartIsUp(infant, traits)
        case let .heartAtLeast(n): return beats >= n
        case let .heartAtMost(n): return beats <= n
        case .calm:
            return infant.arousal <= traits.returnLevel + 0.1
                && !aboveRange.contains(ScreenWords.zone(arousal: infant.arousal, behavior: infant.behavior, traits: traits).word)
        }
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
            aboveDuringLookAway[d] = false
        }
        if events.contains(.infantLooksBack) || returnedFromLooking {
            lookAwayStart[d] = nil
            chasedDuringLookAway[d] = false
            exploringLookAway[d] = false
            aboveDuringLookAway[d] = false
        }
        if infant.gaze != .atCaregiver && dyad.caregiver.action == .intrude {
            chasedDuringLookAway[d] = true
        }
        // Chased or upset while looking around: a look-away to calm down now.
        if infant.gaze != .atCaregiver && infant.behavior != .exploring {
            exploringLookAway[d] = false
            if Self.holds(.gauge(Self.aboveRange), dyad) { aboveDuringLookAway[d] = true }
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

    /// A sentence of the narrator's own, with its priority and what it
    /// claims while it is up.
    struct Candidate {
        var text: String
        var priority: Int
        var claims: [Condition]
        /// The sentence speaks of the whole run (a new phase), not of one dyad.
        var wholeRun = false
        /// The sentence tells the heart rate's rise under the still face.
        var isStillFaceRise = false
        /// The sentence tells the gauge back in the comfortable range
        /// during a look-away.
        var isSettled = false

        init(_ text: String, _ priority: Int, _ claims: [Condition]) {
            self.text = text
            self.priority = priority
            self.claims = claims
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
        let from = Int(start.rounded())
        guard Int(now.rounded()) >= from + Int(Self.stillFaceRiseBeats) else { return nil }
        var candidate = Candidate(
            "Facing the still face, the baby's heart beats faster: \(Self.bpm(now)), up from \(Self.bpm(start)) when it began.", 4,
            [.doing([.stillFace]), .heartAtLeast(from + Int(Self.stillFaceRiseBeats))])
        candidate.isStillFaceRise = true
        return candidate
    }

    /// During a look-away to calm down that took the gauge above the
    /// comfortable range, once it is back in range while she does not lean
    /// in: the settling the look-away was for.
    private func settled(dyad: Dyad, index d: Int) -> Candidate? {
        guard aboveDuringLookAway[d], dyad.caregiver.action != .intrude, Self.holds(.turnedAway, dyad),
            Self.holds(.gauge(["in range", "low"]), dyad)
        else { return nil }
        var candidate = Candidate(
            "The baby's arousal is back in the comfortable range. It can turn back when it is ready.", 3,
            [.turnedAway, .gauge(["in range", "low"])])
        candidate.isSettled = true
        return candidate
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
        let heartClaims: [Condition] = heartUp ? [.heartUp] : []

        if events.contains(.phaseStart) && phase > 0 && d == 0 {
            var candidate = Candidate("A new phase begins: \(phaseNames[phase]).", 8, [.phase(phase)])
            candidate.wholeRun = true
            return candidate
        }
        if events.contains(.infantTurnsFarAway) {
            if action == .intrude {
                let who = human ? "You lean" : "The caregiver leans"
                return Candidate(
                    "\(who) in while the baby is looking away; it can't settle, and turns further away.", 7,
                    [.turnedFarAway, .doing([.intrude])])
            }
            if chasedDuringLookAway[d] {
                let who = human ? "You leaned" : "The caregiver leaned"
                return Candidate(
                    "\(who) in while the baby was looking away; it could not settle, and turns further away.", 7, [.turnedFarAway])
            }
            return Candidate("The baby turns further away: it still needs room to settle.", 7, [.turnedFarAway])
        }
        if events.contains(.infantCries) {
            let beats = heartUp ? "; its heart rate climbed to \(heart)" : ""
            return Candidate(
                "The baby cries: it has been overwhelmed for a while\(beats). Slow, calm comfort helps.", 7,
                [.behaving(.crying)] + heartClaims)
        }
        if events.contains(.infantPushesAway) {
            return Candidate("The baby pushed at the caregiver's face: it needs more room to calm down.", 7, [.upset])
        }
        if human, let candidate = humanSentence(events, infant: infant) {
            return candidate
        }
        if events.contains(.caregiverStillFace) {
            return Candidate("The caregiver holds a still face: she looks at the baby but does not respond.", 6, [.doing([.stillFace])])
        }
        if events.contains(.infantWithdraws) {
            return Candidate(
                "The baby goes quiet and turns inward: it has stopped expecting an answer for now.", 6, [.behaving(.withdrawn)])
        }
        if events.contains(.infantFusses) {
            return fussing(infant: infant, traits: traits, action: action)
        }
        if events.contains(.infantLooksAway) || events.contains(.infantExplores) {
            return lookingAway(infant: infant, traits: traits, action: action)
        }
        if events.contains(.infantLooksBack) || returnedFromLookingAround(d, infant) {
            let start = lookAwayStart[d] ?? step
            let length = TextFormatting.wholeSeconds(Double(step - start) * stepSeconds)
            if action == .stillFace {
                return Candidate(
                    "The baby looks back, checking whether the caregiver's face has come back to life.", 5,
                    [.lookingAtHer, .doing([.stillFace])])
            }
            if chasedDuringLookAway[d] {
                return Candidate(
                    "The baby looks back after \(length). Calming down took longer while the caregiver leaned in.", 5, [.lookingAtHer])
            }
            if exploringLookAway[d] {
                return Candidate(
                    "The baby looks back after \(length) of looking around the room. A warm greeting welcomes it back.", 5,
                    [.lookingAtHer])
            }
            var text = "The baby looks back on its own after \(length)"
            var claims: [Condition] = [.lookingAtHer]
            // Calmer only when the gauge shows it: down since the look-away
            // began, and near the level at which a baby comes back.
            let calmer = infant.arousal < lookAwayArousal[d] - 0.02 && Self.holds(.calm, dyad)
            let slower = infant.heartRate <= lookAwayHeartRate[d] - 3
            if calmer && slower {
                text += ", calmer now: its heart rate came down to \(heart)"
                claims += [.calm, .heartAtMost(Int(infant.heartRate.rounded()) + 2)]
            } else if calmer {
                text += ", calmer now"
                claims.append(.calm)
            }
            return Candidate(text + ". A warm greeting welcomes it back.", 5, claims)
        }
        if events.contains(.caregiverIntrudes) && away {
            return Candidate(
                "The caregiver leans into the baby's line of sight to win its gaze back; that is more to take in, so it can't settle.", 5,
                [.doing([.intrude]), .notLookingAtHer])
        }
        if events.contains(.caregiverSoothes) {
            return Candidate("The caregiver soothes: a low voice, a gentle hand.", 4, [.doing([.soothe])])
        }
        if events.contains(.infantBids) {
            let bidding: [Condition] = [.behaving(.bidding), .delighted(infant.affect == .delighted)]
            let still: [Condition] = action == .stillFace ? [.doing([.stillFace])] : []
            if infant.affect == .delighted {
                if action == .stillFace {
                    return Candidate("The baby smiles and coos at the still face, trying to bring the caregiver back.", 4, bidding + still)
                }
                return Candidate("The baby smiles and coos to call the caregiver back.", 4, bidding)
            }
            if action == .stillFace {
                return Candidate(
                    "The baby calls to the still face, no longer smiling, still trying to bring the caregiver back.", 4, bidding + still)
            }
            return Candidate("The baby calls to the caregiver, watching her face, not smiling now.", 4, bidding + [.lookingAtHer])
        }
        if events.contains(.caregiverWaits) && away {
            if infant.behavior == .exploring {
                return Candidate(
                    "The caregiver sits back and waits while the baby looks around; it can come back in its own time.", 3,
                    [.doing([.wait]), .lookingAround])
            }
            return Candidate(
                "The caregiver sits back and waits, staying close. The baby can settle in its own time.", 3,
                [.doing([.wait]), .turnedAway])
        }
        if events.contains(.caregiverGreets) {
            if away {
                return Candidate("The caregiver greets the baby softly from where she is.", 3, [.doing([.greet]), .notLookingAtHer])
            }
            return Candidate("The caregiver greets the baby warmly as it comes back.", 3, [.doing([.greet, .play]), .lookingAtHer])
        }
        if events.contains(.repair) {
            let since = outOfStepSince[d] ?? step
            let length = TextFormatting.seconds(Double(step - since) * stepSeconds)
            return Candidate("Back in step after \(length): a repair.", 3, [.inStep(true)])
        }
        if events.contains(.caregiverDisengages) {
            return Candidate("The caregiver's attention drifts elsewhere for a moment.", 3, [.doing([.disengage])])
        }
        if events.contains(.infantSelfSoothes) {
            return Candidate("The baby sucks its thumb: it is calming itself down.", 2, [.behaving(.selfSoothing)])
        }
        if events.contains(.infantSmiles) {
            if Self.holds(.gauge(["in range"]), dyad) {
                return Candidate(
                    "The baby smiles: the game is fun, and its arousal is in the comfortable range.", 1,
                    [.delighted(true), .gauge(["in range"])])
            }
            return Candidate("The baby smiles: the game is fun.", 1, [.delighted(true)])
        }
        return nil
    }

    /// Why the baby looks away, as the screen shows it at that step.
    private func lookingAway(infant: InfantState, traits: InfantTraits, action: CaregiverAction) -> Candidate {
        let heartUp = Self.heartIsUp(infant, traits)
        let heart = Self.bpm(infant.heartRate)
        let heartClaims: [Condition] = heartUp ? [.heartUp] : []
        if infant.behavior == .withdrawn {
            return Candidate(
                "The baby turns away and goes quiet: its bids were not answered.", 5, [.behaving(.withdrawn), .notLookingAtHer])
        }
        if infant.behavior == .exploring {
            // Curiosity, never overload: the model sends the eyes around
            // the room only while arousal is at or below the top of the
            // comfortable range.
            switch action {
            case .stillFace:
                return Candidate(
                    "The baby looks around the room: the still face gives no answer, so it looks for something that does.", 5,
                    [.lookingAround, .doing([.stillFace])])
            case .disengage:
                return Candidate(
                    "The baby looks around the room while the caregiver's attention is elsewhere.", 5,
                    [.lookingAround, .doing([.disengage])])
            default:
                return Candidate(
                    "The baby looks around the room: something else caught its eye. It is curious, not overwhelmed.", 5,
                    [.lookingAround])
            }
        }
        if action == .stillFace {
            let beats = heartUp ? " Its heart rate climbed to \(heart)." : ""
            return Candidate(
                "The baby looks away from the still face: a face that does not answer is hard to look at.\(beats)", 5,
                [.turnedAway, .doing([.stillFace])] + heartClaims)
        }
        let beats = heartUp ? " and its heart rate climbed to \(heart)" : ""
        let zone = ScreenWords.zone(arousal: infant.arousal, behavior: infant.behavior, traits: traits).word
        if Self.aboveRange.contains(zone) {
            return Candidate(
                "The baby looks away: its arousal went above the comfortable range\(beats). Waiting lets it settle.", 5,
                [.turnedAway, .gauge(Self.aboveRange)] + heartClaims)
        }
        if zone == "in range" && infant.arousal >= traits.windowHigh - 0.1 {
            return Candidate(
                "The baby looks away: its arousal neared the top of the comfortable range\(beats). Waiting lets it settle.", 5,
                [.turnedAway, .gauge(["in range"])] + heartClaims)
        }
        return Candidate("The baby looks away for a moment.", 5, [.turnedAway])
    }

    /// Why the baby fusses, as the screen shows it at that step.
    private func fussing(infant: InfantState, traits: InfantTraits, action: CaregiverAction) -> Candidate {
        let heartUp = Self.heartIsUp(infant, traits)
        let heart = Self.bpm(infant.heartRate)
        let beats = heartUp ? " Its heart rate climbed to \(heart)." : ""
        let heartClaims: [Condition] = heartUp ? [.heartUp] : []
        let zone = ScreenWords.zone(arousal: infant.arousal, behavior: infant.behavior, traits: traits).word
        if infant.gaze == .atCaregiver && (action == .stillFace || action == .disengage || infant.unansweredSeconds > 1) {
            return Candidate("The baby fusses: its calls got no answer.\(beats)", 6, [.upset] + heartClaims)
        }
        if zone == "overwhelmed" {
            return Candidate(
                "The baby fusses: its arousal is far above the comfortable range, too high to calm down alone.", 6,
                [.upset, .gauge(["overwhelmed"])])
        }
        if zone == "too high" {
            return Candidate(
                "The baby fusses: its arousal is above the comfortable range, more than it can take just now.\(beats)", 6,
                [.upset, .gauge(Self.aboveRange)] + heartClaims)
        }
        if action == .play || action == .greet || action == .intrude {
            return Candidate(
                "The baby fusses: strain has built up, and lively play is more than it can take just now.\(beats)", 6,
                [.upset, .doing([.play, .greet, .intrude])] + heartClaims)
        }
        return Candidate("The baby fusses: strain has built up, and it is hard to settle.\(beats)", 6, [.upset] + heartClaims)
    }

    /// What the person in the caregiver's place just did, in the second
    /// person.
    private func humanSentence(_ events: Events, infant: InfantState) -> Candidate? {
        let away = infant.gaze != .atCaregiver
        let exploring = infant.behavior == .exploring
        if events.contains(.caregiverIntrudes) {
            return away
                ? Candidate(
                    "You lean into the baby's line of sight; that is more to take in, so it can't settle.", 6,
                    [.doing([.intrude]), .notLookingAtHer])
                : Candidate("You lean in close with a burst of energy.", 6, [.doing([.intrude])])
        }
        if events.contains(.caregiverWaits) {
            if away && exploring {
                return Candidate(
                    "You sit back and wait while the baby looks around; it can come back in its own time.", 6,
                    [.doing([.wait]), .lookingAround])
            }
            return away
                ? Candidate(
                    "You sit back and wait, staying close. The baby can settle in its own time.", 6, [.doing([.wait]), .turnedAway])
                : Candidate("You sit back and wait.", 6, [.doing([.wait])])
        }
        if events.contains(.caregiverGreets) {
            return away
                ? Candidate("You greet the baby softly from where you are.", 6, [.doing([.greet])])
                : Candidate("You greet the baby warmly.", 6, [.doing([.greet])])
        }
        if events.contains(.caregiverSoothes) {
            return Candidate("You soothe the baby: a low voice, a gentle hand.", 6, [.doing([.soothe])])
        }
        if events.contains(.caregiverPlays) {
            return Candidate("You play: peek-a-boo and big, bright faces.", 6, [.doing([.play])])
        }
        if events.contains(.caregiverStillFace) {
            return Candidate("You hold a still face: you look at the baby but do not respond.", 6, [.doing([.stillFace])])
        }
        if events.contains(.caregiverDisengages) {
            return Candidate("You look elsewhere for a moment.", 6, [.doing([.disengage])])
        }
        return nil
    }
}

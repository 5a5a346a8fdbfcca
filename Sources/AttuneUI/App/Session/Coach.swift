import AttuneModel
import AttuneScenario

/// The coaching line for the person in the caregiver's place: what just
/// happened in the baby's terms, with the timing of what they did, and
/// never a word of blame ("The baby looked away 2.4 s into your play; you
/// leaned in 0.6 s later. It came back after 9.1 s; left to settle, it
/// would have needed about 4 s.").
///
/// Only dyads whose caregiver follows `human` are coached. Every line is
/// in the past tense and true of the model at the steps it tells of: the
/// times are counted in steps of the run, and "left to settle" is the
/// model's own answer, found by running a copy of the run on from the
/// moment the baby looked away with the caregiver sitting back at once
/// (the same generator, so the same baby, the same noise), until the baby
/// turns back. A line older than ``freshSeconds`` of the run is not shown.
///
/// A pure value stepped with the run, like the ``Narrator``, so a rewound
/// run coaches exactly as it did the first time.
public struct Coach: Sendable {
    /// One coaching line.
    public struct Line: Hashable, Sendable {
        /// The sentence.
        public var text: String
        /// The step during which it was said (or last added to).
        public var step: Int
        /// How much it matters, 0...9: a newer line of lower priority waits
        /// until this one has been up ``holdSeconds``.
        public var priority: Int
    }

    /// A look-away in progress while the keyboard has her place.
    struct LookAway: Sendable {
        /// The step it began.
        var start: Int
        /// What she was doing as it began, and for how long she had been.
        var action: CaregiverAction
        var actionSeconds: Double
        /// The baby looked around the room out of curiosity (so far).
        var exploring: Bool
        /// Her first change of action during it, and the step.
        var firstChange: (action: CaregiverAction, step: Int)?
        /// Her first move to reach the baby after that (lean in, play,
        /// greet), and the step.
        var reachIn: (action: CaregiverAction, step: Int)?
        /// She leaned in, played or greeted while it was away (after the
        /// step it turned).
        var reachedIn = false
        /// Seconds the baby would have needed with her sitting back at
        /// once, from the model; nil when it would not have come back
        /// within ``counterfactualSeconds``.
        var settleSeconds: Double?
        /// The step it was last told of.
        var toldStep = 0
    }

    /// Per dyad, the newest line, or nil.
    public private(set) var lines: [Line?]
    private let stepSeconds: Double
    private var lookAways: [LookAway?]
    private var previousGaze: [Gaze]
    private var previousAction: [CaregiverAction]
    private var actionSecondsBefore: [Double]
    private var outOfStepSince: [Int?]

    /// Seconds of the run a line stays on screen.
    public static let freshSeconds = 15.0
    /// Seconds between lines about one long look-away while she reaches in.
    static let reminderSeconds = 8.0
    /// Seconds a line stays before a less important one may replace it.
    static let holdSeconds = 3.0
    /// The longest the model is asked to run on to find how long the baby
    /// would have needed to settle, seconds.
    static let counterfactualSeconds = 30.0

    /// A coach for a run of `scenario`.
    public init(scenario: Scenario) {
        let count = scenario.plan.dyads.count
        stepSeconds = scenario.plan.stepSeconds
        lines = Array(repeating: nil, count: count)
        lookAways = Array(repeating: nil, count: count)
        previousGaze = Array(repeating: .atCaregiver, count: count)
        previousAction = Array(repeating: .play, count: count)
        actionSecondsBefore = Array(repeating: 0, count: count)
        outOfStepSince = Array(repeating: nil, count: count)
    }

    /// The line to show for `dyad` at step `step` (the run's cursor), or
    /// nil when there is none or it is older than ``freshSeconds``.
    public func line(dyad: Int, at step: Int) -> Line? {
        guard lines.indices.contains(dyad), let line = lines[dyad] else { return nil }
        return Double(step - line.step) * stepSeconds <= Self.freshSeconds + 1e-9 && step >= line.step ? line : nil
    }

    /// Takes in one step of the run.
    /// - Parameters:
    ///   - step: the index of the step just taken (0-based).
    ///   - events: what happened to each dyad during it.
    ///   - simulation: the run after the step.
    public mutating func observe(step: Int, events: [Events], simulation: Simulation) {
        for d in simulation.dyads.indices where d < lines.count {
            let dyad = simulation.dyads[d]
            let human = dyad.caregiver.parameters.policy == .human
            let gaze = dyad.infant.gaze
            let action = dyad.caregiver.action
            defer {
                previousGaze[d] = gaze
                previousAction[d] = action
                actionSecondsBefore[d] = dyad.caregiver.actionSeconds
            }
            if dyad.isCoordinated {
                if events[d].contains(.repair), human, let since = outOfStepSince[d], lookAways[d] == nil {
                    let length = TextFormatting.seconds(Double(step - since) * stepSeconds)
                    say("You and the baby were back in step after \(length): a repair.", dyad: d, step: step, priority: 3)
                }
                outOfStepSince[d] = nil
            } else if outOfStepSince[d] == nil {
                outOfStepSince[d] = step
            }
            guard human else {
                lookAways[d] = nil
                continue
            }
            let e = events[d]
            // A look-away begins.
            if previousGaze[d] == .atCaregiver && gaze != .atCaregiver {
                // How long her action had gone on when the baby turned: from
                // the step it began to this one (the model counts its time
                // from 0 at the step an action begins).
                let lasted = action == previousAction[d] ? dyad.caregiver.actionSeconds : actionSecondsBefore[d] + stepSeconds
                var away = LookAway(
                    start: step, action: previousAction[d], actionSeconds: lasted, exploring: dyad.infant.behavior == .exploring)
                if action != previousAction[d] {
                    // She changed what she did in the very step it turned.
                    away.firstChange = (action, step)
                }
                if !away.exploring { away.settleSeconds = Self.settleSeconds(simulation, dyad: d) }
                away.toldStep = step
                lookAways[d] = away
                if !away.exploring { say(lookAwayText(away, step: step), dyad: d, step: step, priority: 5, force: true) }
                continue
            }
            if var away = lookAways[d] {
                if gaze != .atCaregiver {
                    var calming = false
                    if away.exploring && dyad.infant.behavior != .exploring {
                        // Looking around became a look-away to calm down.
                        away.exploring = false
                        calming = true
                        // Counted from the start of the look-away, as its length is.
                        let since = Double(step - away.start) * stepSeconds
                        away.settleSeconds = Self.settleSeconds(simulation, dyad: d).map { $0 + since }
                    }
                    if Self.reachesIn(action) { away.reachedIn = true }
                    if action != previousAction[d] {
                        if away.firstChange == nil {
                            away.firstChange = (action, step)
                        } else if away.reachIn == nil && Self.reachesIn(action) {
                            away.reachIn = (action, step)
                        }
                        if !away.exploring {
                            away.toldStep = step
                            say(lookAwayText(away, step: step), dyad: d, step: step, priority: 5, force: true)
                        }
                    } else if calming {
                        away.toldStep = step
                        say(lookAwayText(away, step: step), dyad: d, step: step, priority: 5, force: true)
                    } else if !away.exploring, Self.reachesIn(action),
                        Double(step - away.toldStep) * stepSeconds >= Self.reminderSeconds - 1e-9
                    {
                        // A long look-away while she reaches in: how long so
                        // far, and what the model says sitting back now would
                        // take.
                        away.toldStep = step
                        let length = TextFormatting.seconds(Double(step - away.start) * stepSeconds)
                        var text = "The baby has been turned away for \(length) while you \(Self.doing(action))"
                        if let settle = Self.settleSeconds(simulation, dyad: d) {
                            text += "; left to settle from now, it would need about \(TextFormatting.wholeSeconds(settle))"
                        }
                        say(text + ".", dyad: d, step: step, priority: 5, force: true)
                    }
                    lookAways[d] = away
                } else {
                    // The baby turned back.
                    lookAways[d] = nil
                    if away.exploring {
                        let length = TextFormatting.seconds(Double(step - away.start) * stepSeconds)
                        say(
                            "The baby looked around the room for \(length), curious, and came back to you.", dyad: d, step: step,
                            priority: 2)
                    } else {
                        say(lookAwayText(away, step: step, returned: step), dyad: d, step: step, priority: 5, force: true)
                    }
                }
                continue
            }
            if e.contains(.infantCries) {
                say(
                    "The baby began to cry: it has been overwhelmed for a while. Slow, calm soothing (4) helps it settle.", dyad: d,
                    step: step, priority: 6)
            } else if e.contains(.infantPushesAway) {
                say("The baby pushed at your face: it needs more room. Sitting back (3) gives it that.", dyad: d, step: step, priority: 6)
            } else if e.contains(.infantFusses) {
                say(
                    "The baby began to fuss while you \(Self.doing(action)). Soothing (4) or sitting back (3) helps it settle.", dyad: d,
                    step: step, priority: 6)
            } else if e.contains(.infantBids) && (action == .wait || action == .stillFace) {
                say(
                    "The baby called to you while you \(Self.doing(action)): a bid. Answering it (1 play, 2 greet) keeps the conversation going.",
                    dyad: d, step: step, priority: 4)
            }
        }
    }

    /// Sets the line of `dyad`, unless a more important line is still
    /// fresh (`force` replaces it anyway: the same look-away told further).
    private mutating func say(_ text: String, dyad d: Int, step: Int, priority: Int, force: Bool = false) {
        if !force, let current = lines[d], Double(step - current.step) * stepSeconds < Self.holdSeconds, current.priority > priority {
            return
        }
        lines[d] = Line(text: text, step: step, priority: priority)
    }

    /// The sentence for a look-away so far: how soon the baby looked away,
    /// what the player did and how soon, and, once the baby is back, how
    /// long it took and how long it would have needed left to settle.
    func lookAwayText(_ away: LookAway, step: Int, returned: Int? = nil) -> String {
        func after(_ from: Int, _ to: Int) -> String { TextFormatting.seconds(Double(to - from) * stepSeconds) }
        var text: String
        switch away.action {
        case .play:
            text = "The baby looked away \(TextFormatting.seconds(away.actionSeconds)) into your play"
        case .greet:
            text = "The baby looked away \(TextFormatting.seconds(away.actionSeconds)) after your greeting"
        case .intrude:
            text = "The baby looked away while you leaned in close"
        case .wait:
            text = "The baby looked away while you waited"
        case .soothe:
            text = "The baby looked away while you soothed it"
        case .stillFace:
            text = "The baby looked away from your still face"
        case .disengage:
            text = "The baby looked away while you looked elsewhere"
        }
        if let change = away.firstChange {
            text += "; you \(Self.did(change.action)) \(after(away.start, change.step)) later"
            if let reach = away.reachIn {
                text += ", then \(Self.did(reach.action)) at \(after(away.start, reach.step))"
            }
        }
        guard let returned else { return text + "." }
        let length = Double(returned - away.start) * stepSeconds
        if !away.reachedIn {
            return text + ". It came back on its own after \(TextFormatting.seconds(length)): that is how long it needed to settle."
        }
        text += ". It came back after \(TextFormatting.seconds(length))"
        if let settle = away.settleSeconds, settle + 0.5 < length {
            text += "; left to settle, it would have needed about \(TextFormatting.wholeSeconds(settle))"
        }
        return text + "."
    }

    /// True for an action that reaches for the baby's attention.
    static func reachesIn(_ action: CaregiverAction) -> Bool {
        action == .intrude || action == .play || action == .greet
    }

    /// What the player did, for "you … 0.6 s later".
    static func did(_ action: CaregiverAction) -> String {
        switch action {
        case .play: "played again"
        case .greet: "greeted it"
        case .wait: "sat back"
        case .soothe: "soothed it"
        case .intrude: "leaned in"
        case .stillFace: "held a still face"
        case .disengage: "looked elsewhere"
        }
    }

    /// What the player was doing, for "while you …".
    static func doing(_ action: CaregiverAction) -> String {
        switch action {
        case .play: "played"
        case .greet: "greeted it"
        case .wait: "waited"
        case .soothe: "soothed it"
        case .intrude: "leaned in"
        case .stillFace: "held a still face"
        case .disengage: "looked elsewhere"
        }
    }

    /// Seconds until the baby of dyad `d` turns back if its caregiver sits
    /// back now and waits, by running a copy of the run on; nil when it
    /// would not turn back within ``counterfactualSeconds`` (or the run
    /// ends first).
    static func settleSeconds(_ simulation: Simulation, dyad d: Int) -> Double? {
        var copy = simulation
        var human: [CaregiverAction?] = Array(repeating: nil, count: copy.dyads.count)
        human[d] = .wait
        let limit = Int((counterfactualSeconds / copy.plan.stepSeconds).rounded())
        for taken in 1...max(1, limit) {
            guard !copy.isFinished else { return nil }
            copy.step(human: human)
            human[d] = nil
            if copy.dyads[d].infant.gaze == .atCaregiver { return Double(taken) * copy.plan.stepSeconds }
        }
        return nil
    }
}

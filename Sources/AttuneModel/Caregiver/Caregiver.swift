/// What the caregiver can read from the infant: a coarse cue.
public enum Cue: UInt8, Sendable, Hashable {
    /// Looking at her, content or delighted.
    case engaged
    /// Looking at her and bidding for a response.
    case bidding
    /// Looking away or soothing itself.
    case away
    /// Looking around at something else, calm (curiosity, not overload).
    case exploring
    /// Fussing, crying or pushing away.
    case distressed
    /// Withdrawn, flat.
    case withdrawn

    /// The cue an infant state shows.
    @inline(__always) public init(gaze: Gaze, behavior: Behavior) {
        if behavior.isDistress {
            self = .distressed
        } else if behavior == .withdrawn {
            self = .withdrawn
        } else if behavior == .bidding {
            self = .bidding
        } else if behavior == .exploring {
            self = .exploring
        } else {
            self = gaze == .atCaregiver ? .engaged : .away
        }
    }
}

/// The caregiver's changing state.
public struct CaregiverState: Sendable, Hashable {
    /// Her parameters now (a phase or a live switch may change them).
    public var parameters: CaregiverParameters
    /// What she is doing.
    public var action: CaregiverAction
    /// How intensely, 0...1.
    public var intensity: Double
    /// Her own worry, 0...1: rises while the infant is away or upset.
    public var worry: Double
    /// Seconds in the current action (how long she has waited, while she
    /// waits).
    public var actionSeconds: Double
    /// The cue she believes the infant shows.
    public var perceived: Cue
    /// Seconds she has perceived the current cue.
    public var perceivedSeconds: Double
    /// The cue the infant shows now, not yet noticed.
    public var pending: Cue
    /// Seconds the pending cue has been showing.
    public var pendingSeconds: Double
    /// Her lagged reading of the infant's arousal, 0...1.
    public var sensedArousal: Double
    /// True while she is misreading the cue (until she notices).
    public var misreading: Bool
    /// Seconds left of a spell of looking elsewhere (a withdrawn
    /// caregiver's inattention, an intrusive one's frustrated pause).
    public var spellSeconds: Double

    /// A caregiver at the start of a run, about to play.
    public init(parameters: CaregiverParameters, baseline: Double) {
        self.parameters = parameters
        action = parameters.policy == .stillFace ? .stillFace : .play
        intensity = 0.3
        worry = 0
        actionSeconds = 0
        perceived = .engaged
        perceivedSeconds = 0
        pending = .engaged
        pendingSeconds = 0
        sensedArousal = baseline
        misreading = false
        spellSeconds = 0
    }
}

extension CaregiverState {
    /// Perceives, decides and acts for one step.
    ///
    /// - Parameters:
    ///   - dt: the step, seconds.
    ///   - gaze: where the infant looks now.
    ///   - behavior: what the infant does now.
    ///   - arousal: the infant's arousal now, 0...1.
    ///   - traits: the infant's traits (she learns its window over time; the
    ///     model lets her know it).
    ///   - human: the action chosen at the keyboard, for the `human` policy.
    ///   - rng: the dyad's generator.
    /// - Returns: the caregiver events of this step.
    @inline(__always)
    mutating func advance(
        dt: Double, gaze: Gaze, behavior: Behavior, arousal: Double, traits t: InfantTraits, human: CaregiverAction?,
        rng: inout RandomSource
    ) -> Events {
        let p = parameters
        // Perception: a cue is noticed after the reaction latency — longer
        // for a caregiver who tracks the infant loosely, shorter for one who
        // tracks it closely — and read right with probability `sensitivity`.
        let shown = Cue(gaze: gaze, behavior: behavior)
        if shown != pending {
            pending = shown
            pendingSeconds = 0
        } else {
            pendingSeconds += dt
        }
        let latency = p.reactionSeconds * Self.latencyFactor(contingency: p.contingency)
        if pending != perceived && pendingSeconds >= latency {
            perceived = pending
            perceivedSeconds = 0
            misreading = !rng.chance(p.sensitivity)
        } else {
            perceivedSeconds += dt
            // Noticing a misreading: she looks again, about every few seconds.
            if misreading && rng.chance((0.1 + 0.4 * p.sensitivity) * dt) { misreading = false }
        }
        sensedArousal += (arousal - sensedArousal) * Fast.min(1, dt / Fast.max(0.1, latency))

        // Her own worry.
        let upset = perceived == .away || perceived == .distressed || perceived == .withdrawn
        if upset {
            worry = Fast.min(1, worry + 0.12 * p.anxiety * (1 - worry) * dt)
        } else {
            worry = Fast.max(0, worry - 0.08 * dt)
        }

        let next = human ?? decide(dt: dt, traits: t, rng: &rng)
        var events: Events = []
        if next != action {
            switch next {
            case .play: events.insert(.caregiverPlays)
            case .greet: events.insert(.caregiverGreets)
            case .wait: events.insert(.caregiverWaits)
            case .soothe: events.insert(.caregiverSoothes)
            case .intrude: events.insert(.caregiverIntrudes)
            case .stillFace: events.insert(.caregiverStillFace)
            case .disengage: events.insert(.caregiverDisengages)
            }
            action = next
            actionSeconds = 0
        } else {
            actionSeconds += dt
        }
        let goal = targetIntensity(traits: t)
        intensity += (goal - intensity) * Fast.min(1, dt * 2.5)  // time constant 0.4 s
        intensity = Fast.min(1, Fast.max(0, intensity))
        return events
    }

    /// How much longer (or shorter) than her reaction time she takes to
    /// notice a cue, by how closely she tracks the infant: 1 at 0.5, 2 at
    /// 0.1, about a third at 0.95.
    static func latencyFactor(contingency c: Double) -> Double {
        1 + 2.5 * Fast.max(0, 0.5 - c) - 1.5 * Fast.max(0, c - 0.5)
    }

    /// Patience left after her worry has eroded it, seconds.
    var effectivePatience: Double {
        parameters.patienceSeconds * (1 - 0.75 * worry)
    }

    /// The policy's choice of action given what she perceives.
    ///
    /// Forced inline into ``advance(dt:gaze:behavior:arousal:traits:human:rng:)``
    /// (docs/performance.md, "Where the time goes").
    // `@_transparent` rather than `@inline(__always)`: the optimiser
    // declines `@inline(__always)` for a function this large and leaves it
    // a call, which costs 12 % more instructions a run; a transparent
    // function is always inlined (docs/performance.md).
    @_transparent
    mutating func decide(dt: Double, traits t: InfantTraits, rng: inout RandomSource) -> CaregiverAction {
        let p = parameters
        // A misread cue is acted on as if the infant were still engaged.
        let cue = misreading ? Cue.engaged : perceived
        switch p.policy {
        case .stillFace:
            return .stillFace
        case .human:
            return action
        case .attuned, .goodEnough, .anxious:
            // A caregiver who tracks every flicker follows the infant's gaze
            // as it turns away, leaning after it for a moment, before she
            // settles to wait (docs/model.md, "Contingency").
            if (cue == .away || cue == .exploring) && perceivedSeconds < 2 && p.contingency > 0.6 {
                if action == .intrude && spellSeconds > 0 {
                    spellSeconds -= dt
                    return .intrude
                }
                if action != .intrude && rng.chance(4 * (p.contingency - 0.6) * dt) {
                    spellSeconds = 0.6 + 0.8 * rng.unit()
                    return .intrude
                }
            }
            // A good-enough caregiver has ordinary lapses: a glance at the
            // phone, a thought elsewhere, for a few seconds.
            if p.policy == .goodEnough {
                if action == .disengage && spellSeconds > 0 {
                    spellSeconds -= dt
                    return .disengage
                } else if cue == .engaged && rng.chance(0.09 * dt) {
                    spellSeconds = 1.5 + 3 * rng.unit()
                    return .disengage
                }
            }
            switch cue {
            case .engaged:
                if action == .wait || action == .soothe || (action == .greet && actionSeconds < 1.5) { return .greet }
                return .play
            case .bidding:
                return .greet
            case .away:
                if perceivedSeconds < effectivePatience { return .wait }
                // Patience spent: the attuned caregiver offers a soft greeting
                // from where she is; the others lean in.
                return p.policy == .attuned ? (perceivedSeconds < effectivePatience + 2 ? .greet : .wait) : .intrude
            case .exploring:
                // Looking at the world: the attuned and the good-enough
                // caregiver let it look (three times her patience) before
                // they call it back, the attuned softly; the anxious one
                // reads it as a look-away.
                let patience = p.policy == .anxious ? effectivePatience : 3 * effectivePatience
                if perceivedSeconds < patience { return .wait }
                return p.policy == .attuned ? (perceivedSeconds < patience + 2 ? .greet : .wait) : .intrude
            case .distressed:
                return .soothe
            case .withdrawn:
                return perceivedSeconds < 2 ? .wait : .soothe
            }
        case .intrusive:
            if action == .disengage && spellSeconds > 0 && cue != .engaged && cue != .bidding {
                spellSeconds -= dt
                return .disengage
            }
            switch cue {
            case .engaged, .bidding:
                return .play
            case .away, .exploring, .withdrawn:
                if perceivedSeconds < effectivePatience && action != .intrude { return .wait }
                // After a burst of chasing with no answer she pulls back for
                // a moment, frustrated, then tries again.
                if action == .intrude && actionSeconds > 5 {
                    spellSeconds = 3 + 6 * rng.unit()
                    return .disengage
                }
                return .intrude
            case .distressed:
                // She means well: when she reads the distress she soothes,
                // otherwise she tries harder.
                if action == .soothe { return actionSeconds < 4 ? .soothe : .intrude }
                if action == .intrude && actionSeconds > 5 {
                    spellSeconds = 3 + 6 * rng.unit()
                    return .disengage
                }
                return rng.chance(p.sensitivity * 0.4 * dt) ? .soothe : .intrude
            }
        case .withdrawn:
            // Spells of inattention come and go.
            if action == .disengage && spellSeconds > 0 {
                spellSeconds -= dt
                return .disengage
            } else if rng.chance(0.04 * dt) {
                spellSeconds = 4 + 8 * rng.unit()
                return .disengage
            }
            switch cue {
            case .engaged: return .play
            case .bidding: return action == .play ? .play : .disengage
            case .away, .exploring: return perceivedSeconds < effectivePatience ? .disengage : .play
            case .distressed: return .soothe
            case .withdrawn: return .disengage
            }
        }
    }

    /// How intense each action is for this caregiver.
    @inline(__always) func targetIntensity(traits t: InfantTraits) -> Double {
        let p = parameters
        // Comparisons rather than a `switch`: see `InfantState.stimulation`.
        if action == .play {
            // A sensitive caregiver tones play down as the infant nears the
            // top of its window.
            let nearTop = Fast.max(0, sensedArousal - (t.windowHigh - 0.12)) * (1 / 0.12)
            return p.energy * (1 - 0.6 * p.sensitivity * Fast.min(1, nearTop))
        }
        if action == .wait { return 0.1 }
        if action == .greet { return 0.35 + 0.35 * p.energy }
        if action == .soothe { return 0.5 + 0.3 * p.sensitivity }
        if action == .intrude { return Fast.min(1, 0.55 + 0.35 * p.energy + 0.05 * Fast.min(6, actionSeconds)) }
        return 0
    }
}

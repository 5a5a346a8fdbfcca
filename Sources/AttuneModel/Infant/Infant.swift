/// The infant's changing state: continuous nervous-system variables plus
/// the visible gaze and behaviour.
public struct InfantState: Sendable, Hashable {
    /// Nervous-system arousal, 0...1 (our stand-in for heart rate).
    public var arousal: Double
    /// Hedonic tone, -1...1; slower than arousal.
    public var valence: Double
    /// Need for connection, 0...1: grows while apart and calm, brings the
    /// infant back.
    public var need: Double
    /// Regulation reserve, 0...1: drains while overstimulated, refills
    /// while calm; a low reserve slows recovery.
    public var reserve: Double
    /// Expectation that cues will be respected and bids answered, 0...1.
    /// Changes slowly and is carried from one session to the next.
    public var trust: Double
    /// Short-lived wariness after intrusion or unanswered bids, 0...1;
    /// fades over minutes. It is what makes the reunion after a still face
    /// only a partial recovery.
    public var wariness: Double
    /// Where the infant is looking.
    public var gaze: Gaze
    /// What the infant is doing.
    public var behavior: Behavior
    /// Seconds since the gaze last changed.
    public var gazeSeconds: Double
    /// Seconds since the behaviour last changed.
    public var behaviorSeconds: Double
    /// Seconds the infant has looked at an unresponsive face.
    public var unansweredSeconds: Double
    /// Seconds of continuous high distress (for crying).
    public var distressSeconds: Double
    /// Seconds since the caregiver last intruded (large when long ago).
    public var secondsSinceIntrusion: Double

    /// A calm infant at rest, looking at the caregiver.
    public init(traits: InfantTraits, parameters: InfantParameters) {
        arousal = traits.baseline
        valence = 0.2
        need = 0.5
        reserve = 1
        trust = parameters.trust
        wariness = 0
        gaze = .atCaregiver
        behavior = .engaged
        gazeSeconds = 0
        behaviorSeconds = 0
        unansweredSeconds = 0
        distressSeconds = 0
        secondsSinceIntrusion = 1_000
    }

    /// The arousal above which the infant fusses: the traits' distress level,
    /// lowered by wariness and by a spent regulation reserve.
    public func distressThreshold(_ t: InfantTraits) -> Double {
        t.distressLevel - 0.12 * wariness - 0.05 * (1 - reserve)
    }

    /// The affect the infant shows, from its behaviour and valence.
    @inline(__always) public var affect: Affect {
        switch behavior {
        case .smiling, .cooing: .delighted
        case .engaged: valence > 0.1 ? .interested : (valence > -0.3 ? .neutral : .dull)
        case .bidding: .interested
        case .lookingAway: valence > -0.3 ? .neutral : .dull
        case .selfSoothing: .dull
        case .fussing: .fussy
        case .crying: .distressed
        case .pushingAway: .protesting
        case .withdrawn: .withdrawn
        }
    }
}

/// What reaches the infant from the caregiver in one step.
struct Stimulation {
    /// Arousing input, 0...1.
    var arousing: Double
    /// Calming input (soothing), 0...1.
    var calming: Double
    /// The caregiver is in the infant's line of sight against its wish.
    var intruding: Bool
    /// The caregiver answers: play, greet or soothe.
    var responsive: Bool
}

extension InfantState {
    /// How much of the caregiver's action reaches the infant through the
    /// channel its gaze leaves open.
    ///
    /// | action | at caregiver | away | far away |
    /// |---|---|---|---|
    /// | play, greet | intensity | 0.3 × intensity | 0.1 × intensity |
    /// | intrude | intensity | 1.2 × intensity (intruding) | 0.6 × intensity (intruding) |
    /// | wait | 0.1 | 0.02 | 0.02 |
    /// | soothe | 0.02, calming = intensity | same | same |
    /// | still face, disengage | 0 | 0 | 0 |
    ///
    /// Written as comparisons rather than a `switch`: the hot loop runs it
    /// every step, and branches on a few values predict better than a jump
    /// table.
    @inline(__always) static func stimulation(action: CaregiverAction, intensity: Double, gaze: Gaze) -> Stimulation {
        let looking = gaze == .atCaregiver
        if action == .play || action == .greet {
            let channel = looking ? 1 : (gaze == .away ? 0.3 : 0.1)
            return Stimulation(arousing: intensity * channel, calming: 0, intruding: false, responsive: true)
        }
        if action == .wait {
            return Stimulation(arousing: looking ? 0.1 : 0.02, calming: 0, intruding: false, responsive: false)
        }
        if action == .intrude {
            let channel = looking ? 1 : (gaze == .away ? 1.2 : 0.6)
            return Stimulation(arousing: intensity * channel, calming: 0, intruding: !looking, responsive: looking)
        }
        if action == .soothe {
            return Stimulation(arousing: 0.02, calming: intensity, intruding: false, responsive: true)
        }
        return Stimulation(arousing: 0, calming: 0, intruding: false, responsive: false)
    }

    /// Advances the infant by one step.
    ///
    /// - Parameters:
    ///   - dt: the step, seconds.
    ///   - action: what the caregiver is doing now.
    ///   - intensity: her intensity, 0...1.
    ///   - traits: the infant's derived traits.
    ///   - rng: the dyad's generator.
    /// - Returns: the infant events of this step.
    ///
    /// `transition` and `chooseBehavior` are forced inline into this
    /// function, which itself stays a call of its own from the dyad's step:
    /// the layout that measured fastest (docs/performance.md, "Where the
    /// time goes").
    mutating func advance(
        dt: Double, action: CaregiverAction, intensity: Double, traits t: InfantTraits,
        rng: inout RandomSource
    ) -> Events {
        let s = Self.stimulation(action: action, intensity: intensity, gaze: gaze)
        let looking = gaze == .atCaregiver
        if s.intruding { secondsSinceIntrusion = 0 } else { secondsSinceIntrusion += dt }

        // Unresponsiveness is felt while the infant looks (or bids) and
        // nobody answers; an answer quickly lifts it.
        if looking && !s.responsive && action != .wait {
            unansweredSeconds += dt
        } else if looking && action == .wait && behavior == .bidding {
            unansweredSeconds += dt
        } else {
            // Looking away does not erase it at once; an answer does.
            unansweredSeconds = max(0, unansweredSeconds - (s.responsive ? 3 : 0.3) * dt)
        }
        let violated = looking && unansweredSeconds > 1

        // --- Arousal: stimulation up, recovery down. ---
        var recovery = t.recoveryRate * (0.45 + 0.55 * reserve)
        if behavior == .selfSoothing {
            recovery *= 5.5
        } else if behavior == .lookingAway {
            recovery *= 4
        } else if behavior.isDistress && !looking {
            recovery *= 3
        }
        if s.intruding { recovery *= 0.35 }
        var drive = t.gain * s.arousing * (1.15 - arousal)
        if violated { drive += 0.09 * (1.4 - trust) }
        // Soothing calms (only while she soothes: most steps skip it).
        if s.calming > 0 {
            drive -= max(0, t.soothing * s.calming * (0.4 + 0.6 * trust) * (arousal - t.baseline * 0.8))
        }
        // Noise: uniform in ±0.01 × √dt (a random walk whose spread does not
        // depend on the step).
        let noise = 0.01 * dt.squareRoot() * rng.symmetric()
        arousal += dt * (drive - recovery * (arousal - t.baseline)) + noise
        arousal = min(1, max(0, arousal))

        // --- Valence: a slower hedonic tone. ---
        var target: Double
        let distressAt = distressThreshold(t)
        if arousal > distressAt {
            target = -0.9
        } else if s.intruding {
            target = -0.65
        } else if violated {
            target = -0.3 - 0.2 * (1 - trust) - 0.02 * min(20, unansweredSeconds)
        } else if looking && s.responsive {
            let over = max(0, arousal - t.windowHigh)
            target = 0.25 + 0.55 * trust - 3 * over - 0.9 * wariness
        } else if looking {
            target = 0.05 + 0.15 * trust - 0.6 * wariness
        } else {
            target = -0.05 - 0.4 * wariness - 0.35 * (1 - trust) - (behavior == .withdrawn ? 0.5 : 0)
        }
        // Time constants 3 s rising and 1.8 s falling, as rates.
        valence += (target - valence) * dt * (target > valence ? 1 / 3.0 : 1 / 1.8)
        valence = min(1, max(-1, valence))

        // --- Need for connection, reserve, wariness, trust. ---
        if looking {
            need = max(0, need - 0.08 * dt)
        } else {
            let calmness = max(0, (t.windowHigh - arousal) * t.inverseComfortSpan)
            need = min(1, need + 0.2 * calmness * dt)
        }
        if arousal > t.windowHigh {
            reserve = max(0, reserve - 0.08 * (arousal - t.windowHigh) * dt)
        } else {
            // Refills at 0.12 of what is missing per second, written in the
            // order the model was calibrated in (the same bits every run).
            reserve = min(1, reserve + 0.012 * (1 - reserve) * dt * 10)
        }
        if s.intruding || violated {
            wariness = min(1, wariness + 0.012 * (1 - wariness) * dt)
        } else {
            wariness = max(0, wariness - wariness * dt * (1 / 150.0))
        }
        // Trust: lost at rates per second through intrusion and unanswered
        // looks, gained through answered looks, waits and comfort.
        var lost = 0.0
        var gained = 0.0
        if s.intruding { lost += 0.0012 }
        if violated { lost += 0.0006 }
        if looking {
            if s.responsive && arousal <= t.windowHigh { gained += 0.00025 }
        } else if action == .wait && !s.intruding {
            gained += 0.0004
        }
        if s.calming > 0 && behavior.isDistress { gained += 0.0008 }
        trust = min(1, max(0, trust + (gained * (1 - trust) - lost * trust) * dt))

        return transition(dt: dt, stimulation: s, violated: violated, distressAt: distressAt, traits: t, rng: &rng)
    }

    /// The discrete part: gaze and behaviour, with hysteresis (a minimum dwell
    /// in each state and separate thresholds for leaving and returning).
    // `@_transparent` rather than `@inline(__always)`: the optimiser
    // declines `@inline(__always)` for a function this large and leaves it
    // a call, which costs 12 % more instructions a run; a transparent
    // function is always inlined (docs/performance.md).
    @_transparent
    mutating func transition(
        dt: Double, stimulation s: Stimulation, violated: Bool, distressAt: Double, traits t: InfantTraits,
        rng: inout RandomSource
    ) -> Events {
        gazeSeconds += dt
        behaviorSeconds += dt
        if arousal > distressAt + 0.08 { distressSeconds += dt } else { distressSeconds = max(0, distressSeconds - 2 * dt) }

        var newGaze = gaze
        var newBehavior = behavior
        let minDwell = 0.6
        let lookAwayLevel = t.windowHigh - 0.05 * (1 - trust) - 0.06 * wariness

        switch gaze {
        case .atCaregiver:
            if gazeSeconds >= minDwell {
                // Overstimulated: the infant turns away to calm itself.
                if arousal > lookAwayLevel {
                    let hazard = 1.2 + 40 * (arousal - lookAwayLevel)
                    if rng.chance(hazard * dt) { newGaze = .away }
                }
                // Unanswered for long: protest gives way to withdrawal.
                if violated && unansweredSeconds > t.bidPatienceSeconds * (1 + trust) && rng.chance(0.4 * dt) {
                    newGaze = .away
                    newBehavior = .withdrawn
                }
            }
        case .away:
            if s.intruding && arousal > t.windowHigh && behaviorSeconds > 0.8 {
                if behavior == .pushingAway && behaviorSeconds > 1.2 {
                    newGaze = .farAway
                } else if behavior != .pushingAway && rng.chance(1.5 * dt) {
                    newBehavior = .pushingAway
                }
            } else if gazeSeconds >= minDwell && behavior != .withdrawn && arousal < t.returnLevel {
                let hazard = 1.6 * need * (0.1 + 0.9 * trust) * (1 - 0.5 * wariness)
                if rng.chance(hazard * dt) { newGaze = .atCaregiver }
            } else if behavior == .withdrawn && gazeSeconds > 3 {
                let hazard = (s.responsive ? 0.35 : 0.035) * (0.3 + trust)
                if rng.chance(hazard * dt) { newGaze = .atCaregiver }
            }
        case .farAway:
            if !s.intruding && gazeSeconds > 1.5 && arousal < t.windowHigh {
                newGaze = .away
            }
        }

        // Behaviour follows gaze and arousal.
        if newGaze != gaze {
            switch newGaze {
            case .atCaregiver: newBehavior = .engaged
            case .away: newBehavior = newBehavior == .withdrawn ? .withdrawn : (gaze == .farAway ? .selfSoothing : .lookingAway)
            case .farAway: newBehavior = .selfSoothing
            }
        } else if behaviorSeconds >= minDwell || newBehavior != behavior {
            newBehavior = chooseBehavior(
                dt: dt, proposed: newBehavior, stimulation: s, violated: violated, distressAt: distressAt, traits: t,
                rng: &rng)
        }

        var events: Events = []
        if newGaze != gaze {
            if gaze == .atCaregiver { events.insert(.infantLooksAway) }
            if newGaze == .atCaregiver { events.insert(.infantLooksBack) }
            if newGaze == .farAway { events.insert(.infantTurnsFarAway) }
            gaze = newGaze
            gazeSeconds = 0
        }
        if newBehavior != behavior {
            switch newBehavior {
            case .smiling, .cooing: if behavior != .smiling && behavior != .cooing { events.insert(.infantSmiles) }
            case .bidding: events.insert(.infantBids)
            case .selfSoothing: events.insert(.infantSelfSoothes)
            case .fussing: events.insert(.infantFusses)
            case .crying: events.insert(.infantCries)
            case .pushingAway: events.insert(.infantPushesAway)
            case .withdrawn: events.insert(.infantWithdraws)
            default: break
            }
            behavior = newBehavior
            behaviorSeconds = 0
        }
        return events
    }

    /// The behaviour for the current gaze, arousal and caregiver.
    // `@_transparent` rather than `@inline(__always)`: the optimiser
    // declines `@inline(__always)` for a function this large and leaves it
    // a call, which costs 12 % more instructions a run; a transparent
    // function is always inlined (docs/performance.md).
    @_transparent
    func chooseBehavior(
        dt: Double, proposed: Behavior, stimulation s: Stimulation, violated: Bool, distressAt: Double,
        traits t: InfantTraits, rng: inout RandomSource
    ) -> Behavior {
        if proposed == .pushingAway { return .pushingAway }
        // Distress overrides everything, with crying after a sustained peak.
        if arousal > distressAt {
            if behavior == .pushingAway && s.intruding { return .pushingAway }
            if distressSeconds > 4 && arousal > 0.92 { return .crying }
            return behavior == .crying ? .crying : .fussing
        }
        if behavior == .crying && arousal > distressAt - 0.06 { return .crying }
        if behavior == .fussing && arousal > distressAt - 0.05 { return .fussing }
        switch gaze {
        case .atCaregiver:
            if violated {
                if unansweredSeconds < t.bidPatienceSeconds * (0.6 + 0.6 * trust) { return .bidding }
                return .fussing
            }
            if behavior == .pushingAway { return .engaged }
            if valence > 0.42 && s.arousing > 0.3 {
                if behavior == .smiling || behavior == .cooing { return behavior }
                return rng.chance(0.3) ? .cooing : .smiling
            }
            if (behavior == .smiling || behavior == .cooing) && valence > 0.3 && s.arousing > 0.2 { return behavior }
            return .engaged
        case .away:
            if proposed == .withdrawn || behavior == .withdrawn {
                return .withdrawn
            }
            if behavior == .pushingAway && s.intruding { return .pushingAway }
            if behavior == .lookingAway && behaviorSeconds > 1.2 && arousal > t.returnLevel && rng.chance(3.5 * dt) {
                return .selfSoothing
            }
            // An infant who expects little turns inward during a long look-away.
            if behaviorSeconds > 3 && valence < -0.15 && rng.chance(2.5 * (1 - trust) * dt) { return .withdrawn }
            if behavior == .selfSoothing || behavior == .lookingAway { return behavior }
            return .lookingAway
        case .farAway:
            if behavior == .pushingAway && s.intruding { return .pushingAway }
            return .selfSoothing
        }
    }
}

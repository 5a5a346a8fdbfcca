/// The infant's changing state: continuous nervous-system variables, the
/// heart rate and vagal tone they show as, and the visible gaze and
/// behaviour.
public struct InfantState: Sendable, Hashable {
    /// Arousal, 0...1: how stirred up the infant is by what reaches it
    /// (excitement). Too much makes it look away.
    public var arousal: Double
    /// Stress, 0...1: the strain of a face that does not answer, of being
    /// chased, of crying, of a need left unmet. Builds over seconds and
    /// fades over tens of seconds, so it carries from one moment (and one
    /// phase) into the next.
    public var stress: Double
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
    /// fades over minutes.
    public var wariness: Double
    /// Boredom, 0...1: grows while the face it looks at offers too little,
    /// and sends its eyes elsewhere.
    public var boredom: Double
    /// Heart rate, beats per minute: rises with arousal and with stress,
    /// and with fussing and crying (docs/model.md, "Heart rate and vagal
    /// tone").
    public var heartRate: Double
    /// Vagal tone (respiratory sinus arrhythmia), ln(ms²): falls with
    /// stress and with arousal.
    public var rsa: Double
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
        stress = 0
        valence = 0.2
        need = 0.5
        reserve = 1
        trust = parameters.trust
        wariness = 0
        boredom = 0
        heartRate = traits.restingHeartRate
        rsa = traits.restingRSA
        gaze = .atCaregiver
        behavior = .engaged
        gazeSeconds = 0
        behaviorSeconds = 0
        unansweredSeconds = 0
        distressSeconds = 0
        secondsSinceIntrusion = 1_000
    }

    /// The arousal above which the infant fusses: the traits' distress level,
    /// lowered by stress, by wariness and by a spent regulation reserve.
    public func distressThreshold(_ t: InfantTraits) -> Double {
        t.distressLevel - 0.04 * stress - 0.08 * wariness - 0.05 * (1 - reserve)
    }

    /// The affect the infant shows, from its behaviour and valence.
    @inline(__always) public var affect: Affect {
        switch behavior {
        case .smiling, .cooing: .delighted
        case .engaged: valence > 0.1 ? .interested : (valence > -0.3 ? .neutral : .dull)
        case .bidding: valence > -0.45 ? .delighted : .interested
        case .exploring: valence > -0.1 ? .interested : .neutral
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
    /// The least stimulation a face must offer to hold the infant's
    /// interest; below it, boredom grows and positive affect fades.
    static let enoughStimulation = 0.22

    /// How far above its protest level strain must be before protest turns
    /// to tears, 0...1.
    static let tearsAbove = 0.3

    /// Below this arousal a cry eases into fussing, 0...1.
    static let cryingEnds = 0.82

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
        } else if looking && action == .wait && (behavior == .bidding || gazeSeconds > 1) {
            // Back, and nobody greets it: felt within a second or so.
            unansweredSeconds += dt
        } else {
            // Looking away does not erase it at once; an answer does.
            unansweredSeconds = Fast.max(0, unansweredSeconds - (s.responsive ? 3 : 0.05 + 1.0 * t.sociability) * dt)
        }
        let violated = looking && unansweredSeconds > 1

        // --- Boredom: a face that answers but offers too little. ---
        if looking && s.responsive && s.calming == 0 && s.arousing < Self.enoughStimulation {
            boredom += 0.12 * (1 - boredom) * dt
        } else {
            boredom -= boredom * 0.3 * dt
        }

        // --- Arousal (excitement): stimulation up, recovery down. ---
        var recovery = t.recoveryRate * (0.45 + 0.55 * reserve)
        if behavior == .selfSoothing {
            recovery *= 5.5
        } else if behavior == .lookingAway {
            recovery *= 4
        } else if behavior == .exploring {
            recovery *= 2
        } else if behavior.isDistress && !looking {
            recovery *= 3
        }
        if s.intruding { recovery *= 0.35 }
        var drive = t.gain * s.arousing * (1.15 - arousal)
        if violated { drive += 0.04 * (1.4 - trust) }
        // Soothing calms (only while she soothes: most steps skip it).
        if s.calming > 0 {
            drive -= Fast.max(0, t.soothing * s.calming * (0.4 + 0.6 * trust) * (arousal - t.baseline * 0.8))
        }
        // Noise: uniform in ±0.01 × √dt (a random walk whose spread does not
        // depend on the step).
        let noise = 0.01 * dt.squareRoot() * rng.symmetric()
        arousal += dt * (drive - recovery * (arousal - t.baseline)) + noise
        arousal = Fast.min(1, Fast.max(0, arousal))

        // --- Stress: a face that does not answer, being chased, crying, a
        // need left unmet. It builds under a stressor and fades without one.
        var strain = 0.0
        if violated { strain += 1.3 - trust }
        if s.intruding { strain += 0.7 }
        if behavior.isDistress { strain += 0.5 }
        if !looking && need > 0.6 && (action == .stillFace || action == .disengage) { strain += 0.3 }
        // An infant that expects to be overwhelmed finds lively play itself
        // a strain.
        if looking && s.arousing > 0.3 && trust < 0.5 { strain += 1.5 * (0.5 - trust) }
        var calming = t.stressRecovery
        if s.calming > 0 { calming *= 3 } else if looking && s.responsive && !violated { calming *= 1.6 }
        if strain > 0 { calming *= 0.3 }
        stress += dt * (t.stressGain * strain * (1 - stress) - calming * stress)
        stress = Fast.min(1, Fast.max(0, stress))

        // --- Heart rate and vagal tone, following arousal and stress. ---
        let crying = behavior == .crying
        let excited = Fast.max(-0.1, arousal - t.baseline)
        let beats = t.restingHeartRate + 40 * excited + 16 * stress + (crying ? 14 : behavior.isDistress ? 5 : 0)
        heartRate += (beats - heartRate) * dt * (1 / 1.5)  // follows within about 1.5 s
        let tone = t.restingRSA - 0.9 * stress - 0.8 * Fast.max(0, excited) - (crying ? 0.3 : 0)
        rsa += (tone - rsa) * dt * (1 / 4.0)  // follows within about 4 s

        // --- Valence: a slower hedonic tone. ---
        var target: Double
        let distressAt = distressThreshold(t)
        if arousal > distressAt {
            target = -0.9
        } else if s.intruding {
            target = -0.65
        } else if violated {
            target = -0.3 - 0.2 * (1 - trust) - 0.02 * Fast.min(20, unansweredSeconds) - 0.2 * stress + 1.0 * (t.sociability - 0.5)
        } else if behavior == .exploring {
            target = 0.15 - 0.4 * stress - 0.3 * wariness
        } else if looking && s.responsive {
            let over = Fast.max(0, arousal - t.windowHigh)
            // Comfort is not dull play: no under-stimulation while she soothes.
            let under = s.calming > 0 ? 0 : Fast.max(0, Self.enoughStimulation - s.arousing)
            target =
                0.3 + 0.5 * trust + 0.6 * (t.sociability - 0.5) - 3 * over - 4 * under - 0.6 * wariness
                - 0.4 * stress
        } else if looking {
            target = 0.05 + 0.15 * trust - 0.6 * wariness - 0.3 * stress
        } else {
            target = 0.1 * trust - 0.25 * (1 - trust) - 0.4 * wariness - 0.3 * stress - (behavior == .withdrawn ? 0.5 : 0)
        }
        // Time constants 2 s rising and 1.8 s falling, as rates.
        valence += (target - valence) * dt * (target > valence ? 1 / 2.0 : 1 / 1.8)
        valence = Fast.min(1, Fast.max(-1, valence))

        // --- Need for connection, reserve, wariness, trust. ---
        if looking {
            need = Fast.max(0, need - 0.08 * dt)
        } else {
            // Grows while apart and calm; slowly while things hold its eyes.
            let calmness = Fast.max(0, (t.windowHigh - arousal) * t.inverseComfortSpan)
            need = Fast.min(1, need + (behavior == .exploring ? 0.06 : 0.2) * calmness * dt)
        }
        if arousal > t.windowHigh {
            reserve = Fast.max(0, reserve - 0.08 * (arousal - t.windowHigh) * dt)
        } else {
            reserve = Fast.min(1, reserve + 0.12 * (1 - reserve) * dt)
        }
        if s.intruding || violated {
            wariness = Fast.min(1, wariness + (s.intruding ? 0.012 : 0.004) * (1 - wariness) * dt)
        } else {
            wariness = Fast.max(0, wariness - wariness * dt * (1 / 150.0))
        }
        // Trust: lost at rates per second through intrusion and unanswered
        // looks, gained through answered looks, waits and comfort.
        var lost = 0.0
        var gained = 0.0
        if s.intruding { lost += 0.0012 }
        if violated { lost += 0.0006 }
        if looking {
            if s.responsive && arousal <= t.windowHigh && s.arousing >= Self.enoughStimulation { gained += 0.00025 }
        } else if action == .wait && !s.intruding {
            gained += 0.0004
        }
        if s.calming > 0 && behavior.isDistress { gained += 0.0008 }
        trust = Fast.min(1, Fast.max(0, trust + (gained * (1 - trust) - lost * trust) * dt))

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
        if arousal > distressAt + 0.08 { distressSeconds += dt } else { distressSeconds = Fast.max(0, distressSeconds - 2 * dt) }

        var newGaze = gaze
        var newBehavior = behavior
        let minDwell = 0.6
        let lookAwayLevel = t.windowHigh - 0.05 * (1 - trust) - 0.06 * wariness

        switch gaze {
        case .atCaregiver:
            if gazeSeconds >= minDwell {
                if arousal > lookAwayLevel {
                    // Overstimulated: the infant turns away to calm itself.
                    let hazard = 1.2 + 40 * (arousal - lookAwayLevel)
                    if rng.chance(hazard * dt) { newGaze = .away }
                } else if violated {
                    // Its bids spent: the infant turns away, now and then
                    // quietly withdrawn (more often when less reactive and
                    // less trusting), and checks back.
                    let patience = t.bidPatienceSeconds * (0.2 + 0.5 * trust + 0.8 * t.sociability) * (1 - 0.5 * stress)
                    if unansweredSeconds > patience && rng.chance(0.5 * dt) {
                        newGaze = .away
                        // Withdrawal comes late: after the bids, and after
                        // the protest had its time.
                        if unansweredSeconds > 2 * patience + 4 && rng.chance(0.4 * (0.3 - 0.25 * t.reactivity + 0.3 * (1 - trust))) {
                            newBehavior = .withdrawn
                        } else if rng.chance(0.5) {
                            // Or it looks for something else that answers.
                            newBehavior = .exploring
                        }
                    }
                } else if behavior != .bidding {
                    // Something else catches its eye: more so as the world
                    // grows interesting (age) and as a dull face bores it;
                    // less in the middle of a shared smile.
                    let delight = behavior == .smiling || behavior == .cooing ? 0.5 : 1
                    let hazard =
                        (0.01 + 0.6 * t.curiosity + 0.15 * (1 - t.sociability) + 0.8 * boredom)
                        * (1.1 - 0.5 * Fast.min(1, s.arousing * 2)) * delight
                    if rng.chance(hazard * dt) {
                        newGaze = .away
                        newBehavior = .exploring
                    }
                }
            }
        case .away:
            if s.intruding && arousal > t.windowHigh && behaviorSeconds > 0.8 {
                if behavior == .pushingAway && behaviorSeconds > 1.2 {
                    newGaze = .farAway
                } else if behavior != .pushingAway && rng.chance(1.5 * dt) {
                    newBehavior = .pushingAway
                }
            } else if behavior == .exploring {
                // Back from looking around: sooner when it needs her, and when
                // she calls.
                if gazeSeconds >= minDwell {
                    let hazard =
                        (0.1 + 0.6 * need * (0.3 + 0.7 * trust)) * (0.6 + 0.8 * t.sociability) * (1 - 0.6 * t.curiosity)
                        * (unansweredSeconds > 1 ? 0.6 : 1) + (s.responsive ? 0.25 : 0)
                    if rng.chance(hazard * dt) { newGaze = .atCaregiver }
                }
            } else if gazeSeconds >= minDwell && behavior != .withdrawn && arousal < t.returnLevel {
                let hazard = 1.6 * need * (0.1 + 0.9 * trust) * (0.3 + 1.4 * t.sociability) * (1 - 0.5 * wariness) * (1 - 0.5 * stress)
                if rng.chance(hazard * dt) { newGaze = .atCaregiver }
            } else if behavior == .withdrawn && gazeSeconds > 3 {
                let hazard = (s.responsive ? 0.35 : 0.08) * (0.3 + trust)
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
            case .away:
                if newBehavior != .withdrawn && newBehavior != .exploring {
                    newBehavior = gaze == .farAway ? .selfSoothing : .lookingAway
                }
            case .farAway: newBehavior = .selfSoothing
            }
        } else if behaviorSeconds >= minDwell || newBehavior != behavior {
            newBehavior = chooseBehavior(
                dt: dt, proposed: newBehavior, stimulation: s, violated: violated, distressAt: distressAt, traits: t,
                rng: &rng)
        }

        var events: Events = []
        if newGaze != gaze {
            // Looking around the room is its own event: `infantLooksAway`
            // and `infantLooksBack` mark look-aways (to calm down, to turn
            // inward), which captions and questions speak of.
            if gaze == .atCaregiver && newBehavior != .exploring { events.insert(.infantLooksAway) }
            if newGaze == .atCaregiver && behavior != .exploring { events.insert(.infantLooksBack) }
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
            case .exploring: events.insert(.infantExplores)
            default: break
            }
            // Looking around turned into a look-away (chased, or upset).
            if behavior == .exploring && newGaze != .atCaregiver { events.insert(.infantLooksAway) }
            behavior = newBehavior
            behaviorSeconds = 0
        }
        return events
    }

    /// The behaviour for the current gaze, arousal and caregiver.
    // `@_transparent`: see ``transition(dt:stimulation:violated:distressAt:traits:rng:)``.
    @_transparent
    func chooseBehavior(
        dt: Double, proposed: Behavior, stimulation s: Stimulation, violated: Bool, distressAt: Double,
        traits t: InfantTraits, rng: inout RandomSource
    ) -> Behavior {
        // A push just begun (the gaze rules start it); one going on lasts
        // only while she keeps intruding (below).
        if proposed == .pushingAway && behavior != .pushingAway { return .pushingAway }
        // Distress overrides everything, with crying after a sustained peak.
        if arousal > distressAt {
            if behavior == .pushingAway && s.intruding { return .pushingAway }
            if distressSeconds > 4 && arousal > 0.92 { return .crying }
            // Crying eases to fussing as the peak passes.
            return behavior == .crying && arousal > Self.cryingEnds ? .crying : .fussing
        }
        if behavior == .crying && arousal > distressAt - 0.06 { return arousal > Self.cryingEnds ? .crying : .fussing }
        if behavior == .fussing && arousal > distressAt - 0.05 { return .fussing }
        switch gaze {
        case .atCaregiver:
            if violated {
                // First bids (longer for a sociable, trusting infant), then
                // protests while the strain is high, else watches, sober.
                if unansweredSeconds < t.bidPatienceSeconds * (0.2 + 0.5 * trust + 0.8 * t.sociability) * (1 - 0.5 * stress) {
                    return .bidding
                }
                guard stress > t.protestLevel else { return .engaged }
                // Protest that goes on and on under high strain turns to
                // tears, which last while the strain stays high.
                if stress > t.protestLevel + Self.tearsAbove {
                    if behavior == .crying { return .crying }
                    if behavior == .fussing && behaviorSeconds > 4 && rng.chance(0.3 * dt) { return .crying }
                }
                return .fussing
            }
            if behavior == .pushingAway { return .engaged }
            // Strained and stirred up: the infant fusses at play it cannot
            // take (a reactive infant, or one that expects too much).
            if stress > t.protestLevel + 0.15 && s.arousing > 0.3 { return .fussing }
            if arousal > t.windowHigh - 0.06 && rng.chance(Fast.max(0, t.reactivity - 0.5) * 25 * dt) { return .fussing }
            if valence > t.smileLevel && s.arousing > 0.3 {
                if behavior == .smiling || behavior == .cooing { return behavior }
                return rng.chance(0.3) ? .cooing : .smiling
            }
            if (behavior == .smiling || behavior == .cooing) && valence > t.smileLevel - 0.12 && s.arousing > 0.2 { return behavior }
            return .engaged
        case .away:
            if proposed == .withdrawn || behavior == .withdrawn {
                return .withdrawn
            }
            if behavior == .pushingAway && s.intruding { return .pushingAway }
            if behavior == .exploring {
                // Chased or upset while looking around: it is a look-away now.
                if s.intruding || arousal > t.windowHigh { return .lookingAway }
                return .exploring
            }
            if behavior == .lookingAway && behaviorSeconds > 1.2 && arousal > t.returnLevel && rng.chance(3.5 * dt) {
                return .selfSoothing
            }
            // An infant who expects little turns inward during a long look-away.
            if behaviorSeconds > 3 && valence < -0.15 && rng.chance(0.3 * (1 - trust) * dt) { return .withdrawn }
            if behavior == .selfSoothing || behavior == .lookingAway { return behavior }
            return .lookingAway
        case .farAway:
            if behavior == .pushingAway && s.intruding { return .pushingAway }
            return .selfSoothing
        }
    }
}

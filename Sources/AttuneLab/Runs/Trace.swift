import AttuneModel

/// The columns of a trace: one row per step per dyad.
///
/// `t` is the time at the end of the step, seconds (3 decimals); arousal,
/// valence, trust and the caregiver's intensity have 4 decimals; gaze,
/// behaviour, affect and action are the model's plain words (`at-caregiver`,
/// `self-soothing`, `still-face`); `coordinated` is `true` or `false`;
/// `event` is the step's event names joined by `+`, empty when none;
/// `heart_rate_bpm` is the infant's heart rate in beats per minute (2
/// decimals) and `rsa` its vagal tone in ln(ms²) (3 decimals), as the
/// batch figures `mean_hr_bpm` and `mean_rsa` write them; `excitement` and
/// `stress` (4 decimals) are the two parts of arousal (`arousal =
/// excitement + 0.4 × stress`, at most 1; docs/model.md). These came after
/// the others and so are last, keeping the older columns in place for
/// scripts that read them by position.
public enum TraceColumns {
    /// Column names, in output order.
    public static let names: [String] = [
        "t", "phase", "dyad", "arousal", "valence", "trust", "gaze", "behavior", "affect",
        "caregiver_action", "caregiver_intensity", "coordinated", "event", "heart_rate_bpm", "rsa", "excitement",
        "stress",
    ]
}

/// Steps one run of a plan and hands back a trace row per step for the
/// chosen dyads.
public struct TraceRunner: Sendable {
    /// What is run.
    public let plan: RunPlan
    /// The run's seed.
    public let seed: UInt64
    /// The dyads traced, indices into `plan.dyads`, in plan order.
    public let dyads: [Int]

    /// Creates a trace.
    /// - Parameters:
    ///   - plan: the plan; no caregiver may use the `human` policy.
    ///   - seed: the run's seed, any 64-bit value.
    ///   - dyad: the label of the one dyad to trace, or `nil` (default) for
    ///     every dyad.
    /// - Throws: ``LabError`` for a `human` caregiver or an unknown label.
    public init(plan: RunPlan, seed: UInt64, dyad: String? = nil) throws {
        try LabError.checkHeadless(plan)
        self.plan = plan
        self.seed = seed
        if let dyad {
            guard let index = plan.dyads.firstIndex(where: { $0.label == dyad }) else {
                throw LabError.unknownDyad(dyad, available: plan.dyads.map(\.label))
            }
            dyads = [index]
        } else {
            dyads = Array(plan.dyads.indices)
        }
    }

    /// Rows the trace will give: steps × traced dyads.
    public var rowCount: Int { plan.stepsPerPhase.reduce(0, +) * dyads.count }

    /// Runs the whole run, calling `body` with each row in time order (and
    /// within a step, in dyad order).
    public func run(_ body: ([Field]) throws -> Void) rethrows {
        var simulation = Simulation(plan: plan, seed: seed)
        while !simulation.isFinished {
            let phase = plan.phases[simulation.phaseIndex].name
            let events = simulation.step()
            let t = Field.decimal(simulation.timeSeconds, places: 3)
            for d in dyads {
                let dyad = simulation.dyads[d]
                let infant = dyad.infant
                try body([
                    t, .text(phase), .text(plan.dyads[d].label),
                    .decimal(infant.arousal, places: 4),
                    .decimal(infant.valence, places: 4),
                    .decimal(infant.trust, places: 4),
                    .text(infant.gaze.word), .text(infant.behavior.word), .text(infant.affect.word),
                    .text(dyad.caregiver.action.word),
                    .decimal(dyad.caregiver.intensity, places: 4),
                    .flag(dyad.isCoordinated),
                    .text(events[d].names),
                    .decimal(infant.heartRate, places: FigureUnit.beatsPerMinute.rowPlaces),
                    .decimal(infant.rsa, places: FigureUnit.vagalTone.rowPlaces),
                    .decimal(infant.excitement, places: 4),
                    .decimal(infant.stress, places: 4),
                ])
            }
        }
    }
}

import AttuneModel

/// The words, symbols and colours the live screen uses for the model's
/// states, so that meaning never depends on colour alone.
public enum ScreenWords {
    /// A short symbol for an affect: `++` delighted, `+` interested,
    /// `.` neutral, `-` dull, `--` withdrawn, `!` fussy, `!!` distressed
    /// or protesting.
    public static func symbol(_ affect: Affect) -> String {
        switch affect {
        case .delighted: "++"
        case .interested: "+"
        case .neutral: "."
        case .dull: "-"
        case .withdrawn: "--"
        case .fussy: "!"
        case .distressed, .protesting: "!!"
        }
    }

    /// The one-character mark of an affect in the affect track.
    public static func mark(_ affect: Affect) -> Character {
        symbol(affect).first ?? "."
    }

    /// The colour of an affect: warm for positive, muted for dull or
    /// withdrawn, alert for fussy, distress for distressed or protesting.
    public static func colour(_ affect: Affect) -> SemanticColour {
        switch affect {
        case .delighted, .interested: .warm
        case .neutral: .default
        case .dull, .withdrawn: .muted
        case .fussy: .alert
        case .distressed, .protesting: .distress
        }
    }

    /// What the infant is doing and where it looks, in a few words
    /// ("looks away, sucks thumb").
    public static func doing(gaze: Gaze, behavior: Behavior) -> String {
        switch (gaze, behavior) {
        case (.atCaregiver, .smiling): "smiles at her"
        case (.atCaregiver, .cooing): "coos at her"
        case (.atCaregiver, .bidding): "smiles and coos to call her"
        case (.atCaregiver, .fussing): "looks at her, fussing"
        case (.atCaregiver, .crying): "cries"
        case (.atCaregiver, .pushingAway): "pushes her away"
        case (.atCaregiver, .withdrawn): "looks at her, flat"
        case (.atCaregiver, _): "looks at her"
        case (.away, .selfSoothing): "looks away, sucks thumb"
        case (.away, .fussing): "looks away, fussing"
        case (.away, .crying): "turned away, crying"
        case (.away, .pushingAway): "turned away, pushing"
        case (.away, .withdrawn): "turned inward, quiet"
        case (.away, _): "looks away"
        case (.farAway, .selfSoothing): "turned far away, thumb"
        case (.farAway, .crying): "turned far away, crying"
        case (.farAway, .fussing): "turned far away, fussing"
        case (.farAway, _): "turned far away"
        }
    }

    /// Where the infant's arousal sits against its window of tolerance, in
    /// a word or two ("low", "in range", "too high", "overwhelmed"), with
    /// the colour that goes with it.
    public static func zone(arousal: Double, traits: InfantTraits) -> (word: String, colour: SemanticColour) {
        if arousal > traits.distressLevel { return ("overwhelmed", .distress) }
        if arousal > traits.windowHigh { return ("too high", .alert) }
        if arousal < traits.windowLow { return ("low", .muted) }
        return ("in range", .calm)
    }

    /// The caregiver's action as a sentence start ("She plays").
    public static func caregiverDoing(_ action: CaregiverAction) -> String {
        "She " + action.phrase
    }

    /// The name of a policy on screen (`you` for `human`).
    public static func policyName(_ policy: Policy) -> String {
        policy == .human ? "you" : policy.word
    }
}

import AttuneModel

/// The words, symbols and colours the live screen uses for the model's
/// states, so that meaning never depends on colour alone.
public enum ScreenWords {
    /// A short symbol for an affect: `++` delighted, `+` interested,
    /// `.` neutral, `-` dull, `--` withdrawn, `!` fussy, `!!` distressed
    /// or protesting.
    ///
    /// Interest keeps its `+` (the baby is attentive, turned towards
    /// something), but only delight counts as positive affect, as
    /// still-face studies code it: the colour (``colour(_:)``) and the
    /// affect track (``mark(_:)``) say so.
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

    /// The one-character mark of an affect in the affect track, in four
    /// groups that the track's legend names: `+` happy (delighted), `.`
    /// calm (interested or neutral), `-` flat (dull or withdrawn), `!`
    /// upset (fussy, distressed or protesting). Interest is marked with the
    /// calm, not with the happy: it is attentive, not yet positive.
    public static func mark(_ affect: Affect) -> Character {
        switch affect {
        case .delighted: "+"
        case .interested, .neutral: "."
        case .dull, .withdrawn: "-"
        case .fussy, .distressed, .protesting: "!"
        }
    }

    /// The colour of an affect: warm for delight (the one positive affect),
    /// calm for interest (attentive and settled, but not positive: calm, not
    /// warm, so that colour never reads it as a smile), the default for
    /// neutral, muted for dull or withdrawn, alert for fussy, distress for
    /// distressed or protesting.
    public static func colour(_ affect: Affect) -> SemanticColour {
        switch affect {
        case .delighted: .warm
        case .interested: .calm
        case .neutral: .default
        case .dull, .withdrawn: .muted
        case .fussy: .alert
        case .distressed, .protesting: .distress
        }
    }

    /// What the infant is doing and where it looks, in a few words
    /// ("looks away, sucks thumb"). A bid is told by its affect: smiles and
    /// coos when delighted, a sober call when only interested; a baby
    /// exploring looks around the room (curious, not overwhelmed).
    public static func doing(gaze: Gaze, behavior: Behavior, affect: Affect) -> String {
        switch (gaze, behavior) {
        case (.atCaregiver, .smiling): "smiles at her"
        case (.atCaregiver, .cooing): "coos at her"
        case (.atCaregiver, .bidding): affect == .delighted ? "smiles and coos to call her" : "calls to her, not smiling"
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
        case (.away, .exploring): "looks around the room"
        case (.away, _): "looks away"
        case (.farAway, .selfSoothing): "turned far away, thumb"
        case (.farAway, .crying): "turned far away, crying"
        case (.farAway, .fussing): "turned far away, fussing"
        case (.farAway, .exploring): "turned far away, looking around"
        case (.farAway, _): "turned far away"
        }
    }

    /// Where the infant's arousal sits against its window of tolerance, in
    /// a word or two ("low", "in range", "too high", "overwhelmed"), with
    /// the colour that goes with it.
    ///
    /// "Overwhelmed" is said only of a baby that shows it (fussing, crying
    /// or pushing away): arousal counts strain as well as excitement, so a
    /// strained baby can stand past the distress mark while it looks around
    /// quietly or sucks its thumb, and the word must not contradict the
    /// face. Such a baby's arousal reads "too high".
    public static func zone(arousal: Double, behavior: Behavior, traits: InfantTraits) -> (word: String, colour: SemanticColour) {
        if arousal > traits.distressLevel && behavior.isDistress { return ("overwhelmed", .distress) }
        if arousal > traits.windowHigh { return ("too high", .alert) }
        if arousal < traits.windowLow { return ("low", .muted) }
        return ("in range", .calm)
    }

    /// The heart rate as the screen shows it, in whole beats per minute:
    /// `♥ 152 bpm`, or `HR 152 bpm` when only ASCII may be drawn.
    public static func heartRate(_ beatsPerMinute: Double, ascii: Bool) -> String {
        "\(ascii ? "HR" : "♥") \(Int(beatsPerMinute.rounded())) bpm"
    }

    /// The heart rate with the baby's resting rate beside it, so that a
    /// rise shows without colour: `♥ 152 bpm (resting 140)`.
    public static func heartRate(_ beatsPerMinute: Double, resting: Double, ascii: Bool) -> String {
        heartRate(beatsPerMinute, ascii: ascii) + " (resting \(Int(resting.rounded())))"
    }

    /// The caregiver's action as a sentence start ("She plays").
    public static func caregiverDoing(_ action: CaregiverAction) -> String {
        "She " + action.phrase
    }

    /// The name of a policy on screen (`you` for `human`), as the chooser
    /// and `describe` name it.
    public static func policyName(_ policy: Policy) -> String {
        policy == .human ? "you" : policy.word
    }

    /// What a caregiver following `policy` does, in two or three words, for
    /// the title over her panel: it names her actions, never her ("leans
    /// in", not "intrusive"), also after a question's answer switched
    /// her policy. `you` for `human`.
    public static func actionTitle(_ policy: Policy) -> String {
        switch policy {
        case .attuned: "waits, then greets"
        case .intrusive: "leans in"
        case .withdrawn: "often elsewhere"
        case .stillFace: "still face"
        case .goodEnough: "misreads, then repairs"
        case .anxious: "waits, then reaches in"
        case .human: "you"
        }
    }
}

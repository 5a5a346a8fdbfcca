import AttuneModel

/// What a baby is like, in a few plain words, from its parameters: the one
/// place the screen turns reactivity, soothability, sociability, trust and
/// age into words ("4 months old · easily stirred, slow to settle · keen on
/// faces").
///
/// Each share (0...1) is read as low below ``low``, high above ``high``,
/// and in the middle otherwise; only what stands out is said:
///
/// | parameter | low (below 0.35) | middle | high (above 0.65) |
/// |---|---|---|---|
/// | reactivity | calm | — | easily stirred |
/// | soothability | slow to settle | — | quick to settle |
/// | sociability | drawn to the world around | — | keen on faces |
///
/// Reactivity and soothability make one phrase, joined by "but" when they
/// pull different ways ("calm, but slow to settle"; "easily stirred, but
/// quick to settle"); both in the middle make "even-tempered". Trust,
/// which is the baby's history rather than its temperament, is said only
/// when it stands out: "trusting" from ``trustingFrom`` (0.75) up, "wary"
/// below ``waryBelow`` (0.4). The words describe; none of them is a
/// judgement of the baby or of anyone who cares for it.
public enum Temperament {
    /// Below this a share counts as low.
    public static let low = 0.35
    /// Above this a share counts as high.
    public static let high = 0.65
    /// From this trust up the baby is called trusting.
    public static let trustingFrom = 0.75
    /// Below this trust the baby is called wary.
    public static let waryBelow = 0.4

    /// Where a share lies: low, middle or high.
    enum Level { case low, middle, high }

    static func level(_ share: Double) -> Level {
        share < low ? .low : share > high ? .high : .middle
    }

    /// How easily the baby is stirred and how quickly it settles, as one
    /// phrase ("easily stirred, slow to settle"; "even-tempered").
    public static func temper(reactivity: Double, soothability: Double) -> String {
        switch (level(reactivity), level(soothability)) {
        case (.high, .low): "easily stirred, slow to settle"
        case (.high, .high): "easily stirred, but quick to settle"
        case (.high, .middle): "easily stirred"
        case (.low, .high): "calm, quick to settle"
        case (.low, .low): "calm, but slow to settle"
        case (.low, .middle): "calm"
        case (.middle, .high): "quick to settle"
        case (.middle, .low): "slow to settle"
        case (.middle, .middle): "even-tempered"
        }
    }

    /// Where the baby's eyes go by choice ("keen on faces"), or nil in the
    /// middle.
    public static func interest(sociability: Double) -> String? {
        switch level(sociability) {
        case .high: "keen on faces"
        case .low: "drawn to the world around"
        case .middle: nil
        }
    }

    /// What the baby has come to expect ("trusting", "wary"), or nil when
    /// its trust does not stand out.
    public static func history(trust: Double) -> String? {
        if trust >= trustingFrom { return "trusting" }
        if trust < waryBelow { return "wary" }
        return nil
    }

    /// The baby's age in words: "4 months old", "4.5 months old".
    public static func age(months: Double) -> String {
        let tenths = (months * 10).rounded()
        let number = tenths.truncatingRemainder(dividingBy: 10) == 0 ? "\(Int(tenths / 10))" : TextFormatting.fixed(months, 1)
        return "\(number) \(number == "1" ? "month" : "months") old"
    }

    /// The phrases that describe `infant`, in order: age, temper, interest
    /// and history (the last two only when they stand out).
    public static func phrases(_ infant: InfantParameters) -> [String] {
        var phrases = [
            age(months: infant.ageMonths),
            temper(reactivity: infant.reactivity, soothability: infant.soothability),
        ]
        if let interest = interest(sociability: infant.sociability) { phrases.append(interest) }
        if let history = history(trust: infant.trust) { phrases.append(history) }
        return phrases
    }

    /// The baby in one line, for the live screen: "The baby: 4 months old ·
    /// even-tempered · keen on faces".
    public static func line(_ infant: InfantParameters) -> String {
        "The baby: " + phrases(infant).joined(separator: " · ")
    }
}

import AttuneModel

/// The settings panel of the live screen (`s`), like NetLogo's sliders: the
/// baby's parameters and each caregiver's, with their ranges and units from
/// ``ParameterCatalog``. ↑ and ↓ choose one, ← and → change it by one
/// ``increment(_:)``; each change is a ``LiveSetting`` given to the run at
/// the current step, so the run goes on from there exactly as it does
/// after going back and acting.
public struct SettingsPanel: Hashable, Sendable {
    /// The index of the chosen row in ``rows(dyads:)``.
    public var selected: Int

    /// A panel with its first row chosen.
    public init(selected: Int = 0) {
        self.selected = selected
    }

    /// One parameter in the panel.
    public struct Row: Hashable, Sendable {
        /// Whose parameter.
        public var target: LiveSetting.Target
        /// Its key in ``ParameterCatalog``.
        public var key: String
    }

    /// The rows for a run with `dyads` caregivers: the baby's parameters
    /// (every dyad meets the same baby), then each caregiver's, in the
    /// registry's order.
    public static func rows(dyads: Int) -> [Row] {
        ParameterCatalog.infant.map { Row(target: .infant, key: $0.key) }
            + (0..<max(0, dyads)).flatMap { d in ParameterCatalog.caregiver.map { Row(target: .caregiver(dyad: d), key: $0.key) } }
    }

    /// The registry's facts about a row's parameter.
    static func spec(_ row: Row) -> ParameterSpec {
        LiveSetting(target: row.target, key: row.key, from: 0, value: 0).spec!
    }

    /// How far one press of ← or → moves a value: 0.05 of a share, a month
    /// of age, 0.1 s of a duration up to 10 s long (the reaction time), a
    /// second of a longer one (patience).
    public static func increment(_ spec: ParameterSpec) -> Double {
        switch spec.unit {
        case .share: 0.05
        case .months: 1
        case .seconds: spec.maximum - spec.minimum <= 10 ? 0.1 : 1
        }
    }

    /// The value one press up (or down) from `value`: the next multiple of
    /// the increment in that direction (so 0.68 goes to 0.70 or 0.65),
    /// kept within the range.
    public static func stepped(_ value: Double, spec: ParameterSpec, up: Bool) -> Double {
        let step = increment(spec)
        let position = value / step
        let next = up ? (position + 1e-6).rounded(.down) + 1 : (position - 1e-6).rounded(.up) - 1
        let raw = next * step
        let clean = (raw * 1_000_000).rounded() / 1_000_000
        return min(max(clean, spec.minimum), spec.maximum)
    }

    /// A value as the panel and the sentences show it: `0.55`, `9 months`,
    /// `0.8 s`, `12 s`.
    public static func format(_ value: Double, unit: ParameterUnit) -> String {
        switch unit {
        case .share:
            return TextFormatting.fixed(value, 2)
        case .months:
            let text = value == value.rounded() ? "\(Int(value))" : TextFormatting.fixed(value, 1)
            return text + (text == "1" ? " month" : " months")
        case .seconds:
            if value == value.rounded() { return "\(Int(value)) s" }
            return TextFormatting.fixed(value, value * 10 == (value * 10).rounded() ? 1 : 2) + " s"
        }
    }

    /// A parameter's range with its unit: `0-1`, `2-12 months`, `0-120 s`.
    public static func range(_ spec: ParameterSpec) -> String {
        func number(_ x: Double) -> String { x == x.rounded() ? "\(Int(x))" : TextFormatting.fixed(x, 1) }
        let span = "\(number(spec.minimum))-\(number(spec.maximum))"
        switch spec.unit {
        case .share: return span
        case .months: return span + " months"
        case .seconds: return span + " s"
        }
    }
}

/// Settings changes in plain words, for the notice when one is made and
/// for the debrief: "you made the baby more easily stirred (reactivity
/// from 0.50 to 0.80)". They describe what changed, never whether it was
/// wise.
public enum SettingWords {
    /// What a higher and a lower value make of the baby or the caregiver,
    /// by key: `(up, down)`.
    static let phrases: [String: (up: String, down: String)] = [
        // The baby's.
        "age_months": ("older", "younger"),
        "reactivity": ("more easily stirred", "less easily stirred"),
        "soothability": ("easier to soothe", "harder to soothe"),
        "trust": ("more trusting", "less trusting"),
        "sociability": ("keener on faces", "more drawn to the world around"),
        // The caregiver's.
        "patience": ("more patient through look-aways", "less patient through look-aways"),
        "sensitivity": ("surer at reading the baby's cues", "less sure at reading the baby's cues"),
        "reaction": ("slower to notice the baby's cues", "quicker to notice the baby's cues"),
        "anxiety": ("more easily worried", "calmer"),
        "energy": ("livelier in her play", "gentler in her play"),
        "contingency": ("closer in following the baby's every move", "looser in following the baby's moves"),
    ]

    /// Who a setting is about: "the baby", "the caregiver", or with more
    /// than one caregiver "the caregiver (Chases)".
    public static func subject(_ target: LiveSetting.Target, labels: [String]) -> String {
        switch target {
        case .infant: return "the baby"
        case let .caregiver(dyad):
            guard labels.count > 1, labels.indices.contains(dyad) else { return "the caregiver" }
            return "the caregiver (\(labels[dyad]))"
        }
    }

    /// The parameter's name as shown: its key with spaces (`age months` is
    /// shown as `age`).
    public static func name(_ key: String) -> String {
        key == "age_months" ? "age" : key.split(separator: "_").joined(separator: " ")
    }

    /// "made the baby more easily stirred (reactivity from 0.50 to 0.80)",
    /// or "set the baby's reactivity back to 0.50" when it ends where it
    /// began.
    public static func made(_ setting: LiveSetting, labels: [String]) -> String {
        let who = subject(setting.target, labels: labels)
        let unit = setting.spec?.unit ?? .share
        let to = SettingsPanel.format(setting.value, unit: unit)
        if abs(setting.value - setting.from) < 1e-9 {
            return "set \(possessive(who)) \(name(setting.key)) back to \(to)"
        }
        let phrase = phrases[setting.key].map { setting.value > setting.from ? $0.up : $0.down } ?? "different"
        let from = SettingsPanel.format(setting.from, unit: unit)
        return "made \(who) \(phrase) (\(name(setting.key)) from \(from) to \(to))"
    }

    /// "the baby's", "the caregiver's", "the caregiver's (Chases)".
    static func possessive(_ subject: String) -> String {
        guard let open = subject.firstIndex(of: "("), open > subject.startIndex else { return subject + "'s" }
        let name = subject[..<subject.index(before: open)]
        return name + "'s " + subject[open...]
    }
}

extension String {
    /// The string with its first letter in capitals ("the baby's" gives
    /// "The baby's").
    var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}

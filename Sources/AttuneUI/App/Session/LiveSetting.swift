import AttuneModel

/// One parameter changed during a run, in the settings panel: the baby's
/// (every dyad meets the same baby) or one caregiver's, named by its key in
/// ``ParameterCatalog``, with its value before and after.
///
/// Recorded as a ``LiveInput`` at the step it was made, so that it replays,
/// rewinds and branches as every other input does; written in a recording
/// as a `set` line with the path `--set` uses (`infant.reactivity`,
/// `dyads.1.caregiver.patience`).
public struct LiveSetting: Hashable, Sendable {
    /// Whose parameter.
    public enum Target: Hashable, Sendable {
        /// The baby's (``InfantParameters``), for every dyad alike.
        case infant
        /// The caregiver's of dyad `dyad` (0-based), through
        /// ``Simulation/setLiveCaregiver(_:dyad:)``.
        case caregiver(dyad: Int)
    }

    /// Whose parameter.
    public var target: Target
    /// The parameter's key in ``ParameterCatalog`` (`reactivity`).
    public var key: String
    /// The value before the change.
    public var from: Double
    /// The value after it.
    public var value: Double

    /// Creates a change; `key` should be a key of ``ParameterCatalog/infant``
    /// or ``ParameterCatalog/caregiver`` (one that is not changes nothing).
    public init(target: Target, key: String, from: Double, value: Double) {
        self.target = target
        self.key = key
        self.from = from
        self.value = value
    }

    /// The path `--set` uses: `infant.reactivity`, `dyads.0.caregiver.patience`.
    public var path: String {
        switch target {
        case .infant: "infant.\(key)"
        case let .caregiver(dyad): "dyads.\(dyad).caregiver.\(key)"
        }
    }

    /// The change a recording's `set` line names, or nil when `path` is not
    /// the path of a parameter the settings panel can change.
    public init?(path: String, from: Double, value: Double) {
        let parts = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if parts.count == 2, parts[0] == "infant", ParameterCatalog.infant.contains(where: { $0.key == parts[1] }) {
            self.init(target: .infant, key: parts[1], from: from, value: value)
        } else if parts.count == 4, parts[0] == "dyads", parts[2] == "caregiver", let dyad = Int(parts[1]), dyad >= 0,
            String(dyad) == parts[1], ParameterCatalog.caregiver.contains(where: { $0.key == parts[3] })
        {
            self.init(target: .caregiver(dyad: dyad), key: parts[3], from: from, value: value)
        } else {
            return nil
        }
    }

    /// The registry's facts about the parameter (key, meaning, unit, range).
    public var spec: ParameterSpec? {
        switch target {
        case .infant: ParameterCatalog.infant.first { $0.key == key }?.spec
        case .caregiver: ParameterCatalog.caregiver.first { $0.key == key }?.spec
        }
    }

    /// True when `other` is the same parameter of the same baby or caregiver.
    public func isSameParameter(as other: LiveSetting) -> Bool {
        target == other.target && key == other.key
    }
}

extension Simulation {
    /// The value a setting's parameter has now, or nil when there is no
    /// such parameter (or dyad).
    public func value(of target: LiveSetting.Target, key: String) -> Double? {
        switch target {
        case .infant:
            guard let parameter = ParameterCatalog.infant.first(where: { $0.key == key }) else { return nil }
            return infant[keyPath: parameter.field]
        case let .caregiver(dyad):
            guard dyads.indices.contains(dyad), let parameter = ParameterCatalog.caregiver.first(where: { $0.key == key }) else {
                return nil
            }
            return dyads[dyad].caregiver.parameters[keyPath: parameter.field]
        }
    }

    /// Makes the change from now on: the baby's parameters through
    /// ``setLiveInfant(_:)`` (its traits derived again, in every dyad), a
    /// caregiver's through ``setLiveCaregiver(_:dyad:)`` (laid over the
    /// scenario's phases for the rest of the run, as a policy switch is).
    /// The value is clamped to the registry's range; an unknown parameter
    /// or dyad changes nothing.
    public mutating func apply(_ setting: LiveSetting) {
        switch setting.target {
        case .infant:
            guard let parameter = ParameterCatalog.infant.first(where: { $0.key == setting.key }) else { return }
            var changed = infant
            changed[keyPath: parameter.field] = min(max(setting.value, parameter.minimum), parameter.maximum)
            setLiveInfant(changed)
        case let .caregiver(dyad):
            guard dyads.indices.contains(dyad), let parameter = ParameterCatalog.caregiver.first(where: { $0.key == setting.key })
            else { return }
            var settings = CaregiverSettings()
            settings[keyPath: parameter.setting] = min(max(setting.value, parameter.minimum), parameter.maximum)
            setLiveCaregiver(settings, dyad: dyad)
        }
    }
}

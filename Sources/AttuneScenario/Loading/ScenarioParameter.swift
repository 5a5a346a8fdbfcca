import AttuneModel

/// A value for a ``ScenarioParameter``: a number (seconds for a duration)
/// or a policy.
public enum ParameterValue: Sendable, Hashable {
    /// A plain number, or a duration in seconds.
    case number(Double)
    /// A caregiver's policy.
    case policy(Policy)
}

/// A `--set` path that names one model parameter of a loaded scenario,
/// resolved once, so that many values can be checked and set on the
/// scenario's plan without reading the file again (sweeps and `days
/// --switch` use it).
///
/// The paths it knows are the registry's (``ParameterCatalog``):
/// `infant.KEY`, `dyads.N.caregiver.KEY` and `phases.N.caregiver.KEY` (KEY a
/// caregiver parameter or `policy`), and `step`. A value is accepted exactly
/// when the scenario loader would accept it at that path, and becomes the
/// same number: it is read by the loader's own code. Such values only need
/// their own range, never the rest of the scenario, so setting one on a
/// loaded plan gives the plan the loader would build.
///
/// Anything else is left to the loader, which words the refusal: ``init``
/// returns nil for another path, a list position the file does not have,
/// or an infant field the file writes as a spread of babies (`{mean, sd}`,
/// which a plain value replaces along with its spread), and ``value(_:)``
/// returns nil for a value the loader would refuse.
public struct ScenarioParameter: Sendable {
    /// Where the parameter lives.
    enum Target: Sendable {
        case infant(InfantParameter)
        case dyad(Int, CaregiverField)
        case phase(Int, CaregiverField)
        case run(RunParameter)
    }

    /// A field of a caregiver layer.
    enum CaregiverField: Sendable {
        case policy
        case parameter(CaregiverParameter)
    }

    /// The path, as `--set` writes it (`dyads.0.caregiver.patience`).
    public let path: String
    let target: Target

    /// Resolves `path` in `scenario` (as loaded, with any `--set`
    /// overrides), or nil when it is not a parameter path the scenario's
    /// file has: the loader must then handle it.
    public init?(path: String, in scenario: Scenario) {
        let parts = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        /// A list position written plainly (`0`, `12`; not `00` or `+1`)
        /// that the list has.
        func position(_ text: String, count: Int) -> Int? {
            guard let n = Int(text), n >= 0, n < count, String(n) == text else { return nil }
            return n
        }
        func caregiverField(_ key: String) -> CaregiverField? {
            if key == "policy" { return .policy }
            return ParameterCatalog.caregiver.first { $0.key == key }.map { .parameter($0) }
        }
        let plan = scenario.plan
        switch parts.count {
        case 1:
            guard parts[0] == ParameterCatalog.step.key else { return nil }
            target = .run(ParameterCatalog.step)
        case 2:
            // A field the file writes as a spread of babies becomes a
            // plain number once set; the loader makes that plan.
            guard parts[0] == "infant", let parameter = ParameterCatalog.infant.first(where: { $0.key == parts[1] }),
                scenario.filePopulation.spread[parameter.key] == nil
            else {
                return nil
            }
            target = .infant(parameter)
        case 4 where parts[2] == "caregiver":
            guard let field = caregiverField(parts[3]) else { return nil }
            if parts[0] == "dyads", let d = position(parts[1], count: plan.dyads.count) {
                target = .dyad(d, field)
            } else if parts[0] == "phases", scenario.listsPhases, let p = position(parts[1], count: plan.phases.count) {
                target = .phase(p, field)
            } else {
                return nil
            }
        default:
            return nil
        }
        self.path = path
    }

    /// `text` read as the loader reads a `--set` value at this path, or nil
    /// when the loader would refuse it.
    public func value(_ text: String) -> ParameterValue? {
        guard case let .success(override) = Override.parse("\(path)=\(text)") else { return nil }
        var reader = ScenarioReader(problems: Problems(file: path))
        let value: ParameterValue?
        switch target {
        case let .infant(parameter):
            value = reader.parameter(parameter.spec, override.value, path: path).map(ParameterValue.number)
        case let .run(parameter):
            value = reader.parameter(parameter.spec, override.value, path: path).map(ParameterValue.number)
        case let .dyad(_, .parameter(parameter)), let .phase(_, .parameter(parameter)):
            value = reader.parameter(parameter.spec, override.value, path: path).map(ParameterValue.number)
        case .dyad(_, .policy), .phase(_, .policy):
            value = reader.policy(override.value, path: path).map(ParameterValue.policy)
        }
        return reader.problems.isEmpty ? value : nil
    }

    /// Sets `value` (from ``value(_:)`` of this parameter) in `plan`.
    public func set(_ value: ParameterValue, in plan: inout RunPlan) {
        switch (target, value) {
        case let (.infant(parameter), .number(x)):
            plan.infant[keyPath: parameter.field] = x
        case let (.run(parameter), .number(x)):
            plan[keyPath: parameter.field] = x
        case let (.dyad(d, field), value):
            Self.set(value, field: field, in: &plan.dyads[d].caregiver)
        case let (.phase(p, field), value):
            Self.set(value, field: field, in: &plan.phases[p].caregiver)
        default:
            assertionFailure("\(value) is not a value of \(path)")
        }
    }

    private static func set(_ value: ParameterValue, field: CaregiverField, in settings: inout CaregiverSettings) {
        switch (field, value) {
        case let (.parameter(parameter), .number(x)): settings[keyPath: parameter.setting] = x
        case let (.policy, .policy(policy)): settings.policy = policy
        default: assertionFailure("\(value) is not a value of this caregiver field")
        }
    }
}

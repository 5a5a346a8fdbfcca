import AttuneModel
import AttuneScenario

/// Turns a sweep's grid into run plans, every grid point checked exactly as
/// a `--set` would be, before anything runs.
///
/// A varied field that is a model parameter of the scenario (see
/// ``ScenarioParameter``: an infant or caregiver parameter, a policy, the
/// step) is resolved once and its values read once; each grid point's plan
/// is then the scenario's plan with those values set, and the file is not
/// read again. Any other field (a phase's duration, say), and any value the
/// loader would refuse, goes through the scenario loader with `--set`
/// overrides, so its problems are worded by the loader.
///
/// First each value of each field is checked on its own (so a wrong path or
/// an out-of-range value is reported once per field, named by its
/// `--vary`), then, when several fields vary, every combination.
public enum SweepPlans {
    /// The most problems listed for one field before the rest are counted.
    static let problemsShownPerField = 3

    /// Builds one plan per grid point, in grid order.
    /// - Parameters:
    ///   - grid: the grid.
    ///   - base: the scenario loaded with `baseOverrides`, when the caller
    ///     has it (otherwise it is loaded here, once).
    ///   - baseOverrides: the `--set` overrides, applied before each point's.
    ///   - load: loads the scenario with some `--set` overrides
    ///     (`PATH=VALUE` each, applied in order).
    /// - Throws: ``ExperimentErrors``, every problem named by its `--vary`
    ///   (or `--set`).
    public static func build(
        grid: SweepGrid, base: Scenario? = nil, baseOverrides: [String], load: ([String]) throws -> Scenario
    ) throws -> [RunPlan] {
        var messages = [String]()
        // A field both set and varied would be set twice: say so.
        for field in grid.fields {
            if field.path == "seed" {
                messages.append(
                    "\(field.label): a sweep gives run r the seed S + r at every grid point (S from --seed), so a varied seed would change nothing; to see other runs, change --seed or --runs"
                )
            }
            if let set = baseOverrides.last(where: { Self.path(of: $0) == field.path }) {
                messages.append("\(field.label): --set \(set) changes the same field; drop one of the two")
            }
        }
        guard messages.isEmpty else { throw ExperimentErrors(messages) }
        let typed = TypedFields(grid: grid, base: base ?? (try? load(baseOverrides)))
        // Each value of each field, on its own.
        var single = [[RunPlan?]]()
        for (f, field) in grid.fields.enumerated() {
            var plans = [RunPlan?]()
            var problems = [String]()
            for (v, value) in field.values.enumerated() {
                let override = field.override(value)
                do {
                    let plan = try typed.plan(setting: [(f, v)]) ?? load(baseOverrides + [override]).plan
                    try LabError.checkHeadless(plan)
                    plans.append(plan)
                } catch let errors as ScenarioErrors {
                    for error in errors.errors {
                        problems.append(error.file == MessageText.echo("--set \(override)") ? error.message : error.description)
                    }
                    plans.append(nil)
                } catch let error as LabError {
                    problems.append("with \(override): \(error.description)")
                    plans.append(nil)
                }
            }
            messages += summarized(problems, label: field.label)
            single.append(plans)
        }
        guard messages.isEmpty else { throw ExperimentErrors(messages) }
        let plans: [RunPlan]
        if grid.fields.count == 1 {
            plans = single[0].map { $0! }
        } else {
            // Every combination: fields loaded through the loader may depend
            // on each other (phases that together last too long, say), so
            // each combination of their values is loaded once; typed values
            // are then set on it.
            let loaded = grid.fields.indices.filter { !typed.isTyped($0) }
            var cache = [[Int]: Result<RunPlan, ScenarioErrors>]()
            var combined = [RunPlan]()
            combined.reserveCapacity(grid.pointCount)
            var problems = [String]()
            for point in 0..<grid.pointCount {
                let indices = grid.valueIndices(ofPoint: point)
                let place = { "at " + grid.overrides(ofPoint: point).map { MessageText.echo($0) }.joined(separator: ", ") }
                let key = loaded.map { indices[$0] }
                let start: Result<RunPlan, ScenarioErrors>
                if let known = cache[key] {
                    start = known
                } else if loaded.isEmpty {
                    start = .success(typed.basePlan!)
                } else if loaded.count == 1, let plan = single[loaded[0]][key[0]] {
                    start = .success(plan)
                } else {
                    let overrides = zip(loaded, key).map { grid.fields[$0].override(grid.fields[$0].values[$1]) }
                    do {
                        start = .success(try load(baseOverrides + overrides).plan)
                    } catch let errors as ScenarioErrors {
                        start = .failure(errors)
                    }
                }
                cache[key] = start
                do {
                    var plan = try start.get()
                    typed.set(indices, in: &plan)
                    try LabError.checkHeadless(plan)
                    combined.append(plan)
                } catch let errors as ScenarioErrors {
                    let place = place()
                    problems += errors.errors.map { "\(place): \($0.message)" }
                } catch let error as LabError {
                    problems.append(place() + ": \(error.description)")
                }
            }
            messages += summarized(problems, label: "--vary")
            plans = combined
        }
        guard messages.isEmpty else { throw ExperimentErrors(messages) }
        // Every point must have the same dyads and phases, so rows line up.
        if let first = plans.first {
            for (point, plan) in plans.enumerated()
            where plan.dyads.count != first.dyads.count || plan.phases.count != first.phases.count {
                throw ExperimentErrors(
                    "at " + grid.overrides(ofPoint: point).map { MessageText.echo($0) }.joined(separator: ", ")
                        + ": the scenario has a different number of dyads or phases than at the first grid point; a sweep can only change values, not add or remove dyads or phases"
                )
            }
        }
        return plans
    }

    /// The path of a `PATH=VALUE` override (trimmed), or `nil`.
    static func path(of override: String) -> String? {
        guard let equals = override.firstIndex(of: "=") else { return nil }
        return override[..<equals].trimmingCharacters(in: .whitespaces)
    }

    /// Distinct problems of one option, at most a few, each starting with
    /// the option's label; the rest counted in one last line.
    static func summarized(_ problems: [String], label: String) -> [String] {
        var distinct = [String]()
        for p in problems where !distinct.contains(p) { distinct.append(p) }
        var lines = distinct.prefix(problemsShownPerField).map { "\(label): \($0)" }
        let more = distinct.count - problemsShownPerField
        if more > 0 {
            lines.append("\(label): …and \(more) more \(more == 1 ? "value has a problem" : "values have problems") like these")
        }
        return lines
    }
}

/// The varied fields that are model parameters of the scenario, each
/// resolved once with its values read once (see ``ScenarioParameter``).
struct TypedFields {
    /// The scenario's plan (with the `--set` overrides), or nil when it
    /// could not be loaded: then nothing is typed.
    let basePlan: RunPlan?
    /// Per field: the parameter and each value read, or nil when the field
    /// is not a parameter of the scenario. A value is nil when the loader
    /// would refuse it.
    private let fields: [(parameter: ScenarioParameter, values: [ParameterValue?])?]
    /// Per field: true when every value was read.
    private let everyValueRead: [Bool]

    init(grid: SweepGrid, base: Scenario?) {
        basePlan = base?.plan
        fields = grid.fields.map { field in
            guard let base, let parameter = ScenarioParameter(path: field.path, in: base) else { return nil }
            return (parameter, field.values.map { parameter.value($0.text) })
        }
        everyValueRead = fields.map { $0?.values.allSatisfy { $0 != nil } ?? false }
    }

    /// True when field `f` is a parameter and every value of it was read.
    func isTyped(_ f: Int) -> Bool { everyValueRead[f] }

    /// The base plan with value `v` of field `f` set, for each `(f, v)`, or
    /// nil when one of them is not typed.
    func plan(setting values: [(field: Int, value: Int)]) -> RunPlan? {
        guard var plan = basePlan else { return nil }
        for (f, v) in values {
            guard let field = fields[f], let value = field.values[v] else { return nil }
            field.parameter.set(value, in: &plan)
        }
        return plan
    }

    /// Sets, in `plan`, the value at `indices` (one index per field, in
    /// grid order) of each field for which ``isTyped(_:)`` is true.
    func set(_ indices: [Int], in plan: inout RunPlan) {
        for (f, v) in indices.enumerated() where isTyped(f) {
            fields[f]!.parameter.set(fields[f]!.values[v]!, in: &plan)
        }
    }
}

import AttuneModel
import AttuneScenario

/// Turns a sweep's grid into run plans through the scenario loader, so every
/// grid point is checked exactly as a `--set` would be, before anything runs.
///
/// First each value of each field is loaded on its own (so a wrong path or
/// an out-of-range value is reported once per field, named by its
/// `--vary`), then, when several fields vary, every combination.
public enum SweepPlans {
    /// The most problems listed for one field before the rest are counted.
    static let problemsShownPerField = 3

    /// Builds one plan per grid point, in grid order.
    /// - Parameters:
    ///   - grid: the grid.
    ///   - baseOverrides: the `--set` overrides, applied before each point's.
    ///   - load: loads the scenario with some `--set` overrides
    ///     (`PATH=VALUE` each, applied in order).
    /// - Throws: ``ExperimentErrors``, every problem named by its `--vary`
    ///   (or `--set`).
    public static func build(
        grid: SweepGrid, baseOverrides: [String], load: ([String]) throws -> Scenario
    ) throws -> [RunPlan] {
        var messages = [String]()
        // A field both set and varied would be set twice: say so.
        for field in grid.fields {
            if field.path == "seed" {
                messages.append(
                    "\(field.label): a sweep gives run r the seed S + r at every grid point (S from --seed), so a varied seed would change nothing; to see other runs, change --seed or --runs")
            }
            if let set = baseOverrides.last(where: { Self.path(of: $0) == field.path }) {
                messages.append("\(field.label): --set \(set) changes the same field; drop one of the two")
            }
        }
        guard messages.isEmpty else { throw ExperimentErrors(messages) }
        // Each value of each field, on its own.
        var single = [[RunPlan?]]()
        for field in grid.fields {
            var plans = [RunPlan?]()
            var problems = [String]()
            for value in field.values {
                let override = field.override(value)
                do {
                    let plan = try load(baseOverrides + [override]).plan
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
            // Every combination: fields may depend on each other (phases
            // that together last too long, say).
            var combined = [RunPlan]()
            combined.reserveCapacity(grid.pointCount)
            var problems = [String]()
            for point in 0..<grid.pointCount {
                let overrides = grid.overrides(ofPoint: point)
                do {
                    let plan = try load(baseOverrides + overrides).plan
                    try LabError.checkHeadless(plan)
                    combined.append(plan)
                } catch let errors as ScenarioErrors {
                    let place = "at " + overrides.map { MessageText.echo($0) }.joined(separator: ", ")
                    problems += errors.errors.map { "\(place): \($0.message)" }
                } catch let error as LabError {
                    problems.append("at " + overrides.map { MessageText.echo($0) }.joined(separator: ", ") + ": \(error.description)")
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
                        + ": the scenario has a different number of dyads or phases than at the first grid point; a sweep can only change values, not add or remove dyads or phases")
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

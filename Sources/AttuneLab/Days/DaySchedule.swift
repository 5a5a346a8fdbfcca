import AttuneModel
import AttuneScenario

/// A change to the scenario from one day of a history on, as `--switch`
/// writes it: `DAY:PATH=VALUE` (`31:dyads.0.caregiver.policy=attuned`).
///
/// DAY counts from 1; PATH and VALUE are as for `--set`. The change holds
/// from that day to the last, unless a later switch changes the same field.
public struct DaySwitch: Sendable, Hashable {
    /// The first day the change holds, counted from 1.
    public let day: Int
    /// The change, as a `--set` override: `PATH=VALUE`.
    public let override: String
    /// The option as written after `--switch `.
    public let text: String

    /// How the option is named in messages: `--switch DAY:PATH=VALUE`.
    public var label: String { "--switch \(MessageText.echo(text))" }

    /// The changed field's path.
    public var path: String { SweepPlans.path(of: override) ?? override }

    /// Reads one `--switch` option's text.
    /// - Parameters:
    ///   - text: `DAY:PATH=VALUE`.
    ///   - days: the history's length in days; DAY must be 1...days.
    /// - Throws: ``ExperimentErrors`` saying what is wrong.
    public static func parse(_ text: String, days: Int) throws(ExperimentErrors) -> DaySwitch {
        let label = "--switch \(MessageText.echo(text))"
        guard let colon = text.firstIndex(of: ":") else {
            throw ExperimentErrors("\(label): write it as DAY:PATH=VALUE, like 31:dyads.0.caregiver.policy=attuned")
        }
        let dayText = text[..<colon].trimmingCharacters(in: .whitespaces)
        let override = String(text[text.index(after: colon)...])
        guard let day = Int(dayText) else {
            throw ExperimentErrors(
                "\(label): \"\(dayText)\" is not a day; write the day as a whole number before the colon, like 31:dyads.0.caregiver.policy=attuned"
            )
        }
        guard (1...days).contains(day) else {
            throw ExperimentErrors(
                "\(label): day \(day) is outside the history; with --days \(days) the days run from 1 to \(days)")
        }
        guard let equals = override.firstIndex(of: "="), !override[..<equals].trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ExperimentErrors("\(label): write the change as PATH=VALUE after the day, like 31:dyads.0.caregiver.policy=attuned")
        }
        let path = override[..<equals].trimmingCharacters(in: .whitespaces)
        if path == "seed" {
            throw ExperimentErrors(
                "\(label): a history's sessions take their seeds from --seed (run r, session s uses S + r × 1,000,003 + s), so a switched seed would change nothing"
            )
        }
        if path == DaySchedule.trustPath || path.hasPrefix(DaySchedule.trustPath + ".") {
            throw ExperimentErrors(
                "\(label): infant.trust is what a history carries from one session to the next, so it can't be switched; set the first day's trust with --set infant.trust=VALUE"
            )
        }
        return DaySwitch(day: day, override: override, text: text)
    }
}

/// The scenario for every day of a history: the scenario as loaded (with
/// its `--set` overrides), and from each `--switch` day on, the scenario
/// with the switches so far applied. Each stretch's plan is made and
/// checked once, before anything runs: when every switch in effect sets a
/// model parameter (see ``ScenarioParameter``), by setting the values on
/// the loaded plan; otherwise by loading the scenario with the switches as
/// `--set` overrides.
public struct DaySchedule: Sendable {
    /// A stretch of days with one plan.
    public struct Stretch: Sendable {
        /// The stretch's first day, counted from 1.
        public let firstDay: Int
        /// The plan of these days.
        public let plan: RunPlan
        /// The switches that begin on ``firstDay`` (none for day 1 without a
        /// switch).
        public let switches: [DaySwitch]
        /// One single-dyad plan per dyad of ``plan``: each dyad is its own
        /// history line.
        let dyadPlans: [RunPlan]
    }

    /// The path a history carries: the infant's trust.
    public static let trustPath = "infant.trust"
    /// The allowed number of days.
    public static let allowedDays = 1...3650
    /// The allowed number of sessions per day.
    public static let allowedSessionsPerDay = 1...48

    /// Days in the history, 1...3650.
    public let days: Int
    /// Sessions each day, 1...48; each session is one full run of the scenario.
    public let sessionsPerDay: Int
    /// The stretches, by first day, the first starting on day 1.
    public let stretches: [Stretch]

    /// The infant's trust at the start of day 1 (the scenario's
    /// `infant.trust`).
    public var initialTrust: Double { stretches[0].plan.infant.trust }

    /// The dyads' labels (as on day 1).
    public var dyadLabels: [String] { stretches[0].plan.dyads.map(\.label) }

    /// Builds the schedule, loading each stretch's plan.
    /// - Parameters:
    ///   - days: days in the history, 1...3650.
    ///   - sessionsPerDay: sessions each day, 1...48.
    ///   - switches: the `--switch` changes, each with its day in 1...days;
    ///     for one field, a later day's switch wins over an earlier one, and
    ///     on one day the last one written wins.
    ///   - base: the scenario loaded with `baseOverrides`, when the caller
    ///     has it (otherwise it is loaded here, once).
    ///   - baseOverrides: the `--set` overrides, applied first.
    ///   - load: loads the scenario with some `--set` overrides
    ///     (`PATH=VALUE` each, applied in order).
    /// - Throws: ``ExperimentErrors`` naming each bad `--switch`, or the
    ///   loader's errors, or ``LabError`` for a `human` caregiver.
    public static func build(
        days: Int, sessionsPerDay: Int, switches: [DaySwitch], base: Scenario? = nil, baseOverrides: [String],
        load: ([String]) throws -> Scenario
    ) throws -> DaySchedule {
        guard allowedDays.contains(days) else {
            throw LabError.outOfRange(name: "The number of days", value: days, allowed: allowedDays)
        }
        guard allowedSessionsPerDay.contains(sessionsPerDay) else {
            throw LabError.outOfRange(name: "The number of sessions per day", value: sessionsPerDay, allowed: allowedSessionsPerDay)
        }
        var messages = [String]()
        for s in switches where !(1...days).contains(s.day) {
            messages.append("\(s.label): day \(s.day) is outside the history; with --days \(days) the days run from 1 to \(days)")
        }
        guard messages.isEmpty else { throw ExperimentErrors(messages) }
        // Stable by day: on one day, the order written.
        let ordered = switches.enumerated().sorted { ($0.element.day, $0.offset) < ($1.element.day, $1.offset) }.map(\.element)
        var firstDays = [1]
        for s in ordered where s.day != firstDays.last { firstDays.append(s.day) }
        let base = base ?? (try? load(baseOverrides))
        var stretches = [Stretch]()
        for firstDay in firstDays {
            switch stretch(from: firstDay, ordered: ordered, base: base, baseOverrides: baseOverrides, load: load) {
            case let .success(stretch):
                stretches.append(stretch)
            case let .failure(problems):
                for line in problems.messages where !messages.contains(line) { messages.append(line) }
            }
        }
        guard messages.isEmpty else { throw ExperimentErrors(messages) }
        let dyads = stretches[0].plan.dyads.count
        if let odd = stretches.first(where: { $0.plan.dyads.count != dyads }) {
            throw ExperimentErrors(
                "from day \(odd.firstDay) the scenario has a different number of dyads; a switch can change values, not add or remove dyads"
            )
        }
        return DaySchedule(days: days, sessionsPerDay: sessionsPerDay, stretches: stretches)
    }

    /// The stretch that starts on `firstDay`, or the problems that stop it.
    private static func stretch(
        from firstDay: Int, ordered: [DaySwitch], base: Scenario?, baseOverrides: [String],
        load: ([String]) throws -> Scenario
    ) -> Result<Stretch, ExperimentErrors> {
        let inEffect = ordered.filter { $0.day <= firstDay }
        do {
            let plan = try typedPlan(base, switches: inEffect) ?? load(baseOverrides + inEffect.map(\.override)).plan
            try LabError.checkHeadless(plan)
            let dyadPlans = plan.dyads.map { dyad in
                var alone = plan
                alone.dyads = [dyad]
                return alone
            }
            return .success(Stretch(firstDay: firstDay, plan: plan, switches: ordered.filter { $0.day == firstDay }, dyadPlans: dyadPlans))
        } catch let errors as ScenarioErrors {
            var lines = [String]()
            for error in errors.errors {
                let line =
                    if let s = inEffect.last(where: { error.file == MessageText.echo("--set \($0.override)") }) {
                        "\(s.label): \(error.message)"
                    } else {
                        error.description
                    }
                if !lines.contains(line) { lines.append(line) }
            }
            return .failure(ExperimentErrors(lines))
        } catch let error as LabError {
            let from = firstDay == 1 ? "" : "from day \(firstDay): "
            return .failure(ExperimentErrors(from + error.description))
        } catch {
            return .failure(ExperimentErrors("\(error)"))
        }
    }

    /// `base`'s plan with `switches` set in order, or nil when one of them
    /// is not a parameter of the scenario or has a value the loader would
    /// refuse (the loader then makes the plan, or words the refusal).
    private static func typedPlan(_ base: Scenario?, switches: [DaySwitch]) -> RunPlan? {
        guard var plan = base?.plan else { return nil }
        for s in switches {
            guard let equals = s.override.firstIndex(of: "="),
                let parameter = ScenarioParameter(path: s.path, in: base!),
                let value = parameter.value(String(s.override[s.override.index(after: equals)...]))
            else { return nil }
            parameter.set(value, in: &plan)
        }
        return plan
    }

    /// The stretch that holds on `day` (counted from 1).
    public func stretch(forDay day: Int) -> Stretch {
        stretches.last { $0.firstDay <= day } ?? stretches[0]
    }
}

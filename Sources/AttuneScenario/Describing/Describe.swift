import AttuneModel
import Foundation

/// A scenario in plain text, for `attune describe`: its title and about,
/// things to notice and to try, and every setting in effect — the step, the
/// seed, the infant's traits, the phases, each caregiver's settings in each
/// phase (after phase overrides and policy defaults), and the narration.
public func describe(_ scenario: Scenario) -> String {
    var lines: [String] = []
    let plan = scenario.plan
    lines.append(scenario.title)
    lines.append(String(repeating: "=", count: max(3, scenario.title.count)))
    if !scenario.about.isEmpty { lines.append(scenario.about) }
    lines.append("")
    // The folders on the way to the file are not checked like its name.
    lines.append("Scenario: \(scenario.name)" + (scenario.sourcePath.map { "  (file: \(MessageText.visible($0)))" } ?? ""))

    if !scenario.notice.isEmpty {
        lines.append("")
        lines.append("Things to notice")
        lines.append(contentsOf: scenario.notice.map { "  - \($0)" })
    }
    if !scenario.tryThis.isEmpty {
        lines.append("")
        lines.append("Things to try")
        lines.append(contentsOf: scenario.tryThis.map { "  - \($0)" })
    }

    lines.append("")
    lines.append("Run")
    lines.append("  step: \(Format.seconds(plan.stepSeconds)) (the model moves forward this much at a time)")
    lines.append("  seed: \(scenario.seed) (the same seed gives the same run)")
    lines.append("  length: \(Format.seconds(plan.totalSeconds)) in \(plan.phases.count) \(plan.phases.count == 1 ? "phase" : "phases")")

    lines.append("")
    if plan.population.isFixed {
        lines.append("Infant (every caregiver meets its own copy of this infant)")
    } else {
        lines.append("Infant (each run draws its own baby; every caregiver of a run meets the same one)")
    }
    for parameter in ParameterCatalog.infant {
        let value = plan.infant[keyPath: parameter.field]
        let spread = plan.population.spread[parameter.key] ?? 0
        let shown = spread > 0 ? Format.spread(mean: value, sd: spread, of: parameter.spec) : Format.value(value, of: parameter.spec)
        lines.append("  \(parameter.key): \(shown)")
    }

    lines.append("")
    lines.append("Phases")
    var start = 0.0
    for (index, phase) in plan.phases.enumerated() {
        let end = start + phase.durationSeconds
        var line =
            "  \(index + 1). \(phase.name): \(Format.seconds(phase.durationSeconds)) (from \(Format.seconds(start)) to \(Format.seconds(end)))"
        let changes = settingsWords(phase.caregiver)
        if !changes.isEmpty { line += "; every caregiver: \(changes)" }
        lines.append(line)
        start = end
    }

    lines.append("")
    lines.append("Caregivers (settings in effect in each phase)")
    let header = ["phase", "policy"] + ParameterCatalog.caregiver.map(\.key)
    for (dyadIndex, dyad) in plan.dyads.enumerated() {
        lines.append("  \(dyad.label)")
        var rows = [header]
        for (phaseIndex, phase) in plan.phases.enumerated() {
            let c = plan.caregiver(dyad: dyadIndex, phase: phaseIndex)
            rows.append(
                [phase.name, c.policy.word]
                    + ParameterCatalog.caregiver.map { Format.value(c[keyPath: $0.field], of: $0.spec) })
        }
        lines.append(contentsOf: table(rows).map { "    \($0)" })
    }

    lines.append("")
    if scenario.narration.isEmpty {
        lines.append("Narration: none")
    } else {
        lines.append("Narration")
        for cue in scenario.narration {
            var when: String
            switch cue.trigger {
            case let .at(seconds): when = "at \(Format.seconds(seconds))"
            case let .on(events): when = "on \(events.names)"
            }
            var notes: [String] = []
            if cue.once { notes.append("once") }
            if let dyad = cue.dyad { notes.append("\(dyad) only") }
            if !notes.isEmpty { when += " (\(notes.joined(separator: ", ")))" }
            lines.append("  \(when): \(cue.text)")
        }
    }
    if !scenario.decisions.isEmpty {
        lines.append("")
        lines.append("Decisions (the live screen pauses and asks)")
        for decision in scenario.decisions {
            var when: String
            switch decision.trigger {
            case let .at(seconds): when = "at \(Format.seconds(seconds))"
            case let .on(events): when = "on the first \(events.names)"
            }
            if let dyad = decision.dyad { when += " (\(dyad) only)" }
            lines.append("  \(when): \(decision.question)")
            for choice in decision.choices {
                let does: String
                switch choice.effect {
                case let .caregiver(settings): does = settingsWords(settings)
                case let .action(action): does = "action \(action.word)"
                }
                lines.append("    [\(choice.key)] \(choice.label): \(does)")
            }
        }
    }
    if scenario.usesHumanCaregiver {
        lines.append("")
        lines.append("A caregiver here follows the human policy: the person at the keyboard chooses what she does.")
    }
    return lines.joined(separator: "\n") + "\n"
}

/// The fields a set of caregiver settings names, in file words:
/// `policy still-face, energy 0.2`.
func settingsWords(_ settings: CaregiverSettings) -> String {
    var words: [String] = []
    if let policy = settings.policy { words.append("policy \(policy.word)") }
    for parameter in ParameterCatalog.caregiver {
        if let value = settings[keyPath: parameter.setting] {
            words.append("\(parameter.key) \(Format.value(value, of: parameter.spec))")
        }
    }
    return words.joined(separator: ", ")
}

/// Rows laid out in columns two spaces apart.
private func table(_ rows: [[String]]) -> [String] {
    let widths = (0..<(rows.first?.count ?? 0)).map { column in rows.map { $0[column].count }.max() ?? 0 }
    return rows.map { row in
        row.enumerated().map { index, cell in
            index == row.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
        }.joined(separator: "  ")
    }
}

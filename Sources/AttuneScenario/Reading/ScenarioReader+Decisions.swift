import AttuneModel
import Foundation
import Yams

/// Decision points: the questions a scene asks, and their choices.
extension ScenarioReader {
    mutating func decisionPoints(_ node: Node, runSeconds: Double?, labels: [String]?) -> [DecisionPoint] {
        let example = "- { on: infant-looks-away, question: What now?, choices: [ ... ] }"
        guard let items = list(node, path: "decisions", what: "decision", example: example, emptyAllowed: true) else { return [] }
        var decisions: [DecisionPoint] = []
        for (index, item) in items.enumerated() {
            let path = "decisions.\(index)"
            guard let fields = fields(of: item, path: path, allowed: Self.decisionKeys) else { continue }
            var trigger: DecisionPoint.Trigger?
            switch (fields["at"], fields["on"]) {
            case (nil, nil):
                problems.add(
                    "\(path) has no time or event; add  at: 30s  or  on: infant-looks-away",
                    path: path, at: item)
            case let ((atKey, _)?, (_, _)?):
                problems.add("\(path) has both at and on; keep one of them", path: path, at: atKey)
            case let ((_, value)?, nil):
                let upper = runSeconds ?? ParameterCatalog.maximumDurationSeconds
                let allowed = "longer than 0s and shorter than the run" + (runSeconds.map { " (it lasts \(Format.seconds($0)))" } ?? "")
                if let seconds = duration(value, path: "\(path).at", range: 0...upper, allowedText: allowed) {
                    if seconds <= 0 || (runSeconds != nil && seconds >= upper) {
                        let written = value.scalar?.string.trimmingCharacters(in: .whitespaces) ?? ""
                        problems.add("\(path).at is \(Self.shortNumber(written)); it must be \(allowed)", path: "\(path).at", at: value)
                    } else {
                        trigger = .at(seconds: seconds)
                    }
                }
            case let (nil, (_, value)?):
                if let event = event(value, path: "\(path).on") { trigger = .on(event) }
            }
            let dyad = fields["dyad"].flatMap { dyadLabel($0.1, path: "\(path).dyad", labels: labels) }
            let question = requiredText(
                fields["question"], path: "\(path).question", in: item, example: "question: \"The baby has turned away. What now?\"")
            let choices = fields["choices"].flatMap { decisionChoices($0.value, path: "\(path).choices") }
            if fields["choices"] == nil {
                problems.add(
                    "\(path) has no choices; add two to four, like  choices: [ { key: w, label: wait, caregiver: { policy: attuned } }, { key: i, label: lean in, action: intrude } ]",
                    path: path, at: item)
            }
            if let trigger, let question, let choices, !choices.isEmpty {
                decisions.append(DecisionPoint(trigger: trigger, question: question, choices: choices, dyad: dyad))
            }
        }
        return decisions
    }

    mutating func decisionChoices(_ node: Node, path: String) -> [DecisionChoice]? {
        let example = "- { key: w, label: wait, caregiver: { policy: attuned } }"
        guard let items = list(node, path: path, what: "choice", example: example) else { return nil }
        let range = DecisionPoint.choiceCount
        if !range.contains(items.count) {
            problems.add(
                "\(path) lists \(items.count) \(items.count == 1 ? "choice" : "choices"); a decision offers \(range.lowerBound) to \(range.upperBound)",
                path: path, at: node)
        }
        var choices: [DecisionChoice] = []
        var ok = range.contains(items.count)
        var firstWithKey: [Character: String] = [:]
        let reserved = Suggestions.list(DecisionPoint.reservedKeys.map { String($0) })
        for (index, item) in items.enumerated() {
            let itemPath = "\(path).\(index)"
            guard let fields = fields(of: item, path: itemPath, allowed: Self.choiceKeys) else { ok = false; continue }
            var key: Character?
            if let (_, value) = fields["key"] {
                let written = value.scalar?.string.trimmingCharacters(in: .whitespaces) ?? ""
                if case .scalar = value, written.count == 1, let letter = written.first, letter.isASCII, letter.isLowercase {
                    if DecisionPoint.reservedKeys.contains(letter) {
                        problems.add(
                            "\(itemPath).key is \"\(letter)\", which the live screen already uses; the keys \(reserved) are taken, so choose another letter",
                            path: "\(itemPath).key", at: value)
                    } else if let earlier = firstWithKey[letter] {
                        problems.add(
                            "\(itemPath).key is \"\(letter)\", the same as \(earlier); give each choice a key of its own",
                            path: "\(itemPath).key", at: value)
                    } else {
                        firstWithKey[letter] = "\(itemPath).key"
                        key = letter
                    }
                } else {
                    problems.add(
                        "\(itemPath).key is \(Self.kind(value)); write one lowercase letter, a to z, like  key: w  (but not \(reserved): the live screen uses them)",
                        path: "\(itemPath).key", at: value)
                }
            } else {
                problems.add("\(itemPath) has no key; add one lowercase letter, like  key: w", path: itemPath, at: item)
            }
            let label = requiredText(fields["label"], path: "\(itemPath).label", in: item, example: "label: wait")
            var effect: DecisionChoice.Effect?
            switch (fields["caregiver"], fields["action"]) {
            case (nil, nil):
                problems.add(
                    "\(itemPath) says nothing about what the caregiver does; add  caregiver: { policy: attuned }  or  action: wait",
                    path: itemPath, at: item)
            case let ((key, _)?, (_, _)?):
                problems.add("\(itemPath) has both caregiver and action; keep one of them", path: itemPath, at: key)
            case let ((_, value)?, nil):
                if let settings = caregiverSettings(value, path: "\(itemPath).caregiver", policyRequired: false) {
                    if settings == CaregiverSettings() {
                        problems.add(
                            "\(itemPath).caregiver is empty; name a policy or a field, like  caregiver: { policy: attuned }",
                            path: "\(itemPath).caregiver", at: value)
                    } else {
                        effect = .caregiver(settings)
                    }
                }
            case let (nil, (_, value)?):
                effect = action(value, path: "\(itemPath).action").map { .action($0) }
            }
            guard let key, let label, let effect else { ok = false; continue }
            choices.append(DecisionChoice(key: key, label: label, effect: effect))
        }
        return ok ? choices : nil
    }

    mutating func action(_ node: Node, path: String) -> CaregiverAction? {
        word(node, path: path, words: CaregiverAction.allCases.map(\.word), plural: "actions") { CaregiverAction(word: $0) }
    }

    /// One word out of a fixed set (a policy, an action): a scalar that
    /// `parse` accepts, or a problem naming the closest word or the set.
    mutating func word<Value>(
        _ node: Node, path: String, words: [String], plural: String, parse: (String) -> Value?
    ) -> Value? {
        guard case let .scalar(scalar) = node, !YAMLReading.isNull(node) else {
            problems.add("\(path) is \(Self.kind(node)); write one of \(Suggestions.list(words, conjunction: "or"))", path: path, at: node)
            return nil
        }
        let written = scalar.string.trimmingCharacters(in: .whitespaces)
        if let value = parse(written) { return value }
        var message = "\(path) is \(Self.quoted(written)); "
        if let close = Suggestions.closest(to: written, in: words) {
            message += "did you mean \"\(close)\"? The \(plural) are \(Suggestions.list(words))"
        } else {
            message += "it must be one of \(Suggestions.list(words, conjunction: "or"))"
        }
        problems.add(message, path: path, at: node)
        return nil
    }
}

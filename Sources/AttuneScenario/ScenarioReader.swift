import Foundation
import AttuneModel
import Yams

/// Checks a scenario's node tree field by field and builds the ``Scenario``,
/// collecting every problem on the way (not only the first).
///
/// It walks Yams nodes rather than decoding, so each problem keeps the line
/// and column where the value was written.
struct ScenarioReader {
    var problems: Problems

    /// The top-level keys, in the order docs/scenarios.md lists them.
    static let topKeys = ["title", "about", "seed", "step", "infant", "dyads", "phases", "duration", "narration", "decisions", "notice", "try"]
    static let dyadKeys = ["label", "caregiver"]
    static let phaseKeys = ["name", "duration", "caregiver"]
    static let cueKeys = ["at", "on", "text", "once", "dyad"]
    static let decisionKeys = ["at", "on", "dyad", "question", "choices"]
    static let choiceKeys = ["key", "label", "caregiver", "action"]
    static var caregiverKeys: [String] { ["policy"] + ParameterCatalog.caregiver.map(\.key) }
    static var infantKeys: [String] { ParameterCatalog.infant.map(\.key) }
    /// The longest run, in words: `24 hours (1440min)`.
    static var longestRun: String {
        let seconds = ParameterCatalog.maximumDurationSeconds
        return "\(Format.number(seconds / 3600)) hours (\(Format.number(seconds / 60))min)"
    }
    /// The most dyads a scenario may have (they are shown side by side).
    static let maximumDyads = 4
    /// The deepest field a scenario file can have, named as a `--set` path
    /// would name it: a field of the caregiver in a decision's choice. No
    /// other field is nested as deeply (a dyad's or a phase's caregiver
    /// field has 4 parts, a choice's label 5).
    static let deepestPath = "decisions.0.choices.0.caregiver.patience"
    /// How many parts ``deepestPath`` has (6); a `--set` path with more
    /// parts names no field.
    static let maximumPathDepth = deepestPath.split(separator: ".").count

    init(problems: Problems) {
        self.problems = problems
    }

    // MARK: - The whole file

    mutating func read(_ root: Node, name: String, sourcePath: String?, sourceText: String? = nil) -> Scenario? {
        guard case .mapping = root else {
            problems.add(
                "the file should be a set of fields, one per line, like  title: Peek-a-boo ; it is \(Self.kind(root))",
                path: "", at: root)
            return nil
        }
        let fields = self.fields(of: root, path: "", allowed: Self.topKeys) ?? [:]

        let title = requiredText(fields["title"], path: "title", in: root, example: "title: Peek-a-boo")
        let about = fields["about"].flatMap { self.text($0.value, path: "about") } ?? ""
        let seed = fields["seed"].flatMap { self.seed($0.value) } ?? 1
        let step = fields["step"].flatMap { parameter(ParameterCatalog.step.spec, $0.value, path: "step") }
            ?? ParameterCatalog.step.defaultValue
        let infant = infantParameters(fields["infant"]?.value)
        let dyads = dyadPlans(fields["dyads"], root: root)
        let phases = phasePlans(fields, root: root)
        let total = phases?.reduce(0) { $0 + $1.durationSeconds }
        let labels = dyads?.map(\.label)
        let narration = fields["narration"].map { cues($0.value, runSeconds: total, labels: labels) } ?? []
        let decisions = fields["decisions"].map { decisionPoints($0.value, runSeconds: total, labels: labels) } ?? []
        let notice = fields["notice"].map { textList($0.value, path: "notice") } ?? []
        let tryThis = fields["try"].map { textList($0.value, path: "try") } ?? []

        guard problems.isEmpty, let title, let dyads, let phases else { return nil }
        let plan = RunPlan(infant: infant, dyads: dyads, phases: phases, stepSeconds: step)
        var scenario = Scenario(
            name: name, title: title, about: about, seed: seed, plan: plan, narration: narration,
            decisions: decisions, notice: notice, tryThis: tryThis, sourcePath: sourcePath, sourceText: sourceText)
        scenario.listsPhases = fields["phases"] != nil
        return scenario
    }

    // MARK: - Sections

    private mutating func infantParameters(_ node: Node?) -> InfantParameters {
        var infant = InfantParameters()
        guard let node, let fields = fields(of: node, path: "infant", allowed: Self.infantKeys) else { return infant }
        for parameter in ParameterCatalog.infant {
            guard let (_, value) = fields[parameter.key] else { continue }
            guard let number = self.parameter(parameter.spec, value, path: "infant.\(parameter.key)") else { continue }
            infant[keyPath: parameter.field] = number
        }
        return infant
    }

    private mutating func caregiverSettings(_ node: Node, path: String, policyRequired: Bool) -> CaregiverSettings? {
        guard let fields = fields(of: node, path: path, allowed: Self.caregiverKeys) else { return nil }
        var settings = CaregiverSettings()
        var ok = true
        if let (_, value) = fields["policy"] {
            if let policy = policy(value, path: "\(path).policy") { settings.policy = policy } else { ok = false }
        } else if policyRequired {
            problems.add(
                "\(path) has no policy; add one, like  policy: attuned  (the policies are \(Suggestions.list(Policy.allCases.map(\.word))))",
                path: path, at: node)
            ok = false
        }
        for parameter in ParameterCatalog.caregiver {
            guard let (_, value) = fields[parameter.key] else { continue }
            guard let parsed = self.parameter(parameter.spec, value, path: "\(path).\(parameter.key)") else { ok = false; continue }
            settings[keyPath: parameter.setting] = parsed
        }
        return ok ? settings : nil
    }

    private mutating func dyadPlans(_ field: (key: Node, value: Node)?, root: Node) -> [DyadPlan]? {
        guard let field else {
            problems.add(
                "the file has no dyads; add a dyads list with at least one caregiver, like  dyads: [ { caregiver: { policy: attuned } } ]",
                path: "dyads", at: root)
            return nil
        }
        guard let items = list(field.value, path: "dyads", what: "caregiver", example: "- caregiver: { policy: attuned }") else {
            return nil
        }
        if items.count > Self.maximumDyads {
            problems.add(
                "dyads lists \(items.count) caregivers; at most \(Self.maximumDyads) fit side by side, so keep \(Self.maximumDyads) or fewer",
                path: "dyads", at: field.value)
        }
        var plans: [DyadPlan] = []
        var ok = true
        var firstWithLabel: [String: String] = [:]
        for (index, item) in items.enumerated() {
            let path = "dyads.\(index)"
            guard let fields = fields(of: item, path: path, allowed: Self.dyadKeys) else { ok = false; continue }
            var label = "Caregiver \(index + 1)"
            var labelNode: Node? = nil
            if let (_, value) = fields["label"] {
                if let text = text(value, path: "\(path).label") { label = text; labelNode = value } else { ok = false }
            }
            let key = label.lowercased()
            if let earlier = firstWithLabel[key] {
                if labelNode != nil {
                    problems.add(
                        "\(path).label is \"\(MessageText.echo(label))\", the same as \(earlier); give each caregiver a label of its own",
                        path: "\(path).label", at: labelNode)
                } else {
                    problems.add(
                        "\(path) has no label, so it is called \"\(MessageText.echo(label))\", the same as \(earlier); give it a label of its own",
                        path: path, at: item)
                }
                ok = false
            } else {
                firstWithLabel[key] = labelNode != nil ? "\(path).label" : "\(path) (which has no label)"
            }
            guard let (_, caregiverNode) = fields["caregiver"] else {
                problems.add(
                    "\(path) has no caregiver; add one, like  caregiver: { policy: attuned }",
                    path: path, at: item)
                ok = false
                continue
            }
            guard let settings = caregiverSettings(caregiverNode, path: "\(path).caregiver", policyRequired: true) else {
                ok = false
                continue
            }
            plans.append(DyadPlan(label: label, caregiver: settings))
        }
        return ok && items.count <= Self.maximumDyads ? plans : nil
    }

    private mutating func phasePlans(_ fields: [String: (key: Node, value: Node)], root: Node) -> [PhasePlan]? {
        let maximum = ParameterCatalog.maximumDurationSeconds
        guard let phasesField = fields["phases"] else {
            guard let (_, value) = fields["duration"] else {
                problems.add(
                    "the file has no duration; add one, like  duration: 120s  (or list phases, each with its own duration)",
                    path: "duration", at: root)
                return nil
            }
            guard let seconds = runDuration(value, path: "duration") else { return nil }
            return [PhasePlan(name: "play", durationSeconds: seconds)]
        }
        if let (key, _) = fields["duration"] {
            problems.add(
                "duration is given, and so are phases; remove duration: each phase has its own",
                path: "duration", at: key)
        }
        guard let items = list(phasesField.value, path: "phases", what: "phase", example: "- { name: play, duration: 120s }") else {
            return nil
        }
        var plans: [PhasePlan] = []
        var ok = true
        var firstWithName: [String: String] = [:]
        for (index, item) in items.enumerated() {
            let path = "phases.\(index)"
            guard let fields = self.fields(of: item, path: path, allowed: Self.phaseKeys) else { ok = false; continue }
            let name = requiredText(fields["name"], path: "\(path).name", in: item, example: "name: play")
            if let name, let (_, nameNode) = fields["name"] {
                if let earlier = firstWithName[name.lowercased()] {
                    problems.add(
                        "\(path).name is \"\(MessageText.echo(name))\", the same as \(earlier); give each phase a name of its own",
                        path: "\(path).name", at: nameNode)
                    ok = false
                } else {
                    firstWithName[name.lowercased()] = "\(path).name"
                }
            }
            var seconds: Double?
            if let (_, value) = fields["duration"] {
                seconds = runDuration(value, path: "\(path).duration")
            } else {
                problems.add("\(path) has no duration; add one, like  duration: 120s", path: path, at: item)
            }
            var settings = CaregiverSettings()
            if let (_, value) = fields["caregiver"] {
                if let parsed = caregiverSettings(value, path: "\(path).caregiver", policyRequired: false) {
                    settings = parsed
                } else {
                    ok = false
                }
            }
            guard let name, let seconds else { ok = false; continue }
            plans.append(PhasePlan(name: name, durationSeconds: seconds, caregiver: settings))
        }
        guard ok else { return nil }
        let total = plans.reduce(0) { $0 + $1.durationSeconds }
        if total > maximum {
            problems.add(
                "the phases add up to \(Format.seconds(total)); a run can last at most \(Self.longestRun)",
                path: "phases", at: phasesField.value)
            return nil
        }
        return plans
    }

    private mutating func cues(_ node: Node, runSeconds: Double?, labels: [String]?) -> [NarrationCue] {
        guard let items = list(node, path: "narration", what: "caption", example: "- { at: 5s, text: \"...\" }", emptyAllowed: true) else {
            return []
        }
        var cues: [NarrationCue] = []
        for (index, item) in items.enumerated() {
            let path = "narration.\(index)"
            guard let fields = fields(of: item, path: path, allowed: Self.cueKeys) else { continue }
            let text = requiredText(fields["text"], path: "\(path).text", in: item, example: "text: The baby looks away.")
            var trigger: NarrationCue.Trigger?
            switch (fields["at"], fields["on"]) {
            case (nil, nil):
                problems.add(
                    "\(path) needs a time or an event; add  at: 5s  or  on: infant-looks-away",
                    path: path, at: item)
            case let ((atKey, _)?, (_, _)?):
                problems.add("\(path) has both at and on; keep one of them", path: path, at: atKey)
            case let ((_, value)?, nil):
                let upper = runSeconds ?? ParameterCatalog.maximumDurationSeconds
                if let seconds = duration(value, path: "\(path).at", range: 0...upper, rangeHint: runSeconds.map { "the run lasts \(Format.seconds($0))" }) {
                    trigger = .at(seconds: seconds)
                }
            case let (nil, (_, value)?):
                if let event = event(value, path: "\(path).on") { trigger = .on(event) }
            }
            var once = false
            if let (_, value) = fields["once"] {
                once = flag(value, path: "\(path).once") ?? false
            }
            let dyad = fields["dyad"].flatMap { dyadLabel($0.1, path: "\(path).dyad", labels: labels) }
            if let text, let trigger {
                cues.append(NarrationCue(trigger: trigger, text: text, once: once, dyad: dyad))
            }
        }
        return cues
    }

    /// A `dyad:` field naming one of the scenario's dyads by its label;
    /// `labels` is nil when the dyads themselves could not be read.
    private mutating func dyadLabel(_ value: Node, path: String, labels: [String]?) -> String? {
        guard let label = text(value, path: path) else { return nil }
        guard let labels, !labels.contains(label) else { return label }
        var message = "\(path) is \"\(MessageText.echo(label))\", but no dyad has that label"
        if let close = Suggestions.closest(to: label, in: labels) {
            message += "; did you mean \"\(MessageText.echo(close))\"?"
        } else {
            message += "; the labels are \(Suggestions.list(labels.map { "\"\(MessageText.echo($0))\"" }))"
        }
        problems.add(message, path: path, at: value)
        return nil
    }

    // MARK: - Decisions

    private mutating func decisionPoints(_ node: Node, runSeconds: Double?, labels: [String]?) -> [DecisionPoint] {
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

    private mutating func decisionChoices(_ node: Node, path: String) -> [DecisionChoice]? {
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

    private mutating func action(_ node: Node, path: String) -> CaregiverAction? {
        word(node, path: path, words: CaregiverAction.allCases.map(\.word), plural: "actions") { CaregiverAction(word: $0) }
    }

    /// One word out of a fixed set (a policy, an action): a scalar that
    /// `parse` accepts, or a problem naming the closest word or the set.
    private mutating func word<Value>(
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

    // MARK: - Values

    /// The known fields of a set of fields; unknown keys are reported with a
    /// suggestion. An empty value counts as an empty set.
    private mutating func fields(of node: Node, path: String, allowed: [String]) -> [String: (key: Node, value: Node)]? {
        if YAMLReading.isNull(node) { return [:] }
        guard case let .mapping(mapping) = node else {
            problems.add(
                "\(path) is \(Self.kind(node)); it should be a set of fields (\(Suggestions.list(allowed, conjunction: "or")))",
                path: path, at: node)
            return nil
        }
        let here = path.isEmpty ? "the file" : path
        var result: [String: (key: Node, value: Node)] = [:]
        for (key, value) in mapping {
            guard case let .scalar(scalar) = key else {
                problems.add("\(here) has a key that is \(Self.kind(key)); keys are plain names, like title", path: path, at: key)
                continue
            }
            let name = scalar.string
            let fieldPath = path.isEmpty ? name : "\(path).\(name)"
            guard allowed.contains(name) else {
                problems.add(Self.unknownField(name, in: here, allowed: allowed), path: fieldPath, at: key)
                continue
            }
            result[name] = (key, value)
        }
        return result
    }

    /// `infant has no field called "agee"; did you mean "age_months"?`
    static func unknownField(_ name: String, in here: String, allowed: [String]) -> String {
        var message = "\(here) has no field called \"\(MessageText.echo(name))\""
        if let close = Suggestions.closest(to: name, in: allowed) {
            message += "; did you mean \"\(close)\"?"
        } else {
            message += "; the fields it can have are \(Suggestions.list(allowed))"
        }
        return message
    }

    /// The items of a list that must have at least one item.
    private mutating func list(_ node: Node, path: String, what: String, example: String, emptyAllowed: Bool = false) -> [Node]? {
        if YAMLReading.isNull(node) {
            if emptyAllowed { return [] }
            problems.add("\(path) is empty; list at least one \(what), like  \(example)", path: path, at: node)
            return nil
        }
        guard case let .sequence(sequence) = node else {
            problems.add(
                "\(path) is \(Self.kind(node)); it should be a list, with a - before each \(what), like  \(example)",
                path: path, at: node)
            return nil
        }
        if sequence.isEmpty && !emptyAllowed {
            problems.add("\(path) is empty; list at least one \(what), like  \(example)", path: path, at: node)
            return nil
        }
        return Array(sequence)
    }

    /// Text that must be there.
    private mutating func requiredText(_ field: (key: Node, value: Node)?, path: String, in parent: Node, example: String) -> String? {
        guard let field else {
            let owner = path.split(separator: ".").dropLast().joined(separator: ".")
            let field = path.split(separator: ".").last.map(String.init) ?? path
            problems.add(
                "\(owner.isEmpty ? "the file" : owner) has no \(field); add one, like  \(example)",
                path: owner, at: parent)
            return nil
        }
        return text(field.value, path: path)
    }

    /// A single, non-empty piece of text, with no control characters (see
    /// ``ControlCharacters``). Every text a scenario keeps is read here.
    private mutating func text(_ node: Node, path: String) -> String? {
        guard case let .scalar(scalar) = node else {
            problems.add(
                "\(path) is \(Self.kind(node)); write it as plain text (in quotes if it contains a colon)",
                path: path, at: node)
            return nil
        }
        // Before trimming, which would drop a carriage return or a C1 line
        // break at either end unseen.
        if let found = ControlCharacters.first(in: scalar.string) {
            problems.add(
                "\(path) contains \(found.words) at position \(found.position); scenario text must be plain printable text — remove it",
                path: path, at: node)
            return nil
        }
        let text = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        if YAMLReading.isNull(node) || text.isEmpty {
            problems.add("\(path) is empty; write some text", path: path, at: node)
            return nil
        }
        return text
    }

    /// A list of texts; one text on its own counts as a list of one.
    private mutating func textList(_ node: Node, path: String) -> [String] {
        if YAMLReading.isNull(node) { return [] }
        switch node {
        case .scalar:
            return text(node, path: path).map { [$0] } ?? []
        case let .sequence(sequence):
            return sequence.enumerated().compactMap { text($1, path: "\(path).\($0)") }
        default:
            problems.add(
                "\(path) is \(Self.kind(node)); it should be a list of texts, with a - before each",
                path: path, at: node)
            return []
        }
    }

    /// A parameter's value: a duration or a plain number, as its spec says,
    /// inside its range.
    mutating func parameter(_ spec: ParameterSpec, _ node: Node, path: String) -> Double? {
        spec.isDuration ? duration(node, path: path, range: spec.range) : number(node, path: path, range: spec.range)
    }

    /// A number inside `range`.
    private mutating func number(_ node: Node, path: String, range: ClosedRange<Double>) -> Double? {
        let allowed = "between \(Format.number(range.lowerBound)) and \(Format.number(range.upperBound))"
        guard case let .scalar(scalar) = node, !YAMLReading.isNull(node) else {
            problems.add("\(path) is \(Self.kind(node)); write a number \(allowed)", path: path, at: node)
            return nil
        }
        let written = scalar.string.trimmingCharacters(in: .whitespaces)
        guard let value = Self.decimal(written) else {
            var message = "\(path) is \(Self.quoted(written)); it must be a number \(allowed)"
            if Duration.parse(written) != nil { message += " (with no unit)" }
            if let point = Self.decimalPoint(for: written) { message += " (write decimals with a point: \(point))" }
            problems.add(message, path: path, at: node)
            return nil
        }
        guard range.contains(value) else {
            problems.add("\(path) is \(Self.shortNumber(written)); it must be \(allowed)", path: path, at: node)
            return nil
        }
        return value
    }

    /// A duration (with a unit) inside `range`, in seconds.
    private mutating func duration(
        _ node: Node, path: String, range: ClosedRange<Double>, rangeHint: String? = nil, allowedText: String? = nil
    ) -> Double? {
        var allowed = allowedText ?? "between \(Format.seconds(range.lowerBound)) and \(Format.seconds(range.upperBound))"
        if let rangeHint { allowed += " (\(rangeHint))" }
        let example = "like 800ms, 6s or 2min"
        guard case let .scalar(scalar) = node, !YAMLReading.isNull(node) else {
            problems.add("\(path) is \(Self.kind(node)); write a duration with a unit, \(example)", path: path, at: node)
            return nil
        }
        let written = scalar.string.trimmingCharacters(in: .whitespaces)
        if let bare = Self.decimal(written) {
            let sample = bare >= 0 ? Format.number(bare) : "6"
            problems.add("\(path) is \(Self.shortNumber(written)); write a duration with a unit, like \(sample)s", path: path, at: node)
            return nil
        }
        let negative = written.hasPrefix("-") ? Duration.parse(String(written.dropFirst())).map { -$0 } : nil
        guard let seconds = Duration.parse(written) ?? negative else {
            if let point = Self.decimalPoint(for: written), Duration.parse(point) != nil {
                problems.add(
                    "\(path) is \(Self.quoted(written)); write decimals with a point: \(point)", path: path, at: node)
                return nil
            }
            problems.add(
                "\(path) is \(Self.quoted(written)); write a duration with a unit: ms, s or min (\(example))",
                path: path, at: node)
            return nil
        }
        guard range.contains(seconds) else {
            problems.add("\(path) is \(Self.shortNumber(written)); it must be \(allowed)", path: path, at: node)
            return nil
        }
        return seconds
    }

    /// A phase's or run's length: more than 0, at most 24 hours.
    private mutating func runDuration(_ node: Node, path: String) -> Double? {
        let allowed = "longer than 0s and at most \(Self.longestRun)"
        guard let seconds = duration(
            node, path: path, range: 0...ParameterCatalog.maximumDurationSeconds, allowedText: allowed)
        else { return nil }
        if seconds <= 0 {
            let written = node.scalar?.string.trimmingCharacters(in: .whitespaces) ?? ""
            problems.add("\(path) is \(Self.shortNumber(written)); it must be \(allowed)", path: path, at: node)
            return nil
        }
        return seconds
    }

    private mutating func seed(_ node: Node) -> UInt64? {
        guard case let .scalar(scalar) = node, !YAMLReading.isNull(node) else {
            problems.add("seed is \(Self.kind(node)); write a whole number, 0 or more, like 7", path: "seed", at: node)
            return nil
        }
        let written = scalar.string.trimmingCharacters(in: .whitespaces)
        if !written.isEmpty, written.allSatisfy({ $0.isASCII && $0.isNumber }) {
            if let value = UInt64(written) { return value }
            problems.add("seed is \(Self.shortNumber(written)); it must be at most \(UInt64.max)", path: "seed", at: node)
            return nil
        }
        problems.add("seed is \(Self.quoted(written)); it must be a whole number, 0 or more, like 7", path: "seed", at: node)
        return nil
    }

    mutating func policy(_ node: Node, path: String) -> Policy? {
        word(node, path: path, words: Policy.allCases.map(\.word), plural: "policies") { Policy(word: $0) }
    }

    private mutating func event(_ node: Node, path: String) -> Events? {
        let names = Events.named.map(\.1)
        guard case let .scalar(scalar) = node, !YAMLReading.isNull(node) else {
            problems.add("\(path) is \(Self.kind(node)); write one event name, like infant-looks-away", path: path, at: node)
            return nil
        }
        let written = scalar.string.trimmingCharacters(in: .whitespaces)
        if let event = Events(name: written) { return event }
        var message = "\(path) is \(Self.quoted(written)), which is not an event; "
        if let close = Suggestions.closest(to: written, in: names) {
            message += "did you mean \"\(close)\"?"
        } else {
            message += "the events are \(Suggestions.list(names))"
        }
        problems.add(message, path: path, at: node)
        return nil
    }

    private mutating func flag(_ node: Node, path: String) -> Bool? {
        if case let .scalar(scalar) = node {
            switch scalar.string.trimmingCharacters(in: .whitespaces).lowercased() {
            case "true", "yes", "on": return true
            case "false", "no", "off": return false
            default: break
            }
        }
        problems.add("\(path) is \(Self.written(node)); write true or false", path: path, at: node)
        return nil
    }

    // MARK: - Describing values in messages

    /// A plain decimal number (`30`, `0.5`, `-2`, `1e3`), or `nil`.
    static func decimal(_ text: String) -> Double? {
        guard !text.isEmpty, text.allSatisfy({ "0123456789.+-eE".contains($0) }),
            text.contains(where: { $0.isNumber }), let value = Double(text), value.isFinite
        else { return nil }
        return value
    }

    /// `0,5` written with a point (`0.5`) when that is what was meant.
    static func decimalPoint(for text: String) -> String? {
        guard text.filter({ $0 == "," }).count == 1 else { return nil }
        let pointed = text.replacingOccurrences(of: ",", with: ".")
        return decimal(pointed) != nil || Duration.parse(pointed) != nil ? pointed : nil
    }

    /// What kind of value a node is, in words: `a list`, `empty`, `"high"`.
    static func kind(_ node: Node) -> String {
        switch node {
        case .mapping: return "a set of fields"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar: return YAMLReading.isNull(node) ? "empty" : written(node)
        }
    }

    /// A number as written, cut to 40 characters with "…" (a number of
    /// 100,000 digits is not repeated whole).
    static func shortNumber(_ text: String) -> String {
        text.count > 40 ? String(text.prefix(40)) + "…" : text
    }

    /// A scalar as written: numbers bare, other text in quotes.
    static func written(_ node: Node) -> String {
        guard case let .scalar(scalar) = node else { return kind(node) }
        return quoted(scalar.string.trimmingCharacters(in: .whitespaces))
    }

    /// Text in quotes, at most 40 characters, line breaks shown as spaces
    /// and control characters made visible (numbers bare).
    static func quoted(_ text: String) -> String {
        if decimal(text) != nil { return shortNumber(text) }
        let flat = String(text.prefix(40)).replacingOccurrences(of: "\n", with: " ")
        let more = text.dropFirst(40).isEmpty ? "" : "…"
        return "\"\(MessageText.visible(flat))\(more)\""
    }
}

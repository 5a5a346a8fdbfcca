import AttuneModel
import Foundation
import Yams

/// The sections of a scenario file: the infant, the caregivers, the dyads, the phases and the narration.
extension ScenarioReader {
    /// The infant's fields: each a number, or a spread of babies written
    /// as its mean and standard deviation (`reactivity: {mean: 0.5, sd: 0.15}`).
    /// Returns the infant (each field's value, or its mean) and the
    /// population of the file's spreads (only fields with an `sd` above 0).
    mutating func infantParameters(_ node: Node?) -> (infant: InfantParameters, population: InfantPopulation) {
        var infant = InfantParameters()
        var population = InfantPopulation()
        guard let node, let fields = fields(of: node, path: "infant", allowed: Self.infantKeys) else {
            return (infant, population)
        }
        for parameter in ParameterCatalog.infant {
            guard let (_, value) = fields[parameter.key] else { continue }
            let path = "infant.\(parameter.key)"
            switch value {
            case .mapping:
                guard let (mean, sd) = distribution(parameter, value, path: path) else { continue }
                infant[keyPath: parameter.field] = mean
                if sd > 0 { population.spread[parameter.key] = sd }
            case .sequence:
                let example = Self.distributionExample(parameter)
                problems.add(
                    "\(path) is a list; write a number \(Self.allowed(parameter.spec)), or a mean and a standard deviation for babies that differ from run to run, like  \(parameter.key): \(example)",
                    path: path, at: value)
            default:
                guard let number = self.parameter(parameter.spec, value, path: path) else { continue }
                infant[keyPath: parameter.field] = number
            }
        }
        return (infant, population)
    }

    /// The keys of an infant field written as a distribution.
    static let distributionKeys = ["mean", "sd"]

    /// The largest standard deviation an infant field may have: the width
    /// of its range (beyond that the drawn values are all but spread evenly
    /// across the range anyway).
    static func largestSpread(_ spec: ParameterSpec) -> Double { spec.maximum - spec.minimum }

    /// `{mean: 0.5, sd: 0.15}` for a share, `{mean: 4, sd: 1}` for months:
    /// an example of a distribution for messages and docs.
    static func distributionExample(_ parameter: InfantParameter) -> String {
        let mean = Format.number(parameter.defaultValue)
        let sd = parameter.unit == .months ? "1" : "0.15"
        return "{mean: \(mean), sd: \(sd)}"
    }

    /// "between 0 and 1", as the number messages say it.
    static func allowed(_ spec: ParameterSpec) -> String {
        spec.isDuration
            ? "between \(Format.seconds(spec.minimum)) and \(Format.seconds(spec.maximum))"
            : "between \(Format.number(spec.minimum)) and \(Format.number(spec.maximum))"
    }

    /// An infant field written as a set of fields: `mean` (in the field's
    /// range; the field's default when left out) and `sd` (0 up to the
    /// width of the range; 0, a fixed value, when left out). At least one
    /// of the two must be there.
    mutating func distribution(_ parameter: InfantParameter, _ node: Node, path: String) -> (mean: Double, sd: Double)? {
        if case let .mapping(mapping) = node, mapping.isEmpty {
            problems.add(
                "\(path) is an empty set of fields; write a number, like  \(parameter.key): \(Format.number(parameter.defaultValue))  or a mean and a standard deviation, like  \(parameter.key): \(Self.distributionExample(parameter))",
                path: path, at: node)
            return nil
        }
        // With nothing but unknown keys (each reported), there is nothing more to check.
        guard let fields = fields(of: node, path: path, allowed: Self.distributionKeys), !fields.isEmpty else { return nil }
        var mean: Double? = parameter.defaultValue
        if let (_, value) = fields["mean"] {
            mean = self.parameter(parameter.spec, value, path: "\(path).mean")
        }
        var sd: Double? = 0
        if let (_, value) = fields["sd"] {
            let range = 0...Self.largestSpread(parameter.spec)
            sd =
                parameter.isDuration
                ? duration(value, path: "\(path).sd", range: range) : number(value, path: "\(path).sd", range: range)
        }
        guard let mean, let sd else { return nil }
        return (mean, sd)
    }

    mutating func caregiverSettings(_ node: Node, path: String, policyRequired: Bool) -> CaregiverSettings? {
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

    mutating func dyadPlans(_ field: (key: Node, value: Node)?, root: Node) -> [DyadPlan]? {
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

    mutating func phasePlans(_ fields: [String: (key: Node, value: Node)], root: Node) -> [PhasePlan]? {
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

    mutating func cues(_ node: Node, runSeconds: Double?, labels: [String]?) -> [NarrationCue] {
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
                if let seconds = duration(
                    value, path: "\(path).at", range: 0...upper, rangeHint: runSeconds.map { "the run lasts \(Format.seconds($0))" })
                {
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
    mutating func dyadLabel(_ value: Node, path: String, labels: [String]?) -> String? {
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
}

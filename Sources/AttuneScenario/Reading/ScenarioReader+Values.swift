import AttuneModel
import Foundation
import Yams

/// Single values: sets of fields, lists, text, numbers, durations, the seed, policies, events and flags, each checked against its range.
extension ScenarioReader {
    /// The known fields of a set of fields; unknown keys are reported with a
    /// suggestion. An empty value counts as an empty set.
    mutating func fields(of node: Node, path: String, allowed: [String]) -> [String: (key: Node, value: Node)]? {
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
    mutating func list(_ node: Node, path: String, what: String, example: String, emptyAllowed: Bool = false) -> [Node]? {
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
    mutating func requiredText(_ field: (key: Node, value: Node)?, path: String, in parent: Node, example: String) -> String? {
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
    mutating func text(_ node: Node, path: String) -> String? {
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
    mutating func textList(_ node: Node, path: String) -> [String] {
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
    mutating func number(_ node: Node, path: String, range: ClosedRange<Double>) -> Double? {
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
    mutating func duration(
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
    mutating func runDuration(_ node: Node, path: String) -> Double? {
        let allowed = "longer than 0s and at most \(Self.longestRun)"
        guard
            let seconds = duration(
                node, path: path, range: 0...ParameterCatalog.maximumDurationSeconds, allowedText: allowed)
        else { return nil }
        if seconds <= 0 {
            let written = node.scalar?.string.trimmingCharacters(in: .whitespaces) ?? ""
            problems.add("\(path) is \(Self.shortNumber(written)); it must be \(allowed)", path: path, at: node)
            return nil
        }
        return seconds
    }

    mutating func seed(_ node: Node) -> UInt64? {
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

    mutating func event(_ node: Node, path: String) -> Events? {
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

    mutating func flag(_ node: Node, path: String) -> Bool? {
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
}

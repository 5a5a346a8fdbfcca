import Yams

/// `--set PATH=VALUE` overrides, applied to the node tree before it is
/// checked, so an overridden value is checked like any other.
///
/// PATH is a dotted list of keys and list positions counted from 0
/// (`infant.age_months`, `dyads.0.caregiver.patience`, `phases.1.duration`).
/// VALUE is read as one YAML value (`8`, `2s`, `"Hello, world"`). A missing
/// key is added, with any missing sets of fields on the way; a list position
/// must already exist. An infant field written as a plain number takes a
/// `mean` or `sd` part as a spread of babies around that number
/// (`infant.reactivity.sd=0.15`).
struct Override {
    /// The override as the user wrote it, for messages: `--set seed=3`.
    var label: String
    /// The path's parts.
    var path: [String]
    /// The new value.
    var value: Node

    /// The path written back with dots.
    var dottedPath: String { path.joined(separator: ".") }

    /// Reads `PATH=VALUE`, or explains why it can't.
    ///
    /// The text is refused before anything is done with it when it is
    /// longer than a whole scenario file, or when its path has more parts
    /// than the deepest field (``ScenarioReader/maximumPathDepth``), so
    /// following the path stays shallow and every step is linear in the
    /// text's length. The label repeats at most about 60 characters of it.
    static func parse(_ text: String) -> Result<Override, ScenarioError> {
        let label = MessageText.echo("--set \(text)")
        let size = text.utf8.count
        if size > YAMLReading.maximumBytes {
            return .failure(
                ScenarioError(
                    file: label,
                    message:
                        "this --set is \(YAMLReading.describeBytes(size)) long; it can be at most 1 MiB, like a whole scenario file; check the value"
                ))
        }
        guard let equals = text.firstIndex(of: "=") else {
            return .failure(ScenarioError(file: label, message: "write it as PATH=VALUE, like infant.age_months=8"))
        }
        let pathText = String(text[..<equals]).trimmingCharacters(in: .whitespaces)
        let depth = pathText.utf8.reduce(1) { $1 == UInt8(ascii: ".") ? $0 + 1 : $0 }
        if depth > ScenarioReader.maximumPathDepth {
            return .failure(
                ScenarioError(
                    file: label,
                    message:
                        "the path has \(depth) parts, but no field in a scenario file is deeper than \(ScenarioReader.maximumPathDepth) (like \(ScenarioReader.deepestPath)); check the path"
                ))
        }
        let valueText = String(text[text.index(after: equals)...])
        let parts = pathText.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !pathText.isEmpty, parts.allSatisfy({ !$0.isEmpty && !$0.contains(" ") }) else {
            return .failure(
                ScenarioError(
                    file: label,
                    message:
                        "\"\(MessageText.echo(pathText))\" is not a path; write field names joined by dots, and list positions as numbers from 0, like dyads.0.caregiver.patience=2s"
                ))
        }
        return .success(Override(label: label, path: parts, value: scalar(from: valueText)))
    }

    /// VALUE as a YAML scalar: quotes are honoured (`"8"` is text), and
    /// anything that is not a single plain value is kept as text. Text with
    /// a line break or control character of any kind is kept as it is, so
    /// YAML does not fold a carriage return or a C1 line break away
    /// unseen and the value is checked as written.
    private static func scalar(from text: String) -> Node {
        let breaks = text.unicodeScalars.contains {
            ControlCharacters.isRefused($0) || $0 == "\n" || $0 == "\u{2028}" || $0 == "\u{2029}"
        }
        if text.utf8.count <= 4096, !breaks,
            let node = try? Yams.compose(yaml: text), case let .scalar(scalar) = node
        {
            return .scalar(Node.Scalar(scalar.string, scalar.tag, scalar.style))
        }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return .scalar(Node.Scalar(trimmed, Tag(.str), .plain))
    }

    /// Sets the value in `root`; returns the dotted paths it created or
    /// replaced (so problems found there name this override), or the reason
    /// it could not.
    func apply(to root: inout Node) -> Result<[String], ScenarioError> {
        var touched: [String] = []
        return Self.set(path[...], value: value, in: &root, prefix: [], touched: &touched, label: label)
            .map { touched }
    }

    private static func set(
        _ path: ArraySlice<String>, value: Node, in node: inout Node, prefix: [String],
        touched: inout [String], label: String
    ) -> Result<Void, ScenarioError> {
        guard let first = path.first else {
            node = value
            touched.append(prefix.joined(separator: "."))
            return .success(())
        }
        let here = prefix.isEmpty ? "the file" : MessageText.echo(prefix.joined(separator: "."))
        let rest = path.dropFirst()
        let childPath = prefix + [first]
        if YAMLReading.isNull(node) && !prefix.isEmpty {
            if Int(first) != nil {
                return .failure(
                    ScenarioError(
                        file: label, message: "\(here) has no list to change; there is nothing at position \(MessageText.echo(first))"))
            }
            node = .mapping(Node.Mapping([]))
            touched.append(prefix.joined(separator: "."))
        }
        // `infant.reactivity.sd=0.15` on a field written as a plain number
        // makes it a spread of babies around that number.
        if case .scalar = node, prefix.count == 2, prefix[0] == "infant", ScenarioReader.distributionKeys.contains(first) {
            node = .mapping(Node.Mapping([(Node("mean"), node)]))
            touched.append(prefix.joined(separator: "."))
        }
        switch node {
        case var .mapping(mapping):
            if let index = mapping.firstIndex(where: { $0.key.scalar?.string == first }) {
                var child = mapping[index].value
                let result = set(rest, value: value, in: &child, prefix: childPath, touched: &touched, label: label)
                mapping[index] = (key: mapping[index].key, value: child)
                node = .mapping(mapping)
                return result
            }
            if let next = rest.first, Int(next) != nil {
                let missing = MessageText.echo(childPath.joined(separator: "."))
                return .failure(
                    ScenarioError(
                        file: label, message: "\(missing) is not in the file, so there is no position \(MessageText.echo(next)) to change"))
            }
            var child: Node = rest.isEmpty ? value : .mapping(Node.Mapping([]))
            if !rest.isEmpty {
                touched.append(childPath.joined(separator: "."))
                if case .failure(let error) = set(rest, value: value, in: &child, prefix: childPath, touched: &touched, label: label) {
                    return .failure(error)
                }
            } else {
                touched.append(childPath.joined(separator: "."))
            }
            mapping[Node(first)] = child
            node = .mapping(mapping)
            return .success(())
        case var .sequence(sequence):
            guard let index = Int(first) else {
                return .failure(
                    ScenarioError(
                        file: label, message: "\(here) is a list; name a position in it with a number from 0, like \(here).0"))
            }
            guard sequence.indices.contains(index) else {
                let range =
                    sequence.isEmpty
                    ? "it is empty" : sequence.count == 1 ? "the only position is 0" : "the positions are 0 to \(sequence.count - 1)"
                return .failure(
                    ScenarioError(
                        file: label, message: "\(here) has no position \(index); \(range) (positions count from 0)"))
            }
            var child = sequence[index]
            let result = set(rest, value: value, in: &child, prefix: childPath, touched: &touched, label: label)
            sequence[index] = child
            node = .sequence(sequence)
            return result
        case .scalar, .alias:
            return .failure(
                ScenarioError(
                    file: label, message: "\(here) is a single value, so it has no part called \"\(MessageText.echo(first))\""))
        }
    }
}

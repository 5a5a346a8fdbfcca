import Foundation
import Yams

/// Turns the text of a scenario file into a Yams node tree, or into plain
/// errors: too big, empty, not valid YAML, or using aliases.
///
/// Anchors and aliases (`&name`, `*name`) are refused: scenario files are
/// short and an alias can make a tiny file expand to billions of values
/// (the "billion laughs" bomb). Yams shares an aliased node instead of
/// copying it, so composing stays fast; the check here stops at the first
/// repeat of each anchored node, which bounds every later walk by the size of
/// the file (at most 1 MiB). An alias used as a mapping key is refused before
/// Yams reads the text, because Yams hashes keys whole.
enum YAMLReading {
    /// The largest scenario file read, in bytes (1 MiB).
    static let maximumBytes = 1 << 20

    /// The parsed root node (never `nil`), or the reasons there is none.
    static func parse(_ text: String, file: String) -> Result<Node, ScenarioErrors> {
        func failure(_ line: Int?, _ column: Int?, _ message: String) -> Result<Node, ScenarioErrors> {
            .failure(ScenarioErrors(ScenarioError(file: file, line: line, column: column, message: message)))
        }
        let size = text.utf8.count
        if size > maximumBytes {
            return failure(nil, nil, "the file is \(describeBytes(size)); a scenario file can be at most 1 MiB. Is this the right file?")
        }
        let tokens = IndicatorScanner.scan(text)
        let keyAliases = tokens.filter { $0.isAlias && $0.isKey }
        if !keyAliases.isEmpty {
            return .failure(
                ScenarioErrors.capped(
                    keyAliases.map {
                        ScenarioError(
                            file: file, line: $0.line, column: $0.column,
                            message:
                                "*\($0.name) is a YAML alias used as a key; scenario files don't use anchors and aliases (&name, *name), so write each key out in full"
                        )
                    }, file: file))
        }
        let parser: Parser
        let root: Node?
        do {
            parser = try Parser(yaml: text, resolver: .default, constructor: .default, encoding: .utf8)
            root = try parser.singleRoot()
        } catch let error as YamlError {
            return .failure(ScenarioErrors(translate(error, file: file, text: text)))
        } catch {
            return failure(nil, nil, "the file could not be read as YAML (\(error))")
        }
        guard let root, !isNull(root) else {
            return failure(
                nil, nil,
                "the file is empty; a scenario needs at least a title, dyads and a duration (docs/scenarios.md has a complete example)")
        }
        let aliasErrors = withExtendedLifetime(parser) { aliasUses(in: root, tokens: tokens, file: file) }
        if !aliasErrors.isEmpty { return .failure(ScenarioErrors.capped(aliasErrors, file: file)) }
        return .success(root)
    }

    /// True for an empty value: nothing, `~` or `null`.
    static func isNull(_ node: Node) -> Bool {
        guard case let .scalar(scalar) = node else { return false }
        guard scalar.style == .plain || scalar.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// Every place where an anchored node is met a second time, that is every
    /// alias, walking the tree in file order and never entering an alias.
    private static func aliasUses(in root: Node, tokens: [IndicatorScanner.Token], file: String) -> [ScenarioError] {
        var seen = Set<ObjectIdentifier>()
        var errors: [ScenarioError] = []
        var last = (line: 0, column: 0)
        var pending: [Node] = [root]
        while let node = pending.popLast() {
            if let anchor = node.anchor, !seen.insert(ObjectIdentifier(anchor)).inserted {
                let name = anchor.rawValue
                let place = tokens.first {
                    $0.isAlias && $0.name == name && ($0.line, $0.column) > (last.line, last.column)
                }
                if let place { last = (place.line, place.column) }
                errors.append(
                    ScenarioError(
                        file: file, line: place?.line, column: place?.column,
                        message:
                            "*\(name) is a YAML alias; scenario files don't use anchors and aliases (&name, *name), so write the value out in full where it is needed"
                    ))
                continue
            }
            if let mark = node.mark { last = (mark.line, mark.column) }
            switch node {
            case let .mapping(mapping):
                for (key, value) in mapping.reversed() {
                    pending.append(value)
                    pending.append(key)
                }
            case let .sequence(sequence):
                pending.append(contentsOf: sequence.reversed())
            case .scalar, .alias:
                break
            }
        }
        return errors
    }

    /// A Yams error in plain words, at the place Yams gives.
    static func translate(_ error: YamlError, file: String, text: String) -> ScenarioError {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
            let .composer(context, problem, mark, _):
            if problem.contains("undefined alias") {
                return ScenarioError(
                    file: file, line: mark.line, column: mark.column,
                    message:
                        "this is a YAML alias (*name) with no anchor; scenario files don't use anchors and aliases, so write the value out in full (and put text that starts with * in quotes)"
                )
            }
            if problem.contains("another document") {
                return ScenarioError(
                    file: file, line: mark.line, column: mark.column,
                    message:
                        "a second document starts here (after ---); a scenario file holds one scenario, so remove the extra --- line or split the file in two"
                )
            }
            if problem.contains("Maximum nesting level") {
                return ScenarioError(
                    file: file, line: mark.line, column: mark.column,
                    message:
                        "the values are nested too deeply here; a scenario file needs only a few levels (a dyad's caregiver is three), so check the brackets and the indentation"
                )
            }
            let detail = [context?.text, problem].compactMap { $0 }.joined(separator: ", ")
            return ScenarioError(
                file: file, line: mark.line, column: mark.column,
                message: "this isn't valid YAML: \(hint(for: problem)) (the YAML reader says: \(detail))")
        case let .reader(problem, offset, _, _):
            let place = offset.map { position(ofCharacter: $0, in: text) }
            return ScenarioError(
                file: file, line: place?.line, column: place?.column,
                message: "the file has a character that can't be read here (\(problem)); save it as plain UTF-8 text")
        case let .duplicatedKeysInMapping(duplicates, context):
            let names = Suggestions.list(duplicates.map { "\"\($0)\"" })
            return ScenarioError(
                file: file, line: context.mark.line, column: context.mark.column,
                message: "\(names) appears twice in the same place; keep one of them")
        case .dataCouldNotBeDecoded:
            return ScenarioError(file: file, message: "the file is not plain UTF-8 text; save it as UTF-8 and try again")
        default:
            return ScenarioError(file: file, message: "the file could not be read as YAML (\(error))")
        }
    }

    /// Plain advice for the YAML reader's commonest complaints.
    private static func hint(for problem: String) -> String {
        if problem.contains("mapping values are not allowed") {
            return "a colon here starts a field where none can start; check the indentation, and put text that contains \": \" in quotes"
        }
        if problem.contains("cannot start any token") {
            return "this character can't start a value; indent with spaces, not tabs, and put text that starts with @, ` or % in quotes"
        }
        if problem.contains("did not find expected key") || problem.contains("did not find expected '-'") {
            return "this line doesn't line up with the lines around it; check its indentation"
        }
        if problem.contains("could not find expected ':'") {
            return "a field name here has no colon after it; write it as  name: value"
        }
        if problem.contains("end of stream") || problem.contains("unexpected end") {
            return "the file ends too soon; look for a missing closing quote or bracket"
        }
        if problem.contains("did not find expected") && (problem.contains("','") || problem.contains("']'") || problem.contains("'}'")) {
            return "a list or set of fields in brackets isn't closed properly; check the commas and brackets"
        }
        if problem.contains("Maximum nesting level") {
            return "the values are nested too deeply"
        }
        return "check the quotes, colons and indentation"
    }

    /// The 1-based line and column of the character at `offset`.
    static func position(ofCharacter offset: Int, in text: String) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for (index, character) in text.enumerated() {
            if index >= offset { break }
            if character == "\n" || character == "\r\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }

    /// `1.3 MiB`, `400 KiB` or `12 bytes`.
    static func describeBytes(_ count: Int) -> String {
        if count >= 1 << 20 {
            let tenths = (Double(count) / Double(1 << 20) * 10).rounded(.up) / 10
            return "\(Format.number(tenths)) MiB"
        }
        if count >= 1 << 10 { return "\(count >> 10) KiB" }
        return "\(count) bytes"
    }
}

/// Finds the anchors (`&name`) and aliases (`*name`) in YAML text without a
/// full parser: it skips comments, quoted text and block text (`|`, `>`),
/// and counts a `*` or `&` only where a value can start. Used to point at an
/// alias's exact place and to refuse aliases used as keys before Yams reads
/// the text.
enum IndicatorScanner {
    struct Token {
        var isAlias: Bool
        var name: String
        /// 1-based line and column (in Unicode scalars, as Yams counts).
        var line: Int
        var column: Int
        /// An alias followed by `:` or preceded by `?`: used as a key.
        var isKey: Bool
    }

    static func scan(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var inDouble = false
        var inSingle = false
        var blockParentIndent: Int?
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = Array(rawLine.unicodeScalars)
            if line.last == "\r" { line.removeLast() }
            let indent = line.prefix { $0 == " " }.count
            let blank = line.allSatisfy { $0 == " " || $0 == "\t" }
            if let parent = blockParentIndent, !inDouble, !inSingle {
                if blank || indent > parent { continue }
                blockParentIndent = nil
            }
            // The column where the line's first node starts, after "- " and "? ".
            var nodeStart = indent
            var i = 0
            var lastNonSpace: Int?
            var indicatorColumn: Int?
            while i < line.count {
                let c = line[i]
                if inDouble {
                    if c == "\\" { i += 2; continue }
                    if c == "\"" { inDouble = false; lastNonSpace = i }
                    i += 1
                    continue
                }
                if inSingle {
                    if c == "'" {
                        if i + 1 < line.count, line[i + 1] == "'" { i += 2; continue }
                        inSingle = false
                        lastNonSpace = i
                    }
                    i += 1
                    continue
                }
                if c == " " || c == "\t" { i += 1; continue }
                if c == "#", i == 0 || line[i - 1] == " " || line[i - 1] == "\t" { break }
                let startsNode = canStartNode(at: i, line: line, lastNonSpace: lastNonSpace)
                if startsNode, c == "-" || c == "?", i + 1 == line.count || line[i + 1] == " " {
                    if lastNonSpace == nil || line[lastNonSpace!] == "-" || line[lastNonSpace!] == "?" {
                        indicatorColumn = i
                        nodeStart = i + 2
                    }
                }
                if startsNode {
                    switch c {
                    case "\"":
                        inDouble = true
                    case "'":
                        inSingle = true
                    case "*", "&":
                        var end = i + 1
                        while end < line.count, isAnchorCharacter(line[end]) { end += 1 }
                        if end > i + 1 {
                            let name = String(String.UnicodeScalarView(line[(i + 1)..<end]))
                            var after = end
                            while after < line.count, line[after] == " " { after += 1 }
                            let colonFollows =
                                after < line.count && line[after] == ":"
                                && (after + 1 == line.count || " \t,]}".unicodeScalars.contains(line[after + 1]))
                            let questionBefore = lastNonSpace.map { line[$0] == "?" } ?? false
                            tokens.append(
                                Token(
                                    isAlias: c == "*", name: name, line: lineNumber, column: i + 1,
                                    isKey: c == "*" && (colonFollows || questionBefore)))
                            lastNonSpace = end - 1
                            i = end
                            continue
                        }
                    case "|", ">":
                        var rest = i + 1
                        while rest < line.count, "+-0123456789".unicodeScalars.contains(line[rest]) { rest += 1 }
                        while rest < line.count, line[rest] == " " || line[rest] == "\t" { rest += 1 }
                        if rest == line.count || line[rest] == "#" {
                            blockParentIndent = i == nodeStart ? (indicatorColumn ?? indent) : nodeStart
                            i = line.count
                            continue
                        }
                    default:
                        break
                    }
                }
                lastNonSpace = i
                i += 1
            }
        }
        return tokens
    }

    /// A node can start at the line's first character, after a flow
    /// indicator (`[`, `{`, `,`), or after `:`, `-` or `?` followed by a space.
    private static func canStartNode(at i: Int, line: [Unicode.Scalar], lastNonSpace: Int?) -> Bool {
        guard let previous = lastNonSpace else { return true }
        let p = line[previous]
        if p == "[" || p == "{" || p == "," { return true }
        if (p == ":" || p == "-" || p == "?") && previous + 1 < i { return true }
        return false
    }

    /// Letters, digits, `-` and `_`: what libyaml allows in an anchor name.
    private static func isAnchorCharacter(_ c: Unicode.Scalar) -> Bool {
        (c.isASCII && (c.properties.isAlphabetic || ("0"..."9").contains(c))) || c == "-" || c == "_"
    }
}

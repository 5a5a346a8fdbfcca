import Yams

/// The problems found while checking one file, each tied to a place: a line
/// and column in the file, or the `--set` override that put the value there.
struct Problems {
    /// The file as the user named it.
    let file: String
    /// Dotted field paths that `--set` overrides wrote or created, with the
    /// override's label (`--set seed=3`).
    var overridden: [String: String] = [:]
    private(set) var errors: [ScenarioError] = []
    /// Problems counted but not kept: a file with thousands of problems keeps
    /// the first ``keptLimit`` (only 50 are shown anyway).
    private(set) var dropped = 0
    static let keptLimit = 1000

    init(file: String) {
        self.file = file
    }

    /// Records a problem with the field at `path`, found at `node` (or at
    /// `mark` when given).
    /// The message is only built while problems are still being kept.
    mutating func add(_ message: @autoclosure () -> String, path: String, at node: Node?) {
        add(message(), path: path, mark: node?.mark)
    }

    mutating func add(_ message: @autoclosure () -> String, path: String, mark: Mark?) {
        guard errors.count < Self.keptLimit else { dropped += 1; return }
        if let label = overridden[path] {
            errors.append(ScenarioError(file: label, message: message()))
        } else {
            errors.append(ScenarioError(file: file, line: mark?.line, column: mark?.column, message: message()))
        }
    }

    mutating func append(_ error: ScenarioError) {
        guard errors.count < Self.keptLimit else { dropped += 1; return }
        errors.append(error)
    }

    var isEmpty: Bool { errors.isEmpty && dropped == 0 }

    /// The problems in file order (overrides and whole-file problems last),
    /// at most 50 of them, then "…and N more".
    func sorted(limit: Int = 50) -> ScenarioErrors {
        let ordered = errors.enumerated().sorted { a, b in
            let ka = (a.element.line ?? Int.max, a.element.column ?? 0, a.offset)
            let kb = (b.element.line ?? Int.max, b.element.column ?? 0, b.offset)
            return ka < kb
        }.map(\.element)
        return ScenarioErrors.capped(ordered, file: file, limit: limit, alsoDropped: dropped)
    }
}

extension ScenarioErrors {
    /// At most `limit` problems, then one last entry "…and N more problems".
    static func capped(_ errors: [ScenarioError], file: String, limit: Int = 50, alsoDropped: Int = 0) -> ScenarioErrors {
        guard errors.count + alsoDropped > limit else { return ScenarioErrors(errors) }
        var shown = Array(errors.prefix(limit))
        let more = errors.count + alsoDropped - shown.count
        shown.append(ScenarioError(file: file, message: "…and \(more) more \(more == 1 ? "problem" : "problems")"))
        return ScenarioErrors(shown)
    }
}

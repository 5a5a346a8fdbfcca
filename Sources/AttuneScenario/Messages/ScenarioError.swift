/// One problem found in a scenario file (or in a `--set` override), with
/// where it is.
///
/// ``description`` reads `file:line:column: message`, like a compiler's,
/// so editors can jump to the spot: for example
/// `still-face.yaml:14:17: infant.age_months is 30; it must be between 2 and 12`.
/// For a `--set` override, ``file`` is the override itself
/// (`--set infant.age_months=30`) and there is no line or column.
///
/// Neither the file nor the message ever holds a raw control character:
/// any that the user's text brought in is written out (`\u{1B}`), so
/// printing an error cannot drive the terminal.
public struct ScenarioError: Error, Sendable, CustomStringConvertible, Hashable {
    /// The file as the user named it (`still-face.yaml`, `my/scene.yaml`), or
    /// the `--set PATH=VALUE` override the problem comes from.
    public var file: String
    /// The line, counting from 1, or `nil` when the problem is with the whole
    /// file or with an override.
    public var line: Int?
    /// The column, counting from 1, or `nil` when there is no line.
    public var column: Int?
    /// What is wrong and how to fix it, in plain words.
    public var message: String

    /// Creates an error; control characters in `file` and `message` are
    /// made visible.
    public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = MessageText.visible(file)
        self.line = line
        self.column = column
        self.message = MessageText.visible(message)
    }

    /// `file:line:column: message`, leaving out what is not known, with any
    /// control character made visible.
    public var description: String {
        var place = MessageText.visible(file)
        if let line {
            place += ":\(line)"
            if let column { place += ":\(column)" }
        }
        return "\(place): \(MessageText.visible(message))"
    }
}

/// Every problem found in one scenario file, in the order they appear in the
/// file (problems from `--set` overrides come last).
///
/// A file with many problems lists the first 50 and then one last entry,
/// "…and N more".
public struct ScenarioErrors: Error, Sendable, CustomStringConvertible {
    /// The problems, at least one.
    public var errors: [ScenarioError]

    /// Wraps a list of problems.
    public init(_ errors: [ScenarioError]) {
        self.errors = errors
    }

    /// Wraps one problem.
    public init(_ error: ScenarioError) {
        self.errors = [error]
    }

    /// One problem per line.
    public var description: String {
        errors.map(\.description).joined(separator: "\n")
    }
}

/// Problems with what an experiment was asked to do (a `--vary`, a
/// `--switch`, a `--plot`), each one plain line that starts with the option
/// it comes from, so the person at the command line can find and fix it:
/// `--vary dyads.0.caregiver.patience=10s..0s:1s: the range runs backwards;
/// write the smaller value first`.
public struct ExperimentErrors: Error, Sendable, CustomStringConvertible, Equatable {
    /// The problems, one line each, at least one.
    public var messages: [String]

    /// Wraps some problems.
    public init(_ messages: [String]) {
        self.messages = messages
    }

    /// Wraps one problem.
    public init(_ message: String) {
        self.messages = [message]
    }

    /// One problem per line.
    public var description: String { messages.joined(separator: "\n") }
}

import AttuneModel

/// What the key bar of a screen needs to know to choose its hints.
public struct BarContext: Hashable, Sendable {
    /// The run is paused (Space reads "play").
    public var paused: Bool
    /// The selected caregiver is in the keyboard's hands.
    public var human: Bool
    /// How many dyads are shown (Tab appears with two or more).
    public var dyads: Int
    /// A question has been answered, so `W` can go back to it.
    public var whatIf: Bool
    /// A question is open and waits for an answer.
    public var question: Bool
    /// The settings panel is open.
    public var settings: Bool
    /// What the selected caregiver does now, while the keyboard has her
    /// place: the key bar marks its key. Nil otherwise.
    public var action: CaregiverAction?

    /// Creates a context; every part defaults to a plain, playing run of
    /// one dyad with no question, the settings closed.
    public init(
        paused: Bool = false, human: Bool = false, dyads: Int = 1, whatIf: Bool = false, question: Bool = false,
        settings: Bool = false, action: CaregiverAction? = nil
    ) {
        self.paused = paused
        self.human = human
        self.dyads = dyads
        self.whatIf = whatIf
        self.question = question
        self.settings = settings
        self.action = action
    }
}

/// One key binding of a screen: the keys, the command each one gives, and
/// the words that explain them — in the help overlay and on the key bar —
/// kept together, so that the help can never drift from what the keys do
/// (as Bubble Tea's key bindings do).
///
/// `Command` is the screen's own command type; `Context` is what a key's
/// meaning may depend on (the live screen's questions).
public struct KeyBinding<Command: Sendable, Context>: Sendable {
    /// What the binding is, for the key bar's order.
    public let id: String
    /// The keys as the help overlay names them (`"←  →"`).
    public let helpKeys: String
    /// The help text: its first line beside the keys, the rest below it.
    public let help: [String]
    /// The hints the key bar shows for this binding in a context (none
    /// when it has no place on the bar there).
    let bar: @Sendable (BarContext) -> [KeyHint]
    /// The command `key` gives, or nil when this binding does not take it.
    let match: @Sendable (Key, Context) -> Command?
    /// Bindings of precedence above 0 are asked before the others (a
    /// question's answers come before every other key). Default 0.
    public let precedence: Int

    /// A binding with its own matching (keys that depend on the context).
    public init(
        id: String, helpKeys: String, help: [String], bar: @escaping @Sendable (BarContext) -> [KeyHint] = { _ in [] },
        precedence: Int = 0, match: @escaping @Sendable (Key, Context) -> Command?
    ) {
        self.id = id
        self.helpKeys = helpKeys
        self.help = help
        self.bar = bar
        self.precedence = precedence
        self.match = match
    }

    /// A binding of fixed keys, each to its command.
    public init(
        id: String, keys: [(Key, Command)], helpKeys: String, help: [String],
        bar: @escaping @Sendable (BarContext) -> [KeyHint] = { _ in [] }
    ) where Command: Equatable {
        let table = keys.map { KeyCommand(key: $0.0, command: $0.1) }
        self.init(id: id, helpKeys: helpKeys, help: help, bar: bar) { key, _ in
            table.first(where: { $0.key == key })?.command
        }
    }

    /// The command `key` gives in `context`, or nil.
    public func command(for key: Key, in context: Context) -> Command? { match(key, context) }

    /// The binding's rows in a help overlay.
    public var helpRows: [KeyHint] {
        help.enumerated().map { index, line in
            index == 0 ? KeyHint(key: helpKeys, label: line) : KeyHint(key: "", label: "  " + line)
        }
    }
}

/// A key and the command it gives (a `Sendable` pair).
private struct KeyCommand<Command: Sendable>: Sendable {
    var key: Key
    var command: Command
}

/// A screen's bindings, in help order, with the order of its key bar.
public struct KeyTable<Command: Sendable, Context>: Sendable {
    /// The bindings, in the order the help overlay lists them.
    public let bindings: [KeyBinding<Command, Context>]

    /// Creates a table.
    public init(_ bindings: [KeyBinding<Command, Context>]) {
        self.bindings = bindings
    }

    /// The command `key` gives in `context`: the bindings of precedence
    /// above 0 are asked first, then the others, each in help order.
    public func command(for key: Key, in context: Context) -> Command? {
        for binding in bindings where binding.precedence > 0 {
            if let command = binding.command(for: key, in: context) { return command }
        }
        for binding in bindings where binding.precedence <= 0 {
            if let command = binding.command(for: key, in: context) { return command }
        }
        return nil
    }

    /// Every row of the help overlay.
    public var helpRows: [KeyHint] { bindings.flatMap(\.helpRows) }

    /// The key bar in `context`: the bindings named in `order`, each with
    /// the hints it gives there.
    public func bar(_ order: [String], _ context: BarContext) -> [KeyHint] {
        order.flatMap { id in bindings.first(where: { $0.id == id })?.bar(context) ?? [] }
    }
}

/// One character position of a ``Frame``: a single grapheme and its style.
///
/// Every grapheme is assumed to take one terminal column. Attune avoids
/// emoji and other wide characters for that reason; box-drawing, block and
/// shade characters are one column wide everywhere.
public struct Cell: Hashable, Sendable {
    /// The grapheme shown in this position. Never a control character.
    public var grapheme: Character
    /// How the grapheme is drawn.
    public var style: Style

    /// Creates a cell. Control characters (newline, tab, escape...) are
    /// replaced by a space so that nothing written to a frame can drive
    /// the terminal.
    public init(_ grapheme: Character, style: Style = .plain) {
        self.grapheme = Cell.printable(grapheme)
        self.style = style
    }

    /// An empty position: a space in the plain style.
    public static let blank = Cell(" ")

    /// Returns `grapheme`, or a space when it is a control character.
    static func printable(_ grapheme: Character) -> Character {
        // Most cells are printable ASCII (space to `~`): their first
        // scalar's category is known without looking it up.
        if let byte = grapheme.utf8.first, byte >= 0x20, byte < 0x7F { return grapheme }
        guard let first = grapheme.unicodeScalars.first else { return " " }
        // So are the box-drawing, block and shape characters the screens
        // draw with (U+2500 to U+25FF: all symbols).
        if first.value >= 0x2500 && first.value <= 0x25FF { return grapheme }
        switch first.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator:
            return " "
        default:
            return grapheme
        }
    }
}

/// One line of text in the top row of an area, aligned left, centre or
/// right, and cut with an ellipsis when it is too long.
public struct TextLine: Widget {
    /// Where the text sits within the row.
    public enum Alignment: Hashable, Sendable {
        /// Against the left edge.
        case left
        /// In the middle (extra space goes to the right).
        case centre
        /// Against the right edge.
        case right
    }

    /// The text; one column per grapheme.
    public var text: String
    /// Style of the text. Default plain.
    public var style: Style
    /// Alignment within the row. Default `.left`.
    public var alignment: Alignment
    /// Glyph set, for the ellipsis. Default `.unicode`.
    public var glyphs: Glyphs

    /// Creates a text line.
    public init(
        _ text: String, style: Style = .plain, alignment: Alignment = .left,
        glyphs: Glyphs = .unicode
    ) {
        self.text = text
        self.style = style
        self.alignment = alignment
        self.glyphs = glyphs
    }

    public func render(in area: Rect, on frame: inout Frame) {
        guard !area.isEmpty else { return }
        let shown = glyphs.truncate(text, toWidth: area.width)
        let spare = area.width - shown.count
        let offset: Int
        switch alignment {
        case .left: offset = 0
        case .centre: offset = spare / 2
        case .right: offset = spare
        }
        frame.write(
            shown, column: area.column + offset, row: area.row, style: style, clip: area)
    }
}

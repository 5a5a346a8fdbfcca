/// Lines of text centred horizontally and vertically in an area, e.g.
/// "The terminal is too small" or "Paused". Lines that do not fit are
/// cut with an ellipsis; extra lines are left out from the bottom.
public struct CentredMessage: Widget {
    /// The lines, top to bottom.
    public var lines: [String]
    /// Style of the text. Default bold.
    public var style: Style
    /// Glyph set, for the ellipsis. Default `.unicode`.
    public var glyphs: Glyphs

    /// Creates a message from lines.
    public init(lines: [String], style: Style = Style(bold: true), glyphs: Glyphs = .unicode) {
        self.lines = lines
        self.style = style
        self.glyphs = glyphs
    }

    /// Creates a one-line message.
    public init(_ text: String, style: Style = Style(bold: true), glyphs: Glyphs = .unicode) {
        self.init(lines: [text], style: style, glyphs: glyphs)
    }

    public func render(in area: Rect, on frame: inout Frame) {
        guard !area.isEmpty else { return }
        let shown = lines.prefix(area.height)
        let top = area.row + (area.height - shown.count) / 2
        for (offset, line) in shown.enumerated() {
            let row = area.line(top - area.row + offset)
            frame.render(
                TextLine(line, style: style, alignment: .centre, glyphs: glyphs), in: row)
        }
    }
}

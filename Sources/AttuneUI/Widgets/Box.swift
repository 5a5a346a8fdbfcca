/// A border around an area, with an optional title set into the top edge:
/// `┌─ Title ────┐`. Draw the content into ``inner(_:)``.
public struct Box: Widget {
    /// Title shown in the top border; empty for none. Cut with an ellipsis
    /// when the box is narrow.
    public var title: String
    /// Style of the border. Default plain.
    public var style: Style
    /// Style of the title. Default bold.
    public var titleStyle: Style
    /// Glyph set for the lines and corners. Default `.unicode`.
    public var glyphs: Glyphs

    /// Creates a box.
    public init(
        title: String = "", style: Style = .plain, titleStyle: Style = Style(bold: true),
        glyphs: Glyphs = .unicode
    ) {
        self.title = title
        self.style = style
        self.titleStyle = titleStyle
        self.glyphs = glyphs
    }

    /// The area inside the border of a box drawn at `area`.
    public func inner(_ area: Rect) -> Rect {
        area.inset(by: 1)
    }

    public func render(in area: Rect, on frame: inout Frame) {
        guard area.width >= 2, area.height >= 2 else { return }
        let left = area.column
        let right = area.endColumn - 1
        let top = area.row
        let bottom = area.endRow - 1
        for x in (left + 1)..<right {
            frame[x, top] = Cell(glyphs.horizontal, style: style)
            frame[x, bottom] = Cell(glyphs.horizontal, style: style)
        }
        for y in (top + 1)..<bottom {
            frame[left, y] = Cell(glyphs.vertical, style: style)
            frame[right, y] = Cell(glyphs.vertical, style: style)
        }
        frame[left, top] = Cell(glyphs.topLeft, style: style)
        frame[right, top] = Cell(glyphs.topRight, style: style)
        frame[left, bottom] = Cell(glyphs.bottomLeft, style: style)
        frame[right, bottom] = Cell(glyphs.bottomRight, style: style)

        let room = area.width - 4
        guard !title.isEmpty, room >= 3 else { return }
        let shown = glyphs.truncate(title, toWidth: room - 2)
        frame.write(" ", column: left + 2, row: top, style: style)
        let end = frame.write(shown, column: left + 3, row: top, style: titleStyle)
        frame.write(" ", column: end, row: top, style: style)
    }
}

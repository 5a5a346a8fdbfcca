/// A box drawn over the middle of the screen listing keys and what they
/// do, with an optional closing line ("Any other key: back.").
///
/// The box is sized to its content and clamped to the area; the cells
/// under it are cleared first. Key names are padded to a common width.
public struct HelpOverlay: Widget {
    /// Title in the top border.
    public var title: String
    /// The keys, top to bottom.
    public var hints: [KeyHint]
    /// A line under the keys, after a blank line; empty for none.
    public var footer: String
    /// Style of the border and text. Default plain.
    public var style: Style
    /// Style of the key names. Default bold.
    public var keyStyle: Style
    /// Glyph set for the border and ellipsis. Default `.unicode`.
    public var glyphs: Glyphs

    /// Creates a help overlay.
    public init(
        title: String = "Keys", hints: [KeyHint], footer: String = "",
        style: Style = .plain, keyStyle: Style = Style(bold: true), glyphs: Glyphs = .unicode
    ) {
        self.title = title
        self.hints = hints
        self.footer = footer
        self.style = style
        self.keyStyle = keyStyle
        self.glyphs = glyphs
    }

    /// Width of the key column: the longest key name.
    var keyWidth: Int { hints.map(\.key.count).max() ?? 0 }

    /// The rectangle the overlay occupies when drawn over `area`.
    public func placement(in area: Rect) -> Rect {
        let entryWidth = hints.map { keyWidth + 2 + $0.label.count }.max() ?? 0
        let contentWidth = max(entryWidth, footer.count, title.count + 2)
        let contentHeight = hints.count + (footer.isEmpty ? 0 : 2)
        return area.centred(width: contentWidth + 4, height: contentHeight + 2)
    }

    public func render(in area: Rect, on frame: inout Frame) {
        let box = placement(in: area)
        guard box.width >= 2, box.height >= 2 else { return }
        frame.fill(box, with: Cell(" ", style: style))
        let border = Box(title: title, style: style, titleStyle: style.bolded, glyphs: glyphs)
        frame.render(border, in: box)
        let inside = border.inner(box).inset(left: 1, right: 1)
        for (index, hint) in hints.enumerated() where index < inside.height {
            let line = inside.line(index)
            let padded = hint.key.padding(toLength: keyWidth)
            let keyEnd = frame.write(
                padded, column: line.column, row: line.row, style: keyStyle, clip: line)
            let labelArea = line.inset(left: keyEnd + 2 - line.column)
            frame.render(TextLine(hint.label, style: style, glyphs: glyphs), in: labelArea)
        }
        if !footer.isEmpty {
            frame.render(
                TextLine(footer, style: style.dimmed, glyphs: glyphs),
                in: inside.line(hints.count + 1))
        }
    }
}

extension String {
    /// The string padded with spaces on the right to `length` graphemes
    /// (unchanged when already as long).
    func padding(toLength length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }
}

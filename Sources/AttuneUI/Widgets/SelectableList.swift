/// A list to choose from (the scenario chooser): one item per row, the
/// selected one marked with an arrow and shown in its own style, scrolled
/// so that the selected item is always visible.
///
/// The list keeps no state of its own: the caller holds the selected
/// index and moves it on key presses.
public struct SelectableList: Widget {
    /// The items, top to bottom; each is cut with an ellipsis to fit.
    public var items: [String]
    /// Index of the selected item (clamped to the items); nil for none.
    public var selectedIndex: Int?
    /// Style of unselected items. Default plain.
    public var style: Style
    /// Style of the selected item. Default reverse and bold.
    public var selectedStyle: Style
    /// Glyph set for the selection arrow and ellipsis. Default `.unicode`.
    public var glyphs: Glyphs

    /// Creates a list.
    public init(
        items: [String], selectedIndex: Int?, style: Style = .plain,
        selectedStyle: Style = Style(bold: true, reverse: true), glyphs: Glyphs = .unicode
    ) {
        self.items = items
        self.selectedIndex = selectedIndex
        self.style = style
        self.selectedStyle = selectedStyle
        self.glyphs = glyphs
    }

    /// The selected index clamped to the items, or nil.
    var clampedSelection: Int? {
        guard let selectedIndex, !items.isEmpty else { return nil }
        return min(max(selectedIndex, 0), items.count - 1)
    }

    /// Index of the first item shown when `visibleRows` rows are available:
    /// 0 until the selection would fall below the last row, then scrolled
    /// just enough to keep it on the last row.
    public func firstVisibleIndex(visibleRows: Int) -> Int {
        guard visibleRows > 0, let selected = clampedSelection else { return 0 }
        return max(0, selected - visibleRows + 1)
    }

    public func render(in area: Rect, on frame: inout Frame) {
        guard !area.isEmpty else { return }
        let first = firstVisibleIndex(visibleRows: area.height)
        let selected = clampedSelection
        for row in 0..<area.height {
            let index = first + row
            guard index < items.count else { break }
            let line = area.line(row)
            let isSelected = index == selected
            let lineStyle = isSelected ? selectedStyle : style
            if isSelected {
                frame.fill(line, with: Cell(" ", style: lineStyle))
            }
            let marker = isSelected ? String(glyphs.arrowRight) : " "
            let end = frame.write(
                marker + " ", column: line.column, row: line.row, style: lineStyle, clip: line)
            frame.render(
                TextLine(items[index], style: lineStyle, glyphs: glyphs),
                in: line.inset(left: end - line.column))
        }
    }
}

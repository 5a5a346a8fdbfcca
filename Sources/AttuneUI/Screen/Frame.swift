/// One screenful: a grid of styled cells, `width` columns by `height` rows.
///
/// Rendering builds a fresh frame from the app state; the backend paints it.
/// Every write clips silently at the frame's edge (and at an optional clip
/// rectangle), so widgets never need to check bounds themselves.
public struct Frame: Hashable, Sendable {
    /// Columns, 0 or more.
    public let width: Int
    /// Rows, 0 or more.
    public let height: Int
    /// The cells, row by row from the top, each row left to right.
    public private(set) var cells: [Cell]

    /// Creates a frame of the given size (negative sizes become 0), every
    /// cell set to `fill` (default: blank).
    public init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: fill, count: self.width * self.height)
    }

    /// Creates a frame of the given size, every cell set to `fill`.
    public init(size: Size, fill: Cell = .blank) {
        self.init(width: size.width, height: size.height, fill: fill)
    }

    /// The frame's size.
    public var size: Size { Size(width: width, height: height) }

    /// The whole frame as a rectangle at (0, 0).
    public var bounds: Rect { Rect(column: 0, row: 0, width: width, height: height) }

    /// The cell at (`column`, `row`). Reading outside the frame gives a
    /// blank cell; writing outside is ignored.
    public subscript(column: Int, row: Int) -> Cell {
        get {
            guard bounds.contains(column: column, row: row) else { return .blank }
            return cells[row * width + column]
        }
        set {
            guard bounds.contains(column: column, row: row) else { return }
            cells[row * width + column] = newValue
        }
    }

    /// Writes `text` one grapheme per column starting at (`column`, `row`),
    /// in `style` (default plain). Graphemes outside the frame, or outside
    /// `clip` when given, are skipped; control characters become spaces.
    ///
    /// - Returns: the column just after the last grapheme (whether or not
    ///   it was visible), so writes can be chained along a line.
    @discardableResult
    public mutating func write(
        _ text: String, column: Int, row: Int, style: Style = .plain, clip: Rect? = nil
    ) -> Int {
        let visible = clip.map { $0.intersection(bounds) } ?? bounds
        var x = column
        guard row >= visible.row, row < visible.endRow else {
            return column + text.count
        }
        for grapheme in text {
            if x >= visible.column && x < visible.endColumn {
                cells[row * width + x] = Cell(grapheme, style: style)
            }
            x += 1
        }
        return x
    }

    /// Sets every cell of `rect` (clipped to the frame) to `cell`.
    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for y in area.row..<area.endRow {
            for x in area.column..<area.endColumn {
                cells[y * width + x] = cell
            }
        }
    }

    /// Changes the style of every cell of `rect` (clipped to the frame),
    /// keeping the graphemes.
    public mutating func restyle(_ rect: Rect, with style: Style) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for y in area.row..<area.endRow {
            for x in area.column..<area.endColumn {
                cells[y * width + x].style = style
            }
        }
    }

    /// Draws `widget` into `area` (see ``Widget``).
    public mutating func render(_ widget: some Widget, in area: Rect) {
        widget.render(in: area.intersection(bounds), on: &self)
    }

    /// The graphemes of row `row` as plain text, trailing spaces included;
    /// an empty string for a row outside the frame.
    public func text(row: Int) -> String {
        guard row >= 0, row < height else { return "" }
        var line = ""
        for cell in cells[(row * width)..<((row + 1) * width)] {
            line.append(cell.grapheme)
        }
        return line
    }

    /// Every row as plain text, top to bottom.
    public var lines: [String] {
        (0..<height).map { text(row: $0) }
    }
}

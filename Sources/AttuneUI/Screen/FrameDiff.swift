/// One cell of a frame that differs from the frame painted before it.
public struct CellChange: Hashable, Sendable {
    /// Column of the cell (0-based).
    public var column: Int
    /// Row of the cell (0-based).
    public var row: Int
    /// The new content of the cell.
    public var cell: Cell

    /// Creates a change record.
    public init(column: Int, row: Int, cell: Cell) {
        self.column = column
        self.row = row
        self.cell = cell
    }
}

/// A stretch of changed cells on one row that share a style: what a
/// backend writes with one move and one string.
public struct PaintRun: Hashable, Sendable {
    /// Column of the first cell (0-based).
    public var column: Int
    /// Row (0-based).
    public var row: Int
    /// The graphemes, one per column.
    public var text: String
    /// The style of every cell in the run.
    public var style: Style

    /// Creates a run.
    public init(column: Int, row: Int, text: String, style: Style) {
        self.column = column
        self.row = row
        self.text = text
        self.style = style
    }
}

extension Frame {
    /// The cells of this frame that differ from `previous`, row by row.
    /// When the sizes differ, every cell counts as changed.
    public func diff(from previous: Frame) -> [CellChange] {
        var changes: [CellChange] = []
        let sameSize = previous.size == size
        for row in 0..<height {
            for column in 0..<width {
                let index = row * width + column
                if !sameSize || previous.cells[index] != cells[index] {
                    changes.append(CellChange(column: column, row: row, cell: cells[index]))
                }
            }
        }
        return changes
    }

    /// The changed cells grouped into runs of horizontally adjacent cells
    /// with the same style. With no `previous` frame (first paint, or after
    /// a resize), every cell is included.
    ///
    /// One pass over both frames' cells, row by row: no list of changes is
    /// made on the way, and cells are compared in place.
    public func paintRuns(from previous: Frame?) -> [PaintRun] {
        let old = previous.flatMap { $0.size == size ? $0.cells : nil }
        var runs: [PaintRun] = []
        cells.withUnsafeBufferPointer { new in
            (old ?? []).withUnsafeBufferPointer { before in
                let compare = old != nil
                for row in 0..<height {
                    var runIndex = -1
                    var columnAfterRun = -1
                    let start = row * width
                    for column in 0..<width {
                        let index = start + column
                        if compare && before[index].style == new[index].style && before[index].grapheme == new[index].grapheme {
                            continue
                        }
                        if runIndex >= 0, columnAfterRun == column, runs[runIndex].style == new[index].style {
                            runs[runIndex].text.append(new[index].grapheme)
                        } else {
                            runs.append(
                                PaintRun(column: column, row: row, text: String(new[index].grapheme), style: new[index].style))
                            runIndex = runs.count - 1
                        }
                        columnAfterRun = column + 1
                    }
                }
            }
        }
        return runs
    }
}

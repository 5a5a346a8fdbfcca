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
    /// One pass over both frames' cells, row by row: cells are compared by
    /// their bytes and style in place (a cell rewritten with a canonically
    /// equivalent grapheme is sent again, which shows the same), and each
    /// run's text is made once from its cells' bytes.
    public func paintRuns(from previous: Frame?) -> [PaintRun] {
        let old = previous.flatMap { $0.size == size ? $0.cells : nil }
        var runs: [PaintRun] = []
        var bytes: [UInt8] = []
        bytes.reserveCapacity(4 * width)
        var open: (column: Int, row: Int, style: Style)?
        func close() {
            guard let run = open else { return }
            runs.append(PaintRun(column: run.column, row: run.row, text: String(decoding: bytes, as: UTF8.self), style: run.style))
            bytes.removeAll(keepingCapacity: true)
            open = nil
        }
        cells.withUnsafeBufferPointer { new in
            (old ?? []).withUnsafeBufferPointer { before in
                let compare = old != nil
                for row in 0..<height {
                    let start = row * width
                    var columnAfterRun = -1
                    for column in 0..<width {
                        let cell = new[start + column]
                        if compare && before[start + column].isIdentical(to: cell) { continue }
                        if open == nil || columnAfterRun != column || open?.style != cell.style {
                            close()
                            open = (column, row, cell.style)
                        }
                        cell.appendUTF8(to: &bytes)
                        columnAfterRun = column + 1
                    }
                    close()
                }
            }
        }
        return runs
    }
}

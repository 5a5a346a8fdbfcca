/// A rectangle of terminal cells: the place a widget draws into.
///
/// Columns grow to the right and rows grow downwards; (0, 0) is the top-left
/// cell of the frame. Widths and heights are never negative.
public struct Rect: Hashable, Sendable {
    /// Leftmost column (0-based).
    public var column: Int
    /// Topmost row (0-based).
    public var row: Int
    /// Number of columns, 0 or more.
    public var width: Int
    /// Number of rows, 0 or more.
    public var height: Int

    /// Creates a rectangle; a negative width or height is clamped to 0.
    public init(column: Int, row: Int, width: Int, height: Int) {
        self.column = column
        self.row = row
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// A rectangle at (0, 0) of the given size.
    public init(size: Size) {
        self.init(column: 0, row: 0, width: size.width, height: size.height)
    }

    /// The width and height.
    public var size: Size { Size(width: width, height: height) }

    /// One past the rightmost column.
    public var endColumn: Int { column + width }

    /// One past the bottom row.
    public var endRow: Int { row + height }

    /// True when the rectangle holds no cell.
    public var isEmpty: Bool { width == 0 || height == 0 }

    /// True when the cell at (`column`, `row`) lies inside.
    public func contains(column: Int, row: Int) -> Bool {
        column >= self.column && column < endColumn && row >= self.row && row < endRow
    }

    /// The cells both rectangles share (empty, placed at this rectangle's
    /// corner, when they do not overlap).
    public func intersection(_ other: Rect) -> Rect {
        let left = max(column, other.column)
        let top = max(row, other.row)
        let right = min(endColumn, other.endColumn)
        let bottom = min(endRow, other.endRow)
        guard right > left, bottom > top else {
            return Rect(column: column, row: row, width: 0, height: 0)
        }
        return Rect(column: left, row: top, width: right - left, height: bottom - top)
    }

    /// The rectangle shrunk by `cells` on every side (never below empty).
    public func inset(by cells: Int) -> Rect {
        inset(top: cells, left: cells, bottom: cells, right: cells)
    }

    /// The rectangle shrunk by the given number of cells on each side
    /// (each 0 by default; never below empty).
    public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
        let newWidth = max(0, width - left - right)
        let newHeight = max(0, height - top - bottom)
        return Rect(
            column: column + min(left, width),
            row: row + min(top, height),
            width: newWidth,
            height: newHeight
        )
    }

    /// A rectangle of the given size centred in this one; the size is
    /// clamped to fit. When the spare space is odd, the extra cell goes
    /// to the right and bottom.
    public func centred(width: Int, height: Int) -> Rect {
        let w = min(max(0, width), self.width)
        let h = min(max(0, height), self.height)
        return Rect(
            column: column + (self.width - w) / 2,
            row: row + (self.height - h) / 2,
            width: w,
            height: h
        )
    }

    /// The single row `index` (0-based, relative to the top) of this
    /// rectangle, or an empty rectangle when `index` is outside.
    public func line(_ index: Int) -> Rect {
        guard index >= 0, index < height else {
            return Rect(column: column, row: row, width: 0, height: 0)
        }
        return Rect(column: column, row: row + index, width: width, height: 1)
    }

    /// Splits off the top `rows` rows (clamped to the height).
    public func splitTop(_ rows: Int) -> (top: Rect, rest: Rect) {
        let n = min(max(0, rows), height)
        return (
            Rect(column: column, row: row, width: width, height: n),
            Rect(column: column, row: row + n, width: width, height: height - n)
        )
    }

    /// Splits off the bottom `rows` rows (clamped to the height).
    public func splitBottom(_ rows: Int) -> (rest: Rect, bottom: Rect) {
        let n = min(max(0, rows), height)
        return (
            Rect(column: column, row: row, width: width, height: height - n),
            Rect(column: column, row: endRow - n, width: width, height: n)
        )
    }

    /// Splits off the left `columns` columns (clamped to the width).
    public func splitLeft(_ columns: Int) -> (left: Rect, rest: Rect) {
        let n = min(max(0, columns), width)
        return (
            Rect(column: column, row: row, width: n, height: height),
            Rect(column: column + n, row: row, width: width - n, height: height)
        )
    }

    /// Splits off the right `columns` columns (clamped to the width).
    public func splitRight(_ columns: Int) -> (rest: Rect, right: Rect) {
        let n = min(max(0, columns), width)
        return (
            Rect(column: column, row: row, width: width - n, height: height),
            Rect(column: endColumn - n, row: row, width: n, height: height)
        )
    }

    /// Splits the rectangle into horizontal bands, top to bottom, one per
    /// length. See ``Length`` for how space is shared.
    public func rows(_ lengths: [Length]) -> [Rect] {
        var top = row
        return Length.distribute(height, among: lengths).map { size in
            defer { top += size }
            return Rect(column: column, row: top, width: width, height: size)
        }
    }

    /// Splits the rectangle into vertical bands, left to right, one per
    /// length. See ``Length`` for how space is shared.
    public func columns(_ lengths: [Length]) -> [Rect] {
        var left = column
        return Length.distribute(width, among: lengths).map { size in
            defer { left += size }
            return Rect(column: left, row: row, width: size, height: height)
        }
    }
}

/// Counts in bins as vertical bars, lowest bin at the left, drawn with the
/// glyphs' bar levels so that a bar can end part-way up a cell: the tallest
/// bin fills the area's height.
///
/// ```
///    ▆█
///   ▃███▂
///  ▁█████▅▁
/// ```
///
/// Each bin takes `area.width / counts.count` columns (at least one; bins
/// that do not fit are left out at the right). An empty bin draws nothing.
public struct Histogram: Widget {
    /// The count in each bin, 0 or more.
    public var counts: [Int]
    /// The bars' style.
    public var style: Style
    /// The glyph set (its ``Glyphs/levels`` draw the bars' tops).
    public var glyphs: Glyphs

    /// Creates a histogram.
    public init(counts: [Int], style: Style = .plain, glyphs: Glyphs = .unicode) {
        self.counts = counts
        self.style = style
        self.glyphs = glyphs
    }

    /// Columns each bin takes in an area `width` columns wide.
    public func binWidth(_ width: Int) -> Int {
        max(1, width / max(1, counts.count))
    }

    public func render(in area: Rect, on frame: inout Frame) {
        guard !area.isEmpty, let most = counts.max(), most > 0 else { return }
        let levels = glyphs.levels
        let steps = levels.count
        let perBin = binWidth(area.width)
        for (bin, count) in counts.enumerated() where count > 0 {
            // The bar's height in level steps, at least one step.
            let height = max(1, Int((Double(count) / Double(most) * Double(area.height * steps)).rounded()))
            for cellRow in 0..<area.height {
                let filled = height - cellRow * steps
                guard filled > 0 else { break }
                let glyph = filled >= steps ? levels[steps - 1] : levels[filled - 1]
                let row = area.endRow - 1 - cellRow
                for offset in 0..<perBin {
                    let column = area.column + bin * perBin + offset
                    guard column < area.endColumn else { break }
                    frame[column, row] = Cell(glyph, style: style)
                }
            }
        }
    }
}

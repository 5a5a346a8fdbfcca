/// A strip chart (a sparkline when one row high) of the most recent
/// values, one column per sample, newest at the right edge, drawn with
/// vertical bars of block characters.
///
/// Each sample is scaled from `range` to the area's height in steps of
/// one level glyph (eighths of a row with the Unicode set). A sample at or
/// below the bottom of the range still shows the lowest level, so the line
/// never disappears; NaN leaves a gap. When there are more samples than
/// columns, the oldest are not shown; when fewer, the left stays empty.
public struct StripChart: Widget {
    /// The samples, oldest first.
    public var values: [Double]
    /// The value range mapped to the full height. Default 0...1.
    public var range: ClosedRange<Double>
    /// Style of the bars. Default plain.
    public var style: Style
    /// Optional style per sample (same order as `values`); samples without
    /// one use `style`. Default none.
    public var sampleStyles: [Style]
    /// Glyph set; ``Glyphs/levels`` gives the bar heights. Default `.unicode`.
    public var glyphs: Glyphs

    /// Creates a strip chart.
    public init(
        values: [Double], range: ClosedRange<Double> = 0...1, style: Style = .plain,
        sampleStyles: [Style] = [], glyphs: Glyphs = .unicode
    ) {
        self.values = values
        self.range = range
        self.style = style
        self.sampleStyles = sampleStyles
        self.glyphs = glyphs
    }

    /// How many level steps (0...`height` × levels) the value fills.
    func steps(for value: Double, height: Int) -> Int {
        let levels = glyphs.levels.count
        let span = range.upperBound - range.lowerBound
        let fraction = span > 0 ? (value - range.lowerBound) / span : 0
        let clamped = min(max(fraction, 0), 1)
        return max(1, Int((clamped * Double(height * levels)).rounded()))
    }

    public func render(in area: Rect, on frame: inout Frame) {
        guard !area.isEmpty, !glyphs.levels.isEmpty else { return }
        let levels = glyphs.levels.count
        let shown = min(values.count, area.width)
        let first = values.count - shown
        for offset in 0..<shown {
            let index = first + offset
            let value = values[index]
            guard !value.isNaN else { continue }
            let cellStyle = index < sampleStyles.count ? sampleStyles[index] : style
            let column = area.endColumn - shown + offset
            var remaining = steps(for: value, height: area.height)
            var row = area.endRow - 1
            while remaining > 0 && row >= area.row {
                let fill = min(remaining, levels)
                frame[column, row] = Cell(glyphs.levels[fill - 1], style: cellStyle)
                remaining -= fill
                row -= 1
            }
        }
    }
}

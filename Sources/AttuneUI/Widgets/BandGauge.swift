/// A horizontal gauge with a marked band and a marker at the current
/// value: `[░░░░▓▓●▓▓▓░░░░]`. Used for arousal with the window of
/// tolerance as the band.
///
/// The inner width (area width minus the two brackets) covers the range
/// 0...1; cell `i` of `n` stands for values in `[i/n, (i+1)/n)`. A cell
/// belongs to the band when its centre lies inside the band.
public struct BandGauge: Widget {
    /// Current value, 0...1 (clamped). Nil or NaN shows no marker.
    public var value: Double?
    /// The marked band, within 0...1 (clamped).
    public var band: ClosedRange<Double>
    /// Style of the track outside the band. Default muted.
    public var trackStyle: Style
    /// Style of the band. Default calm.
    public var bandStyle: Style
    /// Style of the marker. Default bold.
    public var markerStyle: Style
    /// Glyph set: light shade for the track, dark shade for the band,
    /// ``Glyphs/gaugeMarker`` for the value. Default `.unicode`.
    public var glyphs: Glyphs

    /// Creates a gauge.
    public init(
        value: Double?, band: ClosedRange<Double>,
        trackStyle: Style = .colour(.muted), bandStyle: Style = .colour(.calm),
        markerStyle: Style = Style(bold: true), glyphs: Glyphs = .unicode
    ) {
        self.value = value
        self.band = band
        self.trackStyle = trackStyle
        self.bandStyle = bandStyle
        self.markerStyle = markerStyle
        self.glyphs = glyphs
    }

    /// The inner cell (0..<`cells`) that shows `value`, or nil for no value.
    public static func markerIndex(value: Double?, cells: Int) -> Int? {
        guard let value, !value.isNaN, cells > 0 else { return nil }
        let clamped = min(max(value, 0), 1)
        return min(cells - 1, Int(clamped * Double(cells)))
    }

    public func render(in area: Rect, on frame: inout Frame) {
        guard area.width >= 3, area.height >= 1 else { return }
        let row = area.row
        let cells = area.width - 2
        let lower = min(max(band.lowerBound, 0), 1)
        let upper = min(max(band.upperBound, 0), 1)
        frame[area.column, row] = Cell("[", style: trackStyle)
        frame[area.endColumn - 1, row] = Cell("]", style: trackStyle)
        let marker = Self.markerIndex(value: value, cells: cells)
        for index in 0..<cells {
            let centre = (Double(index) + 0.5) / Double(cells)
            let inBand = centre >= lower && centre <= upper
            let cell: Cell
            if index == marker {
                cell = Cell(glyphs.gaugeMarker, style: markerStyle)
            } else if inBand {
                cell = Cell(glyphs.shadeDark, style: bandStyle)
            } else {
                cell = Cell(glyphs.shadeLight, style: trackStyle)
            }
            frame[area.column + 1 + index, row] = cell
        }
    }
}

/// A horizontal gauge with a marked band and a marker at the current
/// value: `[░░░░▓▓●▓▓▓░░░░]`. Used for arousal with the window of
/// tolerance as the band.
///
/// The inner width (area width minus the two brackets) covers the range
/// 0...1; cell `i` of `n` stands for values in `[i/n, (i+1)/n)`. A cell
/// belongs to the band when its centre lies inside the band. The marker
/// sits in the band exactly when the value is inside it: a value just past
/// the band's edge whose cell is the band's last is drawn one cell further
/// out (see ``markerIndex(value:band:cells:)``), so the picture never says
/// "in range" beside the words "too high".
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

    /// The inner cell that shows `value` on a gauge whose band is `band`:
    /// the cell of ``markerIndex(value:cells:)``, moved by one cell where
    /// rounding to whole cells would put it on the wrong side of the band's
    /// edge, so that the marker sits in the band exactly when the value
    /// is inside it, and outside it when it is not (when the band has cells
    /// on that side to show it).
    public static func markerIndex(value: Double?, band: ClosedRange<Double>, cells: Int) -> Int? {
        guard let raw = markerIndex(value: value, cells: cells), let value else { return nil }
        let lower = min(max(band.lowerBound, 0), 1)
        let upper = min(max(band.upperBound, 0), 1)
        let inBand = (0..<cells).filter { isInBand($0, cells: cells, lower: lower, upper: upper) }
        guard let first = inBand.first, let last = inBand.last else { return raw }
        if value > upper { return last + 1 < cells ? max(raw, last + 1) : raw }
        if value < lower { return first > 0 ? min(raw, first - 1) : raw }
        return min(max(raw, first), last)
    }

    /// True when cell `index` of `cells` belongs to the band: its centre
    /// lies inside it.
    static func isInBand(_ index: Int, cells: Int, lower: Double, upper: Double) -> Bool {
        let centre = (Double(index) + 0.5) / Double(cells)
        return centre >= lower && centre <= upper
    }

    public func render(in area: Rect, on frame: inout Frame) {
        guard area.width >= 3, area.height >= 1 else { return }
        let row = area.row
        let cells = area.width - 2
        let lower = min(max(band.lowerBound, 0), 1)
        let upper = min(max(band.upperBound, 0), 1)
        frame[area.column, row] = Cell("[", style: trackStyle)
        frame[area.endColumn - 1, row] = Cell("]", style: trackStyle)
        let marker = Self.markerIndex(value: value, band: band, cells: cells)
        for index in 0..<cells {
            let inBand = Self.isInBand(index, cells: cells, lower: lower, upper: upper)
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

/// One mark of a ``TrackChart``: the symbol and style for one sample's
/// category (e.g. gaze "at caregiver" as a filled dot in calm).
public struct TrackMark: Hashable, Sendable {
    /// The symbol shown for the sample.
    public var symbol: Character
    /// Its style.
    public var style: Style

    /// Creates a mark.
    public init(_ symbol: Character, style: Style = .plain) {
        self.symbol = symbol
        self.style = style
    }
}

/// A discrete track: one symbol per sample along the top row of an area,
/// newest at the right edge, each sample's category shown by its mark.
/// When there are more samples than columns, the oldest are not shown.
public struct TrackChart: Widget {
    /// The marks, oldest first; the caller maps each sample's category to
    /// a mark.
    public var marks: [TrackMark]

    /// Creates a track chart.
    public init(marks: [TrackMark]) {
        self.marks = marks
    }

    public func render(in area: Rect, on frame: inout Frame) {
        guard !area.isEmpty else { return }
        let shown = marks.suffix(area.width)
        var column = area.endColumn - shown.count
        for mark in shown {
            frame[column, area.row] = Cell(mark.symbol, style: mark.style)
            column += 1
        }
    }
}

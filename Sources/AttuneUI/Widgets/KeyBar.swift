/// A key and what it does, for the key bar and the help overlay.
public struct KeyHint: Hashable, Sendable {
    /// The key as shown, e.g. "q", "Space", "Esc".
    public var key: String
    /// What it does, e.g. "quit".
    public var label: String
    /// True for the hint of what is in force now (the action the
    /// caregiver does while the keyboard has her place): the key bar marks
    /// it with a symbol before its label and shows the label in bold.
    public var isActive: Bool

    /// Creates a hint.
    public init(key: String, label: String, isActive: Bool = false) {
        self.key = key
        self.label = label
        self.isActive = isActive
    }
}

/// The bar of keys along the bottom: each key, padded with a space on
/// either side and shown in reverse video, followed by its label:
/// ` q  quit   p  pause`; in a narrow window the keys may go without
/// their padding (``padded``), still in reverse video: `q quit  p pause`.
/// Hints that do not fit whole are left out, from the right. The hint in force (``KeyHint/isActive``) is marked by
/// ``activeMark`` in place of the space before its label, and its label is
/// bold and underlined, so that it shows without colour.
public struct KeyBar: Widget {
    /// The hints, left to right.
    public var hints: [KeyHint]
    /// Style of the keys. Default reverse.
    public var keyStyle: Style
    /// Style of the labels. Default plain.
    public var labelStyle: Style
    /// Blank columns between one hint and the next. Default 2.
    public var gap: Int
    /// The mark before the label of the hint in force. Default `▸`.
    public var activeMark: Character
    /// Each key has a blank column on either side inside its reverse
    /// video. Default true; false saves two columns a hint.
    public var padded: Bool

    /// Creates a key bar.
    public init(
        hints: [KeyHint], keyStyle: Style = Style(reverse: true), labelStyle: Style = .plain,
        gap: Int = 2, activeMark: Character = "▸", padded: Bool = true
    ) {
        self.hints = hints
        self.keyStyle = keyStyle
        self.labelStyle = labelStyle
        self.gap = max(0, gap)
        self.activeMark = activeMark
        self.padded = padded
    }

    /// The columns `hints` take side by side with `gap` blank columns
    /// between them, their keys padded or not (default padded).
    public static func width(_ hints: [KeyHint], gap: Int, padded: Bool = true) -> Int {
        hints.reduce(0) { $0 + $1.key.count + (padded ? 3 : 1) + $1.label.count } + max(0, hints.count - 1) * max(0, gap)
    }

    /// The roomiest way `hints` fit in `width` columns, trying in turn
    /// padded keys with gaps of `gaps` (default 2 then 1), then keys
    /// without padding with the same gaps; nil when none fits.
    public static func roomiest(_ hints: [KeyHint], width: Int, gaps: [Int] = [2, 1]) -> (gap: Int, padded: Bool)? {
        for padded in [true, false] {
            for gap in gaps where Self.width(hints, gap: gap, padded: padded) <= width { return (gap, padded) }
        }
        return nil
    }

    public func render(in area: Rect, on frame: inout Frame) {
        guard !area.isEmpty else { return }
        var column = area.column
        for (index, hint) in hints.enumerated() {
            let start = index == 0 ? column : column + gap
            let width = hint.key.count + (padded ? 3 : 1) + hint.label.count
            guard start + width <= area.endColumn else { return }
            var x = frame.write(
                padded ? " \(hint.key) " : hint.key, column: start, row: area.row, style: keyStyle, clip: area)
            let style = hint.isActive ? labelStyle.bolded.underlined : labelStyle
            x = frame.write(hint.isActive ? String(activeMark) : " ", column: x, row: area.row, style: style, clip: area)
            column = frame.write(
                hint.label, column: x, row: area.row, style: style, clip: area)
        }
    }
}

/// A key and what it does, for the key bar and the help overlay.
public struct KeyHint: Hashable, Sendable {
    /// The key as shown, e.g. "q", "Space", "Esc".
    public var key: String
    /// What it does, e.g. "quit".
    public var label: String

    /// Creates a hint.
    public init(key: String, label: String) {
        self.key = key
        self.label = label
    }
}

/// The bar of keys along the bottom: each key, padded with a space on
/// either side and shown in reverse video, followed by its label:
/// ` q  quit   p  pause`. Hints that do not fit whole are left out, from
/// the right.
public struct KeyBar: Widget {
    /// The hints, left to right.
    public var hints: [KeyHint]
    /// Style of the keys. Default reverse.
    public var keyStyle: Style
    /// Style of the labels. Default plain.
    public var labelStyle: Style
    /// Blank columns between one hint and the next. Default 2.
    public var gap: Int

    /// Creates a key bar.
    public init(
        hints: [KeyHint], keyStyle: Style = Style(reverse: true), labelStyle: Style = .plain,
        gap: Int = 2
    ) {
        self.hints = hints
        self.keyStyle = keyStyle
        self.labelStyle = labelStyle
        self.gap = max(0, gap)
    }

    public func render(in area: Rect, on frame: inout Frame) {
        guard !area.isEmpty else { return }
        var column = area.column
        for (index, hint) in hints.enumerated() {
            let start = index == 0 ? column : column + gap
            let width = hint.key.count + 2 + 1 + hint.label.count
            guard start + width <= area.endColumn else { return }
            var x = frame.write(
                " \(hint.key) ", column: start, row: area.row, style: keyStyle, clip: area)
            x = frame.write(" ", column: x, row: area.row, style: labelStyle, clip: area)
            column = frame.write(
                hint.label, column: x, row: area.row, style: labelStyle, clip: area)
        }
    }
}

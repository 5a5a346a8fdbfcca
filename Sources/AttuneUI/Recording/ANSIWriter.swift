/// Turns frames into the ANSI text a terminal would need to show them:
/// cursor moves, SGR attributes and colours, and the changed cells only.
public enum ANSIWriter {
    /// The text that turns a screen showing `previous` into one showing
    /// `frame`. With no `previous` (or one of another size) the screen is
    /// cleared and every cell written.
    public static func text(from previous: Frame?, to frame: Frame) -> String {
        var out = ""
        let base = previous.flatMap { $0.size == frame.size ? $0 : nil }
        if base == nil { out += "\u{1b}[0m\u{1b}[2J\u{1b}[H" }
        var current: Style?
        for run in frame.paintRuns(from: base) {
            out += "\u{1b}[\(run.row + 1);\(run.column + 1)H"
            if run.style != current {
                out += sgr(run.style)
                current = run.style
            }
            out += run.text
        }
        if current != nil { out += "\u{1b}[0m" }
        return out
    }

    /// The SGR sequence for `style`: reset, then its attributes and colours.
    public static func sgr(_ style: Style) -> String {
        var codes = ["0"]
        if style.bold { codes.append("1") }
        if style.dim { codes.append("2") }
        if style.underline { codes.append("4") }
        if style.reverse { codes.append("7") }
        if let code = colourCode(style.foreground) { codes.append(String(code)) }
        if let code = colourCode(style.background) { codes.append(String(code == 90 ? 100 : code + 10)) }
        return "\u{1b}[" + codes.joined(separator: ";") + "m"
    }

    /// The foreground colour code of a semantic colour (nil for the
    /// terminal's own): calm green, warm magenta, alert yellow, distress
    /// red, accent cyan, muted bright black.
    static func colourCode(_ colour: SemanticColour) -> Int? {
        switch colour {
        case .default: nil
        case .calm: 32
        case .warm: 35
        case .alert: 33
        case .distress: 31
        case .accent: 36
        case .muted: 90
        }
    }
}

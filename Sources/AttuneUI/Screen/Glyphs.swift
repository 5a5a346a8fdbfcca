/// The characters widgets draw with: box lines, blocks, shades, dots and
/// arrows.
///
/// Two sets exist: ``unicode`` (box-drawing and block characters, all one
/// column wide) and ``ascii`` (nothing above 0x7F, for `--ascii` and for
/// terminals or locales without UTF-8). The caller picks one and passes it
/// to the widgets that need it.
public struct Glyphs: Hashable, Sendable {
    /// Horizontal line (─ or -).
    public var horizontal: Character
    /// Vertical line (│ or |).
    public var vertical: Character
    /// Top-left corner (┌ or +).
    public var topLeft: Character
    /// Top-right corner (┐ or +).
    public var topRight: Character
    /// Bottom-left corner (└ or +).
    public var bottomLeft: Character
    /// Bottom-right corner (┘ or +).
    public var bottomRight: Character
    /// Vertical line with a branch to the right (├ or +).
    public var teeRight: Character
    /// Vertical line with a branch to the left (┤ or +).
    public var teeLeft: Character
    /// Marks text cut short (… or ...).
    public var ellipsis: String
    /// Bar heights from lowest to full, for sparklines and strip charts
    /// (▁▂▃▄▅▆▇█, or an ASCII ramp). The last one fills the cell.
    public var levels: [Character]
    /// Light shade (░ or .).
    public var shadeLight: Character
    /// Medium shade (▒ or :).
    public var shadeMedium: Character
    /// Dark shade (▓ or =).
    public var shadeDark: Character
    /// Full block (█ or #).
    public var fullBlock: Character
    /// Filled dot (● or *).
    public var dotFilled: Character
    /// Hollow dot (○ or o).
    public var dotHollow: Character
    /// Pointer to the left (◀ or <).
    public var arrowLeft: Character
    /// Pointer to the right (▶ or >).
    public var arrowRight: Character
    /// The current value on a gauge (● or |).
    public var gaugeMarker: Character

    /// Box-drawing, block and shade characters. Needs a UTF-8 locale.
    public static let unicode = Glyphs(
        horizontal: "─", vertical: "│",
        topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        teeRight: "├", teeLeft: "┤",
        ellipsis: "…",
        levels: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"],
        shadeLight: "░", shadeMedium: "▒", shadeDark: "▓", fullBlock: "█",
        dotFilled: "●", dotHollow: "○",
        arrowLeft: "◀", arrowRight: "▶",
        gaugeMarker: "●"
    )

    /// Plain ASCII only: no byte above 0x7F.
    public static let ascii = Glyphs(
        horizontal: "-", vertical: "|",
        topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        teeRight: "+", teeLeft: "+",
        ellipsis: "...",
        levels: ["_", ".", "-", "=", "+", "*", "#"],
        shadeLight: ".", shadeMedium: ":", shadeDark: "=", fullBlock: "#",
        dotFilled: "*", dotHollow: "o",
        arrowLeft: "<", arrowRight: ">",
        gaugeMarker: "|"
    )

    /// Every glyph of the set, as strings (for checks such as "ASCII only").
    public var all: [String] {
        [
            horizontal, vertical, topLeft, topRight, bottomLeft, bottomRight, teeRight, teeLeft,
            shadeLight, shadeMedium, shadeDark, fullBlock, dotFilled, dotHollow,
            arrowLeft, arrowRight, gaugeMarker,
        ].map(String.init) + levels.map(String.init) + [ellipsis]
    }

    /// `text` cut to at most `width` columns, ending with ``ellipsis`` when
    /// something was cut. The cut falls between whole words ("tsk tsk!…",
    /// never "tsk tsk! h…"), and a number stays with the unit after it
    /// ("1.5 s", "153 bpm"); separators and spaces just before the
    /// ellipsis are dropped. Only a first word too long for the width is
    /// cut inside itself. When even the ellipsis does not fit, the text is
    /// simply cut. `width` below 1 gives an empty string.
    public func truncate(_ text: String, toWidth width: Int) -> String {
        guard width > 0 else { return "" }
        guard text.count > width else { return text }
        guard ellipsis.count < width else { return String(text.prefix(width)) }
        let room = width - ellipsis.count
        var kept = Substring(text.prefix(room))
        // The character after the cut: a cut inside a word drops that word.
        let next = text[text.index(text.startIndex, offsetBy: room)]
        if next != " ", let space = kept.lastIndex(of: " ") {
            kept = kept[..<space]
        } else if next != " " {
            // One long first word: cut inside it.
            return String(kept) + ellipsis
        }
        kept = Self.trimmedBeforeEllipsis(kept)
        // A number whose unit was cut off goes with it.
        let rest = text.dropFirst(kept.count).drop(while: { $0 == " " })
        let unit = rest.prefix(while: { $0 != " " })
        if Self.units.contains(unit.trimmingTrailingPunctuation), let last = kept.split(separator: " ").last,
            last.first?.isNumber == true, let space = kept.lastIndex(of: " ")
        {
            kept = Self.trimmedBeforeEllipsis(kept[..<space])
        }
        guard !kept.isEmpty else { return String(text.prefix(room)) + ellipsis }
        return String(kept) + ellipsis
    }

    /// Units that stay with the number before them when text is cut.
    static let units: Set<Substring> = ["s", "bpm", "%", "min", "months", "x"]

    /// `text` without the spaces and separators (`·`, `-`, `,`, `;`, `:`)
    /// at its end, which read badly before an ellipsis.
    static func trimmedBeforeEllipsis(_ text: Substring) -> Substring {
        var kept = text
        while let last = kept.last, last == " " || last == "·" || last == "-" || last == "," || last == ";" || last == ":" {
            kept.removeLast()
        }
        return kept
    }
}

extension Substring {
    /// The text without the punctuation at its end (`s.` gives `s`).
    fileprivate var trimmingTrailingPunctuation: Substring {
        var text = self
        while let last = text.last, last == "." || last == "," || last == ";" || last == ")" || last == ":" { text.removeLast() }
        return text
    }
}

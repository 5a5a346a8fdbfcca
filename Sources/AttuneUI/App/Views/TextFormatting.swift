/// Plain-text helpers for the live app: clock times, seconds, percentages,
/// word wrapping, and the ASCII fallback used with `--ascii`.
///
/// All pure and without Foundation, so that rendering stays a function of
/// the app state alone.
public enum TextFormatting {
    /// A time as `m:ss` (`0:14`, `2:00`, `61:05`), rounded down to the
    /// second. Negative times show as `0:00`.
    /// - Parameter seconds: the time in seconds, 0 or more.
    public static func clock(_ seconds: Double) -> String {
        let whole = max(0, Int((seconds + 1e-9).rounded(.down)))
        let minutes = whole / 60
        let rest = whole % 60
        return "\(minutes):" + (rest < 10 ? "0" : "") + "\(rest)"
    }

    /// A number with exactly `decimals` decimals (0...3), rounded half up:
    /// `fixed(3.25, 1)` is `3.3`. Negative numbers keep their sign.
    public static func fixed(_ value: Double, _ decimals: Int) -> String {
        guard value.isFinite else { return "-" }
        let places = min(max(decimals, 0), 3)
        var scale = 1
        for _ in 0..<places { scale *= 10 }
        let negative = value < 0
        let scaled = Int((abs(value) * Double(scale)).rounded())
        let whole = scaled / scale
        var text = "\(whole)"
        if places > 0 {
            var fraction = "\(scaled % scale)"
            while fraction.count < places { fraction = "0" + fraction }
            text += "." + fraction
        }
        return (negative && scaled != 0 ? "-" : "") + text
    }

    /// A duration in seconds for sentences: one decimal below 10 s
    /// (`3.2 s`), whole seconds from 10 s (`14 s`).
    public static func seconds(_ value: Double) -> String {
        value < 9.95 ? fixed(value, 1) + " s" : fixed(value, 0) + " s"
    }

    /// A whole-second duration for sentences (`4 s`), at least 1 s when
    /// `value` is above 0.
    public static func wholeSeconds(_ value: Double) -> String {
        let rounded = Int(value.rounded())
        return "\(value > 0 ? max(1, rounded) : 0) s"
    }

    /// A share 0...100 as a whole percentage (`62%`).
    public static func percent(_ value: Double) -> String {
        "\(Int(min(max(value, 0), 100).rounded()))%"
    }

    /// A speed factor as shown on screen: `0.25x`, `0.5x`, `1x`, `32x`.
    public static func speed(_ factor: Double) -> String {
        if factor == factor.rounded() { return "\(Int(factor))x" }
        var text = fixed(factor, 2)
        while text.hasSuffix("0") { text.removeLast() }
        return text + "x"
    }

    /// Splits `text` into lines of at most `width` columns, breaking at
    /// spaces, but never between a number and its unit (`1.5 s`); a word
    /// longer than a line is cut. Returns at least one line (possibly
    /// empty). `width` below 1 gives `[""]`.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [""] }
        var words: [String] = []
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if word == "s" || word == "s." || word == "s," || word == "s;" || word == "s)",
                let last = words.last, last.last?.isNumber == true
            {
                words[words.count - 1] = last + " " + word
            } else {
                words.append(String(word))
            }
        }
        var lines: [String] = []
        var current = ""
        for word in words {
            var word = word
            while word.count > width {
                if !current.isEmpty {
                    lines.append(current)
                    current = ""
                }
                lines.append(String(word.prefix(width)))
                word = String(word.dropFirst(width))
            }
            if current.isEmpty {
                current = word
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = word
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }

    /// `text` with every character above 0x7F replaced by a plain ASCII
    /// stand-in: dashes for long dashes, straight quotes for curly ones,
    /// `...` for an ellipsis, `x` for a multiplication sign, arrows as
    /// `<` `>` `^` `v`, accented letters without their accent, and `?` for
    /// anything else.
    public static func ascii(_ text: String) -> String {
        guard !text.utf8.contains(where: { $0 > 0x7F }) else {
            var out = ""
            for character in text {
                if character.isASCII {
                    out.append(character)
                } else {
                    out += asciiStandIn(character)
                }
            }
            return out
        }
        return text
    }

    /// The ASCII stand-in for one character above 0x7F (one or more
    /// characters, never empty).
    static func asciiStandIn(_ character: Character) -> String {
        switch character {
        case "—", "–", "‒", "−", "─", "━": return "-"
        case "‘", "’", "‚", "′": return "'"
        case "“", "”", "„", "″": return "\""
        case "…": return "..."
        case "×": return "x"
        case "·": return "-"
        case "•", "●": return "*"
        case "○": return "o"
        case "←", "◀", "◂": return "<"
        case "→", "▶", "▸": return ">"
        case "↑": return "^"
        case "↓": return "v"
        case "‖": return "||"
        case "\u{00A0}": return " "
        default:
            // Letters with accents: keep the base letter when it is ASCII.
            if let base = character.unicodeScalars.first, base.isASCII, base.properties.isAlphabetic {
                return String(base)
            }
            let decomposed = String(character).decomposedASCIIBase
            return decomposed ?? "?"
        }
    }
}

extension String {
    /// For a single accented Latin letter, its ASCII base letter
    /// (`é` gives `e`); nil otherwise.
    fileprivate var decomposedASCIIBase: String? {
        let table: [Character: String] = [
            "à": "a", "á": "a", "â": "a", "ã": "a", "ä": "a", "å": "a", "ç": "c", "è": "e", "é": "e",
            "ê": "e", "ë": "e", "ì": "i", "í": "i", "î": "i", "ï": "i", "ñ": "n", "ò": "o", "ó": "o",
            "ô": "o", "õ": "o", "ö": "o", "ù": "u", "ú": "u", "û": "u", "ü": "u", "ý": "y", "ÿ": "y",
            "À": "A", "Á": "A", "Â": "A", "Ã": "A", "Ä": "A", "Å": "A", "Ç": "C", "È": "E", "É": "E",
            "Ê": "E", "Ë": "E", "Ì": "I", "Í": "I", "Î": "I", "Ï": "I", "Ñ": "N", "Ò": "O", "Ó": "O",
            "Ô": "O", "Õ": "O", "Ö": "O", "Ù": "U", "Ú": "U", "Û": "U", "Ü": "U", "Ý": "Y", "ß": "ss",
            "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "œ": "oe", "Œ": "OE",
        ]
        guard let first = first, count == 1 else { return nil }
        return table[first]
    }
}

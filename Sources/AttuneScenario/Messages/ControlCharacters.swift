/// The characters scenario text may not carry: those that drive a terminal
/// or reorder text on screen rather than show as themselves.
///
/// Scenario text reaches terminals, CSV, JSON, SVG and traces, where an
/// escape character can recolour or retitle the terminal, clear the screen
/// or break the file around it. Refused: U+0000 to U+001F except tab and
/// line feed (so carriage return too), DEL (U+007F), the C1 controls
/// (U+0080 to U+009F, among them the 8-bit CSI, U+009B), and the direction
/// overrides and isolates (U+202A to U+202E, U+2066 to U+2069), which make
/// text read differently from how it is stored.
enum ControlCharacters {
    /// The first refused character found in a text.
    struct Found: Equatable {
        /// The character, in words: `a control character (ESC, U+001B)`.
        var words: String
        /// Where it is, counting characters from 1.
        var position: Int
    }

    /// True when scenario text may not hold `scalar`; tab and line feed are
    /// allowed unless `allowingTabAndLineFeed` is false (as in a name,
    /// which is one line).
    static func isRefused(_ scalar: Unicode.Scalar, allowingTabAndLineFeed: Bool = true) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: return !allowingTabAndLineFeed
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// The first refused character in `text` and its position, or `nil`
    /// when there is none.
    static func first(in text: String, allowingTabAndLineFeed: Bool = true) -> Found? {
        // Most text has none: look at the scalars before counting characters.
        guard text.unicodeScalars.contains(where: { isRefused($0, allowingTabAndLineFeed: allowingTabAndLineFeed) }) else {
            return nil
        }
        for (offset, character) in text.enumerated() {
            if let scalar = character.unicodeScalars.first(where: { isRefused($0, allowingTabAndLineFeed: allowingTabAndLineFeed) }) {
                return Found(words: words(for: scalar), position: offset + 1)
            }
        }
        return nil
    }

    /// A refused character in words: `a control character (ESC, U+001B)`,
    /// `a C1 control character (U+009B)`, `a direction override (RLO, U+202E)`.
    static func words(for scalar: Unicode.Scalar) -> String {
        let code = "U+" + hex(scalar.value, digits: 4)
        switch scalar.value {
        case 0x00...0x1F: return "a control character (\(c0Names[Int(scalar.value)]), \(code))"
        case 0x7F: return "a control character (DEL, \(code))"
        case 0x80...0x9F: return "a C1 control character (\(code))"
        case 0x202A...0x202E: return "a direction override (\(overrideNames[Int(scalar.value - 0x202A)]), \(code))"
        case 0x2066...0x2069: return "a direction isolate (\(isolateNames[Int(scalar.value - 0x2066)]), \(code))"
        default: return "the character \(code)"
        }
    }

    /// `scalar` as Swift would write it in a string: `\u{1B}`.
    static func escaped(_ scalar: Unicode.Scalar) -> String {
        "\\u{" + hex(scalar.value, digits: 2) + "}"
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    private static let c0Names = [
        "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "TAB", "LF", "VT", "FF", "CR", "SO", "SI",
        "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US",
    ]
    private static let overrideNames = ["LRE", "RLE", "PDF", "LRO", "RLO"]
    private static let isolateNames = ["LRI", "RLI", "FSI", "PDI"]
}

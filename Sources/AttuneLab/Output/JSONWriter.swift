/// Writes rows as a JSON array of objects, one object per line, keys in
/// column order.
///
/// Written by hand so key order and number text are fixed: numbers appear as
/// in CSV (fixed decimals), a missing value is `null`, flags are `true` or
/// `false`, text is a JSON string.
public struct JSONWriter: TableWriter {
    private var keys: [String] = []
    private var rows = 0

    /// Creates a writer.
    public init() {}

    public mutating func begin(columns: [String]) -> String {
        keys = columns.map(Self.quoted)
        rows = 0
        return "["
    }

    public mutating func row(_ cells: [Field]) -> String {
        var out = rows == 0 ? "\n  {" : ",\n  {"
        rows += 1
        for (i, cell) in cells.enumerated() {
            if i > 0 { out += ", " }
            out += i < keys.count ? keys[i] : Self.quoted("column_\(i + 1)")
            out += ": "
            out += Self.value(cell)
        }
        out += "}"
        return out
    }

    public mutating func end() -> String {
        rows == 0 ? "]\n" : "\n]\n"
    }

    /// The JSON text of one cell.
    public static func value(_ cell: Field) -> String {
        switch cell {
        case .integer, .unsigned, .decimal: cell.text.isEmpty ? "null" : cell.text
        case .flag(let b): b ? "true" : "false"
        case .text(let s): quoted(s)
        case .missing: "null"
        }
    }

    /// `text` as a JSON string literal, with quotes, backslashes and control
    /// characters escaped.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
        return out
    }
}

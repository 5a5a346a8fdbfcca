/// Writes rows as CSV: a header line, then one line per row, lines ending in
/// `\n`.
///
/// Quoting follows RFC 4180: a cell holding a comma, a double quote, a
/// carriage return or a line feed is wrapped in double quotes, and each quote
/// inside it is doubled. A missing value is an empty cell.
public struct CSVWriter: TableWriter {
    /// Creates a writer.
    public init() {}

    public mutating func begin(columns: [String]) -> String {
        line(columns)
    }

    public mutating func row(_ cells: [Field]) -> String {
        line(cells.map(\.text))
    }

    public mutating func end() -> String { "" }

    private func line(_ texts: [String]) -> String {
        var out = ""
        for (i, t) in texts.enumerated() {
            if i > 0 { out += "," }
            out += Self.quoted(t)
        }
        out += "\n"
        return out
    }

    /// `text` as a CSV cell, quoted only when it must be.
    public static func quoted(_ text: String) -> String {
        let needsQuotes = text.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }
        guard needsQuotes else { return text }
        return "\"" + text.replacingAll("\"", with: "\"\"") + "\""
    }
}

extension String {
    /// This string with every `target` replaced (no Foundation needed).
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        out.reserveCapacity(count)
        for c in self {
            if c == target { out += replacement } else { out.append(c) }
        }
        return out
    }
}

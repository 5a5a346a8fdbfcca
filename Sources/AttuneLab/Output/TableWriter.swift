/// Turns rows of ``Field``s into the text of one output format, piece by
/// piece, so rows can stream out as they are made.
///
/// Call ``begin(columns:)`` once, ``row(_:)`` per row, ``end()`` once; join
/// the returned strings in that order.
public protocol TableWriter {
    /// The text that opens the output (a header line, an opening bracket).
    mutating func begin(columns: [String]) -> String
    /// The text of one row; `cells` in the order of the columns.
    mutating func row(_ cells: [Field]) -> String
    /// The text that closes the output.
    mutating func end() -> String
}

/// The machine-readable formats rows can be written in.
public enum RowFormat: String, Sendable, CaseIterable {
    /// Comma-separated values with a header line (RFC 4180 quoting).
    case csv
    /// A JSON array of objects, keys in column order.
    case json

    /// A fresh writer for this format.
    public func makeWriter() -> any TableWriter {
        switch self {
        case .csv: CSVWriter()
        case .json: JSONWriter()
        }
    }

    /// Every row in this format, as one string (for small outputs and tests).
    public func render(columns: [String], rows: [[Field]]) -> String {
        var writer = makeWriter()
        var out = writer.begin(columns: columns)
        for r in rows { out += writer.row(r) }
        out += writer.end()
        return out
    }
}

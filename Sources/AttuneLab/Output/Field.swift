/// One cell of an output row (CSV or JSON), with its fixed text form.
///
/// Numbers are formatted by hand, never through the locale, so the same run
/// gives the same bytes on every machine: a decimal has a fixed number of
/// places, rounded half away from zero, and never prints as `-0.000`.
public enum Field: Sendable, Hashable {
    /// A whole number (a count or a run number).
    case integer(Int)
    /// A seed: any 64-bit value.
    case unsigned(UInt64)
    /// A number with a fixed count of decimal places (0...9).
    case decimal(Double, places: Int)
    /// Text: a label, a phase name, a vocabulary word.
    case text(String)
    /// A yes/no flag (`true`/`false`).
    case flag(Bool)
    /// No value: a median or mean of nothing. An empty CSV cell, a JSON `null`.
    case missing

    /// A decimal, or ``missing`` when `value` is `nil` or not finite.
    public static func decimal(_ value: Double?, places: Int) -> Field {
        guard let value, value.isFinite else { return .missing }
        return .decimal(value, places: places)
    }

    /// The value as plain text, as written in a CSV cell (before quoting).
    public var text: String {
        switch self {
        case .integer(let n): String(n)
        case .unsigned(let n): String(n)
        case .decimal(let x, let places): Self.fixed(x, places: places)
        case .text(let s): s
        case .flag(let b): b ? "true" : "false"
        case .missing: ""
        }
    }

    /// `x` with exactly `places` decimals (0...9), rounded half away from
    /// zero, without locale; "" when `x` is not finite.
    public static func fixed(_ x: Double, places: Int) -> String {
        guard x.isFinite else { return "" }
        let places = min(max(places, 0), 9)
        var scale: UInt64 = 1
        for _ in 0..<places { scale *= 10 }
        let scaled = (x.magnitude * Double(scale)).rounded(.toNearestOrAwayFromZero)
        // Beyond 2^53 a Double holds no fraction worth printing.
        guard scaled < 9_007_199_254_740_992 else { return x < 0 ? "-\(x.magnitude)" : "\(x)" }
        let units = UInt64(scaled)
        var out = (x < 0 && units != 0) ? "-" : ""
        out += String(units / scale)
        if places > 0 {
            let fraction = String(units % scale)
            out += "."
            out += String(repeating: "0", count: places - fraction.count)
            out += fraction
        }
        return out
    }
}

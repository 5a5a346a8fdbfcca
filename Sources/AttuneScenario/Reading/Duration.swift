import Foundation

/// Durations as scenario files write them: a number and a unit, `ms`, `s` or
/// `min` (`800ms`, `6s`, `1.5s`, `2min`).
///
/// This is not Swift's `Swift.Duration`: it only reads scenario text and
/// gives seconds.
public enum Duration {
    /// The units a duration may use, with how many seconds each is.
    public static let units: [(name: String, seconds: Double)] = [("ms", 0.001), ("s", 1), ("min", 60)]

    /// Reads a duration and returns it in seconds, or `nil` when the text is
    /// not a duration: a bare number (no unit), an unknown unit, a negative
    /// value or anything else. Spaces around the number and before the unit
    /// are allowed (`1.5 s`).
    public static func parse(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let split = trimmed.firstIndex(where: { !($0.isASCII && ($0.isNumber || $0 == ".")) }) else {
            return nil  // a bare number, or nothing
        }
        let number = String(trimmed[..<split])
        let unit = trimmed[split...].trimmingCharacters(in: .whitespaces)
        guard !number.isEmpty, number.filter({ $0 == "." }).count <= 1, number != ".",
            let value = Double(number), value.isFinite,
            let scale = units.first(where: { $0.name == unit })?.seconds
        else { return nil }
        return value * scale
    }
}

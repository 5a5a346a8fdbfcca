/// Digits three rows tall, drawn with ASCII strokes as on a seven-segment
/// display, for numbers read from across a room (the presenter's heart
/// rate): each digit is three columns wide, with a column between digits.
enum BigDigits {
    /// Rows of a digit.
    static let height = 3

    /// The three rows of each digit 0-9.
    static let glyphs: [[String]] = [
        [" _ ", "| |", "|_|"], ["   ", "  |", "  |"], [" _ ", " _|", "|_ "], [" _ ", " _|", " _|"], ["   ", "|_|", "  |"],
        [" _ ", "|_ ", " _|"], [" _ ", "|_ ", "|_|"], [" _ ", "  |", "  |"], [" _ ", "|_|", "|_|"], [" _ ", "|_|", " _|"],
    ]

    /// The three rows of `number` (digits only; anything else is left out).
    static func rows(_ number: String) -> [String] {
        let digits = number.compactMap(\.wholeNumberValue).filter { (0...9).contains($0) }
        return (0..<height).map { row in digits.map { glyphs[$0][row] }.joined(separator: " ") }
    }
}

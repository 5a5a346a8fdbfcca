/// Text the user gave (a key, a value, a path, a file name, a `--set`),
/// made fit to be repeated in a message: every control character, tab and
/// line feed included, and every direction override or isolate is written
/// out as Swift would write it (`\u{1B}`), so a message never carries one.
public enum MessageText {
    /// How many characters of user-given text a message repeats before it
    /// cuts the rest off with "…".
    public static let echoLimit = 60

    /// `text` as a message repeats it: made visible, and at most `limit`
    /// characters, the last one "…" when some were cut off. The work is
    /// bounded by `limit`, not by the length of `text`.
    public static func echo(_ text: String, limit: Int = echoLimit) -> String {
        var pieces: [String] = []
        var length = 0
        for character in text {
            let piece = visible(character)
            pieces.append(piece)
            length += piece.count
            if length > limit {
                while length + 1 > limit, let last = pieces.popLast() { length -= last.count }
                return pieces.joined() + "…"
            }
        }
        return pieces.joined()
    }

    /// `text` whole, with its control characters made visible.
    public static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isHidden) else { return text }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if isHidden(scalar) {
                result += ControlCharacters.escaped(scalar)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func visible(_ character: Character) -> String {
        guard character.unicodeScalars.contains(where: isHidden) else { return String(character) }
        return character.unicodeScalars.map { isHidden($0) ? ControlCharacters.escaped($0) : String($0) }.joined()
    }

    /// What a message writes out rather than repeats: everything scenario
    /// text may not hold, and tabs and line feeds (a message is one line).
    private static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        ControlCharacters.isRefused(scalar, allowingTabAndLineFeed: false)
    }
}

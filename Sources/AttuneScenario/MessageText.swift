/// Text the user gave (a key, a value, a path, a file name, a `--set`),
/// made fit to be repeated in a message.
enum MessageText {
    /// How many characters of user-given text a message repeats before it
    /// cuts the rest off with "…".
    static let echoLimit = 60

    /// `text` as a message repeats it: at most `limit` characters, the last
    /// one "…" when some were cut off. The work is bounded by `limit`, not
    /// by the length of `text`.
    static func echo(_ text: String, limit: Int = echoLimit) -> String {
        var pieces: [String] = []
        var length = 0
        for character in text {
            let piece = String(character)
            pieces.append(piece)
            length += piece.count
            if length > limit {
                while length + 1 > limit, let last = pieces.popLast() { length -= last.count }
                return pieces.joined() + "…"
            }
        }
        return pieces.joined()
    }
}

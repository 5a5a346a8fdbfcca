/// "Did you mean …?" for a misspelt key, policy, event or scenario name.
enum Suggestions {
    /// The closest of `candidates` to `word`, or `nil` when none is close
    /// enough to be a likely misspelling.
    ///
    /// Case, `-`, `_` and spaces are ignored; then the edit distance
    /// (insertions, deletions, substitutions and swaps of neighbours) must be
    /// at most 1 for short words and at most 2 for words of 5 letters or
    /// more. A word of 3 letters or more that starts a candidate also counts
    /// (`age` suggests `age_months`).
    static func closest(to word: String, in candidates: [String]) -> String? {
        let target = normalized(word)
        guard !target.isEmpty else { return nil }
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let other = normalized(candidate)
            var distance = editDistance(Array(target), Array(other))
            if target.count >= 3, other.hasPrefix(target) { distance = min(distance, 1) }
            let limit = target.count >= 5 ? 2 : 1
            guard distance <= limit else { continue }
            if best == nil || distance < best!.distance { best = (candidate, distance) }
        }
        return best?.candidate
    }

    /// Lower case, with `-`, `_` and spaces made the same.
    static func normalized(_ word: String) -> String {
        String(word.lowercased().map { $0 == "_" || $0 == " " ? "-" : $0 })
    }

    /// Optimal string alignment distance: like Levenshtein, and a swap of two
    /// neighbouring letters counts as one edit.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        // Long words are never close to the short names compared here.
        if abs(a.count - b.count) > 3 || a.count > 64 || b.count > 64 { return max(a.count, b.count) }
        var rows = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { rows[i][0] = i }
        for j in 0...b.count { rows[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, rows[i - 2][j - 2] + 1)
                }
                rows[i][j] = value
            }
        }
        return rows[a.count][b.count]
    }

    /// `a, b and c` (or `a or b` with `conjunction: "or"`), with any control
    /// character in the words made visible.
    static func list(_ words: [String], conjunction: String = "and") -> String {
        let words = words.map(MessageText.visible)
        switch words.count {
        case 0: return ""
        case 1: return words[0]
        default: return words.dropLast().joined(separator: ", ") + " \(conjunction) " + words.last!
        }
    }
}

/// The outline of an oval head `width` × `height` cells, drawn with ASCII
/// strokes: a run of `_` on top, `.-'` and `/` down to the widest rows,
/// `|` at the sides, `\` and `'.` back in, and `_` along the chin.
///
/// The curve follows an ellipse, with the steps of each half sorted so
/// that it never bulges: the outline steps out fast near the top and
/// slowly towards the middle, and back in the same way. Every row below
/// the top has exactly one stroke on each side, so the outline is closed.
struct FaceOutline {
    /// Columns.
    let width: Int
    /// Rows.
    let height: Int
    /// The drawn rows.
    private(set) var rows: [[Character]]
    /// Per row, the first and last column inside the outline (nil for the
    /// top row, which is all outline).
    private(set) var inside: [ClosedRange<Int>?]

    /// The outline of a head `width` × `height` (at least 7 × 5).
    init(width: Int, height: Int) {
        self.width = width
        self.height = height
        rows = Array(repeating: Array(repeating: " ", count: width), count: height)
        inside = Array(repeating: nil, count: height)
        let (edge, middle) = Self.leftEdges(width: width, height: height)
        let mirror: [Character: Character] = ["/": "\\", "\\": "/", ".": ".", "'": "'", "-": "-", "|": "|"]
        for row in 0..<height {
            if row == 0 {
                for column in edge[1]..<(width - edge[1]) { rows[0][column] = "_" }
                continue
            }
            let start: Int
            var stroke: [Character]
            if row < middle {
                start = edge[row + 1]
                let step = edge[row] - edge[row + 1]
                stroke = Array(step <= 0 ? "|" : step == 1 ? "/" : step == 2 ? ".'" : ".-" + String(repeating: "-", count: step - 3) + "'")
            } else if row < height - 1 {
                start = edge[row]
                let step = edge[row + 1] - edge[row]
                stroke = Array(step <= 0 ? "|" : step == 1 ? "\\" : step == 2 ? "'." : "'" + String(repeating: "-", count: step - 2) + ".")
            } else {
                start = edge[row]
                stroke = Array(edge[row] - edge[row - 1] <= 1 ? "\\" : "'.")
            }
            let rightStart = width - start - stroke.count
            for (offset, character) in stroke.enumerated() {
                rows[row][start + offset] = character
                rows[row][rightStart + offset] = mirror[stroke[stroke.count - 1 - offset]] ?? character
            }
            let first = start + stroke.count
            let last = rightStart - 1
            if row == height - 1 {
                for column in first...max(first, last) where column <= last { rows[row][column] = "_" }
            } else if first <= last {
                inside[row] = first...last
            }
        }
    }

    /// The column of the left edge at each row boundary 0...height, and the
    /// first row of the lower half.
    private static func leftEdges(width: Int, height: Int) -> (edge: [Int], middle: Int) {
        let centre = Double(width) / 2
        let across = Double(width) / 2 - 0.5
        let top = 0.6
        let bottom = Double(height) + 0.3
        let middleY = (top + bottom) / 2
        let down = (bottom - top) / 2
        func halfWidth(_ y: Double) -> Double {
            let t = (y - middleY) / down
            return abs(t) >= 1 ? 0 : across * (1 - t * t).squareRoot()
        }
        var raw = (0...height).map { Int((centre - halfWidth(Double($0)) + 0.5).rounded(.down)) }
        raw[0] = max(raw[0], raw[1])
        let middle = (0..<height).first { Double($0) + 0.5 >= middleY } ?? height / 2
        // Sort each half's steps so the curve never bulges.
        let upper = (1..<max(1, middle)).map { raw[$0] - raw[$0 + 1] }.sorted(by: >)
        let lower = (middle..<max(middle, height - 1)).map { raw[$0 + 1] - raw[$0] }.sorted()
        var edge = raw
        for (index, step) in upper.enumerated() { edge[2 + index] = edge[1 + index] - step }
        for (index, step) in lower.enumerated() { edge[middle + 1 + index] = edge[middle + index] + step }
        return (edge, middle)
    }
}

import AttuneModel

/// Draws the faces larger than the small ones: an oval head
/// (``FaceOutline``) with eyes and mouth (``EyeShape``, ``MouthShape``)
/// at the detail its size calls for.
enum FaceDrawing {
    /// Whose face.
    enum Who {
        /// The baby: a slightly smaller head (one row less) under a curl of hair.
        case infant
        /// The caregiver: the full height, with a fringe of hair.
        case caregiver
    }

    /// The row of the eyes' middle, for a face `height` rows tall.
    static func eyeRow(height: Int) -> Int { Int((Double(height) * 0.45).rounded()) }

    /// The row of the mouth's middle, for a face `height` rows tall.
    static func mouthRow(height: Int) -> Int { Int((Double(height) * 0.74).rounded()) }

    /// A face seen from the front, its eyes and mouth moved towards
    /// `looking` (-1 left, 0 straight ahead, 1 right) as far as the
    /// outline leaves room.
    static func front(size: FaceSize, who: Who, eyes: EyeShape, mouth: MouthShape, looking: Int) -> [String] {
        var canvas = head(size: size, who: who)
        let detail = size.detail
        let left = eyes.art(detail, looking: looking)
        let right = eyes.art(detail, right: true, looking: looking)
        let mouthArt = mouth.art(detail)
        let eyeWidth = left[0].count
        let mouthWidth = mouthArt[0].count
        // Eyes' centres `gap` apart, symmetric about the face's middle.
        var gap = max(eyeWidth + 1, Int((Double(size.width) * (detail == .large ? 0.32 : 0.28)).rounded()))
        if gap % 2 == 1 { gap += 1 }
        let eyeTop = eyeRow(height: size.height) - left.count / 2
        let mouthTop = mouthRow(height: size.height) - mouthArt.count / 2
        let middle = size.width / 2
        // Move the features as far towards `looking` as fits with a
        // column to spare inside the outline on every row they cover.
        func fits(_ shift: Int) -> Bool {
            let centre = middle + shift
            let eyeSpan = (centre - gap / 2 - eyeWidth / 2)...(centre + gap / 2 + eyeWidth / 2)
            let mouthSpan = (centre - mouthWidth / 2)...(centre + mouthWidth / 2)
            return canvas.encloses(eyeSpan, rows: eyeTop..<(eyeTop + left.count))
                && canvas.encloses(mouthSpan, rows: mouthTop..<(mouthTop + mouthArt.count))
        }
        var shift = Int((Double(size.width) * 0.12).rounded()) * looking
        while shift != 0 && !fits(shift) { shift -= looking }
        let centre = middle + shift
        canvas.put(left, row: eyeTop, column: centre - gap / 2 - eyeWidth / 2)
        canvas.put(right, row: eyeTop, column: centre + gap / 2 - eyeWidth / 2)
        canvas.put(mouthArt, row: mouthTop, column: centre - mouthWidth / 2)
        return canvas.lines
    }

    /// The baby turned far away: its head in profile facing left, the
    /// outline whole, one eye near the front, the nose (`<`) standing out
    /// of the outline, the mouth on the outline (`)`, `O` crying, `o` with
    /// a thumb `=` in it), and an ear towards the back.
    static func profile(size: FaceSize, eyes: EyeShape, behavior: Behavior) -> [String] {
        var canvas = head(size: size, who: .infant)
        let detail = size.detail
        let height = size.height
        // One eye, just inside the front of the head.
        let eye = eyes.art(detail)
        let eyeTop = eyeRow(height: height) - eye.count / 2
        if let inside = canvas.inside(row: eyeRow(height: height)) {
            canvas.put(eye, row: eyeTop, column: inside.lowerBound + 1)
        }
        // The nose stands out of the outline, between eye and mouth.
        let noseRow = (eyeRow(height: height) + mouthRow(height: height) + 1) / 2
        if let edge = canvas.leftEdge(row: noseRow), edge >= 1 {
            canvas[edge, noseRow] = " "
            canvas[edge - 1, noseRow] = "<"
        }
        // The mouth, on the outline.
        let mouthAt = mouthRow(height: height)
        if let edge = canvas.leftEdge(row: mouthAt) {
            switch behavior {
            case .selfSoothing:
                canvas[edge, mouthAt] = "o"
                for column in max(0, edge - (detail == .large ? 3 : 2))..<edge { canvas[column, mouthAt] = "=" }
            case .crying:
                canvas[edge, mouthAt] = "O"
            default:
                canvas[edge, mouthAt] = ")"
            }
        }
        // An ear, towards the back of the head.
        let ear: [String] =
            switch detail {
            case .fine: [")"]
            case .medium: ["-.", " )", "-'"]
            case .large: [".-.", "   )", "'-'"]
            }
        canvas.put(ear, row: height / 2 + 1 - ear.count / 2, column: size.width / 2 + size.width / 8)
        return canvas.lines
    }

    /// An empty head of `who` at `size`: the infant's with a curl of hair
    /// above it, the caregiver's with a fringe under its top.
    static func head(size: FaceSize, who: Who) -> FaceCanvas {
        var canvas = FaceCanvas(width: size.width, height: size.height)
        switch who {
        case .infant:
            canvas.draw(FaceOutline(width: size.width, height: size.height - 1), row: 1)
            canvas.put([size.detail == .large ? ",~," : "~"], row: 0, column: size.width / 2 - (size.detail == .large ? 1 : 0))
        case .caregiver:
            canvas.draw(FaceOutline(width: size.width, height: size.height), row: 0)
            if let fringe = canvas.inside(row: 1) {
                canvas.put([String(repeating: "~", count: fringe.count)], row: 1, column: fringe.lowerBound)
            }
        }
        return canvas
    }
}

/// A face being drawn: rows of characters, and what lies inside its outline.
struct FaceCanvas {
    private var rows: [[Character]]
    private var insides: [ClosedRange<Int>?]

    /// A blank canvas.
    init(width: Int, height: Int) {
        rows = Array(repeating: Array(repeating: " ", count: width), count: height)
        insides = Array(repeating: nil, count: height)
    }

    /// The canvas as lines of text.
    var lines: [String] { rows.map { String($0) } }

    /// The character at (`column`, `row`); writes outside are ignored.
    subscript(column: Int, row: Int) -> Character {
        get { rows.indices.contains(row) && rows[row].indices.contains(column) ? rows[row][column] : " " }
        set {
            guard rows.indices.contains(row), rows[row].indices.contains(column) else { return }
            rows[row][column] = newValue
        }
    }

    /// Draws `outline` with its top at `row`, and remembers its inside.
    mutating func draw(_ outline: FaceOutline, row top: Int) {
        for (index, line) in outline.rows.enumerated() where rows.indices.contains(top + index) {
            rows[top + index] = line
            insides[top + index] = outline.inside[index]
        }
    }

    /// The columns inside the outline at `row` (nil outside the head).
    func inside(row: Int) -> ClosedRange<Int>? {
        insides.indices.contains(row) ? insides[row] : nil
    }

    /// The column of the outline's left stroke at `row`.
    func leftEdge(row: Int) -> Int? {
        guard rows.indices.contains(row), inside(row: row) != nil else { return nil }
        return rows[row].firstIndex { $0 != " " }
    }

    /// True when `columns` lie inside the outline with a column to spare
    /// on each side, on every row of `rowRange`.
    func encloses(_ columns: ClosedRange<Int>, rows rowRange: Range<Int>) -> Bool {
        rowRange.allSatisfy { row in
            guard let inside = inside(row: row) else { return false }
            return columns.lowerBound > inside.lowerBound && columns.upperBound < inside.upperBound
        }
    }

    /// Writes `art` (its spaces left transparent) with its top left at
    /// (`column`, `row`).
    mutating func put(_ art: [String], row: Int, column: Int) {
        for (index, line) in art.enumerated() {
            for (offset, character) in line.enumerated() where character != " " {
                self[column + offset, row + index] = character
            }
        }
    }
}

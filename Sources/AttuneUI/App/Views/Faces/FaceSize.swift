/// The size of a drawn face, in terminal cells.
///
/// Faces come in a fixed ladder of sizes (``Faces/sizes``), from the small
/// 7 × 5 of the live screen in a small window to 47 × 29 for a projector
/// at 200 × 60. A face is about 1.6 times as wide as it is tall in cells,
/// which, with cells twice as tall as they are wide, draws it a little
/// taller than wide, as faces are.
public struct FaceSize: Hashable, Sendable, Comparable {
    /// Columns.
    public var width: Int
    /// Rows.
    public var height: Int

    /// Creates a size.
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    public static func < (lhs: FaceSize, rhs: FaceSize) -> Bool {
        (lhs.height, lhs.width) < (rhs.height, rhs.width)
    }

    /// The small, hand-drawn faces: 7 × 5.
    public static let small = FaceSize(width: 7, height: 5)

    /// How detailed the eyes and mouth are at this size: single characters
    /// up to 11 columns, eyes three columns wide up to 25, then five.
    var detail: FaceDetail {
        if width < 15 { return .fine }
        if width < 27 { return .medium }
        return .large
    }
}

/// How the eyes and mouth of a face are drawn, by its size.
enum FaceDetail: Hashable, Sendable {
    /// One character an eye, three for the mouth (the small faces).
    case fine
    /// Eyes 3 × 2, the mouth 5 × 2.
    case medium
    /// Eyes 5 × 3, the mouth 9 × 3.
    case large
}

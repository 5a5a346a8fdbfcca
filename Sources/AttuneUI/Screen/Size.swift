/// A width and height in terminal cells (columns and rows).
public struct Size: Hashable, Sendable {
    /// Columns, 0 or more.
    public var width: Int
    /// Rows, 0 or more.
    public var height: Int

    /// Creates a size; negative values are clamped to 0.
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
    }
}

/// How much of a rectangle one band takes when it is split with
/// ``Rect/rows(_:)`` or ``Rect/columns(_:)``.
///
/// Fixed and percentage bands are served first, in order, each clamped to
/// what is left; the remainder is shared among the `fill` bands in
/// proportion to their weights (leftover cells from rounding go to the
/// first fill bands). Bands that get no space have size 0.
public enum Length: Hashable, Sendable {
    /// Exactly this many cells (0 or more).
    case fixed(Int)
    /// This percentage (0-100) of the whole, rounded down.
    case percent(Int)
    /// A share of what remains, by weight (1 or more; default 1).
    case fill(Int = 1)

    /// The size of each band when `total` cells are shared among `lengths`.
    static func distribute(_ total: Int, among lengths: [Length]) -> [Int] {
        var remaining = max(0, total)
        var sizes = [Int](repeating: 0, count: lengths.count)
        for (index, length) in lengths.enumerated() {
            let wanted: Int
            switch length {
            case .fixed(let cells): wanted = max(0, cells)
            case .percent(let percent): wanted = max(0, total) * min(max(0, percent), 100) / 100
            case .fill: continue
            }
            sizes[index] = min(wanted, remaining)
            remaining -= sizes[index]
        }
        let weights = lengths.map { length -> Int in
            if case .fill(let weight) = length { return max(1, weight) }
            return 0
        }
        let totalWeight = weights.reduce(0, +)
        guard totalWeight > 0 else { return sizes }
        var handedOut = 0
        for index in lengths.indices where weights[index] > 0 {
            sizes[index] = remaining * weights[index] / totalWeight
            handedOut += sizes[index]
        }
        var leftover = remaining - handedOut
        for index in lengths.indices where weights[index] > 0 && leftover > 0 {
            sizes[index] += 1
            leftover -= 1
        }
        return sizes
    }
}

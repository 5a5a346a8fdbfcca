/// How fast simulated time runs against the wall clock, and the steps the
/// `+` and `-` keys move through.
public enum Speed {
    /// The speeds `+` and `-` step through, slowest first: 0.25× to 32×.
    public static let ladder: [Double] = [0.25, 0.5, 1, 2, 4, 8, 16, 32]

    /// The slowest speed, 0.25×.
    public static var slowest: Double { ladder[0] }
    /// The fastest speed, 32×.
    public static var fastest: Double { ladder[ladder.count - 1] }

    /// The next speed up the ladder from `factor` (the fastest stays).
    /// - Parameter factor: the current speed, 0.25...32.
    public static func faster(than factor: Double) -> Double {
        ladder.first(where: { $0 > factor + 1e-9 }) ?? fastest
    }

    /// The next speed down the ladder from `factor` (the slowest stays).
    /// - Parameter factor: the current speed, 0.25...32.
    public static func slower(than factor: Double) -> Double {
        ladder.last(where: { $0 < factor - 1e-9 }) ?? slowest
    }

    /// True when `factor` is a speed the live screen accepts (0.25...32).
    public static func isAllowed(_ factor: Double) -> Bool {
        factor.isFinite && factor >= slowest - 1e-9 && factor <= fastest + 1e-9
    }
}

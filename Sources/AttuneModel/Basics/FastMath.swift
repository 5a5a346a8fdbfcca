/// Small comparisons for the model's hot loop.
///
/// `Swift.max` and `Swift.min` are generic; inside the infant's large step
/// function the optimiser stops inlining them and calls them, which costs
/// a call for every comparison (docs/performance.md). These give the same
/// results for every number the model holds (none is NaN).
enum Fast {
    /// The larger of `a` and `b` (`b` when equal, as `Swift.max`).
    @inline(__always) static func max(_ a: Double, _ b: Double) -> Double { b >= a ? b : a }
    /// The smaller of `a` and `b` (`a` when equal, as `Swift.min`).
    @inline(__always) static func min(_ a: Double, _ b: Double) -> Double { b < a ? b : a }
}

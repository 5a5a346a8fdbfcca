/// A mean with its 95% confidence interval, over some runs.
public struct ConfidenceInterval: Sendable, Hashable {
    /// How many values went in.
    public let count: Int
    /// Their mean.
    public let mean: Double
    /// Half the interval's width: `critical × standard deviation / √count`;
    /// `nil` for a single value (no spread to estimate).
    public let halfWidth: Double?

    /// The interval's lower end, or `nil` for a single value.
    public var lower: Double? { halfWidth.map { mean - $0 } }
    /// The interval's upper end, or `nil` for a single value.
    public var upper: Double? { halfWidth.map { mean + $0 } }
}

/// Mean and variance of a stream of values, updated one value at a time
/// (Welford's method: stable, and no list of values is kept).
public struct RunningStatistics: Sendable, Hashable {
    /// How many values went in.
    public private(set) var count = 0
    /// Their mean (0 before any value).
    public private(set) var mean = 0.0
    private var sumOfSquares = 0.0

    /// Creates empty statistics.
    public init() {}

    /// Adds one value.
    public mutating func add(_ x: Double) {
        count += 1
        let delta = x - mean
        mean += delta / Double(count)
        sumOfSquares += delta * (x - mean)
    }

    /// The sample variance (divided by `count - 1`); `nil` below two values.
    public var variance: Double? { count < 2 ? nil : max(0, sumOfSquares) / Double(count - 1) }

    /// The sample standard deviation; `nil` below two values.
    public var standardDeviation: Double? { variance.map { $0.squareRoot() } }

    /// The mean and its 95% confidence interval (see
    /// ``Statistics/criticalValue95(degreesOfFreedom:)``); `nil` with no
    /// values.
    public var interval: ConfidenceInterval? {
        guard count > 0 else { return nil }
        let half = standardDeviation.map {
            Statistics.criticalValue95(degreesOfFreedom: count - 1) * $0 / Double(count).squareRoot()
        }
        return ConfidenceInterval(count: count, mean: mean, halfWidth: half)
    }
}

/// Means and 95% confidence intervals over runs.
///
/// The interval is `mean ± c × s / √n`, with `s` the sample standard
/// deviation. For up to 30 degrees of freedom (31 runs) `c` is the two-sided
/// 95% critical value of Student's t distribution with `n - 1` degrees of
/// freedom; beyond that it is the normal value, 1.96.
public enum Statistics {
    /// Two-sided 95% critical values of Student's t, for 1...30 degrees of
    /// freedom (index 0 is one degree of freedom).
    public static let tCritical95: [Double] = [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
        2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
        2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
    ]

    /// The normal two-sided 95% critical value, used beyond 30 degrees of
    /// freedom.
    public static let normalCritical95 = 1.96

    /// The critical value for `degreesOfFreedom` (≥ 1).
    public static func criticalValue95(degreesOfFreedom: Int) -> Double {
        guard degreesOfFreedom >= 1 else { return .infinity }
        return degreesOfFreedom <= tCritical95.count ? tCritical95[degreesOfFreedom - 1] : normalCritical95
    }

    /// The mean of `values`; `nil` when there are none.
    public static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }

    /// The mean of `values` and its 95% confidence interval; `nil` when
    /// there are none.
    public static func interval(_ values: [Double]) -> ConfidenceInterval? {
        var s = RunningStatistics()
        for v in values { s.add(v) }
        return s.interval
    }
}

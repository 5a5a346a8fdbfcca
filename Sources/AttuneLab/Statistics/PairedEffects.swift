import AttuneModel

/// One paired effect size: figure values of the same runs in two places
/// (two phases of one dyad, or two dyads in one phase), A against B.
public struct PairedEffect: Sendable, Hashable {
    /// The runs behind it.
    public let runs: Int
    /// The mean over runs of A, in the figure's unit.
    public let meanA: Double
    /// The mean over runs of B, in the figure's unit.
    public let meanB: Double
    /// The standard deviation over runs of A (`nil` below two runs).
    public let sdA: Double?
    /// The standard deviation over runs of B (`nil` below two runs).
    public let sdB: Double?
    /// Cohen's d_av of A against B (positive when A is larger); `nil` below
    /// two runs or when neither A nor B varies from run to run.
    public let d: Double?
    /// The 95% bootstrap interval of ``d``; `nil` when too few resamples
    /// gave a value.
    public let interval: ClosedRange<Double>?
}

/// Paired effect sizes between the places of a batch (each dyad in each
/// phase), with bootstrap intervals, kept as running sums: nothing per run
/// is stored, so memory stays flat however many runs there are.
///
/// **The effect size** is Cohen's d_av (Cumming, 2012; Lakens, 2013):
/// `d = (mean of A − mean of B) / ((s_A + s_B) / 2)`, the mean of the
/// paired differences over the mean of the two standard deviations over
/// runs. Each run gives one pair: the same baby and seed in both places.
/// Dividing by the spread of the values, not of the differences, keeps d on
/// the scale the still-face meta-analyses use (Mesman et al., 2009).
///
/// **The interval** is a percentile bootstrap over runs, resampled as a
/// Poisson bootstrap (Hanley & MacGibbon, 2006; Chamandy et al., 2012): in
/// each of ``resamples`` resamples every run counts w times, w drawn from a
/// Poisson distribution with mean 1 (from a stream seeded by the run's own
/// seed, so the interval is the same whatever the order or threads). As the
/// usual bootstrap, which draws n runs with replacement, it keeps each
/// run's values in both places together, so the pairing shows in the
/// interval; unlike it, it needs only weighted sums per resample. The 2.5th
/// and 97.5th percentiles of d over the resamples are the interval's ends.
public struct PairedEffects: Sendable {
    /// Resamples drawn for each interval.
    public static let resamples = 400
    /// The most places (dyads × phases) followed: a batch with more gives
    /// no effect sizes (its summary would be pages long anyway).
    public static let maximumPlaces = 64
    /// The fewest resamples with a value for an interval to be given.
    static let minimumResamples = 10

    /// Places followed.
    public let places: Int
    /// Figures per place.
    public let figures: Int
    /// Runs added.
    public private(set) var runs = 0
    /// Exact statistics over all runs, `[place × figures + figure]`.
    private var exact: [RunningStatistics]
    /// The first run's values, subtracted before summing (the sums stay
    /// small, so little is lost to rounding).
    private var shift: [Double] = []
    /// Per resample, the total weight of the runs.
    private var weights: [Double]
    /// Per resample, place and figure: the weighted sum of the shifted
    /// values and of their squares, `[(r × places × figures + i) × 2 + k]`.
    private var sums: [Double]

    /// Creates empty sums for `places` places of `figures` figures each
    /// (at most ``maximumPlaces`` places).
    public init(places: Int, figures: Int) {
        precondition(places <= Self.maximumPlaces, "at most \(Self.maximumPlaces) places")
        self.places = places
        self.figures = figures
        exact = Array(repeating: RunningStatistics(), count: places * figures)
        weights = Array(repeating: 0, count: Self.resamples)
        sums = Array(repeating: 0, count: Self.resamples * places * figures * 2)
    }

    /// Adds one run: `values[place × figures + figure]`, all finite, and
    /// the run's seed.
    public mutating func add(_ values: [Double], seed: UInt64) {
        let n = places * figures
        precondition(values.count == n, "one value per place and figure")
        if runs == 0 { shift = values }
        runs += 1
        for i in 0..<n { exact[i].add(values[i]) }
        var centred = [Double](repeating: 0, count: n)
        var squared = [Double](repeating: 0, count: n)
        for i in 0..<n {
            centred[i] = values[i] - shift[i]
            squared[i] = centred[i] * centred[i]
        }
        var random = RandomSource(seed: seed ^ 0x626F_6F74_7374_7270)  // "bootstrp": a stream of its own
        for r in 0..<Self.resamples {
            let w = Double(Self.poisson(&random))
            guard w > 0 else { continue }
            weights[r] += w
            let base = r * n * 2
            for i in 0..<n {
                sums[base + 2 * i] += w * centred[i]
                sums[base + 2 * i + 1] += w * squared[i]
            }
        }
    }

    /// The effect of place `a` against place `b` for figure `figure`.
    public func effect(_ a: Int, against b: Int, figure: Int) -> PairedEffect {
        let sa = exact[a * figures + figure]
        let sb = exact[b * figures + figure]
        let d = sa.standardDeviation.flatMap { sdA in
            sb.standardDeviation.flatMap { sdB in Self.dav(difference: sa.mean - sb.mean, sdA: sdA, sdB: sdB) }
        }
        return PairedEffect(
            runs: runs, meanA: sa.mean, meanB: sb.mean, sdA: sa.standardDeviation, sdB: sb.standardDeviation, d: d,
            interval: d == nil ? nil : interval(a, against: b, figure: figure))
    }

    /// d_av from the difference of the means and the two standard
    /// deviations; `nil` when both are 0.
    public static func dav(difference: Double, sdA: Double, sdB: Double) -> Double? {
        let spread = (sdA + sdB) / 2
        guard spread > 0 else { return nil }
        return difference / spread
    }

    /// The percentile interval of d over the resamples.
    private func interval(_ a: Int, against b: Int, figure: Int) -> ClosedRange<Double>? {
        let n = places * figures
        let ia = a * figures + figure
        let ib = b * figures + figure
        var ds = [Double]()
        ds.reserveCapacity(Self.resamples)
        for r in 0..<Self.resamples {
            let w = weights[r]
            guard w > 1 else { continue }
            let base = r * n * 2
            let (meanA, sdA) = Self.moments(sum: sums[base + 2 * ia], squares: sums[base + 2 * ia + 1], weight: w)
            let (meanB, sdB) = Self.moments(sum: sums[base + 2 * ib], squares: sums[base + 2 * ib + 1], weight: w)
            let difference = (shift[ia] - shift[ib]) + (meanA - meanB)
            if let d = Self.dav(difference: difference, sdA: sdA, sdB: sdB) { ds.append(d) }
        }
        guard ds.count >= Self.minimumResamples else { return nil }
        ds.sort()
        return ds[Int(Double(ds.count - 1) * 0.025)]...ds[Int(Double(ds.count - 1) * 0.975)]
    }

    /// The weighted mean and standard deviation (frequency weights, so
    /// divided by the total weight less one) from weighted sums.
    private static func moments(sum: Double, squares: Double, weight: Double) -> (mean: Double, sd: Double) {
        let mean = sum / weight
        let variance = max(0, (squares - sum * mean) / (weight - 1))
        return (mean, variance.squareRoot())
    }

    /// A Poisson deviate with mean 1 (Knuth's method: multiply uniform
    /// values until the product falls below e⁻¹).
    static func poisson(_ random: inout RandomSource) -> Int {
        let limit = 0.36787944117144233  // e^-1
        var k = 0
        var product = random.unit()
        while product > limit {
            k += 1
            product *= random.unit()
        }
        return k
    }
}

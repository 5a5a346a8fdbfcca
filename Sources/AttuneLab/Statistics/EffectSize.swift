import AttuneModel

/// Cohen's d for paired values: the same babies in two phases, or facing
/// two caregivers.
///
/// `d = mean(a − b) / ((s_a + s_b) / 2)`: the mean of the paired
/// differences over the mean of the two standard deviations (d_av;
/// Cumming, 2012; Lakens, 2013), the same formula as the batch summary's
/// effect sizes. Dividing by the spread of the values rather than of the
/// differences keeps d on the scale of the measure itself, as the
/// meta-analyses of the still face report it; the pairing still shows in
/// its interval, which is narrower than for two separate groups.
public enum EffectSize {
    /// d of `a` over `b` (positive when `a` is larger); nil with fewer than
    /// two pairs or no spread.
    public static func paired(_ a: [Double], _ b: [Double]) -> Double? {
        let n = min(a.count, b.count)
        guard n >= 2 else { return nil }
        var sa = RunningStatistics()
        var sb = RunningStatistics()
        var sd = RunningStatistics()
        for i in 0..<n {
            sa.add(a[i])
            sb.add(b[i])
            sd.add(a[i] - b[i])
        }
        guard let va = sa.variance, let vb = sb.variance else { return nil }
        let spread = (va.squareRoot() + vb.squareRoot()) / 2
        guard spread > 0 else { return nil }
        return sd.mean / spread
    }

    /// Resamples drawn for ``bootstrapInterval(_:_:)``.
    public static let resamples = 400

    /// A 95% interval for ``paired(_:_:)``: the 2.5th and 97.5th
    /// percentiles of d over ``resamples`` resamples of the pairs, drawn
    /// with a fixed seed (the same values always give the same interval).
    public static func bootstrapInterval(_ a: [Double], _ b: [Double]) -> ClosedRange<Double>? {
        let n = min(a.count, b.count)
        guard n >= 2 else { return nil }
        var random = RandomSource(seed: 0x6566_6665_6374)  // "effect"
        var ds = [Double]()
        ds.reserveCapacity(resamples)
        var ra = [Double](repeating: 0, count: n)
        var rb = [Double](repeating: 0, count: n)
        for _ in 0..<resamples {
            for i in 0..<n {
                let pick = Int(random.next() % UInt64(n))
                ra[i] = a[pick]
                rb[i] = b[pick]
            }
            if let d = paired(ra, rb) { ds.append(d) }
        }
        guard ds.count >= 10 else { return nil }
        ds.sort()
        let low = ds[Int(Double(ds.count - 1) * 0.025)]
        let high = ds[Int(Double(ds.count - 1) * 0.975)]
        return low...high
    }
}

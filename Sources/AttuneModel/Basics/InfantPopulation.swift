/// A population of infants: how much each infant parameter varies from one
/// baby to the next around a scenario's value.
///
/// Each run draws its own baby from the run's seed, before anything else
/// happens and from a stream of its own, so the same seed always gives the
/// same baby, whatever the number of dyads (every caregiver of a run meets
/// the same baby). A parameter not named here is fixed at the scenario's
/// value. docs/model.md ("A population of infants") gives the default
/// population and why.
public struct InfantPopulation: Sendable, Hashable {
    /// The standard deviation of each varying parameter, by its file key
    /// (`reactivity`), in the parameter's own unit; 0 or more.
    public var spread: [String: Double]

    /// Creates a population; an empty spread is a single baby.
    public init(spread: [String: Double] = [:]) {
        self.spread = spread
    }

    /// True when every baby is the same (nothing varies).
    public var isFixed: Bool { spread.values.allSatisfy { $0 <= 0 } }

    /// The default population: temperament varies as between ordinary
    /// infants (reactivity and soothability with a standard deviation of
    /// 0.2 on their 0–1 scales, so that about two in three babies lie
    /// within 0.2 of the scenario's value) and so does the history each
    /// brings (trust, 0.12); age stays the scenario's.
    public static let `default` = InfantPopulation(
        spread: ["reactivity": 0.2, "soothability": 0.2, "trust": 0.15, "sociability": 0.25])

    /// The most draws for one value before it is clamped into range.
    static let maximumDraws = 32

    /// One baby drawn from the population around `center`, from `seed`.
    ///
    /// Each parameter, in registry order, takes a normal deviate scaled by
    /// its spread; a value outside the parameter's range is drawn again
    /// (at most ``maximumDraws`` times, then clamped), so the population is
    /// a truncated normal. Every parameter draws its first deviate whether
    /// it varies or not, so adding a spread to one parameter does not change
    /// the babies drawn for another.
    public func draw(around center: InfantParameters, seed: UInt64) -> InfantParameters {
        guard !isFixed else { return center }
        var random = RandomSource(seed: seed ^ 0x6261_6279_2D70_6F70)  // "baby-pop": a stream of its own
        var infant = center
        for parameter in ParameterCatalog.infant {
            var deviate = random.normal()
            let sd = spread[parameter.key] ?? 0
            guard sd > 0 else { continue }
            let mean = center[keyPath: parameter.field]
            var value = mean + sd * deviate
            var draws = 1
            while !parameter.range.contains(value) && draws < Self.maximumDraws {
                deviate = random.normal()
                value = mean + sd * deviate
                draws += 1
            }
            infant[keyPath: parameter.field] = min(parameter.maximum, max(parameter.minimum, value))
        }
        return infant
    }
}

extension RandomSource {
    /// A normal deviate with mean 0 and standard deviation 1, as the sum of
    /// twelve uniform values less 6 (the Irwin–Hall approximation: no value
    /// beyond ±6, which a population of babies never needs, and nothing
    /// from outside the standard library).
    public mutating func normal() -> Double {
        var sum = 0.0
        for _ in 0..<12 { sum += unit() }
        return sum - 6
    }
}

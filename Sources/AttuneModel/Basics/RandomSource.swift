/// The run's seeded pseudo-random generator: xoshiro256** (Blackman & Vigna,
/// 2018), seeded through SplitMix64.
///
/// Attune never uses the system generator. The same seed gives the same
/// sequence on every machine and every build, which is what makes a scenario
/// plus a seed replay byte for byte. The state is a plain value: copying it
/// (for rewind, or for a second dyad) copies the stream.
public struct RandomSource: RandomNumberGenerator, Sendable, Hashable {
    @usableFromInline var s0: UInt64
    @usableFromInline var s1: UInt64
    @usableFromInline var s2: UInt64
    @usableFromInline var s3: UInt64

    /// Creates a generator from a seed.
    /// - Parameter seed: any 64-bit value; 0 is allowed.
    public init(seed: UInt64) {
        var x = seed
        func splitMix(_ x: inout UInt64) -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = splitMix(&x)
        s1 = splitMix(&x)
        s2 = splitMix(&x)
        s3 = splitMix(&x)
    }

    /// The next 64 random bits.
    @inlinable @inline(__always)
    public mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = (s3 << 45) | (s3 >> 19)
        return result
    }

    /// A uniform value in [0, 1), from the top 53 bits.
    @inlinable @inline(__always)
    public mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A value in [-1, 1), for small symmetric noise.
    @inlinable @inline(__always)
    public mutating func symmetric() -> Double {
        unit() * 2 - 1
    }

    /// True with the given probability (0...1).
    @inlinable @inline(__always)
    public mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }
}

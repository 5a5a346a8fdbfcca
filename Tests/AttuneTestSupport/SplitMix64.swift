/// A small seeded random generator for tests (SplitMix64): the same seed
/// gives the same numbers on every machine, so every fuzz case, scripted
/// player and signal moment can be run again exactly.
public struct SplitMix64: RandomNumberGenerator {
    /// The generator's state; it moves on by a fixed odd step each draw.
    public var state: UInt64

    /// A generator starting from `seed` (any value, 0 included).
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

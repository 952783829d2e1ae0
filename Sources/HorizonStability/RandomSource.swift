/// A small, fast, seedable random number generator: SplitMix64 (Steele, Lea & Flood 2014, "Fast
/// splittable pseudorandom number generators", OOPSLA; the variant Vigna publishes to seed the
/// xoshiro generators).
///
/// Every resampling in Horizon takes its generator as `inout some RandomNumberGenerator`; passing a
/// `SplitMix64` built from the user's `--seed` makes intervals reproducible run to run and across
/// platforms (the output is defined by 64-bit integer arithmetic alone).
///
/// ```swift
/// var generator = SplitMix64(seed: 42)
/// let interval = Bootstrap.percentileInterval(of: values, using: &generator) { Statistics.mean($0) }
/// ```
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable, Codable {
    /// The generator's whole state; it advances by a fixed odd constant per output.
    public private(set) var state: UInt64

    /// - Parameter seed: Any value; equal seeds give equal sequences.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    ///
    /// - Complexity: O(1), a few integer operations.
    public mutating func next() -> UInt64 {
        // The increment is 2^64 / golden ratio; the two multiply-xorshift rounds are the
        // finaliser of MurmurHash3 with Stafford's improved constants ("Mix13").
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}

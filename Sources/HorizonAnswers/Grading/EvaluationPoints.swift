/// The seeded random points at which the symbolic check evaluates both answers.
///
/// Each variable gets an exact rational `p/q` in (0, 5) with `2 ≤ q ≤ 13` and `q ∤ p`: positive
/// (so roots and logarithms stay on their real branches), never an integer (so a removable
/// singularity at a small integer is missed), and exact (so polynomial and rational answers are
/// compared with no tolerance at all).
enum EvaluationPoints {
    /// `count` assignments of values to `symbols`, the same for the same seed.
    /// - Complexity: O(count × symbols).
    static func make(symbols: [String], count: Int, seed: UInt64) -> [[String: ScalarValue]] {
        var generator = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            var point: [String: ScalarValue] = [:]
            for symbol in symbols.sorted() {
                let q = Int.random(in: 2...13, using: &generator)
                var p = Int.random(in: 1..<(5 * q), using: &generator)
                if p % q == 0 { p += 1 }
                point[symbol] = ScalarValue(BoundedRational(p, q)!)
            }
            return point
        }
    }
}

/// SplitMix64 (Steele, Lea & Flood 2014, doi:10.1145/2714064.2660195): a small, fast, seedable
/// generator, so that grading is reproducible.
struct SplitMix64: RandomNumberGenerator, Sendable {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

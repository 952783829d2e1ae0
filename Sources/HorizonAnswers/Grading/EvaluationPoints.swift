import HorizonCommon

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

/// A sum of doubles whose result does not depend on the order the terms were added in.
///
/// Floating-point addition is not associative: the same per-sample values added in another order
/// (concurrent sampling writes lines in any order) change the last digits of a curve. Here each
/// term is rounded to a multiple of 2⁻⁶⁴ and added exactly in 128-bit fixed point, and the total
/// is rounded once when read, so any order and any grouping (``add(_:)-(ExactSum)``) give the
/// same bits.
///
/// Terms of magnitude 2⁴⁰ or more count as infinite: no Branching Factor quantity comes near
/// (they are log-BFs and BFs bounded by the candidate count), only absurd input does, and the
/// bound keeps 2²³ such terms from overflowing. Infinite and NaN terms are summed apart, where
/// order does not matter either (∞ + −∞ is NaN in any order).
///
/// ```swift
/// var sum = ExactSum()
/// for value in [0.1, 0.2, 0.3] { sum.add(value) }
/// sum.value   // 0.6, the correctly rounded sum
/// ```
public struct ExactSum: Sendable, Equatable {
    /// The finite terms in units of 2⁻⁶⁴.
    var fixed: Int128 = 0
    /// The sum of the non-finite terms (0 when there were none).
    var nonFinite = 0.0

    private static let scale = 0x1p64
    private static let largestTerm = 0x1p40

    public init() {}

    /// Adds one term.
    public mutating func add(_ term: Double) {
        guard term.magnitude < Self.largestTerm else {
            nonFinite += term.isNaN ? term : (term < 0 ? -.infinity : .infinity)
            return
        }
        // Int128(Double) is generic and slow. The scaled magnitude (an integer below 2¹⁰⁴)
        // splits exactly into its multiples of 2⁶⁴ and the rest: the rest is its low bits.
        let magnitude = (term.magnitude * Self.scale).rounded()
        let high = (magnitude / Self.scale).rounded(.down)
        let fixedMagnitude = Int128(UInt64(high)) << 64 | Int128(UInt64(magnitude - high * Self.scale))
        fixed += term < 0 ? -fixedMagnitude : fixedMagnitude
    }

    /// Adds every term another sum has seen.
    public mutating func add(_ other: ExactSum) {
        fixed += other.fixed
        nonFinite += other.nonFinite
    }

    /// The sum, rounded once to the nearest double.
    public var value: Double {
        nonFinite == 0 ? Double(fixed) / Self.scale : nonFinite
    }
}

import HorizonStability

/// The interval of a difference between two independently measured values, from their own
/// bootstrap intervals.
///
/// Independent errors add in variance, so the distances from each value to its interval ends
/// combine in quadrature. Bootstrap intervals may be lopsided, so each side is combined on its
/// own: the difference `current − baseline` can be lower than measured by as much as the
/// current value's downward distance together with the baseline's upward one, and vice versa:
///
///     lower = d − √((current − current.lower)² + (baseline.upper − baseline)²)
///     upper = d + √((current.upper − current)² + (baseline − baseline.lower)²)
///
/// For symmetric intervals of half-widths h₁ and h₂ this is `d ± √(h₁² + h₂²)`. Both intervals
/// must be at the same confidence level; the result is then approximately at that level too
/// (exact for normal errors).
public enum DifferenceInterval {
    /// The combined interval of `current − baseline`.
    ///
    /// ```swift
    /// // 1.0 ± 0.03 against 1.2 ± 0.04: the difference is 0.2 ± 0.05.
    /// DifferenceInterval.of(baseline: 1.0, baselineCI: .init(lower: 0.97, upper: 1.03),
    ///                       current: 1.2, currentCI: .init(lower: 1.16, upper: 1.24))
    /// // [0.15, 0.25]
    /// ```
    ///
    /// - Parameters:
    ///   - baseline: the baseline's point value.
    ///   - baselineCI: its bootstrap interval.
    ///   - current: the current point value.
    ///   - currentCI: its bootstrap interval.
    /// - Returns: an interval that always contains `current − baseline`.
    /// - Complexity: O(1).
    ///
    /// Edge cases: a point value outside its own interval contributes distance 0 on the side it
    /// overshoots; zero-width intervals give the point difference as both ends.
    public static func of(
        baseline: Double, baselineCI: ConfidenceInterval, current: Double, currentCI: ConfidenceInterval
    ) -> ConfidenceInterval {
        let difference = current - baseline
        let currentDown = max(0, current - currentCI.lower)
        let currentUp = max(0, currentCI.upper - current)
        let baselineDown = max(0, baseline - baselineCI.lower)
        let baselineUp = max(0, baselineCI.upper - baseline)
        return ConfidenceInterval(
            lower: difference - (currentDown * currentDown + baselineUp * baselineUp).squareRoot(),
            upper: difference + (currentUp * currentUp + baselineDown * baselineDown).squareRoot())
    }
}

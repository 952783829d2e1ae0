import Foundation

/// "Nice" axis steps and ticks: multiples of 1, 2 or 5 times a power of ten, so tick labels are
/// short round numbers (after Heckbert, "Nice numbers for graph labels", Graphics Gems, 1990).
enum NiceNumbers {
    /// The nice step that splits `span` into about `targetCount - 1` intervals.
    ///
    /// `step(span: 100, targetCount: 6)` is 20; `step(span: 0.4, targetCount: 5)` is 0.1.
    /// - Parameters:
    ///   - span: A positive, finite width.
    ///   - targetCount: The wished-for number of ticks (≥ 2).
    /// - Returns: 1, 2 or 5 times a power of ten, the one nearest the raw step.
    /// - Complexity: O(1).
    static func step(span: Double, targetCount: Int) -> Double {
        let raw = span / Double(max(targetCount - 1, 1))
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        let fraction = raw / magnitude
        let nice: Double = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
        return nice * magnitude
    }

    /// The multiples of `step` from `lower` to `upper`, ends included (up to rounding noise).
    ///
    /// - Complexity: O((upper − lower) / step).
    static func multiples(of step: Double, from lower: Double, to upper: Double) -> [Double] {
        let first = snapped(lower / step).rounded(.up)
        let last = snapped(upper / step).rounded(.down)
        guard first <= last else { return [] }
        return stride(from: first, through: last, by: 1).map { $0 * step }
    }

    /// `lower` and `upper` widened outward to multiples of `step`.
    static func widened(lower: Double, upper: Double, step: Double) -> (lower: Double, upper: Double) {
        (snapped(lower / step).rounded(.down) * step, snapped(upper / step).rounded(.up) * step)
    }

    /// Digits after the point needed to print multiples of `step` exactly (0 for steps ≥ 1).
    static func decimals(forStep step: Double) -> Int {
        max(0, -Int(log10(step).rounded(.down)))
    }

    /// Digits after the point needed to print `value`, a 1-2-5 tick on a logarithmic axis.
    static func decimals(forLogTick value: Double) -> Int {
        max(0, -Int((log10(value) + 1e-9).rounded(.down)))
    }

    /// The numbers 1, 2 and 5 times a power of ten, ascending, that cover `lower...upper` with
    /// one more on each side.
    ///
    /// - Precondition: `0 < lower <= upper`, both finite.
    /// - Complexity: O(log10(upper / lower)).
    static func oneTwoFive(covering lower: Double, _ upper: Double) -> [Double] {
        let first = Int(log10(lower).rounded(.down)) - 1
        let last = Int(log10(upper).rounded(.up)) + 1
        return (first...last).flatMap { exponent in
            [1.0, 2, 5].map { $0 * pow(10, Double(exponent)) }
        }
    }

    /// A quotient within 1e-9 of an integer, made that integer, so `0.3 / 0.1` counts as 3.
    private static func snapped(_ quotient: Double) -> Double {
        let nearest = quotient.rounded()
        return abs(quotient - nearest) < 1e-9 ? nearest : quotient
    }
}

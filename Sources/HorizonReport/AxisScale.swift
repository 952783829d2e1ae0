import HorizonCommon
import Foundation

/// One axis of a chart after fitting it to the data: its domain, its ticks and the mapping from
/// data values to a position along the axis.
struct AxisScale: Sendable, Equatable {
    var scale: LineChart.Scale
    var lower: Double
    var upper: Double
    var ticks: [Double]
    var tickLabels: [String]

    /// About this many ticks are placed on a linear axis.
    static let targetTickCount = 5

    /// Whether `value` can be placed on this axis (finite, and positive on a log axis).
    func canPlace(_ value: Double) -> Bool {
        value.isFinite && (scale == .linear || value > 0)
    }

    /// Where `value` lies between the ends of the axis: 0 at `lower`, 1 at `upper` (outside
    /// `0...1` for values beyond a fixed range). On a log axis the position is linear in log10.
    ///
    /// - Precondition: `canPlace(value)`.
    func fraction(of value: Double) -> Double {
        switch scale {
        case .linear: return (value - lower) / (upper - lower)
        case .logarithmic: return (log10(value) - log10(lower)) / (log10(upper) - log10(lower))
        }
    }

    /// Fits an axis to data values.
    ///
    /// Without a fixed range the domain is widened to nice tick values around the data; a
    /// constant value gets ±10% (or ±1 around zero) so the line sits mid-axis; no values give
    /// `0...1` (linear) or `1...10` (log). On a log axis the ticks are 1-2-5 multiples of powers of
    /// ten, or linear nice ticks when the data span less than two of those. With
    /// `axis.integerTicks`, linear steps are at least 1.
    /// - Parameters:
    ///   - values: Data values; those that cannot be placed (NaN, ±inf, ≤ 0 on a log axis) are
    ///     ignored.
    ///   - axis: The axis description (scale and optional fixed range).
    /// - Returns: The fitted axis.
    /// - Complexity: O(n) in the number of values.
    static func fitting(_ values: [Double], axis: LineChart.Axis) -> AxisScale {
        let minimumStep = axis.integerTicks ? 1.0 : 0
        let placeable = values.filter { $0.isFinite && (axis.scale == .linear || $0 > 0) }
        if let range = axis.range, range.lowerBound.isFinite, range.upperBound.isFinite,
           range.lowerBound < range.upperBound, axis.scale == .linear || range.lowerBound > 0 {
            return fixed(lower: range.lowerBound, upper: range.upperBound, scale: axis.scale, minimumStep: minimumStep)
        }
        guard var low = placeable.min(), var high = placeable.max() else {
            return axis.scale == .linear
                ? fixed(lower: 0, upper: 1, scale: .linear, minimumStep: minimumStep)
                : fixed(lower: 1, upper: 10, scale: .logarithmic, minimumStep: minimumStep)
        }
        switch axis.scale {
        case .linear:
            if high - low <= 1e-12 * max(1, abs(low)) {
                let margin = low == 0 ? 1 : abs(low) * 0.1
                low -= margin
                high += margin
            }
            return linear(low: low, high: high, minimumStep: minimumStep)
        case .logarithmic:
            if high / low < 1 + 1e-9 {
                low /= 1.25
                high *= 1.25
            }
            return logarithmic(low: low, high: high, minimumStep: minimumStep)
        }
    }

    /// A linear axis widened to nice ticks around `low...high`.
    private static func linear(low: Double, high: Double, minimumStep: Double) -> AxisScale {
        let step = max(NiceNumbers.step(span: high - low, targetCount: targetTickCount), minimumStep)
        let (lower, upper) = NiceNumbers.widened(lower: low, upper: high, step: step)
        return linearTicks(lower: lower, upper: upper, scale: .linear, step: step)
    }

    /// A log axis around `low...high` (both positive).
    private static func logarithmic(low: Double, high: Double, minimumStep: Double) -> AxisScale {
        let candidates = NiceNumbers.oneTwoFive(covering: low, high)
        guard candidates.filter({ low <= $0 && $0 <= high }).count >= 2 else {
            // Too narrow for 1-2-5 ticks (say 1.1 to 1.5): nice linear ticks, placed on the log axis.
            let step = max(NiceNumbers.step(span: high - low, targetCount: targetTickCount), minimumStep)
            var (lower, upper) = NiceNumbers.widened(lower: low, upper: high, step: step)
            if lower <= 0 { lower = low }
            return linearTicks(lower: lower, upper: upper, scale: .logarithmic, step: step)
        }
        let lower = candidates.last { $0 <= low * (1 + 1e-12) } ?? low
        let upper = candidates.first { $0 >= high * (1 - 1e-12) } ?? high
        let axis = logTicks(lower: lower, upper: upper, candidates: candidates)
        guard axis.ticks.count > 9 else { return axis }
        // Many decades: whole decades, ticked at powers of ten only.
        let decades = (lower: pow(10, log10(low).rounded(.down)), upper: pow(10, log10(high).rounded(.up)))
        let powers = candidates.filter { abs(log10($0) - log10($0).rounded()) < 1e-9 }
        return logTicks(lower: decades.lower, upper: decades.upper, candidates: powers)
    }

    /// An axis over exactly `lower...upper`, ticked inside it.
    private static func fixed(lower: Double, upper: Double, scale: LineChart.Scale, minimumStep: Double) -> AxisScale {
        if scale == .logarithmic {
            let axis = logTicks(lower: lower, upper: upper, candidates: NiceNumbers.oneTwoFive(covering: lower, upper))
            if axis.ticks.count >= 2 { return axis }
        }
        let step = max(NiceNumbers.step(span: upper - lower, targetCount: targetTickCount), minimumStep)
        return linearTicks(lower: lower, upper: upper, scale: scale, step: step)
    }

    /// A log axis over `lower...upper` ticked at the candidates inside it.
    private static func logTicks(lower: Double, upper: Double, candidates: [Double]) -> AxisScale {
        let ticks = candidates.filter { lower <= $0 * (1 + 1e-12) && $0 <= upper * (1 + 1e-12) }
        return AxisScale(
            scale: .logarithmic, lower: lower, upper: upper, ticks: ticks,
            tickLabels: ticks.map { NumberFormat.fixed($0, decimals: NiceNumbers.decimals(forLogTick: $0)) }
        )
    }

    /// Ticks at the multiples of `step` inside `lower...upper`, on an axis of the given scale.
    private static func linearTicks(lower: Double, upper: Double, scale: LineChart.Scale, step: Double) -> AxisScale {
        let ticks = NiceNumbers.multiples(of: step, from: lower, to: upper)
        let decimals = NiceNumbers.decimals(forStep: step)
        return AxisScale(
            scale: scale, lower: lower, upper: upper, ticks: ticks,
            tickLabels: ticks.map { NumberFormat.fixed($0, decimals: decimals) }
        )
    }
}

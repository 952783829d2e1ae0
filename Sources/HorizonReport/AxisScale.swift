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
    /// ten, or linear nice ticks when the data span less than two of those.
    /// - Parameters:
    ///   - values: Data values; those that cannot be placed (NaN, ±inf, ≤ 0 on a log axis) are
    ///     ignored.
    ///   - axis: The axis description (scale and optional fixed range).
    /// - Returns: The fitted axis.
    /// - Complexity: O(n) in the number of values.
    static func fitting(_ values: [Double], axis: LineChart.Axis) -> AxisScale {
        let placeable = values.filter { $0.isFinite && (axis.scale == .linear || $0 > 0) }
        if let range = axis.range, range.lowerBound.isFinite, range.upperBound.isFinite,
           range.lowerBound < range.upperBound, axis.scale == .linear || range.lowerBound > 0 {
            return fixed(lower: range.lowerBound, upper: range.upperBound, scale: axis.scale)
        }
        guard var low = placeable.min(), var high = placeable.max() else {
            return axis.scale == .linear ? fixed(lower: 0, upper: 1, scale: .linear) : fixed(lower: 1, upper: 10, scale: .logarithmic)
        }
        switch axis.scale {
        case .linear:
            if high - low <= 1e-12 * max(1, abs(low)) {
                let margin = low == 0 ? 1 : abs(low) * 0.1
                low -= margin
                high += margin
            }
            return linear(low: low, high: high)
        case .logarithmic:
            if high / low < 1 + 1e-9 {
                low /= 1.25
                high *= 1.25
            }
            return logarithmic(low: low, high: high)
        }
    }

    /// A linear axis widened to nice ticks around `low...high`.
    private static func linear(low: Double, high: Double) -> AxisScale {
        let step = NiceNumbers.step(span: high - low, targetCount: targetTickCount)
        let (lower, upper) = NiceNumbers.widened(lower: low, upper: high, step: step)
        return linearTicks(lower: lower, upper: upper, scale: .linear)
    }

    /// A log axis around `low...high` (both positive).
    private static func logarithmic(low: Double, high: Double) -> AxisScale {
        let candidates = NiceNumbers.oneTwoFive(covering: low, high)
        let inside = candidates.filter { low <= $0 && $0 <= high }
        guard inside.count >= 2 else {
            // Too narrow for 1-2-5 ticks (say 1.1 to 1.5): nice linear ticks, placed on the log axis.
            let step = NiceNumbers.step(span: high - low, targetCount: targetTickCount)
            var (lower, upper) = NiceNumbers.widened(lower: low, upper: high, step: step)
            if lower <= 0 { lower = low }
            return linearTicks(lower: lower, upper: upper, scale: .logarithmic)
        }
        var lower = candidates.last { $0 <= low * (1 + 1e-12) } ?? low
        var upper = candidates.first { $0 >= high * (1 - 1e-12) } ?? high
        var ticks = candidates.filter { lower <= $0 * (1 + 1e-12) && $0 <= upper * (1 + 1e-12) }
        if ticks.count > 9 {
            // Many decades: powers of ten only.
            lower = pow(10, log10(low).rounded(.down))
            upper = pow(10, log10(high).rounded(.up))
            ticks = ticks.filter { tick in
                let exponent = log10(tick)
                return abs(exponent - exponent.rounded()) < 1e-9
            }
        }
        return AxisScale(
            scale: .logarithmic, lower: lower, upper: upper, ticks: ticks,
            tickLabels: ticks.map { NumberFormat.fixed($0, decimals: NiceNumbers.decimals(forLogTick: $0)) }
        )
    }

    /// An axis over exactly `lower...upper`, ticked inside it.
    private static func fixed(lower: Double, upper: Double, scale: LineChart.Scale) -> AxisScale {
        if scale == .logarithmic {
            let ticks = NiceNumbers.oneTwoFive(covering: lower, upper)
                .filter { lower <= $0 * (1 + 1e-12) && $0 <= upper * (1 + 1e-12) }
            if ticks.count >= 2 {
                return AxisScale(
                    scale: scale, lower: lower, upper: upper, ticks: ticks,
                    tickLabels: ticks.map { NumberFormat.fixed($0, decimals: NiceNumbers.decimals(forLogTick: $0)) }
                )
            }
        }
        return linearTicks(lower: lower, upper: upper, scale: scale)
    }

    /// Linear nice ticks inside `lower...upper`, on an axis of the given scale.
    private static func linearTicks(lower: Double, upper: Double, scale: LineChart.Scale) -> AxisScale {
        let step = NiceNumbers.step(span: upper - lower, targetCount: targetTickCount)
        let ticks = NiceNumbers.multiples(of: step, from: lower, to: upper)
        let decimals = NiceNumbers.decimals(forStep: step)
        return AxisScale(
            scale: scale, lower: lower, upper: upper, ticks: ticks,
            tickLabels: ticks.map { NumberFormat.fixed($0, decimals: decimals) }
        )
    }
}

import HorizonCommon
import HorizonStability

extension NumberFormat {
    /// A value followed by its interval in the same format: `1.234 [1.100, 1.400]`.
    ///
    /// - Parameters:
    ///   - value: The point estimate; `nil` gives ``unavailable`` (the interval is then dropped).
    ///   - interval: The interval, or `nil` to print the value alone.
    ///   - format: How to print each number (for example ``bf(_:)`` or ``percent(_:)``).
    public static func withInterval(
        _ value: Double?, _ interval: ConfidenceInterval?, format: (Double?) -> String
    ) -> String {
        guard let value else { return unavailable }
        guard let interval else { return format(value) }
        return "\(format(value)) \(self.interval(lower: interval.lower, upper: interval.upper, format: format))"
    }
}

extension NumberFormat {
    /// An interval as `[1.200, 1.300]`, 3 decimals unless `format` says otherwise.
    public static func interval(_ interval: ConfidenceInterval, format: (Double?) -> String = decimal) -> String {
        self.interval(lower: interval.lower, upper: interval.upper, format: format)
    }
}

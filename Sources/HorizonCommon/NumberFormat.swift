import Foundation

/// The number formats of everything Horizon prints (report, gate, command line), so one value
/// always reads the same way.
///
/// Formatting is done by hand instead of with `String(format:)` or `NumberFormatter` so the output
/// never depends on the locale or platform: the same value gives the same bytes everywhere.
///
/// | quantity | format | example |
/// |---|---|---|
/// | Branching Factor, entropy (nats), correlation | 3 decimals | `1.234` |
/// | share (accuracy, agreement, mass) | percent, 1 decimal | `83.3%` |
/// | percentage points | 1 decimal | `+2.5 pp` |
/// | ratio | 1 decimal | `2.1×` |
/// | change | signed, 3 decimals or percent | `+0.250`, `-20.0%` |
/// | a value a person typed | shortest, ≤ 10 significant digits | `2.5` |
/// | length (tokens, characters) | integer, or 1 decimal when fractional | `412`, `412.5` |
///
/// Missing and non-finite values print as `n/a`.
public enum NumberFormat {
    /// The text printed for a value that is absent or not a finite number.
    public static let unavailable = "n/a"

    /// Formats `value` with exactly `decimals` digits after the point, rounding half away from zero.
    ///
    /// `fixed(1.23456, decimals: 3)` is `"1.235"`; `fixed(-0.0001, decimals: 2)` is `"0.00"` (no
    /// negative zero).
    /// - Parameters:
    ///   - value: The number; non-finite values give ``unavailable``.
    ///   - decimals: Digits after the decimal point, `0...15`.
    /// - Returns: ASCII digits with an optional leading `-` and a `.` separator.
    /// - Complexity: O(number of digits).
    public static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return unavailable }
        let places = min(max(decimals, 0), 15)
        let scaled = (abs(value) * pow(10, Double(places))).rounded()
        // Beyond 2^53 integers are no longer exact; such magnitudes never occur in a report.
        guard scaled < 9.0e15 else { return String(describing: value) }
        let digits = String(Int64(scaled))
        let padded = String(repeating: "0", count: max(0, places + 1 - digits.count)) + digits
        let sign = value < 0 && scaled != 0 ? "-" : ""
        guard places > 0 else { return sign + padded }
        return sign + padded.dropLast(places) + "." + padded.suffix(places)
    }

    /// A Branching Factor (an effective number of next tokens) with 3 decimals: `1.234`.
    public static func bf(_ value: Double?) -> String {
        value.map { fixed($0, decimals: 3) } ?? unavailable
    }

    /// A real number shown with 3 decimals (entropies in nats, rank correlations).
    public static func decimal(_ value: Double?) -> String {
        value.map { fixed($0, decimals: 3) } ?? unavailable
    }

    /// A share in `[0, 1]` as a percentage with 1 decimal: `0.8333` → `83.3%`.
    ///
    /// A positive share too small to show (below 0.05%) prints as `<0.1%`, so "some" never reads
    /// as "none".
    public static func percent(_ share: Double?) -> String {
        guard let share, share.isFinite else { return unavailable }
        let text = fixed(share * 100, decimals: 1)
        if share > 0 && text == "0.0" { return "<0.1%" }
        return text + "%"
    }

    /// A difference of two shares in percentage points, signed: `0.2` → `+20.0 pp`.
    public static func percentagePoints(_ difference: Double?) -> String {
        guard let difference, difference.isFinite else { return unavailable }
        let text = fixed(difference * 100, decimals: 1)
        return (text.hasPrefix("-") || text == "0.0" ? "" : "+") + text + " pp"
    }

    /// A ratio with 1 decimal and a times sign: `2.1×`.
    public static func ratio(_ value: Double?) -> String {
        value.map { fixed($0, decimals: 1) + "×" } ?? unavailable
    }

    /// A length in tokens or characters: an integer when whole, else 1 decimal.
    public static func length(_ value: Double?) -> String {
        guard let value, value.isFinite else { return unavailable }
        let whole = fixed(value, decimals: 0)
        return Double(whole) == value ? whole : fixed(value, decimals: 1)
    }

    /// A confidence level (`0.95`) as a short percentage: `95%`, `99.5%`.
    public static func level(_ confidence: Double) -> String {
        let oneDecimal = fixed(confidence * 100, decimals: 1)
        return (oneDecimal.hasSuffix(".0") ? String(oneDecimal.dropLast(2)) : oneDecimal) + "%"
    }

    /// A signed value with 3 decimals: `+0.250`, `-0.010`, `0.000`.
    public static func signed(_ value: Double?) -> String {
        guard let value, value.isFinite else { return unavailable }
        let text = fixed(value, decimals: 3)
        return text.hasPrefix("-") || text == "0.000" ? text : "+" + text
    }

    /// A relative change as a signed percentage with 1 decimal: `0.2` → `+20.0%`.
    public static func signedPercent(_ share: Double?) -> String {
        guard let share, share.isFinite else { return unavailable }
        let text = fixed(share * 100, decimals: 1)
        return (text.hasPrefix("-") || text == "0.0" ? "" : "+") + text + "%"
    }

    /// A value a person typed (a threshold, a confidence level, a probe length) in its shortest
    /// form up to 10 significant digits: `10`, `0.02`, `2.5`. Ten digits keep what was typed and
    /// drop binary rounding noise (0.025 × 100 → `2.5`).
    /// Non-finite values print as `nan`, `inf`, `-inf`: here they are the mistake being reported.
    public static func compact(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        guard value != 0 else { return "0" }
        let exponent = Int(log10(abs(value)).rounded(.down))
        guard exponent < 15 && exponent > -6 else { return String(describing: value) }
        var text = fixed(value, decimals: max(0, 9 - exponent))
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    /// An interval in one format: `[1.100, 1.400]`.
    public static func interval(lower: Double, upper: Double, format: (Double?) -> String = bf) -> String {
        "[\(format(lower)), \(format(upper))]"
    }

    /// A duration for a progress line, to the second: `45s`, `4m12s`, `2h05m`.
    public static func duration(seconds: Double) -> String {
        guard seconds.isFinite else { return unavailable }
        let total = Int(max(seconds, 0).rounded())
        let (hours, minutes, remainder) = (total / 3600, total / 60 % 60, total % 60)
        func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        if hours > 0 { return "\(hours)h\(twoDigits(minutes))m" }
        if minutes > 0 { return "\(minutes)m\(twoDigits(remainder))s" }
        return "\(remainder)s"
    }

    /// A size in decimal units: `512 B`, `1.5 kB`, `12.3 MB`, `1.25 GB`.
    public static func bytes(_ count: Int) -> String {
        let value = Double(count)
        if value >= 1e9 { return fixed(value / 1e9, decimals: 2) + " GB" }
        if value >= 1e6 { return fixed(value / 1e6, decimals: 1) + " MB" }
        if value >= 1e3 { return fixed(value / 1e3, decimals: 1) + " kB" }
        return "\(count) B"
    }
}

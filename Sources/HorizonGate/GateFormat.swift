import Foundation
import HorizonStability

/// Number formatting shared by the Markdown, JUnit and explanation texts, so one value reads
/// the same everywhere.
enum GateFormat {
    /// A value with three decimals: `1.250`.
    static func value(_ x: Double) -> String { String(format: "%.3f", x) }

    /// A change with its sign: `+0.250`, `-0.010`.
    static func signed(_ x: Double) -> String { String(format: "%+.3f", x) }

    /// A fraction as a signed percentage with one decimal: `+20.0%`.
    static func signedPercent(_ fraction: Double) -> String { String(format: "%+.1f%%", fraction * 100) }

    /// The shortest form up to ten significant digits, for thresholds and ids: `10`, `0.02`, `2.5`.
    /// Ten digits keep what a user typed and drop binary rounding noise (0.025 × 100 → `2.5`).
    static func compact(_ x: Double) -> String { String(format: "%.10g", x) }

    /// An interval as `[1.200, 1.300]`.
    static func interval(_ ci: ConfidenceInterval) -> String { "[\(value(ci.lower)), \(value(ci.upper))]" }
}

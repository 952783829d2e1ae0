import HorizonCommon

/// How `horizon check` decides that a change is a regression (`--rule`).
///
/// Two tests are available per metric: the *threshold* test (the change in the worse direction
/// is larger than the metric's limit) and the *interval* test (the combined interval of the
/// difference, see ``DifferenceInterval``, excludes 0 on the worse side).
public enum GateRule: String, Codable, Sendable, CaseIterable {
    /// Flag when the change exceeds the threshold, however noisy the numbers are.
    case thresholdOnly = "threshold-only"
    /// Flag when the difference is statistically clear, however small it is.
    case intervalOnly = "interval-only"
    /// Flag only when both tests fire: a change big enough to matter and too big to be noise.
    /// The default.
    case both

    /// One sentence saying when this rule flags a metric, for summaries.
    /// - Parameter confidence: the bootstrap intervals' confidence level (0.95 for 95%).
    func sentence(confidence: Double) -> String {
        let interval = "the \(NumberFormat.compact(confidence * 100))% interval of the difference excludes 0"
        switch self {
        case .thresholdOnly: return "a metric regresses when its change in the worse direction is beyond its limit"
        case .intervalOnly: return "a metric regresses when \(interval) on the worse side"
        case .both:
            return "a metric regresses only when its change in the worse direction is beyond its limit "
                + "**and** \(interval)"
        }
    }
}

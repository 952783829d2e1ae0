import HorizonCommon
import HorizonStability

/// One row of a check: a held metric, its current value, the two tests, and the verdict.
///
/// The *threshold test* fires when `|current − baseline|` is beyond the threshold's allowed
/// change (a change equal to the limit, up to rounding of 1e-9 relative, is not beyond it).
/// The *interval test* fires when the ``DifferenceInterval`` excludes 0. Which of them must fire
/// is the applied ``rule``; when the change is in the worse direction the row is a regression,
/// in the better one an improvement. A metric without an interval on either side is judged by
/// the threshold test alone, and its ``rule`` says `threshold-only`.
public struct MetricComparison: Codable, Sendable, Equatable {
    public enum Verdict: String, Codable, Sendable, CaseIterable {
        /// No change the rule counts.
        case pass
        /// A change the rule counts, in the better direction.
        case improved
        /// A change the rule counts, in the worse direction.
        case regression
        /// The analysis has no value for the metric (only with `--allow-missing`).
        case skipped
    }

    public var id: String
    public var label: String
    public var family: MetricFamily
    public var worseWhen: ChangeDirection
    public var baseline: Double
    public var baselineCI: ConfidenceInterval?
    /// `nil` when skipped.
    public var current: Double?
    public var currentCI: ConfidenceInterval?
    /// `current − baseline`.
    public var change: Double?
    /// `change / |baseline|`; `nil` when the baseline is 0 or the row is skipped.
    public var relativeChange: Double?
    /// The combined interval of `change`, when both sides have intervals.
    public var differenceCI: ConfidenceInterval?
    public var threshold: Threshold
    /// The option that sets ``threshold``.
    public var thresholdOption: String
    /// The threshold in the metric's unit at this baseline value.
    public var allowedChange: Double
    /// Whether the change is beyond ``allowedChange`` (either direction); `nil` when skipped.
    public var beyondThreshold: Bool?
    /// Whether ``differenceCI`` excludes 0; `nil` without intervals or when skipped.
    public var intervalExcludesZero: Bool?
    /// The rule the verdict came from: the requested one, or `threshold-only` without intervals.
    public var rule: GateRule
    public var verdict: Verdict
    /// One sentence saying what changed, by how much, and which test decided.
    public var explanation: String

    enum CodingKeys: String, CodingKey {
        case id, label, family, worseWhen = "worse_when", baseline, baselineCI = "baseline_ci", current
        case currentCI = "current_ci", change, relativeChange = "relative_change", differenceCI = "difference_ci"
        case threshold, thresholdOption = "threshold_option", allowedChange = "allowed_change"
        case beyondThreshold = "beyond_threshold", intervalExcludesZero = "interval_excludes_zero"
        case rule, verdict, explanation
    }

    /// Compares one held metric with its current value.
    ///
    /// - Parameters:
    ///   - held: the baseline's metric.
    ///   - current: the analysis's metric of the same id, or `nil` when it has none (skipped).
    ///   - threshold: the limit for the metric's family.
    ///   - rule: the requested rule.
    /// - Complexity: O(1).
    public init(held: GateMetric, current: GateMetric?, threshold: Threshold, rule: GateRule) {
        id = held.id
        label = held.label
        family = held.family
        worseWhen = held.family.worseWhen
        baseline = held.value
        baselineCI = held.ci
        self.threshold = threshold
        thresholdOption = held.family.thresholdOption
        allowedChange = threshold.allowedChange(from: held.value)

        guard let current else {
            self.rule = rule
            verdict = .skipped
            explanation = "missing from the current analysis"
            return
        }
        self.current = current.value
        currentCI = current.ci
        let change = current.value - held.value
        self.change = change
        relativeChange = held.value == 0 ? nil : change / abs(held.value)

        let rounding = 1e-9 * max(1, abs(held.value))
        let beyond = abs(change) > allowedChange + rounding
        beyondThreshold = beyond
        if let heldCI = held.ci, let currentCI = current.ci {
            let interval = DifferenceInterval.of(
                baseline: held.value, baselineCI: heldCI, current: current.value, currentCI: currentCI)
            differenceCI = interval
            intervalExcludesZero = interval.lower > 0 || interval.upper < 0
            self.rule = rule
        } else {
            self.rule = .thresholdOnly
        }

        let counted: Bool
        switch self.rule {
        case .thresholdOnly: counted = beyond
        case .intervalOnly: counted = intervalExcludesZero ?? false
        case .both: counted = beyond && (intervalExcludesZero ?? false)
        }
        if counted {
            verdict = worseWhen.worsening(change) > 0 ? .regression : .improved
        } else {
            verdict = .pass
        }
        // The sentence reads the finished row, so it is written last.
        explanation = ""
        explanation = explain(requestedRule: rule)
    }

    /// "rose 0.250 (+20.0%): beyond the 10% limit, and the difference interval [0.150, 0.350]
    /// excludes 0" and the like.
    private func explain(requestedRule: GateRule) -> String {
        guard let change else { return "missing from the current analysis" }
        var movement: String
        if change == 0 {
            movement = "unchanged"
        } else {
            movement = (change > 0 ? "rose " : "fell ") + NumberFormat.decimal(abs(change))
            if let relativeChange { movement += " (\(NumberFormat.signedPercent(relativeChange)))" }
        }
        let limit = "the \(threshold) limit (\(thresholdOption))"
        let thresholdPart = beyondThreshold == true ? "beyond \(limit)" : "within \(limit)"
        let intervalPart = differenceCI.map { interval in
            let verb = intervalExcludesZero == true ? "excludes" : "includes"
            return "the difference interval \(NumberFormat.interval(interval)) \(verb) 0"
        }
        var parts: [String]
        switch rule {
        case .thresholdOnly:
            parts = [thresholdPart]
            if requestedRule != .thresholdOnly { parts.append("no interval on both sides, so the threshold alone decides") }
        case .intervalOnly:
            parts = [intervalPart ?? ""]
        case .both:
            let bothFired = beyondThreshold == true && intervalExcludesZero == true
            let joiner = bothFired || beyondThreshold != true ? "and" : "but"
            parts = [thresholdPart + ", \(joiner) " + (intervalPart ?? "")]
            if beyondThreshold == true && intervalExcludesZero != true { parts.append("within noise") }
        }
        return movement + ": " + parts.joined(separator: "; ")
    }
}

import HorizonCommon
import HorizonStability

extension MetricFamily {
    /// Why `value` cannot be a value of this family, or `nil` when it can: every value is finite;
    /// a Branching Factor is at least 1 (an effective number of next tokens), accuracy, agreement
    /// and maj@k are shares in [0, 1], an answer entropy is not negative.
    ///
    /// BF may fall short of 1 by 1e-9, the rounding of `exp` of an entropy summed to about 0.
    /// - Complexity: O(1).
    func rangeViolation(_ value: Double) -> String? {
        guard value.isFinite else { return "it must be a finite number" }
        switch self {
        case .bf:
            return value >= 1 - 1e-9 ? nil : "a Branching Factor is at least 1"
        case .accuracy, .agreement, .maj:
            return (0...1).contains(value) ? nil : "a share lies in [0, 1]"
        case .answerEntropy:
            return value >= 0 ? nil : "an entropy is not negative"
        }
    }

    /// Why a value or its interval cannot belong to this family, naming `path` (the JSON path of
    /// the value; the interval's is `path` + `_ci`, or `ciPath` when given), or `nil`.
    /// - Complexity: O(1).
    func violation(value: Double, ci: ConfidenceInterval?, path: String, ciPath: String? = nil) -> String? {
        if let why = rangeViolation(value) {
            return "\(path) is \(NumberFormat.compact(value)); \(why)"
        }
        guard let ci else { return nil }
        let ciPath = ciPath ?? path + "_ci"
        for end in [ci.lower, ci.upper] {
            if let why = rangeViolation(end) {
                return "\(ciPath) [\(NumberFormat.compact(ci.lower)), \(NumberFormat.compact(ci.upper))] "
                    + "has the end \(NumberFormat.compact(end)); \(why)"
            }
        }
        if ci.lower > ci.upper {
            return "\(ciPath) [\(NumberFormat.compact(ci.lower)), \(NumberFormat.compact(ci.upper))] "
                + "has its lower end above its upper end"
        }
        return nil
    }
}

import HorizonCommon
import HorizonStability

extension Gate {
    /// Refuses an analysis the gate cannot trust, so `baseline` never holds what `check` would
    /// refuse and `check` never judges nonsense: a `schema_version` below 1, a metric or interval
    /// out of its range (``GateMetric/all(in:)``), no problems, a repeated problem id, a problem
    /// with no samples or a per-problem value out of range, a confidence level outside (0, 1), a
    /// top-p or min-p value outside [0, 1].
    ///
    /// - Parameter analysis: an analysis read from a file or built in memory.
    /// - Throws: ``GateError`` with ``GateError/Reason/invalidAnalysis(_:)`` whose text names the
    ///   JSON path and what is wrong.
    /// - Complexity: O(m + p) in metrics and problems.
    public static func validate(_ analysis: Analysis) throws(GateError) {
        if let why = versionFault(analysis.schemaVersion, current: Analysis.currentSchemaVersion)
            ?? settingsFault(analysis.settings) {
            throw GateError(.invalidAnalysis("invalid analysis: \(why)"))
        }
        _ = try GateMetric.all(in: analysis)
        if let why = problemsFault(analysis.problems.map(BaselineProblem.init), bfKey: "bf.overall") {
            throw GateError(.invalidAnalysis("invalid analysis: \(why)"))
        }
    }

    /// Why `version` cannot be a schema version this horizon reads, or `nil`. Versions above
    /// `current` are left to the readers, which say "newer" and suggest upgrading.
    static func versionFault(_ version: Int, current: Int) -> String? {
        version >= 1 ? nil : "schema_version \(version) is not a version horizon writes (1 to \(current))"
    }

    /// Why `settings` cannot describe a measurement, or `nil`: the confidence level lies strictly
    /// between 0 and 1, the top-p or min-p value in [0, 1].
    static func settingsFault(_ settings: AnalysisSettings) -> String? {
        if !(settings.confidence > 0 && settings.confidence < 1) {
            return "settings.confidence is \(NumberFormat.compact(settings.confidence)); "
                + "a confidence level lies strictly between 0 and 1"
        }
        if !(0...1).contains(settings.truncationValue) {
            return "settings.truncation_value is \(NumberFormat.compact(settings.truncationValue)); "
                + "a top-p or min-p value lies in [0, 1]"
        }
        return nil
    }

    /// Why a list of per-problem values is unusable, or `nil`: it is empty, repeats an id, has a
    /// problem without samples, or a value out of its family's range. Paths read `problems[i]`;
    /// `bfKey` is where the file keeps a problem's BF (`bf.overall` in an analysis, `bf` in a baseline).
    static func problemsFault(_ problems: [BaselineProblem], bfKey: String) -> String? {
        if problems.isEmpty { return "problems is empty; an analysis measures at least one problem" }
        var seen = Set<String>()
        for (index, problem) in problems.enumerated() {
            let path = "problems[\(index)]"
            if !seen.insert(problem.problemID).inserted {
                return "\(path).problem_id '\(problem.problemID)' appears more than once"
            }
            if problem.samples < 1 {
                return "\(path).samples is \(problem.samples) (problem '\(problem.problemID)'); a problem has at least 1 sample"
            }
            let values: [(MetricFamily, Double?, String)] = [
                (.bf, problem.bf, bfKey), (.agreement, problem.agreement, "agreement"),
                (.accuracy, problem.accuracy, "accuracy"), (.answerEntropy, problem.answerEntropy, "answer_entropy"),
            ]
            for case let (family, value?, key) in values {
                if let why = family.violation(value: value, ci: nil, path: "\(path).\(key)") {
                    return why + " (problem '\(problem.problemID)')"
                }
            }
        }
        return nil
    }
}

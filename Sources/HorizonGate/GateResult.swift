/// The outcome of `horizon check`: one row per held metric, the overall verdict, and the
/// per-problem view. Render it with ``markdown()``, ``junitXML()`` or ``json()``; exit with
/// ``exitCode``.
public struct GateResult: Codable, Sendable, Equatable {
    /// The schema name of the `--json` output.
    public static let schemaName = "horizon.check"
    /// Bumped whenever a key of the `--json` output changes meaning or disappears.
    public static let currentSchemaVersion = 1

    public enum Verdict: String, Codable, Sendable, CaseIterable {
        /// No metric regressed.
        case pass
        /// At least one metric regressed.
        case regression
    }

    public var schema: String = GateResult.schemaName
    public var schemaVersion: Int = GateResult.currentSchemaVersion
    public var verdict: Verdict
    /// The requested rule (rows say when they fell back to the threshold alone).
    public var rule: GateRule
    /// The confidence level of the current run's intervals (0.95 for 95%).
    public var confidence: Double
    public var baseline: RunIdentity
    public var current: RunIdentity
    /// Settings that differ; non-empty only with `--allow-settings-change`.
    public var settingsChanges: [SettingChange]
    /// One row per held metric, in the baseline's order.
    public var metrics: [MetricComparison]
    /// Ids the analysis has but the baseline does not hold; not judged.
    public var newMetrics: [String]
    public var problems: ProblemView

    enum CodingKeys: String, CodingKey {
        case schema, schemaVersion = "schema_version", verdict, rule, confidence, baseline, current
        case settingsChanges = "settings_changes", metrics, newMetrics = "new_metrics", problems
    }

    public init(rule: GateRule, confidence: Double, baseline: RunIdentity, current: RunIdentity,
                settingsChanges: [SettingChange], metrics: [MetricComparison], newMetrics: [String],
                problems: ProblemView) {
        verdict = metrics.contains { $0.verdict == .regression } ? .regression : .pass
        self.rule = rule
        self.confidence = confidence
        self.baseline = baseline
        self.current = current
        self.settingsChanges = settingsChanges
        self.metrics = metrics
        self.newMetrics = newMetrics
        self.problems = problems
    }

    /// 0 when no metric regressed, 1 otherwise (input errors are ``GateError``, exit 2).
    public var exitCode: Int32 { verdict == .pass ? 0 : 1 }

    /// The rows with a given verdict, in the baseline's order.
    public func metrics(_ verdict: MetricComparison.Verdict) -> [MetricComparison] {
        metrics.filter { $0.verdict == verdict }
    }

    /// One line for a log: `regression: 2 of 9 metrics (bf.overall, accuracy)`.
    public var summary: String {
        let regressions = metrics(.regression)
        let skipped = metrics(.skipped).count
        let judged = metrics.count - skipped
        let skippedNote = skipped == 0 ? "" : ", \(skipped) skipped"
        guard !regressions.isEmpty else {
            return "pass: no regression in \(judged) metric\(judged == 1 ? "" : "s")\(skippedNote)"
        }
        let ids = regressions.map(\.id).joined(separator: ", ")
        return "regression: \(regressions.count) of \(judged) metrics (\(ids))\(skippedNote)"
    }
}

import HorizonStability

/// What `horizon baseline` writes: the metrics a later run must hold, their bootstrap
/// intervals, the settings they were measured with, and per-problem values. Schema
/// `horizon.baseline`, version 1 (keys in docs/ci.md).
///
/// ```swift
/// let baseline = try Baseline.make(from: try Gate.loadAnalysis(from: analysisURL))
/// try baseline.write(to: baselineURL)
/// ```
public struct Baseline: Codable, Sendable, Equatable {
    /// The schema name written in every baseline file.
    public static let schemaName = "horizon.baseline"
    /// Bumped whenever a key changes meaning or disappears; adding keys keeps the version.
    public static let currentSchemaVersion = 1

    public var schema: String = Baseline.schemaName
    public var schemaVersion: Int = Baseline.currentSchemaVersion
    /// The horizon version that produced the analysis.
    public var horizonVersion: String
    /// The analysis's run label.
    public var label: String
    public var model: String?
    /// The settings the numbers were measured with; `horizon check` compares them.
    public var settings: AnalysisSettings
    /// The estimator `auto` resolved to (`entropy`, `nll`, `mixed`), for the record. Not compared:
    /// `auto` may resolve differently on a re-sample of the same model; `settings.estimator`, what
    /// the user chose, is.
    public var estimatorUsed: String?
    /// The held metrics, ids unique, in ``GateMetric/all(in:)`` order.
    public var metrics: [GateMetric]
    /// Per-problem values, ids unique.
    public var problems: [BaselineProblem]

    enum CodingKeys: String, CodingKey {
        case schema, schemaVersion = "schema_version", horizonVersion = "horizon_version", label, model
        case settings, estimatorUsed = "estimator_used", metrics, problems
    }

    public init(horizonVersion: String, label: String, model: String? = nil, settings: AnalysisSettings,
                estimatorUsed: String? = nil, metrics: [GateMetric], problems: [BaselineProblem] = []) {
        self.horizonVersion = horizonVersion
        self.label = label
        self.model = model
        self.settings = settings
        self.estimatorUsed = estimatorUsed
        self.metrics = metrics
        self.problems = problems
    }

    /// The baseline that holds every metric the analysis has a value for.
    ///
    /// - Parameter analysis: the output of `horizon analyze` for the reference run.
    /// - Returns: the baseline, with the analysis's settings and per-problem values.
    /// - Throws: ``GateError`` with ``GateError/Reason/nothingToHold`` when the analysis has no
    ///   gated metric at all, or ``GateError/Reason/invalidAnalysis(_:)`` (see ``Gate/validate(_:)``);
    ///   so every baseline it returns is one ``load(from:)`` accepts.
    /// - Complexity: O(m + p) in metrics and problems.
    public static func make(from analysis: Analysis) throws(GateError) -> Baseline {
        let metrics = try GateMetric.all(in: analysis)
        guard !metrics.isEmpty else { throw GateError(.nothingToHold) }
        try Gate.validate(analysis)
        return Baseline(
            horizonVersion: analysis.horizonVersion, label: analysis.label, model: analysis.model,
            settings: analysis.settings, estimatorUsed: analysis.bf.estimatorUsed, metrics: metrics,
            problems: analysis.problems.map(BaselineProblem.init))
    }
}

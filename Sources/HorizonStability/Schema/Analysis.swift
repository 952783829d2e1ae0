/// The result of `horizon analyze`: everything a report or a CI gate needs, as one versioned,
/// documented JSON document (docs/analysis-schema.md).
///
/// Keys are snake_case in JSON. A metric that could not be computed (no log-probs, no gold
/// answers, too few samples) is absent (`nil`), never a made-up number. Intervals are `[lower, upper]`.
public struct Analysis: Codable, Sendable, Equatable {
    /// Bumped whenever a key changes meaning or disappears; adding keys keeps the version.
    /// 2: curves follow the requested estimator at every position (docs/analysis-schema.md).
    /// 3: issue 12's keys: `probes.first_correct`, `probes.consistency_stop`; `confidence`, `forks`
    /// and `reflection`, at set level and per problem. Only keys were added, but a family of new
    /// metrics is marked, so a reader can tell a file that lacks them from one that could not
    /// compute them.
    /// 4: `probes.budget_forcing` (budget forcing, s1); truncation and resample rows leave out
    /// budget-forcing lines. Only a key was added; the version marks that a file without it could
    /// not have had it.
    public static let currentSchemaVersion = 4

    public var schema: String = "horizon.analysis"
    public var schemaVersion: Int = Analysis.currentSchemaVersion
    public var horizonVersion: String
    /// A short name for the run, used as a column title in side-by-side reports.
    public var label: String
    /// The model named by the traces, when they agree on one.
    public var model: String?
    public var inputs: [AnalysisInput]
    /// The `horizon analyze` command that wrote the analysis, word by word as it was typed
    /// (paths as given), for the report's "how to reproduce"; absent when a program built it.
    public var commandLine: [String]?
    public var settings: AnalysisSettings
    public var counts: AnalysisCounts
    /// Set-level Branching Factor per segment.
    public var bf: BranchingFactorSummary
    /// Mean span lengths in tokens (characters when traces have no tokens).
    public var lengths: SpanLengths
    /// Probability mass the server's top-k list did not cover, per segment.
    public var missingMass: PerSegment<MissingMass?>
    /// Entropy and NLL Branching Factor side by side per segment: a gap shows the returned
    /// candidates do not represent the distribution sampled from.
    public var estimatorGap: PerSegment<EstimatorGap?>?
    /// Set-level mean accuracy over problems with a gold answer (`null` without gold answers).
    public var accuracy: Double?
    public var accuracyCI: ConfidenceInterval?
    /// Set-level mean share of samples in each problem's modal answer cluster.
    public var agreement: Double?
    public var agreementCI: ConfidenceInterval?
    /// Further answer metrics (entropy, maj@k, pass@k, G-Pass@k, answer variability).
    public var answers: AnswerSummary?
    /// CoT length against stability and correctness.
    public var lengthVsStability: LengthVsStability?
    public var curves: Curves
    /// Truncation and mid-generation resampling probes, when the traces hold them.
    public var probes: ProbeSummary?
    /// DeepConf's trace confidence and the offline voting experiment (`null` without log-probs).
    public var confidence: ConfidenceSummary?
    /// Forking tokens: shares above an entropy threshold and the highest-entropy tokens.
    public var forks: ForkSummary?
    /// Reflection markers per trace and their relation to correctness and length.
    public var reflection: ReflectionSummary?
    public var problems: [ProblemAnalysis]
    public var warnings: [AnalysisWarning]
    /// Invalid input lines that were skipped (`--skip-invalid`), capped; `counts` has the total.
    public var invalid: [InvalidLine]

    enum CodingKeys: String, CodingKey {
        case schema, schemaVersion = "schema_version", horizonVersion = "horizon_version", label, model
        case inputs, commandLine = "command_line", settings, counts, bf, lengths, missingMass = "missing_mass", estimatorGap = "estimator_gap"
        case accuracy, accuracyCI = "accuracy_ci", agreement, agreementCI = "agreement_ci", answers
        case lengthVsStability = "length_vs_stability", curves, probes, confidence, forks, reflection
        case problems, warnings, invalid
    }

    public init(
        horizonVersion: String, label: String, model: String? = nil, inputs: [AnalysisInput] = [],
        settings: AnalysisSettings, counts: AnalysisCounts = AnalysisCounts(),
        bf: BranchingFactorSummary = BranchingFactorSummary(), lengths: SpanLengths = SpanLengths(),
        missingMass: PerSegment<MissingMass?> = PerSegment(), accuracy: Double? = nil,
        accuracyCI: ConfidenceInterval? = nil, agreement: Double? = nil, agreementCI: ConfidenceInterval? = nil,
        answers: AnswerSummary? = nil, lengthVsStability: LengthVsStability? = nil, curves: Curves = Curves(),
        probes: ProbeSummary? = nil, problems: [ProblemAnalysis] = [], warnings: [AnalysisWarning] = [],
        invalid: [InvalidLine] = []
    ) {
        self.horizonVersion = horizonVersion
        self.label = label
        self.model = model
        self.inputs = inputs
        self.settings = settings
        self.counts = counts
        self.bf = bf
        self.lengths = lengths
        self.missingMass = missingMass
        self.accuracy = accuracy
        self.accuracyCI = accuracyCI
        self.agreement = agreement
        self.agreementCI = agreementCI
        self.answers = answers
        self.lengthVsStability = lengthVsStability
        self.curves = curves
        self.probes = probes
        self.problems = problems
        self.warnings = warnings
        self.invalid = invalid
    }
}

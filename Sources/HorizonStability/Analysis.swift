import Foundation

/// The result of `horizon analyze`: everything a report or a CI gate needs, as one versioned,
/// documented JSON document (docs/analysis-schema.md).
///
/// Keys are snake_case in JSON. A metric that could not be computed (no log-probs, no gold
/// answers, too few samples) is `null`, never a made-up number. Intervals are `[lower, upper]`.
public struct Analysis: Codable, Sendable, Equatable {
    /// Bumped whenever a key changes meaning or disappears; adding keys keeps the version.
    /// 2: curves follow the requested estimator at every position (docs/analysis-schema.md).
    public static let currentSchemaVersion = 2

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
    public var missingMass: MissingMassSummary
    /// Entropy and NLL Branching Factor side by side per segment: a gap shows the returned
    /// candidates do not represent the distribution sampled from.
    public var estimatorGap: EstimatorGapSummary?
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
    public var problems: [ProblemAnalysis]
    public var warnings: [AnalysisWarning]
    /// Invalid input lines that were skipped (`--skip-invalid`), capped; `counts` has the total.
    public var invalid: [InvalidLine]

    enum CodingKeys: String, CodingKey {
        case schema, schemaVersion = "schema_version", horizonVersion = "horizon_version", label, model
        case inputs, commandLine = "command_line", settings, counts, bf, lengths, missingMass = "missing_mass", estimatorGap = "estimator_gap"
        case accuracy, accuracyCI = "accuracy_ci", agreement, agreementCI = "agreement_ci", answers
        case lengthVsStability = "length_vs_stability", curves, probes, problems, warnings, invalid
    }

    public init(
        horizonVersion: String, label: String, model: String? = nil, inputs: [AnalysisInput] = [],
        settings: AnalysisSettings, counts: AnalysisCounts = AnalysisCounts(),
        bf: BranchingFactorSummary = BranchingFactorSummary(), lengths: SpanLengths = SpanLengths(),
        missingMass: MissingMassSummary = MissingMassSummary(), accuracy: Double? = nil,
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

/// A two-sided confidence interval, written as `[lower, upper]`.
public struct ConfidenceInterval: Codable, Sendable, Equatable {
    public var lower: Double
    public var upper: Double

    public init(lower: Double, upper: Double) {
        self.lower = lower
        self.upper = upper
    }

    public init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        lower = try container.decode(Double.self)
        upper = try container.decode(Double.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        try container.encode(lower)
        try container.encode(upper)
    }

    /// Whether `value` lies inside the interval, ends included.
    public func contains(_ value: Double) -> Bool { lower <= value && value <= upper }
}

public struct AnalysisInput: Codable, Sendable, Equatable {
    public var path: String
    public var bytes: Int
    public init(path: String, bytes: Int) {
        self.path = path
        self.bytes = bytes
    }
}

/// The settings the numbers were measured with; a CI gate refuses to compare runs whose
/// settings differ.
public struct AnalysisSettings: Codable, Sendable, Equatable {
    /// Segmentation profile name (`auto`, `deepseek-r1`, `custom`, ...).
    public var profile: String
    /// `first` or `last`: which end-of-thinking marker splits the output.
    public var endMarker: String
    /// `top_p` or `min_p`.
    public var truncation: String
    /// The top-p or min-p value.
    public var truncationValue: Double
    /// Where the truncation came from: `option` (`--top-p` / `--min-p`), `traces` (the
    /// sampling every trace recorded, all alike), `mixed` (each trace its own recorded
    /// sampling, which differ), or `default` (no trace recorded one: top-p 0.9).
    public var settingsSource: String?
    /// Whether thinking and answer spans the plain heuristic guessed were measured
    /// (`--heuristic-spans`); `nil` in files from before the option.
    public var heuristicSpans: Bool?
    /// `entropy`, `nll` or `auto` as requested.
    public var estimator: String
    public var referenceCompat: Bool
    /// Window width of the windowed BF curve, in tokens.
    public var window: Int
    public var bootstrapResamples: Int
    public var confidence: Double
    public var seed: UInt64
    /// SHA-256 (hex) of the sorted problem ids, so a gate can tell whether two runs saw the same set.
    public var problemSetDigest: String

    enum CodingKeys: String, CodingKey {
        case profile, endMarker = "end_marker", truncation, truncationValue = "truncation_value"
        case settingsSource = "settings_source", heuristicSpans = "heuristic_spans", estimator, referenceCompat = "reference_compat", window
        case bootstrapResamples = "bootstrap_resamples", confidence, seed
        case problemSetDigest = "problem_set_digest"
    }

    public init(
        profile: String = "auto", endMarker: String = "first", truncation: String = "top_p",
        truncationValue: Double = 0.9, estimator: String = "auto", referenceCompat: Bool = false,
        window: Int = 5, bootstrapResamples: Int = 1000, confidence: Double = 0.95, seed: UInt64 = 0,
        problemSetDigest: String = ""
    ) {
        self.profile = profile
        self.endMarker = endMarker
        self.truncation = truncation
        self.truncationValue = truncationValue
        self.estimator = estimator
        self.referenceCompat = referenceCompat
        self.window = window
        self.bootstrapResamples = bootstrapResamples
        self.confidence = confidence
        self.seed = seed
        self.problemSetDigest = problemSetDigest
    }
}

public struct AnalysisCounts: Codable, Sendable, Equatable {
    public var lines: Int = 0
    public var traces: Int = 0
    public var problems: Int = 0
    public var tracesWithLogProbs: Int = 0
    public var invalidLines: Int = 0
    public var duplicates: Int = 0
    /// Traces whose thinking never closed (no end marker): answer span empty.
    public var truncated: Int = 0
    public var openingMarkerMissing: Int = 0
    public var emptyTopLists: Int = 0
    public var sampledNotInTop: Int = 0
    /// Tokens whose returned top-k mass was below top-p, so the truncation set was not knowable.
    public var lowCoverageTokens: Int = 0
    public var tokens: Int = 0

    enum CodingKeys: String, CodingKey {
        case lines, traces, problems, tracesWithLogProbs = "traces_with_logprobs"
        case invalidLines = "invalid_lines", duplicates, truncated
        case openingMarkerMissing = "opening_marker_missing", emptyTopLists = "empty_top_lists"
        case sampledNotInTop = "sampled_not_in_top", lowCoverageTokens = "low_coverage_tokens", tokens
    }

    public init() {}
}

/// Branching Factor per segment. Each value is a number (or `null` when unavailable) with its
/// bootstrap interval beside it.
public struct BranchingFactorSummary: Codable, Sendable, Equatable {
    public var overall: Double?
    public var overallCI: ConfidenceInterval?
    public var thinking: Double?
    public var thinkingCI: ConfidenceInterval?
    public var answer: Double?
    public var answerCI: ConfidenceInterval?
    /// The estimator the numbers came from after resolving `auto` (`entropy`, `nll`, or `mixed`
    /// when `auto` chose differently per problem).
    public var estimatorUsed: String?
    /// BF of the first output token (BF@1), the paper's Table 2 column, when available.
    public var first: Double?
    public var firstCI: ConfidenceInterval?

    enum CodingKeys: String, CodingKey {
        case overall, overallCI = "overall_ci", thinking, thinkingCI = "thinking_ci"
        case answer, answerCI = "answer_ci", estimatorUsed = "estimator_used"
        case first, firstCI = "first_ci"
    }

    public init(
        overall: Double? = nil, overallCI: ConfidenceInterval? = nil, thinking: Double? = nil,
        thinkingCI: ConfidenceInterval? = nil, answer: Double? = nil, answerCI: ConfidenceInterval? = nil,
        estimatorUsed: String? = nil, first: Double? = nil, firstCI: ConfidenceInterval? = nil
    ) {
        self.overall = overall
        self.overallCI = overallCI
        self.thinking = thinking
        self.thinkingCI = thinkingCI
        self.answer = answer
        self.answerCI = answerCI
        self.estimatorUsed = estimatorUsed
        self.first = first
        self.firstCI = firstCI
    }
}

/// Mean token counts per span (over samples, then problems).
public struct SpanLengths: Codable, Sendable, Equatable {
    /// `tokens`, or `characters` when no trace had tokens.
    public var unit: String = "tokens"
    public var overall: Double?
    public var thinking: Double?
    public var answer: Double?
    public init(unit: String = "tokens", overall: Double? = nil, thinking: Double? = nil, answer: Double? = nil) {
        self.unit = unit
        self.overall = overall
        self.thinking = thinking
        self.answer = answer
    }
}

/// Mean and maximum per-token missing mass (1 − the returned top-k probabilities' sum).
public struct MissingMass: Codable, Sendable, Equatable {
    public var mean: Double
    public var max: Double
    public init(mean: Double, max: Double) {
        self.mean = mean
        self.max = max
    }
}

/// One segment's Branching Factor under both single estimators, measured on the same tokens.
///
/// Where the rebuilt distribution is the one decoding sampled from, the mean NLL of sampled
/// tokens estimates the mean entropy, so the two agree up to sampling noise; a sampled token the
/// server did not list adds its large NLL but nothing to the listed entropy, so NLL BF above
/// entropy BF means the top-k lists miss part of the distribution.
public struct EstimatorGap: Codable, Sendable, Equatable {
    /// Mean over problems of the entropy-estimator BF.
    public var entropyBF: Double
    /// Mean over problems of the NLL-estimator BF.
    public var nllBF: Double
    /// `nll_bf / entropy_bf - 1`.
    public var relativeGap: Double

    enum CodingKeys: String, CodingKey {
        case entropyBF = "entropy_bf", nllBF = "nll_bf", relativeGap = "relative_gap"
    }

    public init(entropyBF: Double, nllBF: Double) {
        self.entropyBF = entropyBF
        self.nllBF = nllBF
        self.relativeGap = nllBF / entropyBF - 1
    }

    /// The gap above which the report and the analysis warn: about 10%.
    public static let warningThreshold = 0.10
}

public struct EstimatorGapSummary: Codable, Sendable, Equatable {
    public var overall: EstimatorGap?
    public var thinking: EstimatorGap?
    public var answer: EstimatorGap?
    public init(overall: EstimatorGap? = nil, thinking: EstimatorGap? = nil, answer: EstimatorGap? = nil) {
        self.overall = overall
        self.thinking = thinking
        self.answer = answer
    }
}

public struct MissingMassSummary: Codable, Sendable, Equatable {
    public var overall: MissingMass?
    public var thinking: MissingMass?
    public var answer: MissingMass?
    public init(overall: MissingMass? = nil, thinking: MissingMass? = nil, answer: MissingMass? = nil) {
        self.overall = overall
        self.thinking = thinking
        self.answer = answer
    }
}

/// A value at one k (maj@k, pass@k, G-Pass@k, answer variability at K).
public struct MetricAtK: Codable, Sendable, Equatable {
    public var k: Int
    public var value: Double
    public var ci: ConfidenceInterval?
    public init(k: Int, value: Double, ci: ConfidenceInterval? = nil) {
        self.k = k
        self.value = value
        self.ci = ci
    }
}

/// Set-level answer metrics beyond accuracy and agreement.
public struct AnswerSummary: Codable, Sendable, Equatable {
    /// Mean answer entropy over clusters, nats.
    public var answerEntropy: Double?
    public var answerEntropyCI: ConfidenceInterval?
    public var majAtK: [MetricAtK] = []
    public var passAtK: [MetricAtK] = []
    /// G-Pass@k at threshold `gPassTau`.
    public var gPassAtK: [MetricAtK] = []
    public var gPassTau: Double = 0.5
    public var mGPassAtK: [MetricAtK] = []
    /// The paper's answer variability: std (in percentage points) of maj@K accuracy over bootstrap
    /// resamples of each problem's samples.
    public var majVariability: [MetricAtK] = []
    /// Problems that had a gold answer.
    public var gradedProblems: Int = 0
    /// Samples where no final answer could be extracted.
    public var unextracted: Int = 0
    /// How maj@k breaks ties, in words.
    public var tieRule: String = ""

    enum CodingKeys: String, CodingKey {
        case answerEntropy = "answer_entropy", answerEntropyCI = "answer_entropy_ci"
        case majAtK = "maj_at_k", passAtK = "pass_at_k", gPassAtK = "g_pass_at_k", gPassTau = "g_pass_tau"
        case mGPassAtK = "mg_pass_at_k", majVariability = "maj_variability"
        case gradedProblems = "graded_problems", unextracted, tieRule = "tie_rule"
    }

    public init() {}
}

/// One quantile bin of thinking length.
public struct LengthBin: Codable, Sendable, Equatable {
    public var lowerLength: Double
    public var upperLength: Double
    public var samples: Int
    public var accuracy: Double?
    /// Share of the bin's samples whose answer is in their problem's modal cluster.
    public var agreement: Double?
    public var answerBF: Double?

    enum CodingKeys: String, CodingKey {
        case lowerLength = "lower_length", upperLength = "upper_length", samples, accuracy, agreement
        case answerBF = "answer_bf"
    }

    public init(lowerLength: Double, upperLength: Double, samples: Int, accuracy: Double? = nil,
                agreement: Double? = nil, answerBF: Double? = nil) {
        self.lowerLength = lowerLength
        self.upperLength = upperLength
        self.samples = samples
        self.accuracy = accuracy
        self.agreement = agreement
        self.answerBF = answerBF
    }
}

/// Spearman's rank correlation with its bootstrap interval.
public struct RankCorrelation: Codable, Sendable, Equatable {
    public var rho: Double
    public var ci: ConfidenceInterval?
    public var samples: Int
    public init(rho: Double, ci: ConfidenceInterval? = nil, samples: Int) {
        self.rho = rho
        self.ci = ci
        self.samples = samples
    }
}

/// Thinking length (per sample) against correctness, agreement with the modal answer, and
/// answer-span BF.
public struct LengthVsStability: Codable, Sendable, Equatable {
    /// `tokens` or `characters`.
    public var unit: String
    public var bins: [LengthBin]
    public var correctness: RankCorrelation?
    public var agreement: RankCorrelation?
    public var answerBF: RankCorrelation?

    enum CodingKeys: String, CodingKey {
        case unit, bins, correctness, agreement, answerBF = "answer_bf"
    }

    public init(unit: String, bins: [LengthBin] = [], correctness: RankCorrelation? = nil,
                agreement: RankCorrelation? = nil, answerBF: RankCorrelation? = nil) {
        self.unit = unit
        self.bins = bins
        self.correctness = correctness
        self.agreement = agreement
        self.answerBF = answerBF
    }
}

/// One point of a BF-over-position curve.
public struct CurvePoint: Codable, Sendable, Equatable {
    /// Token position (for windows: the window's first token), 0-based.
    public var position: Int
    public var bf: Double
    /// Samples that reached this position, summed over problems.
    public var samples: Int
    /// Problems that contributed to this point.
    public var problems: Int
    public init(position: Int, bf: Double, samples: Int, problems: Int) {
        self.position = position
        self.bf = bf
        self.samples = samples
        self.problems = problems
    }
}

/// One kind of curve, for the whole output and within each span.
public struct SegmentCurves: Codable, Sendable, Equatable {
    public var overall: [CurvePoint] = []
    public var thinking: [CurvePoint] = []
    public var answer: [CurvePoint] = []
    public init(overall: [CurvePoint] = [], thinking: [CurvePoint] = [], answer: [CurvePoint] = []) {
        self.overall = overall
        self.thinking = thinking
        self.answer = answer
    }
}

public struct Curves: Codable, Sendable, Equatable {
    /// Window width of ``windowed``, in tokens.
    public var window: Int = 5
    /// BF over non-overlapping windows of output position.
    public var windowed: SegmentCurves = SegmentCurves()
    /// BF of the prefix up to each position.
    public var cumulative: SegmentCurves = SegmentCurves()
    /// The first position of ``cumulative`` that is an NLL mean after entropy means before it
    /// (estimator `auto`: 50); `nil` when the curve never switches estimator.
    public var cumulativeNLLFrom: Int?

    enum CodingKeys: String, CodingKey {
        case window, windowed, cumulative, cumulativeNLLFrom = "cumulative_nll_from"
    }

    public init(
        window: Int = 5, windowed: SegmentCurves = SegmentCurves(), cumulative: SegmentCurves = SegmentCurves(),
        cumulativeNLLFrom: Int? = nil
    ) {
        self.window = window
        self.windowed = windowed
        self.cumulative = cumulative
        self.cumulativeNLLFrom = cumulativeNLLFrom
    }
}

/// One answer cluster of a problem: samples whose answers the grader judged equivalent.
public struct ClusterSummary: Codable, Sendable, Equatable {
    /// The representative answer text (the first extracted member); `null` for the samples with
    /// no extractable answer.
    public var answer: String?
    public var count: Int
    public var sampleIndices: [Int]
    /// Whether the cluster matches the gold answer (`null` without gold).
    public var correct: Bool?

    enum CodingKeys: String, CodingKey {
        case answer, count, sampleIndices = "sample_indices", correct
    }

    public init(answer: String?, count: Int, sampleIndices: [Int], correct: Bool? = nil) {
        self.answer = answer
        self.count = count
        self.sampleIndices = sampleIndices
        self.correct = correct
    }
}

/// One row per problem.
public struct ProblemAnalysis: Codable, Sendable, Equatable {
    public var problemID: String
    public var samples: Int
    public var samplesWithLogProbs: Int
    public var bf: BranchingFactorSummary
    public var lengths: SpanLengths
    /// Samples whose thinking never closed.
    public var truncated: Int
    public var gold: String?
    public var accuracy: Double?
    public var agreement: Double?
    /// Entropy of the answer distribution over clusters, nats.
    public var answerEntropy: Double?
    public var majorityAnswer: String?
    public var clusters: [ClusterSummary]

    enum CodingKeys: String, CodingKey {
        case problemID = "problem_id", samples, samplesWithLogProbs = "samples_with_logprobs", bf, lengths
        case truncated, gold, accuracy, agreement, answerEntropy = "answer_entropy"
        case majorityAnswer = "majority_answer", clusters
    }

    public init(
        problemID: String, samples: Int, samplesWithLogProbs: Int = 0,
        bf: BranchingFactorSummary = BranchingFactorSummary(), lengths: SpanLengths = SpanLengths(),
        truncated: Int = 0, gold: String? = nil, accuracy: Double? = nil, agreement: Double? = nil,
        answerEntropy: Double? = nil, majorityAnswer: String? = nil, clusters: [ClusterSummary] = []
    ) {
        self.problemID = problemID
        self.samples = samples
        self.samplesWithLogProbs = samplesWithLogProbs
        self.bf = bf
        self.lengths = lengths
        self.truncated = truncated
        self.gold = gold
        self.accuracy = accuracy
        self.agreement = agreement
        self.answerEntropy = answerEntropy
        self.majorityAnswer = majorityAnswer
        self.clusters = clusters
    }
}

/// Results at one truncation length of the thinking span.
public struct TruncationPoint: Codable, Sendable, Equatable {
    /// The requested length: tokens, or a fraction of each trace's thinking length.
    public var length: Double
    /// `tokens` or `fraction`.
    public var lengthUnit: String
    /// Mean thinking tokens actually kept.
    public var keptTokens: Double
    public var samples: Int
    public var problems: Int
    public var agreement: Double?
    public var agreementCI: ConfidenceInterval?
    public var accuracy: Double?
    public var accuracyCI: ConfidenceInterval?
    public var answerBF: Double?
    public var answerBFCI: ConfidenceInterval?
    /// Mean tokens generated per forced answer.
    public var tokensSpent: Double

    enum CodingKeys: String, CodingKey {
        case length, lengthUnit = "length_unit", keptTokens = "kept_tokens", samples, problems
        case agreement, agreementCI = "agreement_ci", accuracy, accuracyCI = "accuracy_ci"
        case answerBF = "answer_bf", answerBFCI = "answer_bf_ci", tokensSpent = "tokens_spent"
    }

    public init(length: Double, lengthUnit: String, keptTokens: Double, samples: Int, problems: Int,
                agreement: Double? = nil, agreementCI: ConfidenceInterval? = nil, accuracy: Double? = nil,
                accuracyCI: ConfidenceInterval? = nil, answerBF: Double? = nil,
                answerBFCI: ConfidenceInterval? = nil, tokensSpent: Double = 0) {
        self.length = length
        self.lengthUnit = lengthUnit
        self.keptTokens = keptTokens
        self.samples = samples
        self.problems = problems
        self.agreement = agreement
        self.agreementCI = agreementCI
        self.accuracy = accuracy
        self.accuracyCI = accuracyCI
        self.answerBF = answerBF
        self.answerBFCI = answerBFCI
        self.tokensSpent = tokensSpent
    }
}

/// Results of the paper's mid-generation experiment at one cut position t.
public struct ResamplePoint: Codable, Sendable, Equatable {
    public var position: Int
    public var samples: Int
    public var problems: Int
    /// BF of the continuations (BF@t).
    public var bf: Double?
    public var bfCI: ConfidenceInterval?
    public var majAccuracy: Double?
    public var majAccuracyCI: ConfidenceInterval?
    public var agreement: Double?

    enum CodingKeys: String, CodingKey {
        case position, samples, problems, bf, bfCI = "bf_ci", majAccuracy = "maj_accuracy"
        case majAccuracyCI = "maj_accuracy_ci", agreement
    }

    public init(position: Int, samples: Int, problems: Int, bf: Double? = nil, bfCI: ConfidenceInterval? = nil,
                majAccuracy: Double? = nil, majAccuracyCI: ConfidenceInterval? = nil, agreement: Double? = nil) {
        self.position = position
        self.samples = samples
        self.problems = problems
        self.bf = bf
        self.bfCI = bfCI
        self.majAccuracy = majAccuracy
        self.majAccuracyCI = majAccuracyCI
        self.agreement = agreement
    }
}

public struct ProbeSummary: Codable, Sendable, Equatable {
    public var truncation: [TruncationPoint] = []
    public var resample: [ResamplePoint] = []
    public init(truncation: [TruncationPoint] = [], resample: [ResamplePoint] = []) {
        self.truncation = truncation
        self.resample = resample
    }
}

/// Something a reader of the numbers should know (too-small top-k, truncated thinking, ...).
public struct AnalysisWarning: Codable, Sendable, Equatable {
    /// A stable identifier: `missing_tail_mass`, `low_coverage`, `truncated_thinking`,
    /// `no_logprobs`, `invalid_lines`, `few_samples`, ...
    public var kind: String
    public var message: String
    public init(kind: String, message: String) {
        self.kind = kind
        self.message = message
    }
}

public struct InvalidLine: Codable, Sendable, Equatable {
    public var file: String
    public var line: Int
    public var message: String
    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }
}

extension Analysis {
    /// The encoder every writer of analysis JSON uses: sorted keys and stable float output, so
    /// two runs with the same inputs write the same bytes.
    public static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// Reads an analysis file, refusing other schemas and newer versions with a clear message.
    public static func load(from url: URL) throws -> Analysis {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw AnalysisError(file: url.path, reason: .unreadable(error.localizedDescription))
        }
        let analysis: Analysis
        do {
            analysis = try JSONDecoder().decode(Analysis.self, from: data)
        } catch let error as DecodingError {
            throw AnalysisError(file: url.path, reason: .malformed(AnalysisError.describe(error)))
        }
        guard analysis.schema == "horizon.analysis" else {
            throw AnalysisError(file: url.path, reason: .wrongSchema(analysis.schema))
        }
        guard analysis.schemaVersion <= currentSchemaVersion else {
            throw AnalysisError(file: url.path, reason: .newerVersion(analysis.schemaVersion))
        }
        return analysis
    }

    /// Writes the analysis as pretty, key-sorted JSON.
    public func write(to url: URL) throws {
        let data = try Analysis.makeEncoder().encode(self)
        try data.writeInPlaceUnlessFile(to: url)
    }
}

/// An analysis file could not be used.
public struct AnalysisError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        case unreadable(String)
        case malformed(String)
        case wrongSchema(String)
        case newerVersion(Int)
    }

    public var file: String
    public var reason: Reason

    public init(file: String, reason: Reason) {
        self.file = file
        self.reason = reason
    }

    public var description: String {
        switch reason {
        case .unreadable(let why): return "\(file): cannot read: \(why)"
        case .malformed(let why): return "\(file): not a valid analysis: \(why)"
        case .wrongSchema(let schema): return "\(file): schema is '\(schema)', expected 'horizon.analysis'"
        case .newerVersion(let version):
            return "\(file): schema_version \(version) is newer than this horizon understands (\(Analysis.currentSchemaVersion))"
        }
    }

    /// One line naming the JSON path and what was wrong, instead of DecodingError's dump.
    public static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.isEmpty ? "top level" : keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "missing key '\(key.stringValue)' at \(path(context.codingPath))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\(context.debugDescription) at \(path(context.codingPath))"
        case .dataCorrupted(let context):
            return "\(context.debugDescription) at \(path(context.codingPath))"
        @unknown default:
            return String(describing: error)
        }
    }
}

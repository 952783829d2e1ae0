import HorizonAnswers
import HorizonEntropy
import HorizonSegments

/// How `analyze` measures traces and aggregates them into an ``Analysis``: every setting the
/// analysis records, given once. The segmenter and the answer extractor, which are not
/// settings but code, go beside it into ``Analyzer``.
///
/// A shard's part file carries these options, so `merge` finishes with exactly the ones the
/// shards measured with (and refuses parts whose options differ).
public struct AnalysisOptions: Sendable, Equatable, Codable {
    /// Name of the segmentation profile, as written to the settings.
    public var profileName: String
    public var endMarker: EndMarkerChoice
    /// The rebuild's truncation: the one every trace gets, or with ``truncationFromTraces``
    /// the one for traces that record no sampling.
    public var truncation: DecodingTruncation
    /// Whether each trace is rebuilt with its own recorded sampling
    /// (``SampleRecordOptions/truncationFromTraces``) rather than with ``truncation`` given
    /// as an option.
    public var truncationFromTraces: Bool
    /// Whether heuristic thinking and answer spans are measured
    /// (``SampleRecordOptions/measuresHeuristicSpans``).
    public var measuresHeuristicSpans: Bool
    public var estimator: BranchingFactorEstimator
    /// Reproduce the reference code's per-position condensation for the headline BF.
    public var referenceCompat: Bool
    /// Window width of the windowed curve, tokens.
    public var window: Int
    /// Fewest samples a curve point needs within a problem.
    public var minimumCurveSamples: Int
    public var bootstrapResamples: Int
    public var confidence: Double
    public var seed: UInt64
    /// The k values of maj@k, pass@k and G-Pass@k (those above a problem's sample count are skipped).
    public var ks: [Int]
    /// Threshold τ of G-Pass@k.
    public var gPassTau: Double
    /// How many quantile bins the length-vs-stability view uses.
    public var lengthBins: Int
    /// K of the consistency stop rule read off truncation probes (``ProbeBehaviour``).
    public var consistencyK: Int
    public var label: String?
    /// DeepConf's group size W, tokens (as ``SampleRecordOptions/confidenceWindow``).
    public var confidenceWindow: Int
    /// The forking-token threshold, nats; `nil`: the run's 80th percentile of token entropy.
    public var forkEntropy: Double?
    /// The reflection markers counted (as ``SampleRecordOptions/reflectionMarkers``).
    public var reflectionMarkers: ReflectionMarkers

    public init(
        profileName: String = "auto", endMarker: EndMarkerChoice = .first, truncation: DecodingTruncation = .default,
        truncationFromTraces: Bool = false, measuresHeuristicSpans: Bool = false, estimator: BranchingFactorEstimator = .auto, referenceCompat: Bool = false, window: Int = 5,
        minimumCurveSamples: Int = 4, bootstrapResamples: Int = 1000, confidence: Double = 0.95, seed: UInt64 = 0,
        ks: [Int] = [1, 3, 8, 16], gPassTau: Double = 0.5, lengthBins: Int = 5,
        consistencyK: Int = ProbeBehaviour.defaultConsistencyK, label: String? = nil,
        confidenceWindow: Int = TraceConfidence.defaultWindow, forkEntropy: Double? = nil,
        reflectionMarkers: ReflectionMarkers = .default
    ) {
        self.confidenceWindow = confidenceWindow
        self.forkEntropy = forkEntropy
        self.reflectionMarkers = reflectionMarkers
        self.profileName = profileName
        self.endMarker = endMarker
        self.truncation = truncation
        self.truncationFromTraces = truncationFromTraces
        self.measuresHeuristicSpans = measuresHeuristicSpans
        self.estimator = estimator
        self.referenceCompat = referenceCompat
        self.window = window
        self.minimumCurveSamples = minimumCurveSamples
        self.bootstrapResamples = bootstrapResamples
        self.confidence = confidence
        self.seed = seed
        self.ks = ks
        self.gPassTau = gPassTau
        self.lengthBins = lengthBins
        self.consistencyK = consistencyK
        self.label = label
    }

    /// How each trace becomes a ``SampleRecord`` under these options.
    public func recordOptions(segmenter: Segmenter, extractor: AnswerExtractor) -> SampleRecordOptions {
        SampleRecordOptions(
            segmenter: segmenter, tokenOptions: TokenStatistics.Options(truncation: truncation),
            truncationFromTraces: truncationFromTraces, measuresHeuristicSpans: measuresHeuristicSpans,
            extractor: extractor, confidenceWindow: confidenceWindow, reflectionMarkers: reflectionMarkers)
    }
}

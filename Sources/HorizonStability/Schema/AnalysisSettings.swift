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

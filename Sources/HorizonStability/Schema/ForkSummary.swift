/// Forking tokens: how many tokens sit above an entropy threshold, per segment, and the
/// highest-entropy ones with their context.
public struct ForkSummary: Codable, Sendable, Equatable {
    /// The threshold, nats: `--fork-entropy`, or the run's 80th percentile of token entropy.
    public var threshold: Double
    /// `option` or `run_p80`.
    public var thresholdSource: String
    /// Entropies are compared on a grid of this many nats (``EntropyHistogram``).
    public var resolution: Double
    /// Mean over problems of each problem's share of tokens above the threshold, per segment,
    /// with intervals over problems.
    public var share: SegmentValues
    /// The highest-entropy tokens of the run, per segment, highest first.
    public var top: SegmentTokens
    /// One trace's tokens coloured by entropy in the report.
    public var strip: TokenStrip?

    enum CodingKeys: String, CodingKey {
        case threshold, thresholdSource = "threshold_source", resolution, share, top, strip
    }

    public init(threshold: Double, thresholdSource: String, resolution: Double, share: SegmentValues = SegmentValues(),
                top: SegmentTokens = SegmentTokens(), strip: TokenStrip? = nil) {
        self.threshold = threshold
        self.thresholdSource = thresholdSource
        self.resolution = resolution
        self.share = share
        self.top = top
        self.strip = strip
    }
}

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

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

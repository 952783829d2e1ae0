extension RankCorrelation {
    /// Spearman's rank correlation of paired `x` and `y`, with a bootstrap interval over pairs.
    ///
    /// - Returns: `nil` for fewer than three pairs or when either side is constant.
    public static func spearman(
        _ x: [Double], _ y: [Double], resamples: Int, confidence: Double, using generator: inout some RandomNumberGenerator
    ) -> RankCorrelation? {
        guard x.count >= 3, let rho = Statistics.spearman(x, y) else { return nil }
        let interval = Statistics.spearmanInterval(x, y, confidence: confidence, resamples: resamples, using: &generator)
        return RankCorrelation(rho: rho, ci: interval?.interval, samples: x.count)
    }
}

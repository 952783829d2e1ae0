import Foundation

extension RankCorrelation {
    /// Spearman's rank correlation of `x` and `y`, with a bootstrap interval over pairs.
    ///
    /// Ties get the mean of the ranks they span, and rho is Pearson's correlation of the ranks,
    /// which is exact with ties (the 1 − 6Σd²/(n(n²−1)) shortcut is not).
    ///
    /// - Returns: `nil` for fewer than three pairs or when either side is constant.
    public static func spearman<Random: RandomNumberGenerator>(
        _ x: [Double], _ y: [Double], resamples: Int, confidence: Double, using random: inout Random
    ) -> RankCorrelation? {
        precondition(x.count == y.count, "spearman needs paired values")
        guard x.count >= 3, let rho = spearmanRho(x, y) else { return nil }
        let indices = Array(x.indices)
        let ci = Bootstrap.percentileInterval(resamples: resamples, confidence: confidence, using: &random) { random in
            let draw = indices.map { _ in indices[Int.random(in: 0..<indices.count, using: &random)] }
            return spearmanRho(draw.map { x[$0] }, draw.map { y[$0] }) ?? .nan
        }
        return RankCorrelation(rho: rho, ci: ci, samples: x.count)
    }

    /// Spearman's rho, or `nil` when a side has no spread.
    static func spearmanRho(_ x: [Double], _ y: [Double]) -> Double? {
        pearson(ranks(x), ranks(y))
    }

    /// 1-based ranks, ties sharing the mean of their ranks.
    static func ranks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = Array(repeating: 0.0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count && values[order[end + 1]] == values[order[start]] { end += 1 }
            let mean = Double(start + end) / 2 + 1
            for position in start...end { ranks[order[position]] = mean }
            start = end + 1
        }
        return ranks
    }

    static func pearson(_ x: [Double], _ y: [Double]) -> Double? {
        let n = Double(x.count)
        let meanX = x.reduce(0, +) / n, meanY = y.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for (a, b) in zip(x, y) {
            sxy += (a - meanX) * (b - meanY)
            sxx += (a - meanX) * (a - meanX)
            syy += (b - meanY) * (b - meanY)
        }
        guard sxx > 0, syy > 0 else { return nil }
        return sxy / (sxx * syy).squareRoot()
    }
}

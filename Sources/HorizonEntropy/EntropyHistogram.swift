import Foundation

/// Token entropies counted on a fixed grid of 2⁻¹⁰ nats, so that a percentile of every token of
/// a run, and the share of tokens above it, are exact without keeping the tokens.
///
/// An entropy H is counted in bin ⌊H · 2¹⁰⌋ and stands for its quantised value
/// q(H) = ⌊H · 2¹⁰⌋ / 2¹⁰ (≈ 0.001 nats below H at most). Percentiles and "above a threshold" are
/// exact statements about the quantised values. Histograms add, so per-problem histograms, a
/// whole run's, and those of separately analysed shards give the same counts in any order.
///
/// ```swift
/// var histogram = EntropyHistogram()
/// for h in statistics.entropies { histogram.add(h) }
/// let threshold = histogram.quantile(0.8)!        // the run's 80th percentile
/// histogram.count(above: threshold)               // the forking tokens
/// ```
public struct EntropyHistogram: Sendable, Equatable, Codable {
    /// Bins per nat: 2¹⁰, a power of two so that grid values are exact doubles.
    public static let binsPerNat = 1024.0
    /// Entropies at or above this many nats share the last bin (ln of 2⁴⁰ candidates: no
    /// rebuilt distribution comes near).
    public static let largestEntropy = 40.0

    /// Token counts by bin; trailing empty bins are not stored.
    public private(set) var counts: [Int] = []
    /// The number of entropies added.
    public private(set) var total = 0

    public init() {}

    /// The bin of entropy `h`: negative and NaN values count as 0.
    static func bin(_ h: Double) -> Int {
        guard h > 0 else { return 0 }
        return Int((min(h, largestEntropy) * binsPerNat).rounded(.down))
    }

    /// The quantised value q(h) the histogram holds for `h`.
    public static func quantised(_ h: Double) -> Double { Double(bin(h)) / binsPerNat }

    /// Counts one entropy (nats).
    public mutating func add(_ h: Double) {
        let bin = Self.bin(h)
        if bin >= counts.count { counts.append(contentsOf: repeatElement(0, count: bin + 1 - counts.count)) }
        counts[bin] += 1
        total += 1
    }

    /// Adds every count of another histogram.
    public mutating func add(_ other: EntropyHistogram) {
        if other.counts.count > counts.count {
            counts.append(contentsOf: repeatElement(0, count: other.counts.count - counts.count))
        }
        for (bin, count) in other.counts.enumerated() { counts[bin] += count }
        total += other.total
    }

    /// The `probability` quantile of the quantised entropies, type 7 (linear interpolation
    /// between order statistics, as ``Quantile/linear(sorted:probability:)``).
    ///
    /// - Returns: `nil` for an empty histogram.
    /// - Complexity: O(bins).
    public func quantile(_ probability: Double) -> Double? {
        guard total > 0 else { return nil }
        let position = Double(total - 1) * min(max(probability, 0), 1)
        let lowerRank = Int(position.rounded(.down))
        let lower = value(atRank: lowerRank)
        guard lowerRank + 1 < total else { return lower }
        return lower + (position - Double(lowerRank)) * (value(atRank: lowerRank + 1) - lower)
    }

    /// How many counted entropies have a quantised value strictly above `threshold`.
    public func count(above threshold: Double) -> Int {
        var count = 0
        for (bin, binCount) in counts.enumerated().reversed() {
            guard Double(bin) / Self.binsPerNat > threshold else { break }
            count += binCount
        }
        return count
    }

    /// The quantised value of the `rank`-th smallest entropy (0-based).
    private func value(atRank rank: Int) -> Double {
        var seen = 0
        for (bin, count) in counts.enumerated() {
            seen += count
            if seen > rank { return Double(bin) / Self.binsPerNat }
        }
        return Double(counts.count - 1) / Self.binsPerNat
    }
}

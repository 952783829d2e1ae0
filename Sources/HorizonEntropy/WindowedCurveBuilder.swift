import Foundation

/// Builds one problem's windowed Branching Factor curve, a sample at a time.
///
/// The span is cut into non-overlapping windows of ``windowLength`` tokens. A window's value is
/// the mean over samples of exp(mean entropy of the sample's tokens in the window), the paper's
/// "perplexity"-style window BF (reference: `demo.py`, piecewise EBF); with the
/// ``BranchingFactorEstimator/nll`` estimator the mean NLL replaces the mean entropy. `auto`
/// uses the entropy, as the reference does: a window is far shorter than the 50-token switch. Windows are reported up
/// to the shortest sample: every point averages all samples. Samples with no tokens in the span
/// are ignored.
///
/// The builder keeps O(longest / window) numbers, never the tokens, and builders of the same
/// problem merge, so a file can be streamed.
///
/// ```swift
/// var builder = try WindowedCurveBuilder()          // 5-token windows
/// for statistics in samples { builder.add(statistics) }
/// let curve = builder.curve()
/// ```
///
/// Difference from the reference: it drops a window that ends exactly at the shortest sample's
/// end (`position + 5 >= length` skips it); here every complete window counts.
public struct WindowedCurveBuilder: Sendable, Equatable, Codable {
    /// Tokens per window.
    public let windowLength: Int
    /// Whether windows average the sampled tokens' NLL instead of the entropy.
    public let usesNegativeLogLikelihood: Bool
    /// How many non-empty samples were added.
    public private(set) var sampleCount = 0
    /// The token count of the shortest non-empty sample added, or `nil` before the first.
    public private(set) var shortestLength: Int?
    /// Σ over samples of exp(mean H in window w), for every complete window of any sample; exact
    /// so that the sample order does not change the curve.
    private var windowSums: [ExactSum] = []

    /// The reference's window: 5 tokens.
    public static let defaultWindowLength = 5

    /// - Parameters:
    ///   - windowLength: Tokens per window, at least 1.
    ///   - estimator: ``BranchingFactorEstimator/nll`` averages NLL; the others, entropy.
    /// - Throws: ``EntropyError`` with ``EntropyError/Reason/windowLengthTooSmall(_:)``.
    public init(windowLength: Int = defaultWindowLength, estimator: BranchingFactorEstimator = .auto) throws(EntropyError) {
        guard windowLength >= 1 else { throw EntropyError(.windowLengthTooSmall(windowLength)) }
        self.windowLength = windowLength
        self.usesNegativeLogLikelihood = estimator == .nll
    }

    /// Adds one sample's tokens.
    ///
    /// - Parameters:
    ///   - sample: The sample's per-token measures.
    ///   - tokens: The span to measure (e.g. the thinking tokens); the whole output by default.
    ///     Positions are counted from its start.
    /// - Complexity: O(span length).
    public mutating func add(_ sample: TokenStatistics, tokens: Range<Int>? = nil) {
        let span = tokens ?? 0..<sample.count
        precondition(span.lowerBound >= 0 && span.upperBound <= sample.count, "token range \(span) outside 0..<\(sample.count)")
        guard !span.isEmpty else { return }
        sampleCount += 1
        shortestLength = min(shortestLength ?? span.count, span.count)
        let windowCount = span.count / windowLength
        if windowSums.count < windowCount {
            windowSums.append(contentsOf: repeatElement(ExactSum(), count: windowCount - windowSums.count))
        }
        for window in 0..<windowCount {
            let start = span.lowerBound + window * windowLength
            let perToken = usesNegativeLogLikelihood ? sample.negativeLogLikelihoods : sample.entropies
            let windowSum = perToken[start..<start + windowLength].reduce(0, +)
            windowSums[window].add(exp(windowSum / Double(windowLength)))
        }
    }

    /// Adds the samples another builder of the same problem has seen.
    ///
    /// - Precondition: Both builders use the same ``windowLength``.
    public mutating func merge(_ other: WindowedCurveBuilder) {
        precondition(windowLength == other.windowLength, "merging curves of \(windowLength)- and \(other.windowLength)-token windows")
        precondition(usesNegativeLogLikelihood == other.usesNegativeLogLikelihood, "merging entropy and NLL windows")
        guard let otherShortest = other.shortestLength else { return }
        sampleCount += other.sampleCount
        shortestLength = min(shortestLength ?? otherShortest, otherShortest)
        if windowSums.count < other.windowSums.count {
            windowSums.append(contentsOf: repeatElement(ExactSum(), count: other.windowSums.count - windowSums.count))
        }
        for (window, sum) in other.windowSums.enumerated() { windowSums[window].add(sum) }
    }

    /// The curve: one point per complete window of the shortest sample.
    ///
    /// - Parameter minimumSamples: Fewer samples than this give an empty curve.
    /// - Returns: Points at positions 0, w, 2w, ...; each averages ``sampleCount`` samples.
    public func curve(minimumSamples: Int = PositionCurve.defaultMinimumSamples) -> PositionCurve {
        guard let shortestLength, sampleCount >= max(1, minimumSamples) else { return PositionCurve() }
        let windows = 0..<(shortestLength / windowLength)
        return PositionCurve(
            positions: windows.map { $0 * windowLength },
            values: windows.map { windowSums[$0].value / Double(sampleCount) },
            counts: windows.map { _ in sampleCount }
        )
    }
}

import Foundation
import HorizonTraces

/// DeepConf's confidence measures of one output (Fu et al. 2025, "Deep Think with Confidence",
/// github.com/facebookresearch/deepconf, `deepconf/utils.py`).
///
/// The token confidence at step t is C_t = −(1/k) Σ_j ln p_t(j) over the k candidates the server
/// returned there (higher: a more peaked distribution, a more confident step). A group is a
/// sliding window of ``window`` consecutive tokens; its confidence is the mean C_t inside it.
///
/// ```swift
/// let confidence = TraceConfidence(logProbs, window: 2048)!
/// confidence.lowestGroupMean   // the least confident stretch of the output
/// ```
///
/// Differences from the reference: C_t is not rounded to 3 decimals, and a candidate's ln p is
/// floored at ln ``DecodingTruncation/probabilityFloor`` (a server's −∞ would make C_t infinite;
/// vLLM, which the reference reads, never sends one).
public struct TraceConfidence: Sendable, Equatable, Codable {
    /// A full window whose mean confidence is below every earlier window's: the steps of the
    /// running minimum, enough to find where any threshold is first crossed.
    public struct GroupLow: Sendable, Equatable, Codable {
        /// The window's first token (windows are `start..<start + window`).
        public var start: Int
        /// The window's mean C_t.
        public var mean: Double

        public init(start: Int, mean: Double) {
            self.start = start
            self.mean = mean
        }
    }

    /// The number of tokens measured.
    public var tokenCount: Int
    /// The group size W, tokens.
    public var window: Int
    /// Mean C_t over the whole output.
    public var tokenMean: Double
    /// The lowest mean C_t over any W consecutive tokens; the whole output's mean when it is
    /// shorter than W (the reference's `compute_least_grouped`).
    public var lowestGroupMean: Double
    /// Mean C_t over the last W tokens (the whole output when shorter).
    public var tailMean: Double
    /// Mean of the lowest 10% of the sliding-window means: ⌊0.1 × windows⌋ of them, at least
    /// one, over the n − W + 1 windows; the whole output's mean when it is shorter than W (the
    /// reference's `calculate_bottom_window_confidence`).
    public var bottom10Mean: Double
    /// The running minimum of the full windows' means, step by step (empty when the output is
    /// shorter than W). Usually a handful of entries; at most one per window.
    public var groupLows: [GroupLow]

    /// The share of windows the bottom group mean averages over.
    public static let bottomShare = 0.1
    /// DeepConf's group size: 2048 tokens.
    public static let defaultWindow = 2048

    /// Measures one output.
    ///
    /// - Parameters:
    ///   - logProbs: The output's per-token candidates (natural log).
    ///   - window: The group size W, at least 1.
    /// - Returns: `nil` for an output without tokens.
    /// - Complexity: O(c) for c candidates in total; windows by running exact sums, so the
    ///   means of a 100,000-token output are as exact as a 10-token one's.
    public init?(_ logProbs: TokenLogProbs, window: Int = defaultWindow) {
        let confidences = (0..<logProbs.count).map { Self.tokenConfidence(logProbs.candidates(at: $0)) }
        self.init(tokenConfidences: confidences, window: window)
    }

    /// Measures an output from its per-token confidences C_t.
    ///
    /// - Returns: `nil` for no tokens.
    /// - Precondition: `window >= 1`.
    /// - Complexity: O(n) expected (running sums, then a quickselect for the bottom 10%).
    public init?(tokenConfidences confidences: [Double], window: Int = defaultWindow) {
        precondition(window >= 1, "the confidence window must be at least 1 token, got \(window)")
        guard !confidences.isEmpty else { return nil }
        let count = confidences.count
        tokenCount = count
        self.window = window
        var total = ExactSum()
        for value in confidences { total.add(value) }
        tokenMean = total.value / Double(count)
        guard count >= window else {
            lowestGroupMean = tokenMean
            tailMean = tokenMean
            bottom10Mean = tokenMean
            groupLows = []
            return
        }
        // Adding and removing terms of an ExactSum is exact, so the running sum never drifts.
        var running = ExactSum()
        for value in confidences[0..<window] { running.add(value) }
        var means = [Double](repeating: 0, count: count - window + 1)
        var lows: [GroupLow] = []
        for start in means.indices {
            if start > 0 {
                running.add(-confidences[start - 1])
                running.add(confidences[start + window - 1])
            }
            let mean = running.value / Double(window)
            means[start] = mean
            if mean < (lows.last?.mean ?? .infinity) { lows.append(GroupLow(start: start, mean: mean)) }
        }
        groupLows = lows
        lowestGroupMean = lows.last!.mean
        tailMean = means[means.count - 1]
        let bottomCount = max(1, Int(Double(means.count) * Self.bottomShare))
        Self.moveSmallest(bottomCount, toFrontOf: &means)
        var bottom = ExactSum()
        for value in means[0..<bottomCount] { bottom.add(value) }
        bottom10Mean = bottom.value / Double(bottomCount)
    }

    /// C_t of one step: −(1/k) Σ ln p over its k candidates, each ln p floored at
    /// ln ``DecodingTruncation/probabilityFloor``.
    ///
    /// - Returns: 0 for no candidates.
    public static func tokenConfidence(_ candidates: some Collection<Double>) -> Double {
        guard !candidates.isEmpty else { return 0 }
        let floor = log(DecodingTruncation.probabilityFloor)
        var sum = 0.0
        for logProbability in candidates { sum -= logProbability >= floor ? logProbability : floor }
        return sum / Double(candidates.count)
    }

    /// Where DeepConf's online mode would have stopped this output: the number of tokens
    /// generated when the first full window's mean fell below `threshold`.
    ///
    /// - Returns: The tokens up to and including the crossing window's last, or `nil` when no
    ///   full window falls below the threshold (an output shorter than W never stops).
    public func stopLength(threshold: Double) -> Int? {
        groupLows.first { $0.mean < threshold }.map { $0.start + window }
    }

    /// Reorders `values` so that its first `count` elements are its `count` smallest
    /// (Hoare's quickselect with a median-of-three pivot).
    ///
    /// - Complexity: O(n) expected.
    static func moveSmallest(_ count: Int, toFrontOf values: inout [Double]) {
        var low = 0
        var high = values.count - 1
        let target = count - 1
        while low < high {
            let middle = low + (high - low) / 2
            let pivot = Swift.max(Swift.min(values[low], values[middle]), Swift.min(Swift.max(values[low], values[middle]), values[high]))
            var left = low
            var right = high
            while left <= right {
                while values[left] < pivot { left += 1 }
                while values[right] > pivot { right -= 1 }
                if left <= right {
                    values.swapAt(left, right)
                    left += 1
                    right -= 1
                }
            }
            if target <= right {
                high = right
            } else if target >= left {
                low = left
            } else {
                return
            }
        }
    }
}

/// The "common output length" of a problem's samples, as the reference implementation defines it
/// (github.com/yangalan123/LLMBranchingFactor, `condense_arrays_with_inconsistent_lengths` and
/// `compute_bf_values`).
///
/// The reference averages its samples position by position, over positions `0..<⌊q95⌋` where q95
/// is the 95th percentile of the sample lengths (NumPy's linear quantile, truncated to an
/// integer), and stops at the first position that 3 or fewer samples reach. The number of
/// positions that survive is the common length L; the estimator switch compares L with 50.
///
/// Since the count of samples reaching a position only falls, L = min(⌊q95⌋, ℓ₄) where ℓ₄ is the
/// 4th-longest sample's length (0 with fewer than 4 samples).
public enum CommonOutputLength {
    /// The length percentile the reference condenses up to: 0.95.
    public static let referenceQuantile = 0.95
    /// The reference keeps a position only while more than 3 samples reach it.
    public static let referenceMinimumSamples = 4

    /// The common length of samples with the given token counts.
    ///
    /// ```swift
    /// CommonOutputLength.of([10, 20, 30, 40, 50])   // min(⌊48⌋, 20) = 20
    /// ```
    ///
    /// - Parameters:
    ///   - sampleLengths: Each sample's token count.
    ///   - minimumSamples: How many samples must reach a position for it to count; the
    ///     reference's rule is ``referenceMinimumSamples``. Values below 1 act as 1.
    /// - Returns: L, or 0 when fewer than `minimumSamples` samples are given.
    /// - Complexity: O(M log M) for M samples.
    public static func of(_ sampleLengths: [Int], minimumSamples: Int = referenceMinimumSamples) -> Int {
        let required = max(1, minimumSamples)
        guard sampleLengths.count >= required else { return 0 }
        let sorted = sampleLengths.map(Double.init).sorted()
        let percentileLength = Int(Quantile.linear(sorted: sorted, probability: referenceQuantile) ?? 0)
        let reachedByEnough = Int(sorted[sorted.count - required])
        return max(0, min(percentileLength, reachedByEnough))
    }

    /// The common length the ``BranchingFactorEstimator/auto`` switch uses: the reference's rule,
    /// except that a problem with fewer than 4 samples (where the reference has no common length
    /// and fails) requires all of its samples to reach a position.
    ///
    /// - Parameter sampleLengths: Each sample's token count.
    /// - Returns: L as in ``of(_:minimumSamples:)`` with `min(4, M)` required samples.
    public static func forEstimatorSwitch(_ sampleLengths: [Int]) -> Int {
        of(sampleLengths, minimumSamples: min(referenceMinimumSamples, sampleLengths.count))
    }
}

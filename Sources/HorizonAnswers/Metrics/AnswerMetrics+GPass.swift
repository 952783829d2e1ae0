import Foundation

extension AnswerMetrics {
    /// G-Pass@k_τ of Liu et al. 2024, "Are Your LLMs Capable of Stable Reasoning?"
    /// (arXiv:2412.13147): the probability that at least `⌈τk⌉` of `k` samples drawn without
    /// replacement from `n` (of which `c` are correct) are correct,
    /// `Σ_{j=⌈τk⌉}^{c} C(c,j) C(n-c,k-j) / C(n,k)`.
    ///
    /// Each term is a hypergeometric probability computed in log space with `lgamma_r`, so `n` in
    /// the thousands neither overflows nor loses the small terms. `⌈τk⌉` is taken with a 1e-9
    /// slack so that `τ = 0.7, k = 10` gives 7 (not 8 from `0.7 * 10 = 7.000000000000001`).
    ///
    /// ```swift
    /// try AnswerMetrics.gPassAtK(sampleCount: 4, correctCount: 2, k: 2, threshold: 1)  // 1/6
    /// ```
    /// - Parameters:
    ///   - threshold: τ in (0, 1]; τ = 1 is G-Pass@k (all k correct); small τ gives pass@k.
    /// - Throws: ``AnswersError`` unless `1 ≤ k ≤ n`, `0 ≤ c ≤ n`, `0 < τ ≤ 1`.
    /// - Complexity: O(k).
    public static func gPassAtK(sampleCount n: Int, correctCount c: Int, k: Int, threshold tau: Double) throws -> Double {
        try validate(n: n, c: c, k: k)
        guard tau > 0, tau <= 1 else { throw AnswersError(.invalidMetricArgument, "G-Pass@k needs 0 < τ ≤ 1 (τ = \(tau))") }
        let required = Int((tau * Double(k) - 1e-9).rounded(.up))
        return probabilityOfAtLeast(required, n: n, c: c, k: k)
    }

    /// mG-Pass@k of Liu et al. 2024 (arXiv:2412.13147), the area under G-Pass@k_τ for
    /// τ ∈ [0.5, 1], as the paper's discrete form: `(2/k) Σ_{i=⌈k/2⌉+1}^{k} G-Pass@k_{i/k}`.
    ///
    /// - Throws: ``AnswersError`` unless `1 ≤ k ≤ n` and `0 ≤ c ≤ n`.
    /// - Complexity: O(k²).
    public static func mGPassAtK(sampleCount n: Int, correctCount c: Int, k: Int) throws -> Double {
        try validate(n: n, c: c, k: k)
        let first = (k + 1) / 2 + 1
        guard first <= k else { return 0 }
        var sum = 0.0
        for i in first...k { sum += probabilityOfAtLeast(i, n: n, c: c, k: k) }
        return 2 * sum / Double(k)
    }

    /// P(X ≥ required) for X hypergeometric: k draws from n with c successes.
    static func probabilityOfAtLeast(_ required: Int, n: Int, c: Int, k: Int) -> Double {
        let lowest = max(required, 0, k - (n - c))
        let highest = min(c, k)
        guard lowest <= highest else { return 0 }
        let logTotal = logBinomial(n, k)
        var sum = 0.0
        for j in lowest...highest {
            sum += Foundation.exp(logBinomial(c, j) + logBinomial(n - c, k - j) - logTotal)
        }
        return min(sum, 1)
    }

    /// ln C(a, b) for 0 ≤ b ≤ a.
    static func logBinomial(_ a: Int, _ b: Int) -> Double {
        logGamma(Double(a) + 1) - logGamma(Double(b) + 1) - logGamma(Double(a - b) + 1)
    }

    /// ln Γ(x) through `lgamma_r`, the reentrant form: plain `lgamma` writes the C global
    /// `signgam`, a data race when metrics are computed on several threads.
    static func logGamma(_ x: Double) -> Double {
        var sign: Int32 = 0
        return lgamma_r(x, &sign)
    }
}

import Foundation

/// Unbiased estimators of solving a problem within k tries, from n samples with c correct.
public enum PassAtK {
    /// pass@k = 1 − C(n−c, k) / C(n, k) (Chen et al. 2021), as a product so nothing overflows:
    /// C(n−c, k)/C(n, k) = Π_{i=0}^{k−1} (n−c−i)/(n−i).
    ///
    /// Edge cases: k > n or n = 0 gives `nan` (undefined); c = 0 gives 0; n − c < k gives 1.
    public static func unbiased(n: Int, c: Int, k: Int) -> Double {
        guard n > 0, k >= 1, k <= n else { return .nan }
        if n - c < k { return 1 }
        var allWrong = 1.0
        for i in 0..<k { allWrong *= Double(n - c - i) / Double(n - i) }
        return 1 - allWrong
    }

    /// G-Pass@k_τ (Liu et al. 2024, arXiv 2412.13147): the probability that at least ⌈τk⌉ of k
    /// samples drawn without replacement are correct,
    /// Σ_{j=⌈τk⌉}^{c} C(c, j) C(n−c, k−j) / C(n, k). Computed in log space.
    public static func gPass(n: Int, c: Int, k: Int, tau: Double) -> Double {
        guard n > 0, k >= 1, k <= n else { return .nan }
        let lowest = max(Int((tau * Double(k)).rounded(.up)), 0)
        guard lowest <= min(c, k) else { return 0 }
        var total = 0.0
        for j in lowest...min(c, k) where k - j <= n - c {
            total += exp(logChoose(c, j) + logChoose(n - c, k - j) - logChoose(n, k))
        }
        return min(total, 1)
    }

    /// mG-Pass@k: the mean of G-Pass@k_τ over τ in (0.5, 1], integrated as the paper does, as
    /// 2/k Σ_{i=⌈k/2⌉+1}^{k} G-Pass@k_{i/k}.
    public static func mGPass(n: Int, c: Int, k: Int) -> Double {
        guard n > 0, k >= 1, k <= n else { return .nan }
        let start = Int((Double(k) / 2).rounded(.up)) + 1
        guard start <= k else { return gPass(n: n, c: c, k: k, tau: 1) }
        var total = 0.0
        for i in start...k { total += gPass(n: n, c: c, k: k, tau: Double(i) / Double(k)) }
        return 2 * total / Double(k)
    }

    static func logChoose(_ n: Int, _ k: Int) -> Double {
        guard k >= 0, k <= n else { return -.infinity }
        return lgamma(Double(n + 1)) - lgamma(Double(k + 1)) - lgamma(Double(n - k + 1))
    }
}

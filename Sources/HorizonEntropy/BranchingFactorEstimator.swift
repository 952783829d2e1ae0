/// Which per-sample quantity estimates a problem's Branching Factor.
///
/// With M samples y^(i) of a problem, and H_t, NLL_t measured on the truncated distribution
/// (nats):
/// - ``entropy``: B = exp((1/M) Σ_i mean_t H_t^(i)), the paper's estimator for short outputs;
/// - ``nll``: B = exp((1/M) Σ_i mean_t NLL_t^(i)), the asymptotic-equipartition estimator for
///   long outputs;
/// - ``auto``: the reference's switch, per problem: ``nll`` when the problem's
///   ``CommonOutputLength`` exceeds ``asymptoticLimit`` tokens, else ``entropy``.
public enum BranchingFactorEstimator: String, Sendable, Hashable, Codable, CaseIterable {
    case entropy
    case nll
    case auto

    /// The reference's switch length, 50 tokens (`DEFAULT_ASYMPTOTIC_LIMIT`): above it the NLL
    /// average has converged enough to replace the entropy average.
    public static let asymptoticLimit = 50
}

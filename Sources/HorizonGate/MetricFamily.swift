/// The kinds of metric the gate holds. Each family has one direction that counts as worse and
/// one `horizon check` option that sets its threshold; probe metrics join the family of the
/// quantity they measure (a probe's answer BF is a `bf` metric).
public enum MetricFamily: String, Codable, Sendable, CaseIterable {
    /// Branching Factor of any segment, BF@1, a probe's answer BF, BF@t after resampling.
    case bf
    /// Mean accuracy against gold answers.
    case accuracy
    /// Share of samples in the modal answer cluster.
    case agreement
    /// Entropy of the answer distribution over clusters, in nats.
    case answerEntropy = "answer_entropy"
    /// Majority-vote accuracy (maj@k, a resampling probe's majority accuracy).
    case maj

    /// The direction that makes this family worse: a higher BF or answer entropy means a less
    /// stable model; lower accuracy, agreement or maj@k is worse.
    public var worseWhen: ChangeDirection {
        switch self {
        case .bf, .answerEntropy: return .rise
        case .accuracy, .agreement, .maj: return .drop
        }
    }

    /// The `horizon check` option that sets this family's threshold.
    public var thresholdOption: String {
        switch self {
        case .bf: return "--max-bf-rise"
        case .accuracy: return "--max-accuracy-drop"
        case .agreement: return "--max-agreement-drop"
        case .answerEntropy: return "--max-entropy-rise"
        case .maj: return "--max-maj-drop"
        }
    }
}

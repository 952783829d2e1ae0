import HorizonStability

/// One number the gate holds, with the bootstrap interval it was measured with.
///
/// Ids are stable across runs, so a baseline and a later analysis match metric by metric:
/// `bf.overall`, `bf.thinking`, `bf.answer`, `bf.first`, `accuracy`, `agreement`,
/// `answer_entropy`, `maj@8`, `truncation@50%.agreement`, `truncation@256tokens.answer_bf`,
/// `resample@25.bf`, ... (the full list is in docs/ci.md).
public struct GateMetric: Codable, Sendable, Equatable {
    public var id: String
    /// A human name for summaries: "BF, thinking span".
    public var label: String
    public var family: MetricFamily
    public var value: Double
    /// The bootstrap interval; `nil` when the analysis had none (the gate then uses the
    /// threshold test alone for this metric).
    public var ci: ConfidenceInterval?

    public init(id: String, label: String, family: MetricFamily, value: Double, ci: ConfidenceInterval? = nil) {
        self.id = id
        self.label = label
        self.family = family
        self.value = value
        self.ci = ci
    }
}

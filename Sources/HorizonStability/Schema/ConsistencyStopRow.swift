/// The consistency stop rule at one K: what stopping each trace's thinking at the first run of
/// K consecutive probes with the same answer would have kept and saved.
public struct ConsistencyStopRow: Codable, Sendable, Equatable {
    public var k: Int
    /// Probed traces that the analysis also holds (their own answer is the baseline) and whose
    /// thinking length the probe lines record.
    public var samples: Int
    public var problems: Int
    /// Traces the rule stops before the end of their thinking. A run that closes only at the
    /// whole thinking still takes that cut's answer, but saves nothing and is not counted here.
    public var stopped: Int
    /// Accuracy of the traces' own answers (mean over problems; `null` without gold).
    public var accuracyFull: Double?
    /// Accuracy of the answers under the rule: the stopping probe's answer where it fired.
    public var accuracyStopped: Double?
    /// `accuracy_stopped − accuracy_full`, with a paired two-level interval: an interval that
    /// holds 0 is "equal accuracy" at this sample size.
    public var accuracyChange: Double?
    public var accuracyChangeCI: ConfidenceInterval?
    /// Share of traces whose answer under the rule is their own answer (mean over problems).
    public var agreementWithFull: Double?
    /// `1 − Σ thinking kept at the stop / Σ thinking length` over all traces (Dynasor's
    /// token saving; the probes' own tokens not counted).
    public var tokensSavedShare: Double?
    public var tokensSavedShareCI: ConfidenceInterval?
    /// Tokens the probes themselves would cost (one forced answer per probe up to the stop),
    /// over Σ thinking length; the net saving is `tokens_saved_share − probe_tokens_share`.
    public var probeTokensShare: Double?

    enum CodingKeys: String, CodingKey {
        case k, samples, problems, stopped, accuracyFull = "accuracy_full", accuracyStopped = "accuracy_stopped"
        case accuracyChange = "accuracy_change", accuracyChangeCI = "accuracy_change_ci"
        case agreementWithFull = "agreement_with_full", tokensSavedShare = "tokens_saved_share"
        case tokensSavedShareCI = "tokens_saved_share_ci", probeTokensShare = "probe_tokens_share"
    }

    public init(k: Int, samples: Int, problems: Int, stopped: Int, accuracyFull: Double? = nil, accuracyStopped: Double? = nil,
                accuracyChange: Double? = nil, accuracyChangeCI: ConfidenceInterval? = nil, agreementWithFull: Double? = nil,
                tokensSavedShare: Double? = nil, tokensSavedShareCI: ConfidenceInterval? = nil, probeTokensShare: Double? = nil) {
        self.k = k
        self.samples = samples
        self.problems = problems
        self.stopped = stopped
        self.accuracyFull = accuracyFull
        self.accuracyStopped = accuracyStopped
        self.accuracyChange = accuracyChange
        self.accuracyChangeCI = accuracyChangeCI
        self.agreementWithFull = agreementWithFull
        self.tokensSavedShare = tokensSavedShare
        self.tokensSavedShareCI = tokensSavedShareCI
        self.probeTokensShare = probeTokensShare
    }
}

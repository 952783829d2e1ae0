/// The offline DeepConf experiment on the run's own samples: per graded problem, a plain
/// majority vote against votes weighted by each trace's lowest group confidence, over all traces
/// and over the most confident η of them, and what DeepConf's online early stop would have kept
/// and saved (docs/analysis-schema.md states every rule).
public struct ConfidenceVoting: Codable, Sendable, Equatable {
    /// Problems with a gold answer and at least one extracted answer among traces with log-probabilities.
    public var problems: Int
    /// Share of problems whose plain majority vote (every trace with log-probabilities) is correct.
    public var majority: VoteAccuracy
    /// The same traces, each vote weighted by its lowest group confidence.
    public var weighted: VoteAccuracy
    /// One row per η (0.1 and 0.9).
    public var filtered: [FilteredVote]

    public init(problems: Int, majority: VoteAccuracy, weighted: VoteAccuracy, filtered: [FilteredVote]) {
        self.problems = problems
        self.majority = majority
        self.weighted = weighted
        self.filtered = filtered
    }
}

/// An accuracy over problems with its bootstrap interval (problems resampled).
public struct VoteAccuracy: Codable, Sendable, Equatable {
    public var accuracy: Double
    public var ci: ConfidenceInterval?

    public init(accuracy: Double, ci: ConfidenceInterval? = nil) {
        self.accuracy = accuracy
        self.ci = ci
    }
}

/// The votes that keep the most confident η of the traces.
public struct FilteredVote: Codable, Sendable, Equatable {
    /// The share of traces kept, 0.1 (DeepConf-low) or 0.9 (DeepConf-high).
    public var eta: Double
    /// Offline: the confidence-weighted vote over the traces whose lowest group confidence is at
    /// least the problem's (1 − η) quantile of all its traces'.
    public var offline: VoteAccuracy
    /// Online, simulated: warm-up traces set the threshold, later traces stop at the first
    /// window below it; the vote is weighted over the warm-up traces at or above the threshold and
    /// the later traces that never fell below it.
    public var online: VoteAccuracy
    /// Share of all tokens of the traces that the online early stop would not have generated.
    public var tokensSaved: Double
    /// Share of the later (non-warm-up) traces the online rule stopped.
    public var tracesStopped: Double

    enum CodingKeys: String, CodingKey {
        case eta, offline, online, tokensSaved = "tokens_saved", tracesStopped = "traces_stopped"
    }

    public init(eta: Double, offline: VoteAccuracy, online: VoteAccuracy, tokensSaved: Double, tracesStopped: Double) {
        self.eta = eta
        self.offline = offline
        self.online = online
        self.tokensSaved = tokensSaved
        self.tracesStopped = tracesStopped
    }
}

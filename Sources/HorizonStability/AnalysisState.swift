import HorizonEntropy

/// Everything ``AnalysisBuilder`` gathers from the input, before any set-level number is
/// computed: what a shard writes to its part file and `merge` adds up, so the merged analysis
/// is the one a single machine would have written.
///
/// Two kinds of field. **Input-level** fields (``inputs``, ``invalid``, ``readCounts``) describe
/// the files read: a shard that reads every line has the same ones as every other part, and
/// merging checks that they are; a shard that reads only its own files (`--split-input`) has
/// those files' share, and merging adds them up in shard order. **Problem-level** fields hold what the shard's own problems contributed,
/// and merging adds them up: per-problem accumulators (disjoint between shards), per-trace
/// counts, the recorded sampling, probe records.
///
/// A new metric that needs more than ``ProblemAccumulator`` keeps adds its field here, its
/// addition to ``merge(_:)``, and its coding key; set-level numbers (means, intervals) are
/// computed from the merged state only, in ``AnalysisBuilder/finish(horizonVersion:)``.
public struct AnalysisState: Sendable, Equatable {
    /// The trace and probe files read, in order.
    public var inputs: [AnalysisInput] = []
    /// The first 100 invalid lines skipped.
    public var invalid: [InvalidLine] = []
    /// The reader's counts over every line: `lines`, `invalid_lines`, `duplicates`,
    /// `empty_top_lists`, `sampled_not_in_top` (the other fields stay 0).
    public var readCounts = AnalysisCounts()

    /// Per-trace counts of the shard's traces: `traces`, `traces_with_logprobs`, `tokens`,
    /// `low_coverage_tokens`, `truncated`, `opening_marker_missing`.
    var traceCounts = AnalysisCounts()
    var problems: [String: ProblemAccumulator] = [:]
    var models: Set<String> = []
    /// Traces with log-probabilities by the truncation their recorded sampling implies
    /// (`nil`: none recorded).
    var recordedTruncations: [DecodingTruncation?: Int] = [:]
    /// Traces by the recorded settings the rebuild could not apply.
    var settingsNotRebuilt: [String: Int] = [:]
    /// Traces whose heuristic thinking and answer spans were left unmeasured.
    var unmeasuredSpans = 0
    /// Measured probe continuations of the shard's problems.
    var probes: [ProbeRecord] = []
    /// The report's token-strip trace (``TokenStrip/isPreferred(over:)``).
    var strip: TokenStrip?

    public init() {}

    /// The whole counts: the reader's, the traces', and the number of problems.
    public var counts: AnalysisCounts {
        var counts = readCounts
        counts.traces = traceCounts.traces
        counts.tracesWithLogProbs = traceCounts.tracesWithLogProbs
        counts.tokens = traceCounts.tokens
        counts.lowCoverageTokens = traceCounts.lowCoverageTokens
        counts.truncated = traceCounts.truncated
        counts.openingMarkerMissing = traceCounts.openingMarkerMissing
        counts.problems = problems.count
        return counts
    }
}

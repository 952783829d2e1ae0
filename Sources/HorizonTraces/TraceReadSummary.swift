/// What a completed read saw.
public struct TraceReadSummary: Sendable, Equatable {
    /// Input files read (`-` counts as one).
    public var files = 0
    /// Bytes read.
    public var bytes = 0
    /// Lines read, blank ones included.
    public var lines = 0
    /// Lines holding only whitespace (skipped).
    public var blankLines = 0
    /// Traces handed to the consumer.
    public var traces = 0
    /// Lines rejected as a whole (malformed, or breaking a validation rule).
    public var invalidLines = 0
    /// Samples dropped because an earlier trace had the same problem id and sample index.
    public var duplicates = 0
    /// The first errors (invalid lines and duplicates, in input order), up to
    /// ``TraceReadOptions/maxRecordedErrors``; the counts above hold them all.
    public var errors: [TraceError] = []
    /// Steps with an empty top list, over all traces (the sampled token was their only candidate).
    public var emptyTopLists = 0
    /// Steps whose top list missed the sampled token, over all traces.
    public var sampledNotInTop = 0
    /// Traces without log-probabilities (Branching Factor cannot be measured on them).
    public var tracesWithoutLogProbs = 0

    public init() {}
}

/// A trace read from a line, with the counts of the log-probability oddities the parser
/// tolerated in it.
public struct ParsedTrace: Sendable, Equatable {
    /// The trace. Its ``Trace/sampleIndex`` is the one the line gave, or `nil`;
    /// ``TraceReader`` fills in missing ones.
    public var trace: Trace
    /// Steps whose top list was empty or absent (the sampled token was made the only candidate).
    public var emptyTopLists: Int
    /// Steps whose top list did not hold the sampled token (its rank is -1).
    public var sampledNotInTop: Int
    /// Where each step's top list starts in the line (-1: none); see ``CandidateTexts``.
    var topListOffsets: [Int32] = []

    public init(trace: Trace, emptyTopLists: Int = 0, sampledNotInTop: Int = 0) {
        self.trace = trace
        self.emptyTopLists = emptyTopLists
        self.sampledNotInTop = sampledNotInTop
    }
}

/// The per-token log-probabilities of one output, stored as flat arrays.
///
/// Flat storage keeps a trace to a handful of allocations however long it is; token `i`'s
/// candidates are `candidateLogProbs[candidateStart(i)..<candidateEnds[i]]`, in the order the
/// server sent them. Log-probabilities are natural logs; probability 0 is `-infinity` (servers
/// send `-FLT_MAX` or `-9999` for it; the reader maps both).
public struct TokenLogProbs: Sendable, Equatable {
    /// The bytes of every token, concatenated; token `i` is `tokenBytes[tokenStart(i)..<tokenEnds[i]]`.
    /// Taken from the server's `bytes` when it sends them (raw token bytes, possibly a partial
    /// UTF-8 character), else the UTF-8 of the token string.
    public var tokenBytes: [UInt8]
    /// Exclusive end offset of each token in ``tokenBytes``.
    public var tokenEnds: [Int32]
    /// The log-probability of the sampled token at each step.
    public var sampledLogProbs: [Double]
    /// The index of the sampled token in its step's candidates, or -1 when the server's top list
    /// does not hold it.
    public var sampledRanks: [Int32]
    /// The candidates' log-probabilities of every step, concatenated.
    public var candidateLogProbs: [Double]
    /// Exclusive end offset of each step's candidates in ``candidateLogProbs``.
    public var candidateEnds: [Int32]
    /// The vocabulary id of every sampled token, when the server sent one for each (llama.cpp's
    /// `id`); empty otherwise. Probes send a kept prefix as these ids, so the cut is not
    /// re-tokenised (docs/sampling.md).
    public var tokenIDs: [Int32] = []

    public init(
        tokenBytes: [UInt8] = [],
        tokenEnds: [Int32] = [],
        sampledLogProbs: [Double] = [],
        sampledRanks: [Int32] = [],
        candidateLogProbs: [Double] = [],
        candidateEnds: [Int32] = []
    ) {
        self.tokenBytes = tokenBytes
        self.tokenEnds = tokenEnds
        self.sampledLogProbs = sampledLogProbs
        self.sampledRanks = sampledRanks
        self.candidateLogProbs = candidateLogProbs
        self.candidateEnds = candidateEnds
    }

    /// The number of generated tokens.
    public var count: Int { tokenEnds.count }

    /// Start offset of token `i` in ``tokenBytes``.
    @inlinable public func tokenStart(_ i: Int) -> Int { i == 0 ? 0 : Int(tokenEnds[i - 1]) }

    /// Start offset of step `i`'s candidates in ``candidateLogProbs``.
    @inlinable public func candidateStart(_ i: Int) -> Int { i == 0 ? 0 : Int(candidateEnds[i - 1]) }

    /// The bytes of token `i`.
    public func bytes(ofToken i: Int) -> ArraySlice<UInt8> { tokenBytes[tokenStart(i)..<Int(tokenEnds[i])] }

    /// The candidates' log-probabilities at step `i`.
    public func candidates(at i: Int) -> ArraySlice<Double> {
        candidateLogProbs[candidateStart(i)..<Int(candidateEnds[i])]
    }

    /// Appends one step. `candidates` are in server order; `sampledRank` is the sampled token's
    /// index among them, or -1.
    public mutating func append(
        tokenBytes bytes: some Collection<UInt8>,
        sampledLogProb: Double,
        sampledRank: Int,
        candidates: some Collection<Double>
    ) {
        tokenBytes.append(contentsOf: bytes)
        tokenEnds.append(Int32(tokenBytes.count))
        sampledLogProbs.append(sampledLogProb)
        sampledRanks.append(Int32(sampledRank))
        candidateLogProbs.append(contentsOf: candidates)
        candidateEnds.append(Int32(candidateLogProbs.count))
    }
}

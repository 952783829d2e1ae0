import HorizonTraces

/// Per-token measures of one output, rebuilt from its log-probabilities, stored as parallel
/// arrays (one entry per generated token).
///
/// Each token's distribution is rebuilt the way the reference implementation does
/// (github.com/yangalan123/LLMBranchingFactor): sort the returned candidates by probability, drop
/// those below ``DecodingTruncation/probabilityFloor``, apply the ``DecodingTruncation`` rule, add
/// the sampled token when the rule cut it or the server did not list it, and renormalise the kept
/// probabilities (``DecodingTruncation`` states the rules and the one deliberate difference). All
/// values are in nats (natural log).
///
/// ```swift
/// let statistics = TokenStatistics(trace.logProbs!, options: .init(truncation: .topP(0.9)))
/// let measures = statistics.measures(in: 0..<statistics.count)
/// ```
public struct TokenStatistics: Sendable, Equatable, Codable {
    /// How the per-token distributions are rebuilt.
    public struct Options: Sendable, Hashable, Codable {
        /// The truncation decoding applied (top-p 0.9 by default, the reference's setting).
        ///
        /// Use `.topP(1)` for log-probabilities the server already truncated and renormalised
        /// (``LogProbKind/processed``), so they are not truncated twice.
        public var truncation: DecodingTruncation
        /// An upper limit on the number of tokens the unreturned probability mass can spread over,
        /// used only by the entropy upper bound. Defaults to ``defaultVocabularySize``.
        public var vocabularySize: Int

        /// 2^18 = 262,144: at least the vocabulary of current open models (Llama 3: 128,256;
        /// Qwen 2.5/3: 151,936; Gemma 3: 262,144), so the bound stays an upper bound for them.
        public static let defaultVocabularySize = 262_144

        public init(truncation: DecodingTruncation = .default, vocabularySize: Int = defaultVocabularySize) {
            self.truncation = truncation
            self.vocabularySize = vocabularySize
        }

        /// Checks the truncation threshold and the vocabulary size.
        ///
        /// - Throws: ``EntropyError`` naming the bad setting.
        public func validate() throws(EntropyError) {
            try truncation.validate()
            guard vocabularySize >= 1 else { throw EntropyError(.vocabularySizeTooSmall(vocabularySize)) }
        }
    }

    /// The settings the arrays were computed with.
    public private(set) var options: Options
    /// Entropy H_t of each token's rebuilt (truncated, renormalised) distribution, in nats.
    public private(set) var entropies: [Double]
    /// Negative log-likelihood -ln p~(sampled) of each sampled token under the rebuilt
    /// distribution, in nats. The sampled token's probability is floored at
    /// ``DecodingTruncation/probabilityFloor`` (as the reference's `compute_loglik` does), so a
    /// server's `-inf` gives 27.63 nats instead of infinity.
    public private(set) var negativeLogLikelihoods: [Double]
    /// The probability the server did not return at each step: 1 - (sum of the returned
    /// candidates' probabilities, plus the sampled token's when it is not among them), at least 0.
    /// Candidates below ``DecodingTruncation/probabilityFloor`` count as 0.
    public private(set) var missingMasses: [Double]
    /// Whether the returned candidates are too few to know the truncation set: for top-p, their
    /// mass is below top-p; for min-p, an unreturned token could still reach min-p. The entropy
    /// of such a token is computed from what was returned and may be too low.
    public private(set) var isLowCoverage: [Bool]
    /// An upper bound, in nats, on the entropy of the full *untruncated* distribution at each
    /// step: the returned candidates' own terms plus the missing mass m spread evenly over
    /// ``Options/vocabularySize`` V tokens, `-sum p ln p + m ln(V / m)`.
    public private(set) var untruncatedEntropyUpperBounds: [Double]

    /// The number of tokens.
    public var count: Int { entropies.count }

    /// Rebuilds every token's truncated distribution in one pass and records its measures.
    ///
    /// - Parameters:
    ///   - logProbs: The output's per-token log-probabilities (natural log).
    ///   - options: The truncation rule and the vocabulary bound. Unvalidated options give the
    ///     results documented on ``DecodingTruncation/validate()``; a vocabulary size below 1 is
    ///     treated as 1.
    /// - Complexity: O(c) for c candidates in total when each step's candidates arrive sorted by
    ///   probability (servers send them so) or a step has at most 64; O(c log c) otherwise. One
    ///   scratch buffer serves the whole output; the per-token work allocates nothing, except the
    ///   standard sort's buffer for a step of more than 64 candidates out of order.
    public init(_ logProbs: TokenLogProbs, options: Options = Options()) {
        self.options = options
        let tokenCount = logProbs.count
        entropies = []
        negativeLogLikelihoods = []
        missingMasses = []
        isLowCoverage = []
        untruncatedEntropyUpperBounds = []
        entropies.reserveCapacity(tokenCount)
        negativeLogLikelihoods.reserveCapacity(tokenCount)
        missingMasses.reserveCapacity(tokenCount)
        isLowCoverage.reserveCapacity(tokenCount)
        untruncatedEntropyUpperBounds.reserveCapacity(tokenCount)

        var widestStep = 0
        var previousEnd = 0
        for end in logProbs.candidateEnds {
            widestStep = max(widestStep, Int(end) - previousEnd)
            previousEnd = Int(end)
        }
        let rebuild = TruncatedDistribution(options: options)
        // One extra slot for a sampled token the server did not list.
        withUnsafeTemporaryAllocation(of: TruncatedDistribution.Candidate.self, capacity: widestStep + 1) { scratch in
            logProbs.candidateLogProbs.withUnsafeBufferPointer { candidates in
                var start = 0
                for token in 0..<tokenCount {
                    let end = Int(logProbs.candidateEnds[token])
                    let measure = rebuild.measure(
                        candidates: UnsafeBufferPointer(rebasing: candidates[start..<end]),
                        sampledLogProb: logProbs.sampledLogProbs[token],
                        sampledRank: Int(logProbs.sampledRanks[token]),
                        scratch: scratch
                    )
                    entropies.append(measure.entropy)
                    negativeLogLikelihoods.append(measure.negativeLogLikelihood)
                    missingMasses.append(measure.missingMass)
                    isLowCoverage.append(measure.isLowCoverage)
                    untruncatedEntropyUpperBounds.append(measure.untruncatedEntropyUpperBound)
                    start = end
                }
            }
        }
    }

    /// The measures of the tokens in `range`, as their own ``TokenStatistics`` (positions
    /// restart at 0). Used to measure a thinking or answer span on its own.
    ///
    /// - Precondition: `range` lies within `0..<count`.
    /// - Complexity: O(`range.count`).
    public subscript(range: Range<Int>) -> TokenStatistics {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "token range \(range) outside 0..<\(count)")
        var slice = self
        slice.entropies = Array(entropies[range])
        slice.negativeLogLikelihoods = Array(negativeLogLikelihoods[range])
        slice.missingMasses = Array(missingMasses[range])
        slice.isLowCoverage = Array(isLowCoverage[range])
        slice.untruncatedEntropyUpperBounds = Array(untruncatedEntropyUpperBounds[range])
        return slice
    }
}

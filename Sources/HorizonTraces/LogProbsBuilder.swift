import HorizonCommon

/// One output's log-probabilities as they are being read, with the counts of the two
/// tolerated oddities (which ``TokenLogProbs`` alone cannot tell apart afterwards).
struct LogProbsBuilder {
    var logProbs = TokenLogProbs()
    /// Steps whose top list was empty or absent; the sampled token is their only candidate.
    var emptyTopLists = 0
    /// Steps whose non-empty top list does not hold the sampled token.
    var sampledNotInTop = 0
    /// Whether every step so far carried its token id; one without ends the ids.
    var idsComplete = true
    /// The token id of the step closed last, when it carried one.
    var lastTokenID: Int?
    /// Where each step's top list starts in the line (-1: none), so that the few candidates
    /// whose texts the analysis shows can be read again later (``CandidateTexts``) instead of
    /// every candidate's text being kept.
    var topListOffsets: [Int32] = []
    /// The offset of the current step's top list, set when the parser meets it.
    var pendingTopList: Int32 = -1

    /// The value stored for a log-probability (natural log) the server sent.
    ///
    /// `-FLT_MAX`, `-9999` and anything below (the ways servers write probability 0) become
    /// `-infinity`; a positive value up to 1e-6 is float rounding of probability 1 and becomes
    /// 0.
    ///
    /// - Parameter what: Names the value for the error message, e.g. `token 12`.
    /// - Throws: ``TraceError/Reason/invalidLogProb`` for NaN, +infinity, or a larger
    ///   positive value.
    @inline(__always)
    static func stored(_ logProb: Double, _ what: @autoclosure () -> String) throws -> Double {
        if logProb <= -9999 { return -.infinity }
        if logProb <= 0 { return logProb }
        if logProb <= 1e-6 { return 0 }
        let problem = logProb.isNaN ? "NaN" : logProb == .infinity ? "+infinity" : "positive (\(logProb))"
        throw LineFault(.invalidLogProb, "the log-probability of \(what()) is \(problem)")
    }

    /// Moves past a log-probability that is checked but not kept, accepting exactly what
    /// ``stored(_:_:)`` accepts: a number written with a minus sign (or `-Infinity`) needs no
    /// conversion, which is most of the cost of reading a top list.
    ///
    /// - Throws: what ``stored(_:_:)`` throws, or a syntax error.
    @inline(__always)
    static func check(_ cursor: inout JSONCursor, _ what: @autoclosure () -> String) throws {
        if cursor.peek() == ASCII.minus {
            try cursor.skipNumber()
        } else {
            _ = try stored(cursor.parseDouble(), what())
        }
    }

    /// Closes step `step` after its candidates were appended (from `candidateStart` on).
    ///
    /// - Parameters:
    ///   - sampledLogProb: The sampled token's stored log-probability.
    ///   - rank: The sampled token's index among the candidates, or -1.
    ///   - candidateStart: Where this step's candidates begin in `candidateLogProbs`.
    ///   - id: The sampled token's id, when the server sent it.
    mutating func finishStep(sampledLogProb: Double, rank: Int, candidateStart: Int, id: Int? = nil) {
        lastTokenID = id
        if idsComplete, let id, let stored = Int32(exactly: id) {
            logProbs.tokenIDs.append(stored)
        } else if idsComplete {
            idsComplete = false
            logProbs.tokenIDs = []
        }
        var rank = rank
        if logProbs.candidateLogProbs.count == candidateStart {
            // Empty top list: the sampled token is the step's only known candidate.
            logProbs.candidateLogProbs.append(sampledLogProb)
            rank = 0
            emptyTopLists += 1
        } else if rank < 0 {
            sampledNotInTop += 1
        }
        logProbs.tokenEnds.append(Int32(truncatingIfNeeded: logProbs.tokenBytes.count))
        logProbs.sampledLogProbs.append(sampledLogProb)
        logProbs.sampledRanks.append(Int32(truncatingIfNeeded: rank))
        logProbs.candidateEnds.append(Int32(truncatingIfNeeded: logProbs.candidateLogProbs.count))
        topListOffsets.append(pendingTopList)
        pendingTopList = -1
    }
}

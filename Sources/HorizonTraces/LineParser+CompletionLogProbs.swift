import HorizonCommon

/// The parallel lists of the legacy completions shape, read before the top lists are matched
/// against them: `tokens`, `token_logprobs` (its first entry may be `null`: an echoed prompt
/// token, which is dropped).
struct CompletionLogProbs {
    /// The tokens' bytes, concatenated, and each token's end offset.
    var tokenBytes: [UInt8] = []
    var tokenEnds: [Int] = []
    var hasTokens = false
    /// The sampled log-probabilities (stored form); entry 0 is a placeholder when `leadingNull`.
    var sampledLogProbs: [Double] = []
    var hasSampledLogProbs = false
    var leadingNull = false

    var hasTokensAndLogProbs: Bool { hasTokens && hasSampledLogProbs }

    func tokenRange(_ step: Int) -> Range<Int> { (step == 0 ? 0 : tokenEnds[step - 1])..<tokenEnds[step] }
}

extension LineParser {
    /// Parses `tokens: [str]`.
    mutating func parseCompletionTokens(into legacy: inout CompletionLogProbs) throws {
        if cursor.skipNull() { return }
        guard cursor.peek() == ASCII.openBracket else { throw LineFault(.invalidField, "logprobs.tokens must be an array") }
        legacy.hasTokens = true
        guard try cursor.enterArray() else { return }
        repeat {
            guard let token = try readOptionalRawString(field: "logprobs.tokens[\(legacy.tokenEnds.count)]") else {
                throw LineFault(.invalidField, "logprobs.tokens[\(legacy.tokenEnds.count)] must be a string")
            }
            cursor.decode(token, into: &legacy.tokenBytes)
            legacy.tokenEnds.append(legacy.tokenBytes.count)
        } while try cursor.nextElement()
    }

    /// Parses `token_logprobs: [number|null]`; only the first entry may be `null`.
    mutating func parseCompletionSampledLogProbs(into legacy: inout CompletionLogProbs) throws {
        if cursor.skipNull() { return }
        guard cursor.peek() == ASCII.openBracket else {
            throw LineFault(.invalidField, "logprobs.token_logprobs must be an array")
        }
        legacy.hasSampledLogProbs = true
        guard try cursor.enterArray() else { return }
        repeat {
            let step = legacy.sampledLogProbs.count
            if cursor.skipNull() {
                guard step == 0 else { throw LineFault(.invalidLogProb, "the log-probability of token \(step) is null") }
                legacy.leadingNull = true
                legacy.sampledLogProbs.append(0)
            } else {
                legacy.sampledLogProbs.append(try LogProbsBuilder.stored(cursor.parseDouble(), "token \(step)"))
            }
        } while try cursor.nextElement()
    }

    /// Builds the log-probabilities once the whole object was read.
    ///
    /// - Parameter topListsAt: Where the `top_logprobs` value is, when it came before the
    ///   lists it is matched against; `nil` when the object has none.
    /// - Returns: `nil` when the object has no `tokens`.
    mutating func finishCompletionLogProbs(
        _ legacy: CompletionLogProbs, topListsAt deferred: Int?
    ) throws -> LogProbsBuilder? {
        guard legacy.hasTokens else { return nil }
        guard let deferred else { return try assembleSteps(of: legacy, parsingTopLists: false) }
        let resume = cursor.position
        cursor.position = deferred
        defer { cursor.position = resume }
        return try parseCompletionTopLists(of: legacy)
    }

    /// Parses `top_logprobs: [{token: logprob} | null] | null` at the cursor and assembles
    /// the steps.
    ///
    /// Dictionary keys are decoded strings (vLLM merges tokens that read alike into one key);
    /// the sampled token is the key equal to its token string.
    mutating func parseCompletionTopLists(of legacy: CompletionLogProbs) throws -> LogProbsBuilder {
        if cursor.skipNull() { return try assembleSteps(of: legacy, parsingTopLists: false) }
        guard cursor.peek() == ASCII.openBracket else {
            throw LineFault(.invalidField, "logprobs.top_logprobs must be an array or null")
        }
        return try assembleSteps(of: legacy, parsingTopLists: true)
    }

    /// Builds the steps, reading one top list per step from the array at the cursor when
    /// `parsingTopLists` (otherwise every step has an empty top list).
    private mutating func assembleSteps(
        of legacy: CompletionLogProbs, parsingTopLists: Bool
    ) throws -> LogProbsBuilder {
        let stepCount = legacy.tokenEnds.count
        guard legacy.hasSampledLogProbs else {
            throw LineFault(.invalidLogProb, "logprobs has tokens but no token_logprobs")
        }
        guard legacy.sampledLogProbs.count == stepCount else {
            throw LineFault(
                .invalidLogProb,
                "logprobs has \(stepCount) tokens but \(legacy.sampledLogProbs.count) token_logprobs")
        }
        let firstStep = legacy.leadingNull ? 1 : 0
        var builder = LogProbsBuilder()
        var listCount = 0
        if parsingTopLists, try cursor.enterArray() {
            repeat {
                guard listCount < stepCount else {
                    throw LineFault(.invalidLogProb, "logprobs has more top_logprobs entries than its \(stepCount) tokens")
                }
                if listCount < firstStep {
                    try cursor.skipValue()
                } else {
                    let candidateStart = builder.logProbs.candidateLogProbs.count
                    let rank = try parseCompletionTopList(step: listCount, of: legacy, into: &builder)
                    appendStep(listCount, of: legacy, rank: rank, candidateStart: candidateStart, to: &builder)
                }
                listCount += 1
            } while try cursor.nextElement()
        }
        if parsingTopLists {
            guard listCount == stepCount else {
                throw LineFault(.invalidLogProb, "logprobs has \(stepCount) tokens but \(listCount) top_logprobs entries")
            }
        } else {
            for step in firstStep..<stepCount {
                appendStep(step, of: legacy, rank: -1, candidateStart: builder.logProbs.candidateLogProbs.count, to: &builder)
            }
        }
        return builder
    }

    /// One `{token: logprob}` dictionary (or `null`); returns the sampled token's index or -1.
    private mutating func parseCompletionTopList(
        step: Int, of legacy: CompletionLogProbs, into builder: inout LogProbsBuilder
    ) throws -> Int {
        builder.pendingTopList = Int32(truncatingIfNeeded: cursor.position)
        if cursor.skipNull() { return -1 }
        guard cursor.peek() == ASCII.openBrace else {
            throw LineFault(.invalidField, "top_logprobs of token \(step) must be an object or null")
        }
        guard try cursor.enterObject() else { return -1 }
        let token = legacy.tokenBytes[legacy.tokenRange(step)]
        var rank = -1
        var index = 0
        repeat {
            let key = try cursor.readKey()
            if rank < 0 {
                candidateScratch.removeAll(keepingCapacity: true)
                cursor.decode(key, into: &candidateScratch)
                if candidateScratch.elementsEqual(token) { rank = index }
            }
            if cursor.skipNull() {
                throw LineFault(.invalidLogProb, "the log-probability of candidate \(index) of token \(step) is missing")
            }
            builder.logProbs.candidateLogProbs.append(
                try LogProbsBuilder.stored(cursor.parseDouble(), "candidate \(index) of token \(step)"))
            index += 1
        } while try cursor.nextMember()
        return rank
    }

    /// Appends step `step`'s token and closes it (its candidates, if any, are already in).
    private func appendStep(
        _ step: Int, of legacy: CompletionLogProbs, rank: Int, candidateStart: Int, to builder: inout LogProbsBuilder
    ) {
        builder.logProbs.tokenBytes.append(contentsOf: legacy.tokenBytes[legacy.tokenRange(step)])
        builder.finishStep(sampledLogProb: legacy.sampledLogProbs[step], rank: rank, candidateStart: candidateStart)
    }
}

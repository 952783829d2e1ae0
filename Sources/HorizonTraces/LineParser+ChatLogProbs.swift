import HorizonCommon

extension LineParser {
    /// Parses a `logprobs` value: `null`, an object in the chat shape (`{"content": [...]}`) or
    /// the legacy completions shape (`{"tokens": [...], ...}`), or a bare array of chat entries
    /// (Ollama's native API).
    ///
    /// - Returns: The log-probabilities, or `nil` for `null` and for an object holding neither
    ///   `content` nor `tokens` (a streamed chunk's `{"content": null}`, say).
    mutating func parseLogProbs() throws -> LogProbsBuilder? {
        switch cursor.peek() {
        case ASCII.n:
            try cursor.expectWord("null")
            return nil
        case ASCII.openBracket:
            var builder = LogProbsBuilder()
            try parseChatEntries(into: &builder)
            return builder
        case ASCII.openBrace:
            return try parseLogProbsObject()
        default:
            try cursor.skipValue()
            throw LineFault(.invalidField, "logprobs must be an object, an array or null")
        }
    }

    private mutating func parseLogProbsObject() throws -> LogProbsBuilder? {
        var chat: LogProbsBuilder?
        var legacy = CompletionLogProbs()
        var legacyBuilder: LogProbsBuilder?
        var deferredTopLists: Int?
        if try cursor.enterObject() {
            repeat {
                let key = try cursor.readKey()
                if cursor.matches(key, "content") {
                    if !cursor.skipNull() {
                        var builder = LogProbsBuilder()
                        try parseChatEntries(into: &builder)
                        chat = builder
                    }
                } else if cursor.matches(key, "tokens") {
                    try parseCompletionTokens(into: &legacy)
                } else if cursor.matches(key, "token_logprobs") {
                    try parseCompletionSampledLogProbs(into: &legacy)
                } else if cursor.matches(key, "top_logprobs") {
                    // Matching candidates to tokens needs both lists; they usually come first.
                    if legacy.hasTokensAndLogProbs {
                        legacyBuilder = try parseCompletionTopLists(of: legacy)
                    } else {
                        deferredTopLists = cursor.position
                        try cursor.skipValue()
                    }
                } else {
                    try cursor.skipValue()
                }
            } while try cursor.nextMember()
        }
        if let chat { return chat }
        if let legacyBuilder { return legacyBuilder }
        return try finishCompletionLogProbs(legacy, topListsAt: deferredTopLists)
    }

    /// Parses the chat shape's entries `[{token, logprob, bytes, top_logprobs}]` at the cursor.
    ///
    /// - Complexity: O(bytes of the array); nothing is allocated per token or candidate
    ///   beyond the builder's amortised growth.
    mutating func parseChatEntries(into builder: inout LogProbsBuilder) throws {
        guard cursor.peek() == ASCII.openBracket else {
            throw LineFault(.invalidField, "logprobs.content must be an array")
        }
        guard try cursor.enterArray() else { return }
        var step = 0
        repeat {
            try parseChatEntry(step: step, into: &builder)
            step += 1
        } while try cursor.nextElement()
    }

    /// One chat entry: the sampled token (its bytes go straight into the builder), its
    /// log-probability, and its top list.
    mutating func parseChatEntry(step: Int, into builder: inout LogProbsBuilder) throws {
        guard cursor.peek() == ASCII.openBrace else {
            throw LineFault(.invalidField, "log-probability entry of token \(step) must be an object")
        }
        let tokenStart = builder.logProbs.tokenBytes.count
        let candidateStart = builder.logProbs.candidateLogProbs.count
        var token: RawString?
        var hasBytes = false
        var sampledID: Int?
        var sampledLogProb: Double?
        var rank = -1
        var deferredTopList: Int?
        if try cursor.enterObject() {
            repeat {
                switch try cursor.readLogProbKey() {
                case .id:
                    sampledID = try readOptionalTokenID(field: "the id of token \(step)")
                case .token:
                    token = try readOptionalRawString(field: "the token of step \(step)")
                case .logprob:
                    if !cursor.skipNull() {
                        sampledLogProb = try LogProbsBuilder.stored(cursor.parseDouble(), "token \(step)")
                    }
                case .bytes:
                    if !cursor.skipNull() {
                        if builder.logProbs.tokenBytes.count > tokenStart {  // a second `bytes`
                            builder.logProbs.tokenBytes.removeSubrange(tokenStart...)
                        }
                        try cursor.parseByteArray(appendingTo: &builder.logProbs.tokenBytes, field: "bytes of token \(step)")
                        hasBytes = true
                    }
                case .topLogprobs:
                    if token == nil && !hasBytes && sampledID == nil {
                        // The sampled token comes later; read the list once it is known.
                        deferredTopList = cursor.position
                        try cursor.skipValue()
                    } else {
                        let sampledBytes = hasBytes ? tokenStart..<builder.logProbs.tokenBytes.count : nil
                        rank = try parseChatTopList(
                            step: step, id: sampledID, token: token, bytes: sampledBytes, into: &builder)
                    }
                case .other:
                    try cursor.skipValue()
                }
            } while try cursor.nextMember()
        }
        if !hasBytes {
            guard let token else {
                throw LineFault(.invalidField, "log-probability entry of token \(step) has neither token nor bytes")
            }
            cursor.decode(token, into: &builder.logProbs.tokenBytes)
        }
        if let deferredTopList {
            let resume = cursor.position
            cursor.position = deferredTopList
            let sampledBytes = hasBytes ? tokenStart..<builder.logProbs.tokenBytes.count : nil
            rank = try parseChatTopList(step: step, id: sampledID, token: token, bytes: sampledBytes, into: &builder)
            cursor.position = resume
        }
        guard let sampledLogProb else {
            throw LineFault(.invalidLogProb, "the log-probability of token \(step) is missing")
        }
        builder.finishStep(sampledLogProb: sampledLogProb, rank: rank, candidateStart: candidateStart, id: sampledID)
    }

    /// Parses a top list `[{token, logprob, bytes}]` (or `null`), appending the candidates'
    /// log-probabilities, and finds the sampled token among them.
    ///
    /// A candidate is the sampled token when both carry a token `id` (llama.cpp's server)
    /// and the ids are equal: different tokens can share their text and even their bytes (byte
    /// fallback pieces, a piece and its byte token). Without ids, their token strings must be
    /// equal and, if both carry `bytes`, their bytes too (llama.cpp can send two different
    /// byte tokens that both read "\u{FFFD}"). Once found, later candidates are not compared.
    ///
    /// The sampled entry's `id`, `token` or `bytes` must precede its top list to be used
    /// (servers send them first); a list before all three is read once the entry is done.
    ///
    /// - Returns: The sampled token's index, or -1.
    private mutating func parseChatTopList(
        step: Int, id sampledID: Int?, token: RawString?, bytes sampledBytes: Range<Int>?,
        into builder: inout LogProbsBuilder
    ) throws -> Int {
        builder.pendingTopList = Int32(truncatingIfNeeded: cursor.position)
        if cursor.skipNull() { return -1 }
        guard cursor.peek() == ASCII.openBracket else {
            throw LineFault(.invalidField, "top_logprobs of token \(step) must be an array")
        }
        guard try cursor.enterArray() else { return -1 }
        if let sampledBytes {
            sampledBytesScratch.removeAll(keepingCapacity: true)
            sampledBytesScratch.append(contentsOf: builder.logProbs.tokenBytes[sampledBytes])
        }
        let comparesBytes = sampledBytes != nil
        if let token, token.hasEscapes {
            sampledScratch.removeAll(keepingCapacity: true)
            cursor.decode(token, into: &sampledScratch)
        }
        // Candidates are gathered on the stack and appended once per step: one uniqueness
        // and capacity check instead of one per candidate.
        return try withUnsafeTemporaryAllocation(of: Double.self, capacity: Self.candidateBatch) {
            (gathered) throws -> Int in
            var gatheredCount = 0
            var rank = -1
            var index = 0
            repeat {
                let logProb = try parseCandidate(
                    index: index, step: step, rank: &rank, id: sampledID, token: token, comparesBytes: comparesBytes)
                if gatheredCount == gathered.count {
                    builder.logProbs.candidateLogProbs.append(contentsOf: gathered)
                    gatheredCount = 0
                }
                gathered[gatheredCount] = logProb
                gatheredCount += 1
                index += 1
            } while try cursor.nextElement()
            builder.logProbs.candidateLogProbs.append(contentsOf: gathered[..<gatheredCount])
            return rank
        }
    }

    /// How many candidates ``parseChatTopList`` gathers before appending them.
    private static let candidateBatch = 64

    /// One candidate `{token, logprob, bytes}`: returns its stored log-probability and sets
    /// `rank` to `index` if it is the sampled token (see ``parseChatTopList``), comparing
    /// ids with `sampledID` when both have one, else `bytes` with ``sampledBytesScratch`` when
    /// `comparesBytes` and the token strings.
    @inline(__always)
    private mutating func parseCandidate(
        index: Int, step: Int, rank: inout Int, id sampledID: Int?, token: RawString?, comparesBytes: Bool
    ) throws -> Double {
        guard cursor.peek() == ASCII.openBrace else {
            throw LineFault(.invalidField, "candidate \(index) of token \(step) must be an object")
        }
        var logProb: Double?
        var idMatches: Bool?
        var tokenMatches: Bool?
        var bytesMatch: Bool?
        if try cursor.enterObject() {
            repeat {
                switch try cursor.readLogProbKey() {
                case .id:
                    if rank < 0, let sampledID, let candidateID = try readOptionalTokenID(
                        field: "the id of candidate \(index) of token \(step)")
                    {
                        idMatches = candidateID == sampledID
                    } else {
                        try cursor.skipValue()
                    }
                case .logprob:
                    if cursor.skipNull() {
                    } else if keepsCandidateLogProbs {
                        logProb = try LogProbsBuilder.stored(cursor.parseDouble(), "candidate \(index) of token \(step)")
                    } else {
                        try LogProbsBuilder.check(&cursor, "candidate \(index) of token \(step)")
                        logProb = 0
                    }
                case .token:
                    if rank < 0, let token, cursor.peek() == ASCII.quote {
                        tokenMatches = sampledToken(token, equals: try cursor.scanString())
                    } else {
                        try cursor.skipValue()
                    }
                case .bytes:
                    if rank < 0, tokenMatches != false, comparesBytes, cursor.peek() == ASCII.openBracket {
                        candidateScratch.removeAll(keepingCapacity: true)
                        try cursor.parseByteArray(appendingTo: &candidateScratch, field: "bytes of candidate \(index)")
                        bytesMatch = candidateScratch == sampledBytesScratch
                    } else {
                        try cursor.skipValue()
                    }
                case .topLogprobs, .other:
                    try cursor.skipValue()
                }
            } while try cursor.nextMember()
        }
        guard let logProb else {
            throw LineFault(.invalidLogProb, "the log-probability of candidate \(index) of token \(step) is missing")
        }
        if rank < 0 {
            if let idMatches {
                if idMatches { rank = index }
            } else if tokenMatches != false, bytesMatch != false, tokenMatches != nil || bytesMatch != nil {
                rank = index
            }
        }
        return logProb
    }

    /// Whether a candidate's token string decodes to the same bytes as the sampled one
    /// (whose decoded bytes are in ``sampledScratch`` when it has escapes).
    ///
    /// Strings without escapes (nearly all) are compared where they stand in the line.
    private mutating func sampledToken(_ sampled: RawString, equals candidate: RawString) -> Bool {
        if !candidate.hasEscapes {
            let candidateBytes = cursor.base + candidate.start
            if !sampled.hasEscapes {
                return sampled.count == candidate.count && memoryEqual(cursor.base + sampled.start, candidateBytes, sampled.count)
            }
            return sampledScratch.count == candidate.count
                && sampledScratch.withUnsafeBufferPointer { $0.elementsEqual(UnsafeBufferPointer(start: candidateBytes, count: candidate.count)) }
        }
        candidateScratch.removeAll(keepingCapacity: true)
        cursor.decode(candidate, into: &candidateScratch)
        if sampled.hasEscapes { return candidateScratch == sampledScratch }
        return candidateScratch.elementsEqual(UnsafeBufferPointer(start: cursor.base + sampled.start, count: sampled.count))
    }

    /// A token id (a whole number from 0 to 2^31 - 1), or `nil` for `null`.
    ///
    /// - Throws: ``TraceError/Reason/invalidField`` naming `field` for anything else.
    private mutating func readOptionalTokenID(field: @autoclosure () -> String) throws -> Int? {
        if cursor.skipNull() { return nil }
        guard cursor.peek() != ASCII.quote else {
            try cursor.skipValue()
            throw LineFault(.invalidField, "\(field()) must be a whole number, not a string")
        }
        return try cursor.parseInteger(in: 0...Int(Int32.max), field: field())
    }

    /// A string value, or `nil` for `null`.
    ///
    /// - Throws: ``TraceError/Reason/invalidField`` naming `field` for any other type.
    mutating func readOptionalRawString(field: @autoclosure () -> String) throws -> RawString? {
        if cursor.peek() == ASCII.quote { return try cursor.scanString() }
        if cursor.skipNull() { return nil }
        try cursor.skipValue()
        throw LineFault(.invalidField, "\(field()) must be a string")
    }
}

import HorizonCommon

/// Reads chat-shape log-prob entries (`{token, logprob, bytes, top_logprobs}`) one at a time
/// with the trace reader's own rules, for a reader of server responses that keeps each entry's
/// text as the server wrote it (the sampling client): an entry read without error here is one
/// the trace reader accepts in a trace line, so the line need not be parsed again.
///
/// Only the entry just read is kept (its spelling), so memory does not grow with the output.
package struct ChatLogProbEntryReader {
    /// Made at the first entry; kept for its reusable buffers.
    private var parser: LineParser?
    /// The entries read since the last reset; only the last one's spelling is handed out.
    private var builder = LogProbsBuilder()

    package init() {}

    /// Reads the entry at `cursor` as the trace reader reads entry `step`, and moves past it.
    ///
    /// - Returns: the bytes the entry spells (its `bytes`, else its token's UTF-8), valid until
    ///   the next call.
    /// - Throws: ``JSONSyntaxError`` for malformed JSON; ``TraceError`` (located at
    ///   `location`) for an entry the trace reader refuses: a missing, NaN or positive
    ///   log-probability, a byte out of range, no token.
    package mutating func readEntry(
        at cursor: inout JSONCursor, step: Int, location: SourceLocation
    ) throws -> ArraySlice<UInt8> {
        // Emptied now and then rather than per entry: a reset costs more than the entry's
        // few appends.
        if builder.logProbs.tokenEnds.count >= Self.entriesBetweenResets { builder = LogProbsBuilder() }
        let spellingStart = builder.logProbs.tokenBytes.count
        if parser == nil {
            parser = LineParser(cursor: cursor, names: TraceFieldNames(options: TraceReadOptions()))
            parser!.keepsCandidateLogProbs = false
        } else {
            parser!.cursor = cursor
        }
        defer { cursor = parser!.cursor }
        do {
            try parser!.parseChatEntry(step: step, into: &builder)
        } catch let error as JSONSyntaxError {
            throw error
        } catch {
            throw LineFault.from(error).traceError(at: location)
        }
        return builder.logProbs.tokenBytes[spellingStart...]
    }

    /// The vocabulary id of the entry read last (its `id`), `nil` when it had none.
    package var tokenID: Int? { builder.lastTokenID }

    /// How many entries the builder holds before it is emptied.
    private static let entriesBetweenResets = 256
}

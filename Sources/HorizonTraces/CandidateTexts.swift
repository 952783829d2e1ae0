import HorizonCommon

/// One candidate of a step's top list: its bytes and its stored log-probability.
public struct CandidateText: Sendable, Equatable {
    /// The server's `bytes` when it sent them (possibly a partial UTF-8 character), else the
    /// UTF-8 of its token string; for the legacy completions shape, the dictionary key.
    public var bytes: [UInt8]
    /// Natural log; probability 0 is `-infinity`, as in ``TokenLogProbs``.
    public var logProb: Double

    public init(bytes: [UInt8], logProb: Double) {
        self.bytes = bytes
        self.logProb = logProb
    }
}

/// The texts of a trace's candidates, read on demand from the line the trace came from.
///
/// ``TokenLogProbs`` keeps the candidates' log-probabilities only: keeping every candidate's
/// text (top-20 at every step) would multiply the reader's allocations, and the analysis shows
/// the texts of a few tokens per segment. So the reader notes where each step's top list
/// starts, keeps the line's bytes alive, and ``candidates(at:)`` parses one list again.
/// Only ``TraceReader`` sets it, and only when ``TraceReadOptions/keepsCandidateTexts``.
///
/// ```swift
/// trace.candidateTexts?.candidates(at: 41)   // [CandidateText(bytes: " Paris", logProb: -0.2), ...]
/// ```
///
/// A class: it is a handle on bytes owned elsewhere, shared by the traces of one line, and a
/// trace carries one pointer for it. Immutable, so `Sendable`.
public final class CandidateTexts: Sendable, Equatable {
    let storage: ByteStorage
    /// Where the line starts in `storage`, and how many bytes from there the parser was given.
    let lineStart: Int
    let readable: Int
    /// Per step, where its top list starts in the line; -1 when it had none.
    let listOffsets: [Int32]

    init(storage: ByteStorage, lineStart: Int, readable: Int, listOffsets: [Int32]) {
        self.storage = storage
        self.lineStart = lineStart
        self.readable = readable
        self.listOffsets = listOffsets
    }

    /// The number of steps.
    public var count: Int { listOffsets.count }

    /// Step `step`'s candidates in the order the server sent them; empty when its top list was
    /// absent, `null` or empty.
    ///
    /// - Complexity: O(bytes of the list); allocates one array per candidate.
    public func candidates(at step: Int) -> [CandidateText] {
        let offset = Int(listOffsets[step])
        guard offset >= 0 else { return [] }
        var cursor = JSONCursor(base: storage.base + lineStart, end: readable)
        cursor.position = offset
        // The line was read without error once, so this cannot fail; an empty list is the
        // safe answer if it ever did.
        return (try? cursor.readCandidateTexts()) ?? []
    }

    public static func == (a: CandidateTexts, b: CandidateTexts) -> Bool {
        a.storage === b.storage && a.lineStart == b.lineStart && a.listOffsets == b.listOffsets
    }
}

extension JSONCursor {
    /// Reads a top list at the cursor: the chat shape's `[{token, logprob, bytes}]`, the legacy
    /// completions shape's `{token: logprob}`, or `null`.
    mutating func readCandidateTexts() throws -> [CandidateText] {
        if skipNull() { return [] }
        var candidates: [CandidateText] = []
        if peek() == ASCII.openBrace {
            guard try enterObject() else { return [] }
            repeat {
                var bytes: [UInt8] = []
                decode(try readKey(), into: &bytes)
                candidates.append(CandidateText(bytes: bytes, logProb: try LogProbsBuilder.stored(parseDouble(), "")))
            } while try nextMember()
            return candidates
        }
        guard try enterArray() else { return [] }
        repeat {
            var token: [UInt8]?
            var bytes: [UInt8]?
            var logProb = -Double.infinity
            if try enterObject() {
                repeat {
                    switch try readLogProbKey() {
                    case .token where peek() == ASCII.quote:
                        var decoded: [UInt8] = []
                        decode(try scanString(), into: &decoded)
                        token = decoded
                    case .bytes where peek() == ASCII.openBracket:
                        var raw: [UInt8] = []
                        try parseByteArray(appendingTo: &raw, field: "bytes")
                        bytes = raw
                    case .logprob:
                        if !skipNull() { logProb = try LogProbsBuilder.stored(parseDouble(), "") }
                    default:
                        try skipValue()
                    }
                } while try nextMember()
            }
            candidates.append(CandidateText(bytes: bytes ?? token ?? [], logProb: logProb))
        } while try nextElement()
        return candidates
    }
}

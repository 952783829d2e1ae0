import Foundation
import HorizonCommon
import HorizonTraces

/// Chat-shape log-prob entries (`logprobs.content[i]`) kept as the JSON text the server sent,
/// so a trace line gets them byte for byte without a DOM round trip, plus what the client needs
/// to know about them without reading that text again: where each entry ends, and the bytes
/// each entry spells (its `bytes`, or its token's UTF-8 when it has none).
///
/// Appending an entry appends to four growing buffers, so a whole response costs a handful of
/// reallocations, not one allocation per token.
struct ChatLogProbEntries: Sendable, Equatable {
    /// The entries' JSON text, separated by commas (any line feed between tokens turned into a
    /// space, so the text fits one JSONL line).
    private(set) var text: [UInt8] = []
    /// The end of each entry's text in ``text``.
    private(set) var textEnds: [Int] = []
    /// What the entries spell, one after the other.
    private(set) var spelling: [UInt8] = []
    /// The end of each entry's spelling in ``spelling``.
    private(set) var spellingEnds: [Int] = []
    /// The vocabulary id of each entry (its `id`), while every entry has one.
    private var ids: [Int] = []
    private var idsComplete = true
    /// Members of the `logprobs` object other than `content` (`"refusal":null`), as the server
    /// wrote them, comma-separated: a non-streamed response's object is kept whole.
    private(set) var otherMembers: [UInt8] = []

    var count: Int { textEnds.count }

    /// The vocabulary id of every entry, in order; `nil` when an entry has none (vLLM, OpenAI).
    var tokenIDs: [Int]? { idsComplete ? ids : nil }

    /// The length of the entries' text.
    var textCount: Int { text.count + otherMembers.count }

    /// `{"content":[…]}`, the entries in the chat shape a trace line holds (then any other
    /// members).
    func writeJSON(to output: inout [UInt8]) {
        output.append(contentsOf: #"{"content":["#.utf8)
        output.append(contentsOf: text)
        output.append(ASCII.closeBracket)
        if !otherMembers.isEmpty {
            output.append(ASCII.comma)
            output.append(contentsOf: otherMembers)
        }
        output.append(ASCII.closeBrace)
    }

    /// Makes room for `count` bytes of entry text.
    mutating func reserveText(_ count: Int) {
        text.reserveCapacity(count)
    }

    /// Keeps the text of a `logprobs` member other than `content` (key, colon and value).
    mutating func appendOtherMember(_ member: UnsafeBufferPointer<UInt8>) {
        if !otherMembers.isEmpty { otherMembers.append(ASCII.comma) }
        Self.appendOnOneLine(member, to: &otherMembers)
    }

    /// The spelling of the entry at `index`.
    func spelling(at index: Int) -> ArraySlice<UInt8> {
        spelling[(index == 0 ? 0 : spellingEnds[index - 1])..<spellingEnds[index]]
    }

    /// The spelling of the first `count` entries.
    func spelling(ofFirst count: Int) -> ArraySlice<UInt8> {
        spelling[0..<(count == 0 ? 0 : spellingEnds[count - 1])]
    }

    /// Removes the last entry.
    mutating func removeLast() {
        textEnds.removeLast()
        spellingEnds.removeLast()
        // The comma before the removed entry goes with it.
        let kept = textEnds.last ?? 0
        text.removeSubrange(kept...)
        spelling.removeSubrange((spellingEnds.last ?? 0)...)
        if idsComplete { ids.removeLast() }
    }

    /// Reads the array of entries at the cursor (its `[` next) and appends each, reading it
    /// with the trace reader's rules (`reader`), so that what is kept is what `analyze` accepts.
    ///
    /// - Throws: ``JSONSyntaxError`` for malformed JSON, `TraceError` for an entry the trace
    ///   reader refuses.
    /// - Complexity: O(length of the array's text).
    mutating func appendArray(at cursor: inout JSONCursor, reader: inout ChatLogProbEntryReader) throws {
        guard try cursor.enterArray() else { return }
        repeat {
            _ = cursor.peek()
            let start = cursor.position
            spelling.append(contentsOf: try reader.readEntry(at: &cursor, step: count, location: Self.location))
            spellingEnds.append(spelling.count)
            if idsComplete, let id = reader.tokenID {
                ids.append(id)
            } else if idsComplete {
                idsComplete = false
                ids = []
            }
            appendText(cursor.bytes(start, cursor.position))
        } while try cursor.nextElement()
    }

    /// Where a refused entry is said to be.
    private static let location = SourceLocation(file: "response", line: 1)

    private mutating func appendText(_ bytes: UnsafeBufferPointer<UInt8>) {
        if !text.isEmpty { text.append(ASCII.comma) }
        Self.appendOnOneLine(bytes, to: &text)
        textEnds.append(text.count)
    }

    /// Appends checked JSON text with its line feeds turned into spaces: one can only be
    /// whitespace there (inside a string it is invalid), and a trace line holds none.
    private static func appendOnOneLine(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        let start = output.count
        output.append(contentsOf: bytes)
        guard let base = bytes.baseAddress, memchr(base, Int32(ASCII.newline), bytes.count) != nil else { return }
        for index in start..<output.count where output[index] == ASCII.newline { output[index] = ASCII.space }
    }
}

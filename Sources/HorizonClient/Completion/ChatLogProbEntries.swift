import Foundation
import HorizonCommon
import HorizonTraces

/// Chat-shape log-prob entries (`logprobs.content[i]`) kept as the JSON text the server sent,
/// so a trace line gets them byte for byte without a DOM round trip, plus what the client needs
/// to know about them without reading that text again: where each entry ends, and the bytes
/// each entry spells (its `bytes`, or its token's UTF-8 when it has none).
///
/// The text is the entries separated by single commas (any line feed between tokens turned
/// into a space, so the text fits one JSONL line). A whole response's entries are nearly
/// always written that way already, so they are not copied: the entries remember where they
/// lie in the response, and the response's bytes become their storage once it is read
/// (``adopt(_:)``). A stream's entries, spread over many events, and any written otherwise
/// are copied as they are read.
///
/// Appending an entry appends to a few growing buffers, so a whole response costs a handful of
/// reallocations, not one allocation per token.
struct ChatLogProbEntries: Sendable {
    /// Holds the entries' text at `textStart..<textEnd`: text copied entry by entry, or a whole
    /// response (which then starts with what precedes the first entry).
    private var storage: [UInt8] = []
    private var textStart = 0
    /// The end of each entry's text in ``storage`` (or, while ``place`` is `inDocument`, in the
    /// document being read).
    private var textEnds: [Int] = []
    private var place = TextPlace.copied

    /// Where the entries' text is.
    private enum TextPlace {
        /// Copied into ``storage``, entry by entry.
        case copied
        /// Left where it is in the document being read, which ``adopt(_:)`` will take.
        case inDocument
        /// In ``storage``, which is the adopted document.
        case adopted
    }
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

    private var textEnd: Int { textEnds.last ?? textStart }

    /// The entries' text, separated by commas.
    var text: ArraySlice<UInt8> { storage[textStart..<textEnd] }

    /// `{"content":[…]}`, the entries in the chat shape a trace line holds (then any other
    /// members).
    func writeJSON(to output: inout [UInt8]) {
        output.append(contentsOf: Self.opening)
        output.append(contentsOf: text)
        output.append(contentsOf: closing)
    }

    /// `head`, then the text ``writeJSON(to:)`` writes, then `tail`: a line whose middle piece
    /// is the entries' text, not copied.
    func line(between head: [UInt8], and tail: [UInt8]) -> LineText {
        LineText(pieces: [(head + Self.opening)[...], text, (closing + tail)[...]])
    }

    private static let opening = Array(#"{"content":["#.utf8)

    private var closing: [UInt8] {
        var closing = [ASCII.closeBracket]
        if !otherMembers.isEmpty {
            closing.append(ASCII.comma)
            closing.append(contentsOf: otherMembers)
        }
        closing.append(ASCII.closeBrace)
        return closing
    }

    /// Keeps the text of a `logprobs` member other than `content` (key, colon and value).
    mutating func appendOtherMember(_ member: UnsafeBufferPointer<UInt8>) {
        if !otherMembers.isEmpty { otherMembers.append(ASCII.comma) }
        Self.appendOnOneLine(member, to: &otherMembers)
    }

    /// Takes `document`, the response the entries were read from in place, as their storage.
    /// Entries that were copied ignore it.
    mutating func adopt(_ document: [UInt8]) {
        guard place == .inDocument else { return }
        storage = document
        place = .adopted
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
        // The comma before the removed entry goes with it (the text ends at the entry before);
        // copied text is cut so that later entries follow on.
        if place == .copied { storage.removeSubrange(textEnd...) }
        spelling.removeSubrange((spellingEnds.last ?? 0)...)
        if idsComplete { ids.removeLast() }
    }

    /// Reads the array of entries at the cursor (its `[` next) and appends each, reading it
    /// with the trace reader's rules (`reader`), so that what is kept is what `analyze` accepts.
    ///
    /// - Parameter inPlace: whether the cursor reads a whole response that will be adopted
    ///   (``adopt(_:)``): entries written as the copy would be are then not copied.
    /// - Throws: ``JSONSyntaxError`` for malformed JSON, `TraceError` for an entry the trace
    ///   reader refuses.
    /// - Complexity: O(length of the array's text).
    mutating func appendArray(at cursor: inout JSONCursor, reader: inout ChatLogProbEntryReader, inPlace: Bool = false) throws {
        guard try cursor.enterArray() else { return }
        var leftInPlace = inPlace && count == 0 && storage.isEmpty
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
            let entry = cursor.bytes(start, cursor.position)
            if leftInPlace {
                // In place while the entries follow each other with one comma between them and
                // hold no line feed: then the document's text is the copy's text.
                let follows = count == 0 || (start == textEnd + 1 && cursor.base[textEnd] == ASCII.comma)
                if follows, memchr(entry.baseAddress!, Int32(ASCII.newline), entry.count) == nil {
                    if count == 0 { textStart = start }
                    place = .inDocument
                    textEnds.append(cursor.position)
                    continue
                }
                leftInPlace = false
                copyInPlaceEntries(from: cursor)
            }
            appendText(entry)
        } while try cursor.nextElement()
    }

    /// Where a refused entry is said to be.
    private static let location = SourceLocation(file: "response", line: 1)

    /// Copies the entries left in place so far out of the document, which will not be adopted.
    private mutating func copyInPlaceEntries(from cursor: JSONCursor) {
        guard place == .inDocument else { return }
        let start = textStart
        // Room for the rest of the response too: it is nearly all entries.
        storage.reserveCapacity(cursor.end - start)
        storage.append(contentsOf: cursor.bytes(start, textEnd))
        textEnds = textEnds.map { $0 - start }
        textStart = 0
        place = .copied
    }

    private mutating func appendText(_ bytes: UnsafeBufferPointer<UInt8>) {
        if !textEnds.isEmpty { storage.append(ASCII.comma) }
        Self.appendOnOneLine(bytes, to: &storage)
        textEnds.append(storage.count)
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

extension ChatLogProbEntries: Equatable {
    /// Equal when they hold the same text, entries and spellings, wherever the text is stored.
    static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.text == rhs.text && lhs.textEnds.map { $0 - lhs.textStart } == rhs.textEnds.map { $0 - rhs.textStart }
            && lhs.spelling == rhs.spelling && lhs.spellingEnds == rhs.spellingEnds && lhs.otherMembers == rhs.otherMembers
    }
}

import HorizonCommon
internal import CLibcExtras

/// A line of a run's output file (without its newline), as the pieces it is written from: the
/// log-probs a response brought, megabytes long, are a piece of their own and go to the file
/// straight from where the response was read, not copied into the line first.
struct LineText: Sendable, Equatable {
    private(set) var pieces: [ArraySlice<UInt8>]

    init(_ bytes: [UInt8]) { pieces = [bytes[...]] }

    init(pieces: [ArraySlice<UInt8>]) { self.pieces = pieces }

    /// The line's length in bytes.
    var count: Int { pieces.reduce(0) { $0 + $1.count } }

    /// The line in one array.
    var bytes: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count)
        for piece in pieces { bytes.append(contentsOf: piece) }
        return bytes
    }

    static func == (lhs: Self, rhs: Self) -> Bool { lhs.bytes == rhs.bytes }
}

extension APIKey {
    /// `line` with every occurrence of the key replaced, including one that straddles pieces.
    /// A line without the key (nearly all) is returned as it is, its pieces not joined.
    func redacting(_ line: LineText) -> LineText {
        let key = Array(secret.utf8)
        guard !key.isEmpty else { return line }
        // The last `key.count - 1` bytes before the current piece: with the piece's first
        // bytes, where an occurrence crossing into it would lie.
        var before: [UInt8] = []
        for piece in line.pieces {
            let crossing = before + piece.prefix(key.count - 1)
            if piece.withUnsafeBytes({ Self.contains($0, key) }) || crossing.withUnsafeBytes({ Self.contains($0, key) }) {
                return LineText(redacting(line.bytes))
            }
            before = Array((before + piece.suffix(key.count - 1)).suffix(key.count - 1))
        }
        return line
    }

    private static func contains(_ text: UnsafeRawBufferPointer, _ key: [UInt8]) -> Bool {
        text.count >= key.count && key.withUnsafeBytes { needle in
            horizon_memmem(text.baseAddress!, text.count, needle.baseAddress!, needle.count) != nil
        }
    }
}

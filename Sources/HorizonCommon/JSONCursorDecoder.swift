/// Decodes `Decodable` values from JSON with the project's own grammar (``JSONCursor``) instead
/// of Foundation's `JSONDecoder`, several times faster on the large files `merge` reads.
///
/// One pass over the bytes records the document's structure (a tape of value positions); the
/// `Codable` containers then look members up on it and read each number or string once, when
/// asked. Doubles read back to the bits `JSONEncoder` wrote them from (the shortest round-trip
/// digits, converted correctly rounded); integers are read exactly, `Int128` included.
///
/// What it accepts, beside RFC 8259 JSON, matches Foundation's decoder with
/// `.convertFromString` for non-conforming floats: unknown keys are skipped (a newer writer's
/// additions), a missing key or a value of the wrong type is a `DecodingError` naming the JSON
/// path and the byte offset. It differs in two places: bare `NaN` and `Infinity` are refused
/// as numbers (nothing Horizon writes holds them), and a key given twice is read at its first
/// occurrence.
///
/// ```swift
/// let decoder = JSONCursorDecoder(nonFiniteStrings: .init(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan"))
/// let part = try decoder.decode(AnalysisPart.self, from: bytes)
/// ```
public struct JSONCursorDecoder: Sendable {
    /// The strings standing for non-finite doubles (`JSONEncoder`'s `.convertToString`).
    public struct NonFiniteStrings: Sendable, Equatable {
        public var positiveInfinity: String
        public var negativeInfinity: String
        public var nan: String

        public init(positiveInfinity: String, negativeInfinity: String, nan: String) {
            self.positiveInfinity = positiveInfinity
            self.negativeInfinity = negativeInfinity
            self.nan = nan
        }
    }

    /// `nil`: a double must be a JSON number.
    public var nonFiniteStrings: NonFiniteStrings?

    public init(nonFiniteStrings: NonFiniteStrings? = nil) {
        self.nonFiniteStrings = nonFiniteStrings
    }

    /// Decodes one document: `bytes` holds one JSON value, with whitespace around it only.
    ///
    /// - Throws: ``JSONSyntaxError`` (with the byte offset) when the bytes are not JSON;
    ///   `DecodingError` when they do not hold a `T`; whatever `T`'s own decoding throws.
    /// - Complexity: O(n) in the length of `bytes`, plus the work of `T`'s initialisers.
    public func decode<T: Decodable>(_ type: T.Type, from bytes: consuming [UInt8]) throws -> T {
        // Consumed, so that the terminator is appended without copying the text.
        let count = bytes.count
        bytes.append(0)
        return try bytes.withUnsafeBufferPointer { buffer in
            var cursor = JSONCursor(document: buffer.baseAddress!, count: count)
            var tape = JSONTape()
            // Part files hold one value per 8 to 12 bytes: few reallocations, little spare.
            tape.entries.reserveCapacity(count / 10 + 16)
            try cursor.record(on: &tape)
            try cursor.expectEndOfLine()
            let document = JSONTapeDocument(base: buffer.baseAddress!, count: count, tape: tape, nonFiniteStrings: nonFiniteStrings)
            return try JSONTapeContext(document: document, codingPath: []).decode(T.self, at: 0, step: JSONTapeContext.whole)
        }
    }
}

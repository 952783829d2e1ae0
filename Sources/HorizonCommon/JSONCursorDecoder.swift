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

/// The text and tape of the document being decoded, shared by every container reading it.
/// It lives only during ``JSONCursorDecoder/decode(_:from:)``, which owns the bytes.
final class JSONTapeDocument {
    let base: UnsafePointer<UInt8>
    let count: Int
    let tape: JSONTape
    let nonFiniteStrings: JSONCursorDecoder.NonFiniteStrings?
    /// Reused for strings with escapes.
    var scratch: [UInt8] = []

    init(base: UnsafePointer<UInt8>, count: Int, tape: JSONTape, nonFiniteStrings: JSONCursorDecoder.NonFiniteStrings?) {
        self.base = base
        self.count = count
        self.tape = tape
        self.nonFiniteStrings = nonFiniteStrings
    }

    /// A cursor at `offset` of the document.
    @inline(__always) func cursor(at offset: Int) -> JSONCursor {
        var cursor = JSONCursor(document: base, count: count)
        cursor.position = offset
        return cursor
    }
}

/// A container being decoded: its document and its coding path, shared by the decoders of its
/// values, which then need only a position (three words: passed as `any Decoder` or as a
/// single-value container without being boxed on the heap).
final class JSONTapeContext {
    let document: JSONTapeDocument
    let codingPath: [any CodingKey]

    /// A value's `step` when it is an object's member (its key is the tape entry before it).
    static var member: Int { -1 }
    /// A value's `step` when it is the container's own value (the document, a single value).
    static var whole: Int { -2 }

    init(document: JSONTapeDocument, codingPath: [any CodingKey]) {
        self.document = document
        self.codingPath = codingPath
    }

    /// The coding path of the value at tape `index`: `step` is its element number in an array,
    /// or ``member`` or ``whole``.
    func path(index: Int, step: Int) -> [any CodingKey] {
        switch step {
        case Self.whole: codingPath
        case Self.member: codingPath + [JSONStringKey(document.string(entry: index - 1))]
        default: codingPath + [JSONIndexKey(step)]
        }
    }

    /// The value at tape `index` as a `T`: scalars read directly, anything else through
    /// `T(from:)` with a decoder positioned there.
    func decode<T: Decodable>(_ type: T.Type, at index: Int, step: Int) throws -> T {
        let path = { self.path(index: index, step: step) }
        // The casts are identities once T is known to be the type.
        if T.self == Double.self { return unsafeBitCast(try document.double(at: index, path: path), to: T.self) }
        if T.self == Int.self { return unsafeBitCast(try document.integer(Int.self, at: index, path: path), to: T.self) }
        if T.self == String.self { return unsafeBitCast(try document.string(at: index, path: path), to: T.self) }
        if T.self == Bool.self { return unsafeBitCast(try document.bool(at: index, path: path), to: T.self) }
        if T.self == Int128.self { return unsafeBitCast(try document.integer(Int128.self, at: index, path: path), to: T.self) }
        return try T(from: JSONTapeDecoder(context: self, index: index, step: step))
    }
}

/// The `Decoder` `T(from:)` is given: a position on the tape and the path to it. It is also its
/// own single-value container.
struct JSONTapeDecoder: Decoder, SingleValueDecodingContainer {
    let context: JSONTapeContext
    let index: Int
    /// ``JSONTapeContext/path(index:step:)``'s `step`.
    let step: Int

    private var document: JSONTapeDocument { context.document }
    var codingPath: [any CodingKey] { context.path(index: index, step: step) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        try document.expect(.object, at: index, path: { codingPath })
        return KeyedDecodingContainer(JSONTapeKeyedContainer<Key>(context: JSONTapeContext(document: document, codingPath: codingPath), object: index))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try document.expect(.array, at: index, path: { codingPath })
        return JSONTapeUnkeyedContainer(context: JSONTapeContext(document: document, codingPath: codingPath), array: index)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    func decodeNil() -> Bool { document.tape.entries[index].kind == .null }
    func decode(_ type: Bool.Type) throws -> Bool { try document.bool(at: index, path: { codingPath }) }
    func decode(_ type: String.Type) throws -> String { try document.string(at: index, path: { codingPath }) }
    func decode(_ type: Double.Type) throws -> Double { try document.double(at: index, path: { codingPath }) }
    func decode(_ type: Float.Type) throws -> Float { try document.float(at: index, path: { codingPath }) }
    func decode(_ type: Int.Type) throws -> Int { try document.integer(type, at: index, path: { codingPath }) }
    func decode(_ type: Int8.Type) throws -> Int8 { try document.integer(type, at: index, path: { codingPath }) }
    func decode(_ type: Int16.Type) throws -> Int16 { try document.integer(type, at: index, path: { codingPath }) }
    func decode(_ type: Int32.Type) throws -> Int32 { try document.integer(type, at: index, path: { codingPath }) }
    func decode(_ type: Int64.Type) throws -> Int64 { try document.integer(type, at: index, path: { codingPath }) }
    func decode(_ type: Int128.Type) throws -> Int128 { try document.integer(type, at: index, path: { codingPath }) }
    func decode(_ type: UInt.Type) throws -> UInt { try document.integer(type, at: index, path: { codingPath }) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try document.integer(type, at: index, path: { codingPath }) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try document.integer(type, at: index, path: { codingPath }) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try document.integer(type, at: index, path: { codingPath }) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try document.integer(type, at: index, path: { codingPath }) }
    func decode(_ type: UInt128.Type) throws -> UInt128 { try document.integer(type, at: index, path: { codingPath }) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try context.decode(type, at: index, step: step)
    }
}

/// An object member's key, in coding paths.
struct JSONStringKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ key: String) { stringValue = key }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// An array element's number, in coding paths.
struct JSONIndexKey: CodingKey {
    var intValue: Int?
    var stringValue: String { "\(intValue!)" }
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}

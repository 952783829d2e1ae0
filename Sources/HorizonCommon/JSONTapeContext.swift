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

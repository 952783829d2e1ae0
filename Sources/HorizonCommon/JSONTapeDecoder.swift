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

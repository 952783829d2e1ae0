/// An array's elements, read in order along the tape.
struct JSONTapeUnkeyedContainer: UnkeyedDecodingContainer {
    let context: JSONTapeContext
    let count: Int?
    private(set) var currentIndex = 0
    /// The tape index of the element at `currentIndex`.
    private var element: Int
    private let array: Int

    private var document: JSONTapeDocument { context.document }
    var codingPath: [any CodingKey] { context.codingPath }

    init(context: JSONTapeContext, array: Int) {
        self.context = context
        self.array = array
        count = Int(context.document.tape.entries[array].count)
        element = array + 1
    }

    var isAtEnd: Bool { currentIndex >= count! }

    private func requireElement<T>(_ type: T.Type) throws {
        guard isAtEnd else { return }
        throw DecodingError.valueNotFound(
            type, .init(codingPath: codingPath + [JSONIndexKey(currentIndex)], debugDescription: "the array ends (\(document.place(array)))"))
    }

    private mutating func advance() {
        element = document.tape.after(element)
        currentIndex += 1
    }

    mutating func decodeNil() throws -> Bool {
        try requireElement(Never.self)
        guard document.tape.entries[element].kind == .null else { return false }
        advance()
        return true
    }

    private mutating func next<T: Decodable>(_ type: T.Type) throws -> T {
        try requireElement(type)
        let value = try context.decode(type, at: element, step: currentIndex)
        advance()
        return value
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try next(type) }
    mutating func decode(_ type: String.Type) throws -> String { try next(type) }
    mutating func decode(_ type: Double.Type) throws -> Double { try next(type) }
    mutating func decode(_ type: Float.Type) throws -> Float { try next(type) }
    mutating func decode(_ type: Int.Type) throws -> Int { try next(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try next(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try next(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try next(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try next(type) }
    mutating func decode(_ type: Int128.Type) throws -> Int128 { try next(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try next(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next(type) }
    mutating func decode(_ type: UInt128.Type) throws -> UInt128 { try next(type) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next(type) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let container = try nestedDecoder().container(keyedBy: type)
        advance()
        return container
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let container = try nestedDecoder().unkeyedContainer()
        advance()
        return container
    }

    mutating func superDecoder() throws -> any Decoder {
        let decoder = try nestedDecoder()
        advance()
        return decoder
    }

    private func nestedDecoder() throws -> JSONTapeDecoder {
        try requireElement(Any.self)
        return JSONTapeDecoder(context: context, index: element, step: currentIndex)
    }
}

/// An object's members, found on the tape by key.
struct JSONTapeKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let context: JSONTapeContext
    /// The object's tape index.
    let object: Int
    /// Value indices by key, for objects too large to scan per lookup (a dictionary of problems
    /// is read key after key); `nil` for a struct's few members, scanned directly.
    private let lookup: [String: Int]?

    /// Objects with more members than this get a ``lookup``.
    private static var scannedMembers: Int { 16 }

    private var document: JSONTapeDocument { context.document }
    var codingPath: [any CodingKey] { context.codingPath }

    init(context: JSONTapeContext, object: Int) {
        self.context = context
        self.object = object
        let document = context.document
        guard document.tape.entries[object].count > Self.scannedMembers else {
            lookup = nil
            return
        }
        var lookup: [String: Int] = [:]
        lookup.reserveCapacity(Int(document.tape.entries[object].count))
        var member = object + 1
        for _ in 0..<document.tape.entries[object].count {
            // The first of a repeated key, as a scan finds.
            let key = document.string(entry: member)
            if lookup[key] == nil { lookup[key] = member + 1 }
            member = document.tape.after(member + 1)
        }
        self.lookup = lookup
    }

    var allKeys: [Key] {
        var keys: [Key] = []
        var member = object + 1
        for _ in 0..<document.tape.entries[object].count {
            if let key = Key(stringValue: document.string(entry: member)) { keys.append(key) }
            member = document.tape.after(member + 1)
        }
        return keys
    }

    /// The tape index of `key`'s value, or `nil`.
    private func valueIndex(_ key: Key) -> Int? { valueIndex(named: key.stringValue) }

    private func valueIndex(named name: String) -> Int? {
        if let lookup { return lookup[name] }
        var wanted = name
        return wanted.withUTF8 { wanted in
            var member = object + 1
            for _ in 0..<document.tape.entries[object].count {
                if document.keyMatches(member, wanted) { return member + 1 }
                member = document.tape.after(member + 1)
            }
            return nil
        }
    }

    private func required(_ key: Key) throws -> Int {
        guard let index = valueIndex(key) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "no member '\(key.stringValue)' (\(document.place(object)))"))
        }
        return index
    }

    func contains(_ key: Key) -> Bool { valueIndex(key) != nil }

    func decodeNil(forKey key: Key) throws -> Bool { document.tape.entries[try required(key)].kind == .null }

    private func value<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T {
        try context.decode(type, at: try required(key), step: JSONTapeContext.member)
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try value(type, key) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try value(type, key) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try value(type, key) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try value(type, key) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try value(type, key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try value(type, key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try value(type, key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try value(type, key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try value(type, key) }
    func decode(_ type: Int128.Type, forKey key: Key) throws -> Int128 { try value(type, key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try value(type, key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try value(type, key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try value(type, key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try value(type, key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try value(type, key) }
    func decode(_ type: UInt128.Type, forKey key: Key) throws -> UInt128 { try value(type, key) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try value(type, key) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try nestedDecoder(key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try nestedDecoder(key).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        guard let index = valueIndex(named: "super") else {
            throw DecodingError.keyNotFound(JSONStringKey("super"), .init(codingPath: codingPath, debugDescription: "no member 'super' (\(document.place(object)))"))
        }
        return JSONTapeDecoder(context: context, index: index, step: JSONTapeContext.member)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder { try nestedDecoder(key) }

    private func nestedDecoder(_ key: Key) throws -> JSONTapeDecoder {
        JSONTapeDecoder(context: context, index: try required(key), step: JSONTapeContext.member)
    }
}

extension JSONValue {
    /// Parses one JSON document with the shared grammar (``JSONCursor``, the trace reader's),
    /// keeping key order and number literals.
    ///
    /// ```swift
    /// let value = try JSONValue(parsing: Array(#"{"b": 1.50, "a": [true, null]}"#.utf8))
    /// value["b"]  // .number("1.50")
    /// ```
    ///
    /// RFC 8259, plus the grammar's one extension: `NaN`, `Infinity` and `-Infinity` are read
    /// where a number may stand and kept as those literals (``doubleValue`` gives their values),
    /// since Python servers write them.
    ///
    /// - Parameters:
    ///   - bytes: UTF-8 text; whitespace (line feeds included) may surround the value, nothing
    ///     else may follow it.
    ///   - maximumDepth: the deepest nesting accepted, so hostile input cannot exhaust the stack.
    /// - Returns: the value.
    /// - Throws: ``JSONSyntaxError`` with the byte offset of the problem. A duplicate key keeps
    ///   its last value.
    /// - Complexity: O(n) in the input length, plus O(k²) for an object of k keys.
    public init(parsing bytes: some Collection<UInt8>, maximumDepth: Int = 256) throws(JSONSyntaxError) {
        var text = Array(bytes)
        let count = text.count
        text.append(0)
        let result = text.withUnsafeBufferPointer { buffer -> Result<JSONValue, JSONSyntaxError> in
            var cursor = JSONCursor(document: buffer.baseAddress!, count: count)
            return Result { () throws(JSONSyntaxError) in
                let value = try cursor.parseValue(depth: 0, maximumDepth: maximumDepth)
                try cursor.expectEndOfLine()
                return value
            }
        }
        self = try result.get()
    }
}

extension JSONCursor {
    /// The value at the cursor as a DOM, the cursor moved past it.
    ///
    /// - Parameter depth: containers already open around the value.
    package mutating func parseValue(depth: Int, maximumDepth: Int) throws(JSONSyntaxError) -> JSONValue {
        switch peek() {
        case ASCII.quote:
            let raw = try scanString()
            var scratch: [UInt8] = []
            return .string(decodeText(raw, scratch: &scratch))
        case ASCII.openBrace:
            guard depth < maximumDepth else { throw syntaxError("nesting deeper than \(maximumDepth)") }
            var object = JSONValue.object([])
            if try enterObject() {
                var scratch: [UInt8] = []
                repeat {
                    let key = decodeText(try readKey(), scratch: &scratch)
                    object[key] = try parseValue(depth: depth + 1, maximumDepth: maximumDepth)
                } while try nextMember()
            }
            return object
        case ASCII.openBracket:
            guard depth < maximumDepth else { throw syntaxError("nesting deeper than \(maximumDepth)") }
            var elements: [JSONValue] = []
            if try enterArray() {
                repeat { elements.append(try parseValue(depth: depth + 1, maximumDepth: maximumDepth)) } while try nextElement()
            }
            return .array(elements)
        case ASCII.t:
            try expectWord("true")
            return .bool(true)
        case ASCII.f:
            try expectWord("false")
            return .bool(false)
        case ASCII.n:
            try expectWord("null")
            return .null
        default:
            let start = position
            try skipNumber()
            return .number(String(decoding: bytes(start, position), as: UTF8.self))
        }
    }
}

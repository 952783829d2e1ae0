// The scalar readers of JSONCursorDecoder. `path` computes the coding path only for an error.
extension JSONTapeDocument {
    /// A double: a JSON number, correctly rounded (so `JSONEncoder`'s shortest digits read back to
    /// the same bits), or one of the non-finite strings when they are set.
    func double(at index: Int, path: () -> [any CodingKey]) throws -> Double {
        let entry = tape.entries[index]
        if entry.kind == .number {
            let first = base[entry.start] == ASCII.minus ? base[entry.start + 1] : base[entry.start]
            guard first &- ASCII.zero <= 9 else {
                throw mismatch(Double.self, index, path, expected: "a number (non-finite values are written as strings)")
            }
            var cursor = cursor(at: entry.start)
            let value = try cursor.parseDouble()
            // The grammar rounds 1e999 to infinity, as strtod does; no writer means that.
            guard value.isFinite else {
                let text = String(decoding: UnsafeBufferPointer(start: base + entry.start, count: entry.end - entry.start), as: UTF8.self)
                throw DecodingError.dataCorrupted(.init(codingPath: path(), debugDescription: "\(text) is beyond the range of Double (\(place(index)))"))
            }
            return value
        }
        if entry.kind == .string, let strings = nonFiniteStrings {
            let text = string(entry: index)
            if text == strings.positiveInfinity { return .infinity }
            if text == strings.negativeInfinity { return -.infinity }
            if text == strings.nan { return .nan }
            throw mismatch(
                Double.self, index, path,
                expected: "a number or \"\(strings.positiveInfinity)\", \"\(strings.negativeInfinity)\", \"\(strings.nan)\"")
        }
        throw mismatch(Double.self, index, path, expected: "a number")
    }

    func float(at index: Int, path: () -> [any CodingKey]) throws -> Float {
        let value = try double(at: index, path: path)
        guard !value.isFinite || value.magnitude <= Double(Float.greatestFiniteMagnitude) else {
            throw DecodingError.dataCorrupted(.init(codingPath: path(), debugDescription: "\(value) does not fit in Float (\(place(index)))"))
        }
        return Float(value)
    }

    /// An integer, read exactly digit by digit; a number with a fraction or exponent is taken
    /// when its value is a whole number that fits.
    func integer<T: FixedWidthInteger>(_ type: T.Type, at index: Int, path: () -> [any CodingKey]) throws -> T {
        let entry = tape.entries[index]
        guard entry.kind == .number else { throw mismatch(T.self, index, path, expected: "an integer") }
        var offset = entry.start
        let negative = base[offset] == ASCII.minus
        if negative { offset += 1 }
        // Digits go into a UInt64 eighteen at a time (exact, unchecked), each run then into T
        // with one checked multiply-add: an exact sum's 20 to 39 digits take two or three.
        var value: T = 0
        var overflow = false
        while base[offset] &- ASCII.zero <= 9 {
            let runStart = offset
            var run: UInt64 = 0
            var scale: UInt64 = 1
            while offset - runStart < 18, case let digit = base[offset] &- ASCII.zero, digit <= 9 {
                run = run &* 10 &+ UInt64(digit)
                scale &*= 10
                offset += 1
            }
            if value == 0 {
                // The first run (a number has no leading zeros), read with its sign so that
                // Int8's "-128" fits.
                guard let first = negative ? T(exactly: -Int64(run)) : T(exactly: run) else {
                    overflow = true
                    continue
                }
                value = first
                continue
            }
            guard let runValue = T(exactly: run), let runScale = T(exactly: scale) else {
                overflow = true
                continue
            }
            let (scaled, scaleOverflow) = value.multipliedReportingOverflow(by: runScale)
            let (next, addOverflow) = negative ? scaled.subtractingReportingOverflow(runValue) : scaled.addingReportingOverflow(runValue)
            overflow = overflow || scaleOverflow || addOverflow
            value = next
        }
        if offset == entry.end, !overflow { return value }
        if offset != entry.end, let whole = try? double(at: index, path: path), whole.rounded() == whole, let exact = T(exactly: whole) {
            return exact
        }
        let text = String(decoding: UnsafeBufferPointer(start: base + entry.start, count: entry.end - entry.start), as: UTF8.self)
        throw DecodingError.dataCorrupted(.init(codingPath: path(), debugDescription: "\(text) is not a whole number within \(T.self)'s range (\(place(index)))"))
    }

    func string(at index: Int, path: () -> [any CodingKey]) throws -> String {
        guard tape.entries[index].kind == .string else { throw mismatch(String.self, index, path, expected: "a string") }
        return string(entry: index)
    }

    /// The text of the string or key at `index`.
    func string(entry index: Int) -> String {
        cursor(at: 0).decodeText(tape.rawString(index), scratch: &scratch)
    }

    func bool(at index: Int, path: () -> [any CodingKey]) throws -> Bool {
        let entry = tape.entries[index]
        guard entry.kind == .bool else { throw mismatch(Bool.self, index, path, expected: "true or false") }
        return base[entry.start] == ASCII.t
    }

    /// Requires a container of `kind` at `index`.
    func expect(_ kind: JSONValueKind, at index: Int, path: () -> [any CodingKey]) throws {
        guard tape.entries[index].kind != kind else { return }
        let (type, name): (Any.Type, String) = kind == .object ? ([String: Any].self, "an object") : ([Any].self, "an array")
        throw mismatch(type, index, path, expected: name)
    }

    /// Whether the key at `index` is the UTF-8 text `wanted`.
    @inline(__always) func keyMatches(_ index: Int, _ wanted: UnsafeBufferPointer<UInt8>) -> Bool {
        let key = tape.rawString(index)
        if key.hasEscapes { return string(entry: index).utf8.elementsEqual(wanted) }
        return key.count == wanted.count && (wanted.isEmpty || memoryEqual(base + key.start, wanted.baseAddress!, wanted.count))
    }

    /// `expected …, found a string at byte 1234`.
    func mismatch(_ type: Any.Type, _ index: Int, _ path: () -> [any CodingKey], expected: String) -> DecodingError {
        let found: String
        switch tape.entries[index].kind {
        case .string: found = "a string"
        case .number: found = "a number"
        case .object: found = "an object"
        case .array: found = "an array"
        case .bool: found = "a boolean"
        case .null: found = "null"
        }
        return DecodingError.typeMismatch(type, .init(codingPath: path(), debugDescription: "expected \(expected), found \(found) (\(place(index)))"))
    }

    /// `byte N`, the 0-based offset of the value at `index` (a string's opening quote).
    func place(_ index: Int) -> String {
        let entry = tape.entries[index]
        return "byte \(entry.kind == .string ? entry.start - 1 : entry.start)"
    }
}

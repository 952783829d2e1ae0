import HorizonCommon

/// The trace-specific number readers on top of the shared grammar: a whole number in a range,
/// and a token's `bytes` array. Their faults name the trace field (``TraceError/Reason/invalidField``).
extension JSONCursor {
    /// Parses a number that must be a whole number in `range`.
    ///
    /// - Throws: A syntax error for a non-number, an ``TraceError/Reason/invalidField`` fault
    ///   (naming `field`) for a fraction or a value out of range.
    mutating func parseInteger(in range: ClosedRange<Int>, field: @autoclosure () -> String) throws -> Int {
        skipWhitespace()
        let start = position
        let value = try parseDouble()
        guard value.rounded() == value, value >= Double(range.lowerBound), value <= Double(range.upperBound) else {
            let text = String(decoding: bytes(start, position), as: UTF8.self)
            throw LineFault(.invalidField, "\(field()) must be a whole number in \(range), not \(text)")
        }
        return Int(value)
    }

    /// Parses an array of integers `0...255` (a token's raw bytes), appending them.
    ///
    /// The bytes are gathered on the stack and appended together (one uniqueness and
    /// capacity check per token rather than per byte).
    mutating func parseByteArray(appendingTo output: inout [UInt8], field: @autoclosure () -> String) throws {
        guard peek() == ASCII.openBracket else { throw LineFault(.invalidField, "\(field()) must be an array") }
        guard try enterArray() else { return }
        try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { (gathered) throws in
            var count = 0
            repeat {
                skipWhitespace()
                let start = position
                var value = 0
                var byte = base[position]
                while byte &- ASCII.zero <= 9, value <= 255 {
                    value = value * 10 + Int(byte &- ASCII.zero)
                    position &+= 1
                    byte = base[position]
                }
                if position == start || value > 255 || byte == ASCII.dot || byte | 0x20 == ASCII.e {
                    // Not a plain small integer: let the general parser judge it.
                    position = start
                    value = try parseInteger(in: 0...255, field: field())
                }
                if count == gathered.count {
                    output.append(contentsOf: gathered)
                    count = 0
                }
                gathered[count] = UInt8(truncatingIfNeeded: value)
                count += 1
            } while try nextElement()
            output.append(contentsOf: gathered[..<count])
        }
    }
}

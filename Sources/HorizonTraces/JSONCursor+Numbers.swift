extension JSONCursor {
    /// Parses the number at the cursor (or `NaN`, `Infinity`, `-Infinity`) and moves past it.
    ///
    /// Digits are gathered into a 64-bit integer as they are checked; up to 19 significant
    /// digits with a small exponent convert exactly in ``DecimalToDouble``, anything else goes
    /// through Swift's `Double(String)`, i.e. the C library's correctly rounded `strtod` in
    /// the C locale. The result is the nearest `Double` either way.
    ///
    /// - Returns: The value; numbers too large for `Double` give ±infinity, as `strtod` does.
    /// - Throws: A syntax error when the bytes are not a JSON number.
    /// - Complexity: O(number of digits).
    @inline(__always) mutating func parseDouble() throws(LineFault) -> Double {
        skipWhitespace()
        let start = position
        var negative = false
        if base[position] == ASCII.minus {
            negative = true
            position += 1
        }
        var byte = base[position]
        guard byte &- ASCII.zero <= 9 else { return try parseNonFiniteWord(negative: negative, start: start) }

        var mantissa: UInt64 = 0
        var significantDigits = 0
        var exponent = 0
        var inexact = false  // a nonzero digit did not fit in the mantissa
        if byte == ASCII.zero {
            position += 1
            byte = base[position]
        } else {
            while byte &- ASCII.zero <= 9 {
                if significantDigits < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(byte &- ASCII.zero)
                    significantDigits += 1
                } else {
                    exponent += 1
                    if byte != ASCII.zero { inexact = true }
                }
                position += 1
                byte = base[position]
            }
        }
        if byte == ASCII.dot {
            position += 1
            byte = base[position]
            guard byte &- ASCII.zero <= 9 else { throw syntaxError("expected a digit after the decimal point") }
            while byte &- ASCII.zero <= 9 {
                if significantDigits < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(byte &- ASCII.zero)
                    if mantissa != 0 { significantDigits += 1 }
                    exponent -= 1
                } else if byte != ASCII.zero {
                    inexact = true
                }
                position += 1
                byte = base[position]
            }
        }
        if byte | 0x20 == ASCII.e {
            position += 1
            byte = base[position]
            var exponentNegative = false
            if byte == ASCII.minus || byte == ASCII.plus {
                exponentNegative = byte == ASCII.minus
                position += 1
                byte = base[position]
            }
            guard byte &- ASCII.zero <= 9 else { throw syntaxError("expected a digit in the exponent") }
            var written = 0
            while byte &- ASCII.zero <= 9 {
                if written < 100_000 { written = written * 10 + Int(byte &- ASCII.zero) }
                position += 1
                byte = base[position]
            }
            exponent += exponentNegative ? -written : written
        }
        if !inexact, let value = DecimalToDouble.value(mantissa: mantissa, exponent: exponent, negative: negative) {
            return value
        }
        // Rare: more than 19 significant digits or a large exponent.
        let text = String(decoding: bytes(start, position), as: UTF8.self)
        guard let value = Double(text) else { throw syntaxError("unreadable number") }
        return value
    }

    /// `NaN`, `Infinity` or `-Infinity` (Python's `json` writes them), at a place where a
    /// number was expected.
    private mutating func parseNonFiniteWord(negative: Bool, start: Int) throws(LineFault) -> Double {
        switch base[position] {
        case ASCII.upperI:
            try expectWord("Infinity")
            return negative ? -.infinity : .infinity
        case ASCII.upperN where !negative:
            try expectWord("NaN")
            return .nan
        default:
            throw syntaxError("expected a value")
        }
    }

    /// Parses a number that must be a whole number in `range`.
    ///
    /// - Throws: A syntax error for a non-number, an ``TraceError/Reason/invalidField`` fault
    ///   (naming `field`) for a fraction or a value out of range.
    mutating func parseInteger(in range: ClosedRange<Int>, field: @autoclosure () -> String) throws(LineFault) -> Int {
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
    mutating func parseByteArray(appendingTo output: inout [UInt8], field: @autoclosure () -> String) throws(LineFault) {
        guard peek() == ASCII.openBracket else { throw LineFault(.invalidField, "\(field()) must be an array") }
        guard try enterArray() else { return }
        repeat {
            skipWhitespace()
            let start = position
            var value = 0
            var byte = base[position]
            while byte &- ASCII.zero <= 9, value <= 255 {
                value = value * 10 + Int(byte &- ASCII.zero)
                position += 1
                byte = base[position]
            }
            if position == start || value > 255 || byte == ASCII.dot || byte | 0x20 == ASCII.e {
                // Not a plain small integer: let the general parser judge it.
                position = start
                value = try parseInteger(in: 0...255, field: field())
            }
            output.append(UInt8(truncatingIfNeeded: value))
        } while try nextElement()
    }
}

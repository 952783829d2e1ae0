extension JSONCursor {
    /// Parses the number at the cursor (or `NaN`, `Infinity`, `-Infinity`) and moves past it.
    ///
    /// Numbers of up to 19 digits with a small exponent (all that servers write) are read in
    /// one pass, eight digits at a time where possible, and converted exactly by
    /// ``DecimalToDouble``; anything else takes a general path that drops digits beyond the
    /// 19th when they are zeros and otherwise uses Swift's `Double(String)`, i.e. the C
    /// library's correctly rounded `strtod` in the C locale. The result is the nearest
    /// `Double` either way.
    ///
    /// - Returns: The value; numbers too large for `Double` give ±infinity, as `strtod` does.
    /// - Throws: A syntax error when the bytes are not a JSON number.
    /// - Complexity: O(number of digits).
    @inlinable @inline(__always) package mutating func parseDouble() throws(JSONSyntaxError) -> Double {
        skipWhitespace()
        if let value = parseShortDecimal() { return value }
        return try parseNumberInGeneral()
    }

    /// The common case: `-?digits(.digits)?([eE][+-]?digits)?` with at most 19 digits before
    /// the exponent, an exponent of at most 4 digits, and no leading zero before other digits.
    ///
    /// - Returns: The correctly rounded value, or `nil` (the cursor unmoved) for anything else.
    @inlinable @inline(__always) package mutating func parseShortDecimal() -> Double? {
        var offset = position
        let negative = base[offset] == ASCII.minus
        if negative { offset &+= 1 }
        let integerStart = offset
        var mantissa: UInt64 = 0
        // Wrapping arithmetic: more than 19 digits are rejected below, before the value is used.
        while true {
            let digit = base[offset] &- ASCII.zero
            guard digit <= 9 else { break }
            mantissa = mantissa &* 10 &+ UInt64(digit)
            offset &+= 1
        }
        var digitCount = offset - integerStart
        guard digitCount > 0, digitCount == 1 || base[integerStart] != ASCII.zero else { return nil }
        var exponent = 0
        if base[offset] == ASCII.dot {
            offset &+= 1
            let fractionStart = offset
            // Zeros right after "0." only scale the value (log-probs near 0: -0.000123...).
            if mantissa == 0 {
                while base[offset] == ASCII.zero { offset &+= 1 }
            }
            let significantStart = offset
            while offset &+ 8 <= end, let eight = eightDigits(at: offset) {
                mantissa = mantissa &* 100_000_000 &+ eight
                offset &+= 8
            }
            while true {
                let digit = base[offset] &- ASCII.zero
                guard digit <= 9 else { break }
                mantissa = mantissa &* 10 &+ UInt64(digit)
                offset &+= 1
            }
            guard offset > fractionStart else { return nil }
            digitCount &+= offset &- significantStart
            exponent = fractionStart &- offset
        }
        guard digitCount <= 19 else { return nil }
        if base[offset] | 0x20 == ASCII.e {
            offset &+= 1
            let exponentNegative = base[offset] == ASCII.minus
            if exponentNegative || base[offset] == ASCII.plus { offset &+= 1 }
            let exponentStart = offset
            var written = 0
            while offset - exponentStart < 4 {
                let digit = base[offset] &- ASCII.zero
                guard digit <= 9 else { break }
                written = written * 10 + Int(digit)
                offset &+= 1
            }
            guard offset > exponentStart, base[offset] &- ASCII.zero > 9 else { return nil }
            exponent += exponentNegative ? -written : written
        }
        guard let value = DecimalToDouble.value(mantissa: mantissa, exponent: exponent, negative: negative) else {
            return nil
        }
        position = offset
        return value
    }

    /// Any JSON number, `NaN`, `Infinity` or `-Infinity`, with the digits beyond the 19th
    /// handled (see ``parseDouble()``).
    @usableFromInline @inline(never) package mutating func parseNumberInGeneral() throws(JSONSyntaxError) -> Double {
        let start = position
        var negative = false
        if base[position] == ASCII.minus {
            negative = true
            position &+= 1
        }
        guard base[position] &- ASCII.zero <= 9 else { return try parseNonFiniteWord(negative: negative) }

        // The mantissa holds at most 19 significant digits (below 10^19 < 2^64); a digit that
        // does not fit is dropped, and the result is only inexact if it was not a zero.
        var mantissa: UInt64 = 0
        var exponent = 0
        var inexact = false
        if base[position] == ASCII.zero {
            position &+= 1
        } else {
            accumulateDigits(into: &mantissa, exponent: &exponent, inexact: &inexact, afterPoint: false)
        }
        var byte = base[position]
        if byte == ASCII.dot {
            position &+= 1
            guard base[position] &- ASCII.zero <= 9 else { throw syntaxError("expected a digit after the decimal point") }
            accumulateDigits(into: &mantissa, exponent: &exponent, inexact: &inexact, afterPoint: true)
            byte = base[position]
        }
        if byte | 0x20 == ASCII.e {
            position &+= 1
            byte = base[position]
            var exponentNegative = false
            if byte == ASCII.minus || byte == ASCII.plus {
                exponentNegative = byte == ASCII.minus
                position &+= 1
                byte = base[position]
            }
            guard byte &- ASCII.zero <= 9 else { throw syntaxError("expected a digit in the exponent") }
            var written = 0
            while byte &- ASCII.zero <= 9 {
                if written < 100_000 { written = written * 10 + Int(byte &- ASCII.zero) }
                position &+= 1
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

    /// Appends the run of digits at the cursor to `mantissa`, eight at a time while they fit.
    ///
    /// Digits after the decimal point lower `exponent`; digits before it that do not fit
    /// raise it. A nonzero digit that does not fit sets `inexact`.
    @inline(__always) private mutating func accumulateDigits(
        into mantissa: inout UInt64, exponent: inout Int, inexact: inout Bool, afterPoint: Bool
    ) {
        while mantissa < 100_000_000_000, position &+ 8 <= end, let eight = eightDigits(at: position) {
            mantissa = mantissa &* 100_000_000 &+ eight
            if afterPoint { exponent -= 8 }
            position &+= 8
        }
        while true {
            let digit = base[position] &- ASCII.zero
            guard digit <= 9 else { return }
            if mantissa < 1_000_000_000_000_000_000 {
                mantissa = mantissa &* 10 &+ UInt64(digit)
                if afterPoint { exponent -= 1 }
            } else {
                if !afterPoint { exponent += 1 }
                if digit != 0 { inexact = true }
            }
            position &+= 1
        }
    }

    /// The value of the eight ASCII digits at `offset`, or `nil` if they are not all digits.
    ///
    /// SWAR: one unaligned load, a digit check on all eight bytes at once, and three
    /// multiplications combining digit pairs, then pairs of pairs, then the two halves (the
    /// method simdjson uses).
    @inlinable @inline(__always) package func eightDigits(at offset: Int) -> UInt64? {
        let word = UnsafeRawPointer(base).loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        let highNibbles: UInt64 = 0xF0F0_F0F0_F0F0_F0F0
        // Every byte is in 0x30...0x39 iff its high nibble is 3 and adding 6 keeps it 3.
        guard word & highNibbles | ((word &+ 0x0606_0606_0606_0606) & highNibbles) >> 4 == 0x3333_3333_3333_3333
        else { return nil }
        var value = word &- 0x3030_3030_3030_3030
        value = value &* 10 &+ value >> 8  // each 16-bit lane: a two-digit number in its low byte
        let lanes: UInt64 = 0x0000_00FF_0000_00FF
        let pairs = (value & lanes) &* (100 &+ 1_000_000 << 32)
        let pairsOfPairs = ((value >> 16) & lanes) &* (1 &+ 10_000 << 32)
        return (pairs &+ pairsOfPairs) >> 32
    }

    /// Moves past the number at the cursor, checking its syntax without computing its value
    /// (for skipped values such as `bytes` arrays and `text_offset`).
    @inlinable package mutating func skipNumber() throws(JSONSyntaxError) {
        let start = position
        if base[position] == ASCII.minus { position &+= 1 }
        guard base[position] &- ASCII.zero <= 9 else {
            _ = try parseNonFiniteWord(negative: position > start)
            return
        }
        if base[position] == ASCII.zero {
            position &+= 1
        } else {
            while base[position] &- ASCII.zero <= 9 { position &+= 1 }
        }
        if base[position] == ASCII.dot {
            position &+= 1
            guard base[position] &- ASCII.zero <= 9 else { throw syntaxError("expected a digit after the decimal point") }
            skipDigits()
        }
        if base[position] | 0x20 == ASCII.e {
            position &+= 1
            if base[position] == ASCII.minus || base[position] == ASCII.plus { position &+= 1 }
            guard base[position] &- ASCII.zero <= 9 else { throw syntaxError("expected a digit in the exponent") }
            while base[position] &- ASCII.zero <= 9 { position &+= 1 }
        }
    }

    /// Moves past the run of digits at the cursor, eight bytes at a time (a log-probability's
    /// fraction has about 16).
    @inlinable @inline(__always) package mutating func skipDigits() {
        while position &+ 8 <= end {
            let word = UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self)
            // A byte is not a digit iff its distance from "0" is 10 or more in its low seven
            // bits, or its high bit differs.
            let fromZero = word ^ 0x3030_3030_3030_3030
            let others = (((fromZero & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7676_7676_7676_7676) | fromZero) & 0x8080_8080_8080_8080
            guard others == 0 else {
                position &+= others.trailingZeroBitCount >> 3
                return
            }
            position &+= 8
        }
        while base[position] &- ASCII.zero <= 9 { position &+= 1 }
    }

    /// `NaN`, `Infinity` or `-Infinity` (Python's `json` writes them), at a place where a
    /// number was expected.
    @usableFromInline package mutating func parseNonFiniteWord(negative: Bool) throws(JSONSyntaxError) -> Double {
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
}

import Foundation
import HorizonTestSupport
import Testing

@testable import HorizonCommon

/// Number parsing (``JSONCursor/parseDouble()`` and ``DecimalToDouble``) against the C
/// library's `strtod`, which rounds correctly.
@Suite struct DecimalToDoubleTests {
    /// What the scanner reads from `text`.
    static func scanned(_ text: String) throws -> Double {
        var bytes = Array(text.utf8)
        let count = bytes.count
        bytes.append(0)
        return try bytes.withUnsafeBufferPointer { buffer in
            var cursor = JSONCursor(base: buffer.baseAddress!, end: count)
            let value = try cursor.parseDouble()
            #expect(cursor.position == count, "\(text) not read to its end")
            return value
        }
    }

    static func expectSameAsStrtod(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let expected = strtod(text, nil)
        let actual = try scanned(text)
        #expect(
            actual.bitPattern == expected.bitPattern,
            "\(text): scanned \(actual), strtod \(expected)", sourceLocation: sourceLocation)
    }

    @Test(arguments: [
        "0", "-0", "-0.0", "1", "-1", "0.5", "-30.0", "-9999.0", "1e23", "1E23", "1e+23", "8.5e-5",
        "-1.6094379425048828", "-0.7985077500343323", "-1.2039728164672852", "-0.5108256936073303",
        "-3.4028234663852886e+38", "3.4028234663852886e38", "-3.576278402306343e-07",
        // Exact ties between two doubles: ties go to the even significand.
        "9007199254740993", "9007199254740993.0", "9007199254740995", "9007199254740995.0",
        "18014398509481986.0", "18014398509481990.0",
        // Beyond the fast paths: more than 19 digits, large exponents, subnormals, extremes.
        "0.12345678901234567890123", "123456789012345678901234567890", "1e-28", "1.5e-30",
        "1.7976931348623157e308", "2.2250738585072011e-308", "4.9e-324", "1e400", "-1e400",
        "0.000000000000000000000000000001", "100000000000000000000000000000e-29",
        "7450580596923828125e-27", "1.00000000000000011102230246251565404236316680908203125",
    ])
    func knownValuesMatchStrtod(_ text: String) throws {
        try Self.expectSameAsStrtod(text)
    }

    @Test func tiesRoundToEven() throws {
        // 2^53 + 1 lies halfway between 2^53 and 2^53 + 2; the even one is 2^53.
        #expect(try Self.scanned("9007199254740993.0") == 9_007_199_254_740_992)
        #expect(try Self.scanned("9007199254740995.0") == 9_007_199_254_740_996)
    }

    @Test func nonFiniteWordsAreRead() throws {
        #expect(try Self.scanned("NaN").isNaN)
        #expect(try Self.scanned("Infinity") == .infinity)
        #expect(try Self.scanned("-Infinity") == -.infinity)
    }

    @Test(arguments: ["-", "1.", ".5", "1e", "1e+", "--1", "-NaN", "+1", "Inf"])
    func malformedNumbersAreRejected(_ text: String) {
        #expect(throws: JSONSyntaxError.self) { try Self.scanned(text) }
    }

    /// The tables the exact paths rely on: `5^k`, and `R = floor(2^(127 + b) / 5^k)` with
    /// `b` the bit length of `5^k`, i.e. `0 <= 2^(127 + b) - R · 5^k < 5^k`, `R` in `[2^127, 2^128)`.
    @Test func powerOfFiveTablesAreExact() {
        var power: UInt64 = 1
        for k in 0...DecimalToDouble.maximumExactExponent {
            #expect(DecimalToDouble.powersOfFive[k] == power)
            if k > 0 {
                let reciprocal = DecimalToDouble.reciprocalsOfPowersOfFive[k - 1]
                #expect(reciprocal.high >> 63 == 1)
                // R · 5^k as three 64-bit words (top, middle, bottom).
                let low = reciprocal.low.multipliedFullWidth(by: power)
                let high = reciprocal.high.multipliedFullWidth(by: power)
                let (middle, carry) = high.low.addingReportingOverflow(low.high)
                let top = high.high + (carry ? 1 : 0)
                // 2^(127 + b) is the single bit 127 + b - 128 = b - 1 of the top word.
                let bits = 64 - power.leadingZeroBitCount
                let target = UInt64(1) << (bits - 1)
                // target·2^128 − product must lie in [0, 5^k): the top word is target − 1, and
                // the two lower words, negated, are at most 5^k.
                #expect(top == target - 1, "k = \(k)")
                let (negatedBottom, borrow) = UInt64(0).subtractingReportingOverflow(low.low)
                let negatedMiddle = ~middle &+ (borrow ? 0 : 1)
                #expect(negatedMiddle == 0 && negatedBottom < power, "k = \(k)")
            }
            power = power &* 5
        }
    }

    /// Random doubles of every magnitude in the ways programs print them.
    @Test func randomDoublesMatchStrtod() throws {
        var random = SplitMix64(seed: 20_250_617)
        for _ in 0..<40_000 {
            // A random finite double, biased towards the magnitudes log-probs have.
            let value: Double
            if Bool.random(using: &random) {
                value = Double(Float(-Double.random(in: 0..<40, using: &random)))
            } else {
                let bits = UInt64.random(in: 0..<0x7FF0_0000_0000_0000, using: &random)
                value = Double(bitPattern: bits)
            }
            let digits = Int.random(in: 1...17, using: &random)
            for text in [
                value.description, String(format: "%.17g", value), String(format: "%.\(digits)e", value),
                String(format: "%.\(digits)g", -value),
            ] {
                try Self.expectSameAsStrtod(text)
            }
        }
    }

    /// Random decimal strings: up to 25 digits, a point anywhere, exponents around the range
    /// of the exact paths, so that every path and every boundary between them is crossed.
    @Test func randomDecimalStringsMatchStrtod() throws {
        var random = SplitMix64(seed: 7)
        for _ in 0..<100_000 {
            let count = Int.random(in: 1...25, using: &random)
            let digits = (0..<count).map { _ in String(Int.random(in: 0...9, using: &random)) }.joined()
            // JSON allows a leading zero only alone before the point.
            let point = Int.random(in: 1...digits.count, using: &random)
            var integerPart = digits.prefix(point).drop { $0 == "0" }
            if integerPart.isEmpty { integerPart = "0" }
            var text = Bool.random(using: &random) ? "-" : ""
            text += integerPart
            if point < digits.count { text += "." + digits.dropFirst(point) }
            if Int.random(in: 0..<3, using: &random) == 0 {
                text += "e\(Int.random(in: -45...45, using: &random))"
            }
            try Self.expectSameAsStrtod(text)
        }
    }
}

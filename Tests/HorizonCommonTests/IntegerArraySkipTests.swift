import HorizonTestSupport
import Testing

@testable import HorizonCommon

/// Skipping arrays of non-negative integers (a token's `bytes`) and runs of digits: the
/// word-at-a-time paths must find the same end as the definition, and refuse the same texts.
@Suite struct IntegerArraySkipTests {
    /// The definition, byte by byte: `[`, then numbers without leading zeros (each with at most
    /// one space before and after) separated by commas, then `]`. Returns one past the `]`.
    static func definedEnd(_ text: [UInt8]) -> Int? {
        func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
        var index = 1
        while true {
            if index < text.count, text[index] == 0x20 { index += 1 }
            let start = index
            while index < text.count, isDigit(text[index]) { index += 1 }
            guard index > start, text[start] != 0x30 || index == start + 1 else { return nil }
            if index < text.count, text[index] == 0x20 { index += 1 }
            guard index < text.count else { return nil }
            if text[index] == 0x2C {
                index += 1
                continue
            }
            return text[index] == 0x5D ? index + 1 : nil
        }
    }

    /// What the cursor says for the array at the start of `text`, followed by `padding` more
    /// bytes (so that the 16-byte loads read past the array, as they do inside a response).
    static func scannedEnd(_ text: [UInt8], padding: [UInt8]) -> (whole: Int?, byWords: Int?) {
        var bytes = text + padding
        let count = bytes.count
        bytes.append(0)
        return bytes.withUnsafeBufferPointer { buffer in
            let cursor = JSONCursor(document: buffer.baseAddress!, count: count)
            return (cursor.endOfIntegerArray(at: 0), cursor.endOfIntegerArrayByWords(at: 0))
        }
    }

    @Test(arguments: [
        "[32]", "[0]", "[0,0]", "[10,0,200]", "[32,116,104,101]", "[226,128,153,32,116,104,101]",
        "[1,2,3,4,5,6,7]", "[123456789012345]", "[1234567890123456]", "[12345678901234567]",
        "[240,159,152,128,240,159,152,128,240,159,152,128]", "[1, 2]", "[ 1]", "[1 ]",
        "[]", "[,]", "[1,]", "[,1]", "[1,,2]", "[01]", "[1,01]", "[00]", "[1,2,3,4,5,6,7,08]",
        "[-1]", "[1.5]", "[1e2]", "[\"1\"]", "[1,2", "[1  ,2]", "[1,2,3,4,5,6,7,8,9,10,11,12,13,14]",
        "[1234567,1234567,]", "[1234567,12345670]", "[1234567,1234567,0]", "[1234567,1234567,01]",
        "[123456,1234567,01]", "[1234567890,12345,1]", "[123456789012345,]", "[123456789012345,1]",
    ])
    func agreesWithTheDefinition(_ text: String) {
        let bytes = Array(text.utf8)
        for padding in [[UInt8](), Array(repeating: 0x31, count: 40), Array("],1,0]}".utf8) + Array(repeating: 0x20, count: 30)] {
            let scanned = Self.scannedEnd(bytes, padding: padding)
            let defined = Self.definedEnd(bytes + padding)
            #expect(scanned.whole == defined, "\(text) + \(padding.count) bytes")
            if let byWords = scanned.byWords { #expect(byWords == defined, "\(text) by words") }
        }
    }

    /// Random texts near the grammar's edges (digits, commas, zeros, `]`, spaces, others), each
    /// checked against the definition and, when accepted, against the JSON parser.
    @Test func randomTextsAgreeWithTheDefinition() throws {
        var random = SplitMix64(seed: 20261207)
        let alphabet = Array("1234567890000,,,]] x-".utf8)
        var acceptedByWords = 0
        for _ in 0..<20_000 {
            let length = Int(random.next() % 40)
            var text: [UInt8] = [0x5B]
            for _ in 0..<length { text.append(alphabet[Int(random.next() % UInt64(alphabet.count))]) }
            let padding = (0..<Int(random.next() % 20)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
            let defined = Self.definedEnd(text + padding)
            let scanned = Self.scannedEnd(text, padding: padding)
            #expect(scanned.whole == defined, "\(String(decoding: text + padding, as: UTF8.self))")
            if let byWords = scanned.byWords {
                acceptedByWords += 1
                #expect(byWords == defined, "\(String(decoding: text + padding, as: UTF8.self)) by words")
            }
            if let end = scanned.whole {
                let value = try JSONValue(parsing: Array((text + padding)[..<end]))
                // Integers only: the literal is all digits.
                #expect(value.arrayValue?.allSatisfy { element in
                    guard case .number(let literal) = element else { return false }
                    return literal.allSatisfy(\.isNumber)
                } == true)
            }
        }
        // The fast path must have been taken, not only the loop.
        #expect(acceptedByWords > 500)
    }

    /// `skipNumber` moves past exactly the number `parseDouble` reads, for digit runs of every
    /// length across the 8-byte steps, near the end of the text too.
    @Test func skippingANumberEndsWhereParsingEnds() throws {
        var random = SplitMix64(seed: 7)
        for digits in 1...40 {
            for _ in 0..<20 {
                var number = "-0."
                for _ in 0..<digits { number += String(random.next() % 10) }
                if random.next() % 3 == 0 { number += "e-" + String(random.next() % 30) }
                for follower in ["", ",", "}", "]", " ", "x"] {
                    var bytes = Array((number + follower).utf8)
                    let count = bytes.count
                    bytes.append(0)
                    try bytes.withUnsafeBufferPointer { buffer in
                        var skipped = JSONCursor(document: buffer.baseAddress!, count: count)
                        var parsed = skipped
                        try skipped.skipNumber()
                        _ = try parsed.parseDouble()
                        #expect(skipped.position == parsed.position, "\(number + follower)")
                        #expect(skipped.position == number.utf8.count)
                    }
                }
            }
        }
    }
}

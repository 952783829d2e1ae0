import Foundation
import HorizonCommon
import Testing

/// `JSONCursorDecoder` against Foundation's `JSONEncoder` (the writer of every file it reads)
/// and `JSONDecoder` (the reader it replaces): the same values, every double to the bit.
@Suite("JSONCursorDecoder")
struct JSONCursorDecoderTests {
    static let strings = JSONCursorDecoder.NonFiniteStrings(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")

    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return encoder
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONCursorDecoder(nonFiniteStrings: strings).decode(type, from: Array(text.utf8))
    }

    /// What decoding `text` as a `T` gives: `nil`, or the error's one-line summary.
    static func failure<T: Decodable>(_ type: T.Type, _ text: String) -> String? {
        do {
            _ = try decode(type, text)
            return nil
        } catch let error as DecodingError {
            return error.summary
        } catch {
            return "\(error)"
        }
    }

    /// Every scalar type, optionals, nesting, and keys in another order than the file's.
    struct Record: Codable, Equatable {
        var zeta: Double
        var alpha: Int
        var int8: Int8, int16: Int16, int32: Int32, int64: Int64, int128: Int128
        var uint: UInt, uint8: UInt8, uint16: UInt16, uint32: UInt32, uint64: UInt64, uint128: UInt128
        var float: Float
        var flag: Bool
        var text: String
        var absent: String?
        var null: Int?
        var doubles: [Double]
        var nested: [[Int]]
        var byName: [String: Double]
        var children: [Record]
    }

    static func record(_ seed: Int, children: [Record] = []) -> Record {
        Record(
            zeta: Double(seed) / 7, alpha: -seed, int8: .min, int16: .max, int32: -32, int64: .min, int128: .min,
            uint: .max, uint8: 255, uint16: 0, uint32: .max, uint64: .max, uint128: .max, float: 0.1, flag: seed % 2 == 0,
            text: "é \"quoted\" \\ / \u{1F600} \t\n\u{0001} \(seed)", absent: nil, null: nil,
            doubles: [-0.0, 0.0, .leastNonzeroMagnitude, Double(bitPattern: 0x000F_FFFF_FFFF_FFFF), .leastNormalMagnitude, .greatestFiniteMagnitude,
                      -.leastNormalMagnitude, .ulpOfOne, 1e23, 0.1, 1 / 3, .pi, .infinity, -.infinity],
            nested: [[], [1], [2, -3]], byName: ["b": 2, "a": 1, "é\"": 3], children: children)
    }

    @Test("every scalar, optional and container reads back equal to what JSONEncoder wrote, and as JSONDecoder reads it")
    func roundTrip() throws {
        let value = Self.record(3, children: [Self.record(4), Self.record(5, children: [Self.record(6)])])
        let bytes = try Self.encoder().encode(value)
        let decoded = try JSONCursorDecoder(nonFiniteStrings: Self.strings).decode(Record.self, from: Array(bytes))
        #expect(decoded == value)
        let foundation = JSONDecoder()
        foundation.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        #expect(try foundation.decode(Record.self, from: bytes) == decoded)
        // Equality takes -0.0 for 0.0: the bits say which.
        #expect(decoded.doubles.map(\.bitPattern) == value.doubles.map(\.bitPattern))
        #expect(decoded.doubles[0].sign == .minus)
    }

    @Test("random doubles of every magnitude read back to the same bits; NaN to NaN")
    func doubleBits() throws {
        var random = SplitMix64(seed: 11)
        var values: [Double] = []
        while values.count < 20_000 {
            let value = Double(bitPattern: random.next())
            if value.isFinite { values.append(value) }
        }
        // Subnormals and values near the exponent limits are rare among random bit patterns.
        values += (0..<2_000).map { _ in Double(bitPattern: random.next() & 0x000F_FFFF_FFFF_FFFF) }
        values += (0..<2_000).map { _ in Double(bitPattern: 0x7FE0_0000_0000_0000 | random.next() & 0x800F_FFFF_FFFF_FFFF) }
        let decoded = try JSONCursorDecoder().decode([Double].self, from: Array(try JSONEncoder().encode(values)))
        #expect(decoded.map(\.bitPattern) == values.map(\.bitPattern))
        let nonFinite = try Self.decode([Double].self, #"["nan", "inf", "-inf", -0]"#)
        #expect(nonFinite[0].isNaN && nonFinite[1] == .infinity && nonFinite[2] == -.infinity && nonFinite[3].bitPattern == (-0.0).bitPattern)
    }

    @Test("integers are exact to the last digit, Int128 and UInt128 included; whole numbers in other spellings are taken")
    func integers() throws {
        #expect(try Self.decode(Int128.self, "170141183460469231731687303715884105727") == .max)
        #expect(try Self.decode(Int128.self, "-170141183460469231731687303715884105728") == .min)
        #expect(try Self.decode(UInt128.self, "340282366920938463463374607431768211455") == .max)
        #expect(try Self.decode(Int.self, "-9223372036854775808") == .min)
        #expect(try Self.decode(UInt64.self, "18446744073709551615") == .max)
        #expect(try Self.decode(Int.self, "-0") == 0)
        #expect(try Self.decode([Int8].self, "[-128, 127, 0]") == [-128, 127, 0])
        // Exact sums are 20 to 39 digits: runs of eighteen, then the rest.
        #expect(try Self.decode(Int128.self, "-1234567890123456789012345678901234567") == -1_234_567_890_123_456_789_012_345_678_901_234_567)
        #expect(try Self.decode(Int128.self, "100000000000000000000000000000000000000") == 100_000_000_000_000_000_000_000_000_000_000_000_000)
        #expect(try Self.decode([Int].self, "[1.0, 2e3]") == [1, 2000])
        let beyond = "170141183460469231731687303715884105728"
        #expect(Self.failure(Int128.self, beyond) == "\(beyond) is not a whole number within Int128's range (byte 0) at top level")
        #expect(Self.failure(Int.self, "2.5") == "2.5 is not a whole number within Int's range (byte 0) at top level")
        #expect(Self.failure(UInt128.self, "-1") == "-1 is not a whole number within UInt128's range (byte 0) at top level")
        #expect(Self.failure([Int8].self, "[1, 128]") == "128 is not a whole number within Int8's range (byte 4) at [1]")
    }

    @Test("unknown keys are skipped; large objects (a dictionary of problems) are found by key")
    func keys() throws {
        struct Small: Codable, Equatable { var b: Int; var a: [Int]? }
        #expect(try Self.decode(Small.self, #"{"z": {"deep": [1, {"x": null}]}, "a": null, "b": 2, "y": "s"}"#) == Small(b: 2, a: nil))
        #expect(try Self.decode(Small.self, #"{"\u0062": 1}"#) == Small(b: 1, a: nil))
        let many = Dictionary(uniqueKeysWithValues: (0..<500).map { ("problem-\($0)", Small(b: $0, a: [$0])) })
        let text = String(decoding: try Self.encoder().encode(many), as: UTF8.self)
        #expect(try Self.decode([String: Small].self, text) == many)
    }

    @Test("a value of the wrong type, a missing key and a short array name the JSON path and the byte")
    func decodingErrors() throws {
        struct Inner: Codable { var values: [Double] }
        struct Outer: Codable { var inner: [String: Inner] }
        func summary(_ text: String) -> String? { Self.failure(Outer.self, text) }
        #expect(summary(#"{"inner": {"p1": {"values": [1, "x"]}}}"#)
            == #"expected a number or "inf", "-inf", "nan", found a string (byte 32) at inner.p1.values.[1]"#)
        #expect(summary(#"{"inner": {"p1": {"values": [NaN]}}}"#)?.contains("non-finite values are written as strings") == true)
        #expect(summary(#"{"inner": {"p1": {"values": [-1e999]}}}"#) == "-1e999 is beyond the range of Double (byte 29) at inner.p1.values.[0]")
        #expect(summary(#"{"inner": {"p1": {}}}"#) == "missing key 'values' at inner.p1")
        #expect(summary(#"{"inner": []}"#) == "expected an object, found an array (byte 10) at inner")
        #expect(summary(#"{"inner": {"p1": {"values": true}}}"#) == "expected an array, found a boolean (byte 28) at inner.p1.values")
        struct Pair: Codable { var a: Int; var b: Int
            init(from decoder: any Decoder) throws {
                var container = try decoder.unkeyedContainer()
                a = try container.decode(Int.self)
                b = try container.decode(Int.self)
            }
        }
        #expect(Self.failure([Pair].self, "[[1, 2], [3]]") == "the array ends (byte 9) at [1].[1]")
    }

    @Test("text that is not JSON is a syntax error at its byte")
    func syntaxErrors() throws {
        let cases: [(String, Int)] = [(#"{"a": [1, 2"#, 11), (#"{"a" 1}"#, 5), ("[1, 2] 3", 7), ("", 0), (#"{"a": tru}"#, 9)]
        for (text, offset) in cases {
            #expect(throws: JSONSyntaxError.self, "\(text)") { try Self.decode([String: [Int]].self, text) }
            do { _ = try Self.decode([String: [Int]].self, text) } catch let error as JSONSyntaxError { #expect(error.offset == offset, "\(text): \(error)") }
        }
    }
}

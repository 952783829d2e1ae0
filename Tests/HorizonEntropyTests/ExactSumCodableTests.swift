import Foundation
import HorizonCommon
import HorizonEntropy
import Testing

/// How part files write an ``ExactSum``: one integer of 2⁻⁶⁴ units when finite, the keyed form
/// otherwise, and both read back to the same bits.
@Suite("ExactSum coding")
struct ExactSumCodableTests {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return encoder
    }

    /// The decoder `merge` reads parts with.
    static func decoder() -> JSONCursorDecoder {
        JSONCursorDecoder(nonFiniteStrings: .init(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan"))
    }

    static func sum(_ terms: [Double]) -> ExactSum {
        var sum = ExactSum()
        for term in terms { sum.add(term) }
        return sum
    }

    @Test("a finite sum is its count of 2⁻⁶⁴ units", arguments: [
        ([0.5], "9223372036854775808"),                    // 2⁶³
        ([1, 0.25], "23058430092136939520"),               // 1.25 · 2⁶⁴
        ([-3], "-55340232221128654848"),                   // −3 · 2⁶⁴
        ([], "0"),
        ([0x1p39, 0x1p39], "20282409603651670423947251286016"),  // 2⁴⁰ · 2⁶⁴ = 2¹⁰⁴
        (Array(repeating: 0x1p39, count: 1 << 20), "10633823966279326983230456482242756608"),  // 2¹²³
        (Array(repeating: -0x1p39, count: 1 << 20) + [-0x1p-64], "-10633823966279326983230456482242756609"),
        ([-0.0], "0"),
    ])
    func finite(terms: [Double], expected: String) throws {
        let sum = Self.sum(terms)
        let data = try Self.encoder().encode([sum])
        #expect(String(decoding: data, as: UTF8.self) == "[\(expected)]")
        let decoded = try Self.decoder().decode([ExactSum].self, from: Array(data))
        #expect(decoded == [sum] && decoded[0].value.bitPattern == terms.reduce(0, +).bitPattern)
    }

    @Test("a sum with an infinite or NaN term keeps the keyed form and reads back", arguments: [
        ([1, Double.infinity], Double.infinity), ([2, -Double.infinity], -Double.infinity), ([Double.infinity, -Double.infinity], Double.nan),
    ] as [([Double], Double)])
    func nonFinite(terms: [Double], expected: Double) throws {
        let sum = Self.sum(terms)
        let text = String(decoding: try Self.encoder().encode(sum), as: UTF8.self)
        #expect(text.contains("\"nonFinite\"") && text.contains("\"fixed\""))
        let decoded = try Self.decoder().decode(ExactSum.self, from: Array(text.utf8))
        #expect(decoded.value.isNaN ? expected.isNaN : decoded.value == expected)
    }

    @Test("the keyed form of part schema version 1 still reads")
    func versionOne() throws {
        let old = #"[{"fixed": 23058430092136939520, "nonFinite": 0}, {"fixed": 0, "nonFinite": "inf"}]"#
        let decoded = try Self.decoder().decode([ExactSum].self, from: Array(old.utf8))
        #expect(decoded == [Self.sum([1, 0.25]), Self.sum([.infinity])])
    }
}

import Foundation
import HorizonStability
import HorizonTestSupport
import Testing

@Suite("ReflectionMarkers: case-insensitive, word-bounded, longest marker first")
struct ReflectionMarkersTests {
    static func counts(_ text: String, _ markers: ReflectionMarkers = .default) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: zip(markers.phrases, markers.counts(in: text)).filter { $0.1 > 0 })
    }

    @Test("hand-counted texts", arguments: [
        ("Hmm, wait. But wait, let me check.", ["hmm": 1, "wait": 1, "but wait": 1, "let me check": 1]),
        ("WAIT wait Wait", ["wait": 3]),
        ("awaited, waiting, waits", [:]),
        ("but, wait", ["wait": 1]),  // punctuation inside: not the two-word marker
        ("But   wait\nlet me\tcheck", ["but wait": 1, "let me check": 1]),
        ("Let me double-check: double-check, check", ["let me double-check": 1, "double-check": 1]),
        ("That’s not right. That's not right", ["that's not right": 2]),
        ("'Wait' (hmm)", ["wait": 1, "hmm": 1]),
        ("", [:]),
    ] as [(String, [String: Int])])
    func handCounted(text: String, expected: [String: Int]) {
        #expect(Self.counts(text) == expected)
    }

    /// Every ASCII scalar, and a few others, between two words: whether it joins them, counts
    /// as whitespace between them, or separates them otherwise, as the Unicode properties say.
    @Test("each scalar splits, spaces or joins words as its Unicode properties say")
    func scalarClasses() throws {
        let markers = try ReflectionMarkers(["wait", "but wait"])
        let others: [Unicode.Scalar] = ["é", "\u{2019}", "\u{00A0}", "\u{2003}", "\u{0663}", "\u{216B}", "\u{00B2}", "\u{0085}", "—"]
        for scalar in (1...0x7F).compactMap(Unicode.Scalar.init) + others where scalar != "-" {
            let joins = scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "'" || scalar == "\u{2019}"
            let text = "but" + String(scalar) + "wait"
            let expected: [String: Int] =
                joins ? [:] : scalar.properties.isWhitespace ? ["but wait": 1] : ["wait": 1]
            #expect(Self.counts(text, markers) == expected, "U+\(String(scalar.value, radix: 16))")
        }
    }

    @Test("a custom list replaces the default; duplicates and case collapse")
    func customList() throws {
        let markers = try ReflectionMarkers(["Oops", "oops", "no wait"])
        #expect(markers.phrases == ["oops", "no wait"])
        #expect(Self.counts("Oops, no wait. wait OOPS", markers) == ["oops": 2, "no wait": 1])
    }

    @Test("a file: comments and blank lines skipped, a line without a word named")
    func file() throws {
        let good = try TraceFile.write(["# markers", "", "  Wait  ", "let me see"])
        #expect(try ReflectionMarkers(contentsOf: good).phrases == ["wait", "let me see"])
        let bad = try TraceFile.write(["wait", "---"])
        let error = #expect(throws: AnalysisError.self) { try ReflectionMarkers(contentsOf: bad) }
        #expect(error?.description == "\(bad):2: reflection marker '---' has no word in it")
        let empty = try TraceFile.write(["# nothing"])
        let noMarkers = #expect(throws: AnalysisError.self) { try ReflectionMarkers(contentsOf: empty) }
        #expect(noMarkers?.description == "\(empty): no reflection markers (one phrase per line; # starts a comment)")
        #expect(throws: AnalysisError.self) { try ReflectionMarkers(contentsOf: "/nonexistent/markers.txt") }
    }
}

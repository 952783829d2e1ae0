import HorizonCommon
import HorizonTestSupport
import HorizonTraces
import Testing

/// JSON string escapes, multi-byte characters, and token bytes.
@Suite struct TraceParserStringTests {
    static let here = SourceLocation(file: "s.jsonl", line: 1)

    static func trace(_ text: String) throws -> Trace {
        try #require(try TraceParser().traces(in: Array(text.utf8), at: here).first)
    }

    @Test func everyEscapeDecodes() throws {
        let line = #"{"id": "p", "text": "q\" b\\ s\/ \b\f\n\r\t \u00e9 \u2192 \ud83d\ude00 end"}"#
        #expect(try Self.trace(line).text == "q\" b\\ s/ \u{8}\u{c}\n\r\t \u{e9} \u{2192} \u{1F600} end")
    }

    @Test func loneSurrogatesBecomeReplacementCharacters() throws {
        let line = #"{"id": "p", "text": "a\ud83d b\ude00 c\ud83d"}"#
        #expect(try Self.trace(line).text == "a\u{FFFD} b\u{FFFD} c\u{FFFD}")
    }

    @Test func rawMultiByteTextIsKept() throws {
        let text = "caf\u{e9} \u{2264} \u{1F600} \u{4E2D}\u{6587}"
        let line = JSONText.members(["id": "p", "text": .string(text)])
        #expect(try Self.trace(line.rendered()).text == text)
        #expect(try Self.trace(line.rendered(asciiOnly: true)).text == text)
    }

    @Test func escapedKeysAreRecognised() throws {
        let line = #"{"problem\u005fid": "p", "te\u0078t": "t", "logprobs": {"cont\u0065nt": [{"tok\u0065n": "a", "logprob": -1.0, "top_logprobs": [{"token": "a", "l\u006fgprob": -1.0}]}]}}"#
        let trace = try Self.trace(line)
        #expect(trace.problemID == "p")
        #expect(trace.text == "t")
        #expect(trace.logProbs?.sampledRanks == [0])
    }

    /// Tokens written with and without escapes (Python writes `\u00e9`, other servers `é`)
    /// are the same token.
    @Test func sampledTokenIsFoundWhateverItsEscapes() throws {
        let steps = [
            TestStep("\u{e9}", -0.5, top: ["e": -1.0, "\u{e9}": -0.5]),
            TestStep("\"q\"", -0.25, top: ["\"q\"": -0.25]),
            TestStep("\\", -2.0, top: ["/": -0.5, "\\": -2.0]),
        ]
        let logprobs = TraceLines.chatLogProbs(steps)
        for asciiOnly in [false, true] {
            let line = TraceLines.flat(["problem_id": "p"], logProbs: logprobs).rendered(asciiOnly: asciiOnly)
            let trace = try Self.trace(line)
            let logProbs = try #require(trace.logProbs)
            #expect(logProbs.sampledRanks == [1, 0, 1])
            #expect(logProbs.tokenBytes == Array("\u{e9}\"q\"\\".utf8))
            #expect(trace.text == "\u{e9}\"q\"\\")
        }
        // One side escaped, the other not: "\u00e9" against a raw "é".
        let mixed = #"{"id": "p", "logprobs": {"content": [{"token": "\u00e9", "logprob": -0.5, "top_logprobs": [{"token": "é", "logprob": -0.5}]}]}}"#
        #expect(try Self.trace(mixed).logProbs?.sampledRanks == [0])
    }

    /// "→" is E2 86 92; a byte-level tokenizer may split it over two tokens, each of which
    /// reads as U+FFFD; their `bytes` keep the pieces.
    @Test func bytesArraysSplittingACharacterAreJoinedExactly() throws {
        let steps = [
            TestStep(
                "\u{FFFD}", -0.5, bytes: [0xE2, 0x86],
                top: [("\u{FFFD}", -0.25, [0xE2, 0x88]), ("\u{FFFD}", -0.5, [0xE2, 0x86]), ("x", -3.0, [0x78])]),
            TestStep("\u{FFFD}", -0.125, bytes: [0x92], top: [("\u{FFFD}", -0.125, [0x92])]),
            TestStep(" ok", -1.0, bytes: [0x20, 0x6F, 0x6B], top: [(" ok", -1.0, [0x20, 0x6F, 0x6B])]),
        ]
        let trace = try Self.trace(TraceLines.flat(["problem_id": "p"], logProbs: TraceLines.chatLogProbs(steps)).rendered())
        let logProbs = try #require(trace.logProbs)
        #expect(logProbs.tokenBytes == [0xE2, 0x86, 0x92, 0x20, 0x6F, 0x6B])
        #expect(Array(logProbs.bytes(ofToken: 0)) == [0xE2, 0x86])
        #expect(Array(logProbs.bytes(ofToken: 1)) == [0x92])
        // Both first candidates read "\u{FFFD}"; the bytes tell the sampled one (the second).
        #expect(logProbs.sampledRanks == [1, 0, 0])
        #expect(trace.text == "\u{2192} ok")
    }

    @Test func bytesNullMeansTheTokenStringsUTF8() throws {
        let steps = [TestStep("\u{e9}t\u{e9}", -0.5, top: ["\u{e9}t\u{e9}": -0.5])]
        let trace = try Self.trace(TraceLines.flat(["problem_id": "p"], logProbs: TraceLines.chatLogProbs(steps)).rendered(asciiOnly: true))
        #expect(trace.logProbs?.tokenBytes == [0xC3, 0xA9, 0x74, 0xC3, 0xA9])
    }
}

import Foundation
import HorizonTestSupport
import HorizonTraces
import Testing

/// ``CandidateTexts``: the candidates' texts read again from hand-laid lines, in the server's
/// order, for every place a top list can stand and every spelling a candidate can have.
@Suite struct CandidateTextsTests {
    static func ln(_ p: Double) -> String { String(log(p)) }

    /// Chat shape. Step 0: a pipe, a backtick pair, a newline and a `\u` escape among the
    /// candidates. Step 1: raw bytes that are not UTF-8 (a cut "€" and 0xFF) under tokens that
    /// both read U+FFFD. Step 2: the top list comes before the entry's token. Step 3: `null`;
    /// step 4: `[]`; step 5: no top list at all.
    static let chat = """
        {"problem_id": "c", "text": "x", "logprobs": {"content": [\
        {"token": "A", "logprob": \(ln(0.5)), "top_logprobs": [{"token": "A", "logprob": \(ln(0.5))}, \
        {"token": "a|b", "logprob": \(ln(0.25))}, {"token": "`x`", "logprob": \(ln(0.125))}, {"token": "\\n", "logprob": \(ln(0.0625))}, \
        {"token": "\\u00e9", "logprob": -9999}]}, \
        {"token": "\\ufffd", "bytes": [226, 130], "logprob": \(ln(0.5)), "top_logprobs": [\
        {"token": "\\ufffd", "bytes": [226, 130], "logprob": \(ln(0.5))}, {"bytes": [255], "token": "\\ufffd", "logprob": \(ln(0.5))}]}, \
        {"top_logprobs": [{"logprob": \(ln(0.75)), "token": " B"}, {"logprob": \(ln(0.25)), "token": " C", "id": 7}], "logprob": \(ln(0.75)), "token": " B"}, \
        {"token": "D", "logprob": -0.1, "top_logprobs": null}, \
        {"token": "E", "logprob": -0.2, "top_logprobs": []}, \
        {"token": "F", "logprob": -0.3}]}}
        """

    /// Legacy completions shape, its top lists before the lists they are matched against, an
    /// echoed prompt token first (dropped), an escaped key.
    static let legacy = """
        {"problem_id": "l", "text": "xy", "logprobs": {"top_logprobs": [null, {"x": \(ln(0.5)), "\\u00e9|": \(ln(0.5))}, {"y": 0}], \
        "tokens": ["P", "x", "y"], "token_logprobs": [null, \(ln(0.5)), 0]}}
        """

    static func texts(_ candidates: [CandidateText]) -> [String] { candidates.map { String(decoding: $0.bytes, as: UTF8.self) } }

    static func read(_ path: String, keeping: Bool = true) throws -> [Trace] {
        var options = TraceReadOptions(readBufferSize: 64)
        options.keepsCandidateTexts = keeping
        return try TraceReader(paths: [path], options: options).readAll().traces
    }

    static func checkChat(_ trace: Trace) throws {
        let texts = try #require(trace.candidateTexts)
        #expect(texts.count == 6)
        #expect(Self.texts(texts.candidates(at: 0)) == ["A", "a|b", "`x`", "\n", "é"])
        #expect(texts.candidates(at: 0).map(\.logProb) == [log(0.5), log(0.25), log(0.125), log(0.0625), -.infinity])
        // The bytes as sent, not their U+FFFD reading.
        #expect(texts.candidates(at: 1).map(\.bytes) == [[226, 130], [255]])
        #expect(Self.texts(texts.candidates(at: 2)) == [" B", " C"])
        #expect(texts.candidates(at: 2).map(\.logProb) == [log(0.75), log(0.25)])
        for step in 3...5 { #expect(texts.candidates(at: step).isEmpty, "step \(step)") }
        // The log-probabilities read again are the ones the reader stored.
        let logProbs = try #require(trace.logProbs)
        for step in 0...2 { #expect(texts.candidates(at: step).map(\.logProb) == Array(logProbs.candidates(at: step))) }
    }

    @Test func chatShapeInServerOrder() throws {
        let path = try TraceReaderTests.file(Self.chat + "\n")
        try Self.checkChat(try #require(try Self.read(path).first))
    }

    @Test func legacyShapeKeysWithTheEchoedStepDropped() throws {
        let path = try TraceReaderTests.file(Self.legacy + "\n")
        let texts = try #require(try Self.read(path).first?.candidateTexts)
        #expect(texts.count == 2)
        #expect(Self.texts(texts.candidates(at: 0)) == ["x", "é|"])
        #expect(texts.candidates(at: 0).map(\.logProb) == [log(0.5), log(0.5)])
        #expect(Self.texts(texts.candidates(at: 1)) == ["y"])
    }

    @Test("lines read from a compressed stream: the texts outlive the read", arguments: CompressedTraceTests.tools)
    func compressedStream(tool: String) throws {
        let text = Data((Self.legacy + "\n" + Self.chat).utf8)  // the last line without a line feed
        let path = try CompressedTraceTests.write(try SystemCompressor.compress(text, with: tool), named: "t.jsonl.\(tool)")
        let traces = try Self.read(path)
        #expect(traces.map(\.problemID) == ["l", "c"])
        try Self.checkChat(traces[1])
    }

    @Test func notKeptUnlessAsked() throws {
        let path = try TraceReaderTests.file(Self.chat + "\n")
        #expect(try Self.read(path, keeping: false).first?.candidateTexts == nil)
        // A line without log-probabilities has no candidates to keep.
        let plain = try TraceReaderTests.file(#"{"problem_id": "p", "text": "x"}"# + "\n")
        #expect(try Self.read(plain).first?.candidateTexts == nil)
    }
}

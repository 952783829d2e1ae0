import Foundation
import Horizon
import HorizonTestSupport
import Testing

/// `ProbeReader` reads each probe line once, with the trace parser: a line the trace reader
/// accepts (here with `-Infinity` for a candidate of probability 0, which the old second,
/// stricter parse refused) is a probe record.
@Suite("Probe reader")
struct ProbeReaderTests {
    static func probeLine(logprob: String) -> String {
        #"{"problem_id":"p1","sample_index":0,"probe":{"kind":"truncation","length":0.5,"length_unit":"fraction","kept_tokens":3,"index":1},"#
            + #""prefix":"<think>ab","answer_prefix":"</think> \\boxed{","gold":"7","text":"7}","#
            + #""usage":{"prompt_tokens":4,"completion_tokens":2},"logprobs":{"content":["#
            + #"{"token":"7","logprob":-0.25,"bytes":[55],"top_logprobs":[{"token":"7","logprob":-0.25,"bytes":[55]},{"token":"8","logprob":\#(logprob),"bytes":[56]}]},"#
            + #"{"token":"}","logprob":0,"bytes":[125],"top_logprobs":[{"token":"}","logprob":0,"bytes":[125]}]}]}}"#
    }

    static func read(_ line: String) throws -> [ProbeRecord] {
        let file = try SharedData.temporaryDirectory("probes").appendingPathComponent("probes.jsonl")
        try Data((line + "\n").utf8).write(to: file)
        return try ProbeReader.read(paths: [file.path], options: SampleRecordOptions(segmenter: Segmenter(try ProfileSelection(named: "deepseek-r1"))))
    }

    @Test("a probe line with -Infinity reads as a record with the line's probe members")
    func minusInfinity() throws {
        let records = try Self.read(Self.probeLine(logprob: "-Infinity"))
        let record = try #require(records.first)
        #expect(records.count == 1)
        #expect(record.kind == .truncation(length: 0.5, unit: "fraction"))
        #expect(record.keptTokens == 3 && record.index == 1 && record.tokensSpent == 2)
        #expect(record.answer?.text == "7")
    }

    @Test("a NaN log-probability is refused with the file and line, as analyze refuses it")
    func nan() throws {
        #expect(throws: TraceError.self) { try Self.read(Self.probeLine(logprob: "NaN")) }
    }
}

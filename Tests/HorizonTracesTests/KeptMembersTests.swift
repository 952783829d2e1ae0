import HorizonCommon
import HorizonTraces
import Testing

/// `TraceParser(keeping:)`: a line that carries more than a trace (a probe line) is read once,
/// by the trace parser, which hands back the other members' text.
@Suite("Kept members")
struct KeptMembersTests {
    static let line = #"{"problem_id":"p","probe": {"kind":"truncation","length":0.5},"prefix":"a\nb","text":"x","#
        + #""logprobs":{"content":[{"token":"x","logprob":-0.5,"bytes":[120],"top_logprobs":[{"token":"x","logprob":-0.5,"bytes":[120]},{"token":"y","logprob":-Infinity,"bytes":[121]}]}]}}"#

    @Test("kept members come back as the line spells them; trace fields keep their meaning")
    func keptText() throws {
        let parser = TraceParser(keeping: ["probe", "prefix", "text", "absent"])
        let (traces, members) = try parser.parseLine(Array(Self.line.utf8), at: SourceLocation(file: "f", line: 3))
        #expect(members.count == 2)
        #expect(members["probe"] == Array(#"{"kind":"truncation","length":0.5}"#.utf8))
        #expect(members["prefix"] == Array(#""a\nb""#.utf8))
        #expect(traces.map(\.trace.text) == ["x"])
    }

    @Test("-Infinity as a candidate's log-probability is probability 0, in any line")
    func minusInfinity() throws {
        let traces = try TraceParser(keeping: ["probe"]).parse(Array(Self.line.utf8), at: SourceLocation(file: "f", line: 1))
        let logProbs = try #require(traces.first?.trace.logProbs)
        #expect(Array(logProbs.candidates(at: 0)) == [-0.5, -.infinity])
    }

    @Test("a kept member does not relax the trace rules: a NaN log-probability is still refused")
    func rulesStay() {
        let bad = Self.line.replacingOccurrences(of: #""logprob":-0.5,"bytes":[120],"top"#, with: #""logprob":NaN,"bytes":[120],"top"#)
        #expect(throws: TraceError.self) {
            try TraceParser(keeping: ["probe"]).parseLine(Array(bad.utf8), at: SourceLocation(file: "f", line: 1))
        }
    }
}

import HorizonCommon
import HorizonTraces
import Testing

/// A trace line's `sampling` object: what analysis rebuilds the decoding distribution from.
@Suite("Recorded sampling")
struct RecordedSamplingTests {
    static let here = SourceLocation(file: "data/s.jsonl", line: 3)

    static func traces(_ line: String) throws -> [Trace] {
        try TraceParser().traces(in: Array(line.utf8), at: here)
    }

    @Test("the decoding settings are read; the seed, max_tokens and unknown members are skipped")
    func settings() throws {
        let line = #"{"problem_id":"p","text":"t","sampling":{"temperature":0.6,"top_p":0.95,"top_k":-1,"min_p":0.0,"repetition_penalty":1.0,"max_tokens":64,"top_logprobs":20,"seed":123,"extra":{"a":[1]}}}"#
        #expect(try Self.traces(line).first?.sampling
            == RecordedSampling(temperature: 0.6, topP: 0.95, topK: -1, minP: 0, repetitionPenalty: 1))
    }

    @Test("llama.cpp's repeat_penalty, nulls for settings left to the server, no sampling at all")
    func partial() throws {
        let line = #"{"problem_id":"p","text":"t","sampling":{"top_p":1,"top_k":null,"min_p":null,"repeat_penalty":1.1}}"#
        #expect(try Self.traces(line).first?.sampling == RecordedSampling(topP: 1, repetitionPenalty: 1.1))
        #expect(try Self.traces(#"{"problem_id":"p","text":"t","sampling":null}"#).first?.sampling == nil)
        #expect(try Self.traces(#"{"problem_id":"p","text":"t"}"#).first?.sampling == nil)
    }

    @Test("a saved response with a top-level sampling gives it to every choice")
    func responseObject() throws {
        let line = #"{"problem_id":"p","sampling":{"top_p":0.9},"choices":[{"index":0,"message":{"content":"a"}},{"index":1,"message":{"content":"b"}}]}"#
        #expect(try Self.traces(line).map(\.sampling) == [RecordedSampling(topP: 0.9), RecordedSampling(topP: 0.9)])
    }

    @Test("mistyped settings name the field, the file and the line", arguments: [
        (#"{"problem_id":"p","text":"t","sampling":"top-p 1"}"#, "sampling must be an object"),
        (#"{"problem_id":"p","text":"t","sampling":{"top_p":"1"}}"#, "sampling.top_p must be a number"),
        (#"{"problem_id":"p","text":"t","sampling":{"temperature":[1]}}"#, "sampling.temperature must be a number"),
        (#"{"problem_id":"p","text":"t","sampling":{"top_k":1.5}}"#, "sampling.top_k must be a whole number in -2147483648...2147483647, not 1.5"),
    ])
    func mistyped(line: String, message: String) throws {
        let error = try #require(throws: TraceError.self) { try Self.traces(line) }
        #expect(error.reason == .invalidField)
        #expect(error.message == message)
        #expect(error.location.file == "data/s.jsonl" && error.location.line == 3)
    }
}

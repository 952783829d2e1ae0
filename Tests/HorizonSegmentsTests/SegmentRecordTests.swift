import Foundation
import HorizonSegments
import HorizonTraces
import Testing

@Suite struct SegmentRecordTests {
    /// The record's JSON as a dictionary, the way a consumer of `horizon segment` reads it.
    func json(_ record: SegmentRecord) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(record)) as? [String: Any])
    }

    @Test func aTextOnlyTraceHasNullTokenRangesAndEveryKey() throws {
        let trace = Trace(problemID: "p1", text: "2+2 is 4.</think>\n\nThe answer is 4")
        let object = try json(SegmentRecord(try Segmenter(profile: .deepseekR1).segment(trace)))
        #expect(Set(object.keys) == [
            "problem_id", "sample_index", "profile", "end_marker", "thinking", "answer", "thinking_tokens",
            "answer_tokens", "thinking_bytes", "answer_bytes", "flags",
        ])
        #expect(object["problem_id"] as? String == "p1")
        #expect(object["sample_index"] is NSNull)
        #expect(object["profile"] as? String == "deepseek-r1")
        #expect(object["end_marker"] as? String == "first")
        #expect(object["thinking"] as? String == "2+2 is 4.")
        #expect(object["answer"] as? String == "\n\nThe answer is 4")
        #expect(object["thinking_tokens"] is NSNull && object["answer_tokens"] is NSNull)
        // "2+2 is 4." is 9 bytes, "</think>" 8, the answer 17.
        #expect(object["thinking_bytes"] as? [Int] == [0, 9])
        #expect(object["answer_bytes"] as? [Int] == [17, 34])
        let flags = try #require(object["flags"] as? [String: Bool])
        #expect(flags == [
            "truncated": false, "opening_marker_missing": true, "heuristic": false, "no_thinking": false,
            "thinking_from_server": false,
        ])
    }

    @Test func tokenRangesAreStartAndEndPairs() throws {
        let trace = tokenTrace(strings: ["<think>", "a", "b", "</think>", "c"])
        let object = try json(SegmentRecord(try Segmenter(profile: .deepseekR1).segment(trace)))
        #expect(object["thinking_tokens"] as? [Int] == [1, 3])
        #expect(object["answer_tokens"] as? [Int] == [4, 5])
    }

    @Test func recordsRoundTrip() throws {
        let trace = Trace(problemID: "p", sampleIndex: 2, text: "cut off \\boxed{3}")
        let record = SegmentRecord(try Segmenter(profile: .qwq).segment(trace))
        #expect(record.flags.truncated)
        #expect(try JSONDecoder().decode(SegmentRecord.self, from: JSONEncoder().encode(record)) == record)
    }
}

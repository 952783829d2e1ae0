import HorizonCommon
import HorizonTestSupport
import Testing

@testable import HorizonTraces

/// The sampling client's entry reader checks candidates' log-probabilities without converting
/// the negative ones; it must accept exactly the entries the trace reader accepts in a line.
@Suite struct ChatLogProbEntryReaderTests {
    static func entry(candidateLogProb: String) -> String {
        #"{"token":"a","logprob":-0.25,"bytes":[97],"top_logprobs":[{"token":"b","logprob":-0.5,"bytes":[98]},"#
            + #"{"token":"a","logprob":\#(candidateLogProb),"bytes":[97]}]}"#
    }

    /// Whether the client's reader accepts the entry, and what it spells.
    static func readerAccepts(_ entry: String) -> (accepted: Bool, spelling: [UInt8]) {
        var bytes = Array(entry.utf8)
        let count = bytes.count
        bytes.append(0)
        return bytes.withUnsafeBufferPointer { buffer in
            var cursor = JSONCursor(document: buffer.baseAddress!, count: count)
            var reader = ChatLogProbEntryReader()
            do {
                let spelling = Array(try reader.readEntry(at: &cursor, step: 0, location: SourceLocation(file: "response", line: 1)))
                return (cursor.position == count, spelling)
            } catch {
                return (false, [])
            }
        }
    }

    static func traceReaderAccepts(_ entry: String) -> Bool {
        let line = #"{"id":"p","text":"a","logprobs":{"content":["# + entry + "]}}"
        return (try? TraceParser().parse(Array(line.utf8), at: SourceLocation(file: "t.jsonl", line: 1))) != nil
    }

    @Test(arguments: [
        "-0", "-0.0", "0", "0.0", "-1e-3", "-2.3025850929940455", "-Infinity", "-9999", "-3.4028234663852886e+38",
        "-1e400", "1e-7", "1e-6", "2e-6", "0.5", "1", "1e999", "NaN", "Infinity", "-NaN", "-", "-.5", "-01", "-1.",
        "-1e", "-1e+", "- 1", "\"-1\"", "null", "true", "[-1]",
    ])
    func acceptsWhatTheTraceReaderAccepts(_ logProb: String) {
        let entry = Self.entry(candidateLogProb: logProb)
        let read = Self.readerAccepts(entry)
        #expect(read.accepted == Self.traceReaderAccepts(entry), "candidate log-prob \(logProb)")
        if read.accepted { #expect(read.spelling == [97]) }
    }

    /// Entries read one after the other hand out each one's own spelling, past the reader's
    /// periodic reset of its buffers.
    @Test func spellsEachEntryAcrossResets() {
        var reader = ChatLogProbEntryReader()
        for step in 0..<1_000 {
            let token = String(UnicodeScalar(UInt8(97 + step % 26)))
            var bytes = Array(#"{"token":"\#(token)","logprob":-0.1,"top_logprobs":[{"token":"\#(token)","logprob":-0.1}]}"#.utf8)
            let count = bytes.count
            bytes.append(0)
            let spelling = bytes.withUnsafeBufferPointer { buffer in
                var cursor = JSONCursor(document: buffer.baseAddress!, count: count)
                return try? Array(reader.readEntry(at: &cursor, step: step, location: SourceLocation(file: "response", line: 1)))
            }
            #expect(spelling == Array(token.utf8), "step \(step)")
        }
    }

    /// Each entry's own id, or none when it has none, past the periodic resets: every third
    /// entry from step 600 on comes without an id.
    @Test func idOfEachEntryAcrossResets() {
        var reader = ChatLogProbEntryReader()
        for step in 0..<1_000 {
            let id: Int? = step >= 600 && step % 3 == 0 ? nil : 5_000 + step
            let member = id.map { #""id":\#($0),"# } ?? ""
            var bytes = Array(#"{\#(member)"token":"a","logprob":-0.1,"top_logprobs":[{"token":"a","logprob":-0.1}]}"#.utf8)
            let count = bytes.count
            bytes.append(0)
            bytes.withUnsafeBufferPointer { buffer in
                var cursor = JSONCursor(document: buffer.baseAddress!, count: count)
                _ = try? reader.readEntry(at: &cursor, step: step, location: SourceLocation(file: "response", line: 1))
            }
            #expect(reader.tokenID == id, "step \(step)")
        }
    }
}

import HorizonCommon
import Foundation
import HorizonTestSupport
import HorizonTraces
import Testing

/// The sampled token is found among its candidates by token id when the server sends ids, by
/// bytes and text otherwise.
@Suite("Token identity")
struct TokenIdentityTests {
    static let location = SourceLocation(file: "ids.jsonl", line: 1)

    static func logProbs(_ line: String) throws -> TokenLogProbs {
        try #require(try TraceParser().traces(in: Array(line.utf8), at: location).first?.logProbs)
    }

    /// One chat entry sampling "a" (id `sampled`) at ln 0.3 among a piece "a" (id 64, ln 0.5),
    /// its byte token with the same text and bytes (id 353, ln 0.3) and "b" (id 65, ln 0.2).
    static func line(sampledID: String?, candidateIDs: Bool = true) -> String {
        func id(_ value: Int) -> String { candidateIDs ? #""id":\#(value),"# : "" }
        let sampled = sampledID.map { #""id":\#($0),"# } ?? ""
        return #"{"problem_id":"p","logprobs":{"content":[{\#(sampled)"token":"a","bytes":[97],"logprob":\#(log(0.3)),"top_logprobs":[{\#(id(64))"token":"a","bytes":[97],"logprob":\#(log(0.5))},{\#(id(353))"token":"a","bytes":[97],"logprob":\#(log(0.3))},{\#(id(65))"token":"b","bytes":[98],"logprob":\#(log(0.2))}]}]}}"#
    }

    @Test("equal text and bytes, different ids: the candidate with the sampled id is the sampled one")
    func idsDecide() throws {
        #expect(try Self.logProbs(Self.line(sampledID: "353")).sampledRanks == [1])
        #expect(try Self.logProbs(Self.line(sampledID: "64")).sampledRanks == [0])
        // An id no candidate has: the sampled token is not listed, whatever the text says.
        #expect(try Self.logProbs(Self.line(sampledID: "7")).sampledRanks == [-1])
    }

    @Test("the sampled tokens' ids are kept when every step has one, else none are")
    func sampledIDsKept() throws {
        func entry(_ id: String?, _ token: String) -> String {
            #"{\#(id.map { #""id":\#($0),"# } ?? "")"token":"\#(token)","logprob":-0.5,"top_logprobs":[]}"#
        }
        func ids(_ entries: [String]) throws -> [Int32] {
            try Self.logProbs(#"{"problem_id":"p","logprobs":{"content":[\#(entries.joined(separator: ","))]}}"#).tokenIDs
        }
        #expect(try ids([entry("2860", " Par"), entry("271", "is")]) == [2860, 271])
        #expect(try ids([entry("2860", " Par"), entry(nil, "is"), entry("30", ".")]).isEmpty)
        #expect(try ids([entry(nil, " Par"), entry("271", "is")]).isEmpty)
        #expect(try ids([entry("null", " Par")]).isEmpty)
    }

    @Test("without ids on either side, the first candidate with the same bytes and text is taken")
    func bytesAndTextWithoutIDs() throws {
        #expect(try Self.logProbs(Self.line(sampledID: nil)).sampledRanks == [0])
        #expect(try Self.logProbs(Self.line(sampledID: nil, candidateIDs: false)).sampledRanks == [0])
        #expect(try Self.logProbs(Self.line(sampledID: "353", candidateIDs: false)).sampledRanks == [0])
    }

    @Test("an id after the top list is still used; a null id falls back to text")
    func idOrder() throws {
        let late = #"{"problem_id":"p","logprobs":{"content":[{"top_logprobs":[{"token":"a","logprob":-0.7,"id":64},{"logprob":-1.2,"token":"a","id":353}],"logprob":-1.2,"token":"a","id":353}]}}"#
        #expect(try Self.logProbs(late).sampledRanks == [1])
        #expect(try Self.logProbs(Self.line(sampledID: "null")).sampledRanks == [0])
    }

    @Test("a token id that is not a whole number names the step")
    func badID() {
        #expect {
            try Self.logProbs(Self.line(sampledID: #""a""#))
        } throws: { error in
            (error as? TraceError)?.message.contains("the id of token 0") == true
        }
        #expect {
            try Self.logProbs(Self.line(sampledID: "1.5"))
        } throws: { error in
            (error as? TraceError)?.message.contains("the id of token 0 must be a whole number") == true
        }
    }

    /// llama.cpp's own server: every step's rank is the index of the candidate with the
    /// sampled id (ids read independently with Foundation), and its log-probability is the
    /// sampled one.
    @Test("llama-server responses: the sampled id's candidate at every step", arguments: [
        "llama-server-chat.json", "llama-server-completions.json",
    ])
    func llamaServer(name: String) throws {
        guard let url = SharedData.url("server-responses/\(name)") else { return }
        let data = try Data(contentsOf: url)
        let response = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let choice = try #require((response["choices"] as? [[String: Any]])?.first)
        let entries = try #require((choice["logprobs"] as? [String: Any])?["content"] as? [[String: Any]])
        let line = JSONCompaction.prepending(#""problem_id":"p""#, to: JSONCompaction.compact(String(decoding: data, as: UTF8.self)))
        let logProbs = try Self.logProbs(line)
        #expect(logProbs.count == entries.count)
        var listed = 0
        for (step, entry) in entries.enumerated() {
            let id = try #require(entry["id"] as? Int)
            let top = try #require(entry["top_logprobs"] as? [[String: Any]])
            let rank = top.firstIndex { $0["id"] as? Int == id } ?? -1
            #expect(Int(logProbs.sampledRanks[step]) == rank, "step \(step)")
            if rank >= 0 {
                listed += 1
                #expect(logProbs.candidates(at: step)[logProbs.candidateStart(step) + rank] == logProbs.sampledLogProbs[step])
            }
        }
        #expect(listed > 0)
    }
}

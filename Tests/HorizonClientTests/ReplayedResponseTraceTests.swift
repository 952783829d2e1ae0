import Foundation
import HorizonClient
import HorizonCommon
import HorizonTestSupport
import HorizonTraces
import Testing

/// A trace written from a replayed server response (JSON body and event stream) against an
/// independent parse of that response (Foundation's `JSONDecoder`) and the values it was made
/// from: the client copies the log-prob entries as the server's text, and the trace reader must
/// read back exactly the tokens, log-probabilities and candidates the server sent.
@Suite("Replayed responses")
struct ReplayedResponseTraceTests {
    /// Tokens that exercise the string grammar: escapes, non-ASCII written raw and as `\u`
    /// escapes (a surrogate pair), and a character split across two byte tokens.
    static let pieces: [(json: String, bytes: [UInt8])] = [
        (#"" the""#, Array(" the".utf8)),
        (#""\"""#, [0x22]),
        (#""\\frac""#, Array("\\frac".utf8)),
        (#""\n\n""#, [0x0A, 0x0A]),
        (#"" café""#, Array(" café".utf8)),
        (#""\u00e9t\u00e9""#, Array("été".utf8)),
        (#""\ud83d\ude00""#, Array("😀".utf8)),
        (#""\ufffd""#, [0xE2, 0x86]),
        (#""\ufffd""#, [0x92]),
        (#""\t=""#, Array("\t=".utf8)),
    ]

    /// One chat log-prob entry: the sampled piece and `top` candidates, log-probs with 17
    /// significant digits as float32 values print.
    static func entry(step: Int, top: Int, spacing: String) -> String {
        func logprob(_ k: Int) -> String { String(format: "%.17g", value(step: step, rank: k)) }
        func candidate(_ k: Int) -> String {
            let piece = pieces[(step + k) % pieces.count]
            return "{\"token\":\(spacing)\(piece.json),\(spacing)\"logprob\":\(spacing)\(logprob(k)),\(spacing)\"bytes\":\(spacing)\(piece.bytes)}"
        }
        let candidates = (0..<top).map(candidate).joined(separator: ",\(spacing)")
        let sampled = pieces[step % pieces.count]
        return "{\"token\":\(spacing)\(sampled.json),\(spacing)\"logprob\":\(spacing)\(logprob(0)),\(spacing)\"bytes\":\(spacing)\(sampled.bytes),\(spacing)\"top_logprobs\":\(spacing)[\(candidates)]}"
    }

    /// The log-probability of candidate `rank` at `step` (the sampled token is rank 0): a
    /// float32 value, which 17 significant digits print exactly.
    static func value(step: Int, rank: Int) -> Double {
        Double(Float(-0.0371 * Double(rank + 1) - 0.001 * Double(step % 97)))
    }

    static let tokens = 240
    static let top = 5
    static var text: String {
        String(decoding: (0..<tokens).flatMap { pieces[$0 % pieces.count].bytes }, as: UTF8.self)
    }

    /// A whole response; `pretty` puts line feeds and spaces between and inside the entries, as
    /// a server that indents its JSON would.
    static func jsonBody(pretty: Bool) -> String {
        let entries = (0..<tokens).map { entry(step: $0, top: top, spacing: pretty ? "\n" : "") }
        let separator = pretty ? ",\n    " : ","
        let message = JSONValue.object([("role", "assistant"), ("content", .string(text))]).jsonText
        return "{\"id\":\"r\",\"object\":\"chat.completion\",\"model\":\"replay\",\"choices\":[{\"index\":0,\"message\":\(message),"
            + "\"logprobs\":{\"content\":[\(pretty ? "\n    " : "")\(entries.joined(separator: separator))\(pretty ? "\n" : "")]},\"finish_reason\":\"length\"}],"
            + "\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":\(tokens)}}"
    }

    /// The same answer as one event per token.
    static var events: [String] {
        (0..<tokens).map { step in
            let piece = JSONValue.string(String(decoding: pieces[step % pieces.count].bytes, as: UTF8.self)).jsonText
            return "{\"object\":\"chat.completion.chunk\",\"model\":\"replay\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\(piece)},"
                + "\"logprobs\":{\"content\":[\(entry(step: step, top: top, spacing: ""))]},\"finish_reason\":null}]}"
        } + [#"{"object":"chat.completion.chunk","model":"replay","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"length"}],"usage":{"prompt_tokens":7,"completion_tokens":240}}"#]
    }

    struct Response: Decodable {
        struct Choice: Decodable { var logprobs: LogProbs }
        struct LogProbs: Decodable { var content: [Entry] }
        struct Entry: Decodable {
            var token: String
            var logprob: Double
            var bytes: [UInt8]
            var top_logprobs: [Candidate]?
        }
        struct Candidate: Decodable {
            var token: String
            var logprob: Double
            var bytes: [UInt8]
        }
        var choices: [Choice]
    }

    /// The entries as `JSONDecoder` reads them from the JSON body.
    static func independentEntries() throws -> [Response.Entry] {
        let response = try JSONDecoder().decode(Response.self, from: Data(jsonBody(pretty: false).utf8))
        return try #require(response.choices.first).logprobs.content
    }

    func sample(stream: Bool, pretty: Bool) async throws -> (line: String, trace: Trace) {
        let out = try SharedData.temporaryDirectory("replay").appendingPathComponent("out.jsonl").path
        try await FaultyServer.with({ _, _ in
            stream ? .eventStream(Self.events) : .json(Self.jsonBody(pretty: pretty))
        }) { server in
            let config = SamplingConfig(
                server: ServerSettings(
                    baseURLs: [server.baseURL + "/v1"], model: "replay", endpoint: .chat,
                    parameters: SamplingParameters(maxTokens: Self.tokens, topLogprobs: Self.top), stream: stream,
                    apiKeyEnvironmentVariable: "HORIZON_TEST_NO_KEY", timeouts: shortTimeouts, retryPolicy: fastRetries),
                run: RunSettings(outputPath: out, commandLine: ["horizon", "sample"]),
                dataset: ProblemSet(problems: [Problem(id: "p", question: "q", gold: nil)]), samplesPerProblem: 1)
            _ = try await SamplingRun.run(config: config)
        }
        let line = try String(contentsOfFile: out, encoding: .utf8)
        let (traces, _) = try TraceReader(paths: [out]).readAll()
        return (line, try #require(traces.first))
    }

    @Test("the trace reads back what the server sent, JSON body (compact and indented) and stream",
          arguments: [(false, false), (false, true), (true, false)])
    func readsBackWhatWasSent(stream: Bool, pretty: Bool) async throws {
        let (line, trace) = try await sample(stream: stream, pretty: pretty)
        #expect(line.hasSuffix("}\n") && line.dropLast().firstIndex(of: "\n") == nil, "one line")
        let expected = try Self.independentEntries()
        let logProbs = try #require(trace.logProbs)
        try #require(logProbs.count == expected.count)
        // A stream's deltas are text each: a character split across two byte tokens arrives as
        // two replacement characters, as a server streams it.
        let streamedText = (0..<Self.tokens).map { String(decoding: Self.pieces[$0 % Self.pieces.count].bytes, as: UTF8.self) }.joined()
        #expect(trace.text == (stream ? streamedText : Self.text))
        for (step, entry) in expected.enumerated() {
            #expect(logProbs.sampledLogProbs[step] == entry.logprob, "step \(step)")
            #expect(logProbs.sampledLogProbs[step] == Self.value(step: step, rank: 0), "step \(step)")
            #expect(Array(logProbs.bytes(ofToken: step)) == entry.bytes, "step \(step)")
            let candidates = entry.top_logprobs ?? []
            #expect(Array(logProbs.candidates(at: step)) == candidates.map(\.logprob), "step \(step)")
            #expect(Array(logProbs.candidates(at: step)) == (0..<Self.top).map { Self.value(step: step, rank: $0) }, "step \(step)")
        }
    }

    @Test("the entries are written as the server's text, not re-serialized")
    func verbatim() async throws {
        let (line, _) = try await sample(stream: false, pretty: false)
        let entries = (0..<Self.tokens).map { Self.entry(step: $0, top: Self.top, spacing: "") }.joined(separator: ",")
        #expect(line.hasSuffix(#","logprobs":{"content":["# + entries + "]}}\n"))
        // In the indented response, the whitespace between entries goes and the line feeds
        // inside them become spaces; the rest of their text stays.
        let (indented, _) = try await sample(stream: false, pretty: true)
        let spaced = (0..<Self.tokens).map { Self.entry(step: $0, top: Self.top, spacing: " ") }.joined(separator: ",")
        #expect(indented.hasSuffix(#","logprobs":{"content":["# + spaced + "]}}\n"))
    }
}

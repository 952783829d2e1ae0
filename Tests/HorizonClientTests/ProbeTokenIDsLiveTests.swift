import HorizonCommon
import Foundation
import HorizonClient
import HorizonTestSupport
import HorizonTraces
import Testing

/// Probes send the kept output as its token ids: on llama.cpp's server with a real model, a cut
/// continues from exactly the tokens sampled, where the same text would be re-tokenised.
@Suite(
    "Probe prefixes as token ids on llama-server",
    .serialized,
    .enabled(if: LlamaCppServer.isAvailable, "needs `make llama-server models`")
)
struct ProbeTokenIDsLiveTests {
    static let prompt = "The capital of France is"

    func tokenize(_ text: String, on server: LlamaCppServer) async throws -> [Int] {
        let reply = try JSONValue(parsing: Array(try await server.post("tokenize", ["content": text])))
        let tokens = reply["tokens"]?.arrayValue?.compactMap(\.intValue)
        return try #require(tokens)
    }

    @Test("a word split as the sampler split it stays split as ids, and is merged as text")
    func splitWordSurvives() async throws {
        let server = try await LlamaCppServer.start(.smolLM2Instruct, slots: 1)
        defer { server.stop() }
        // " Paris" is one token; the output below holds it as " Par" + "is", two tokens a
        // sampler can produce, which re-tokenising the text would merge.
        let merged = try await tokenize(" Paris", on: server)
        let split = try await tokenize(" Par", on: server) + tokenize("is", on: server)
        try #require(merged.count == 1 && split.count == 2)
        let promptTokens = try await tokenize(Self.prompt, on: server).count
        let textTokens = try await tokenize(Self.prompt + " Paris", on: server).count
        try #require(textTokens == promptTokens + 1)

        let target = ProbeTarget(
            problemID: "capital", sampleIndex: 0, prompt: Self.prompt,
            tokens: [" Par", "is"].map { Array($0.utf8) }, thinkingTokens: 0..<2, tokenIDs: split)
        var sent: [String: Int] = [:]
        for encoding in PrefixEncoding.allCases {
            let out = try SharedData.temporaryDirectory("probe-ids-\(encoding.rawValue)").appendingPathComponent("probes.jsonl").path
            let summary = try await ProbeRun.run(config: ProbeConfig(
                server: ServerSettings(
                    baseURLs: [server.baseURL.absoluteString], model: LlamaCppServer.Model.smolLM2Instruct.alias,
                    endpoint: .completions, parameters: SamplingParameters(temperature: 0, maxTokens: 1, topLogprobs: 1)),
                run: RunSettings(outputPath: out),
                targets: [target], lengths: [], resamplePositions: [2], samplesPerProbe: 1, prefixEncoding: encoding))
            #expect(summary.written == 1)
            let line = try JSONValue(parsing: Array(try String(contentsOfFile: out, encoding: .utf8).utf8.prefix { $0 != 10 }))
            #expect(line["probe"]?["prefix_sent_as"]?.stringValue == encoding.rawValue)
            #expect(line["prefix"]?.stringValue == " Paris")
            sent[encoding.rawValue] = line["usage"]?["prompt_tokens"]?.intValue
            let manifest = try JSONValue(parsing: Array(try Data(contentsOf: URL(fileURLWithPath: out + ".manifest.json"))))
            #expect(manifest["settings"]?["prefix_encoding"]?.stringValue == encoding.rawValue)
            #expect(manifest["counts"]?["continuations_with_text_prefix"]?.intValue == (encoding == .text ? 1 : 0))
        }
        // The server read the prompt and then exactly the two sampled tokens; from text it read one.
        #expect(sent["token-ids"] == promptTokens + 2, "\(sent)\n\(server.logTail())")
        #expect(sent["all-token-ids"] == promptTokens + 2, "\(sent)")
        #expect(sent["text"] == textTokens, "\(sent)")
    }
}

import Foundation
import HorizonTestSupport
import Testing

/// Largest accepted gap between a served log-probability and the designed one (nats). The
/// models reproduce their tables to ~2e-7 (float32 logits); see docs/test-model.md.
private let logProbTolerance = 1e-5

/// Sampling settings under which llama.cpp samples from exactly the distribution it reports.
private var faithfulSampling: [String: Any] {
    ["temperature": 1.0, "top_k": 0, "top_p": 1.0, "min_p": 0.0, "repeat_penalty": 1.0]
}

/// The grammar of every complete output, written out by hand from the design.
private let completeOutput = #"<think>( (we|so|then|check|add|count))+</think> The answer is \\boxed\{[0-9]\}"#

// MARK: - The tables themselves (no server needed)

@Suite("Markov test model tables")
struct MarkovTransitionTableTests {
    @Test("every row is a distribution whose probabilities and log-probabilities agree", arguments: MarkovTestModel.allCases)
    func rowsAreDistributions(model: MarkovTestModel) throws {
        let table = try model.table()
        #expect(FileManager.default.fileExists(atPath: model.modelURL.path))
        for state in table.states {
            let total = state.next.reduce(0) { $0 + exp($1.logProb) }
            #expect(abs(total - 1) < 1e-12, "\(state.name) sums to \(total)")
            for transition in state.next {
                #expect(abs(log(transition.probability) - transition.logProb) < 1e-12)
            }
        }
    }

    @Test("the base design: answer digits 4, 2, 7 with 0.44, 0.30, 0.26; every filler stops with 0.2")
    func baseDesignValues() throws {
        let table = try MarkovTestModel.base.table()
        let boxed = try #require(table.state(named: " \\boxed{"))
        let digits = Dictionary(uniqueKeysWithValues: boxed.next.map { ($0.text, $0.probability) })
        #expect(digits == ["4": 0.44, "2": 0.30, "7": 0.26])
        for filler in [" we", " so", " then", " check", " add", " count"] {
            #expect(abs(table.logProb(of: "</think>", inState: filler) - log(0.2)) < 1e-12, "\(filler)")
        }
        #expect(table.logProb(of: "</think>", inState: "<think>") == table.impossibleLogProb)
        #expect(table.logProb(of: "<think>", inState: table.startState) == 0)
        #expect(table.state(after: "7") == table.state(after: "4"))
        #expect(table.state(after: "?") == table.startState)
    }

    @Test("the sharpened twin is the base raised to the power 3 and renormalised, with the same support")
    func sharpenedIsCubedBase() throws {
        let base = try MarkovTestModel.base.table()
        let sharpened = try MarkovTestModel.sharpened.table()
        #expect(sharpened.sharpeningExponent == 3)
        #expect(sharpened.tokens == base.tokens)
        #expect(sharpened.states.map(\.name) == base.states.map(\.name))
        for state in base.states {
            let cubes = state.next.map { pow($0.probability, 3) }
            let total = cubes.reduce(0, +)
            for (transition, cube) in zip(state.next, cubes) {
                let served = sharpened.logProb(of: transition.text, inState: state.name)
                #expect(abs(served - log(cube / total)) < 1e-12, "\(state.name) → \(transition.text)")
            }
            #expect(sharpened.state(named: state.name)?.next.count == state.next.count)
        }
    }

    @Test("in closed form the sharpened twin has lower entropy in every branching state")
    func sharpenedEntropyIsLower() throws {
        let base = try MarkovTestModel.base.table()
        let sharpened = try MarkovTestModel.sharpened.table()
        for state in base.states {
            let baseEntropy = entropyNats(state.next.map(\.logProb))
            let sharpEntropy = entropyNats(try #require(sharpened.state(named: state.name)).next.map(\.logProb))
            if state.next.count == 1 {
                #expect(baseEntropy == 0 && sharpEntropy == 0)
            } else {
                #expect(sharpEntropy < baseEntropy, "\(state.name): \(sharpEntropy) vs \(baseEntropy)")
            }
            #expect(abs(baseEntropy - state.entropyNats) < 1e-12)
        }
        // -(0.44 ln 0.44 + 0.30 ln 0.30 + 0.26 ln 0.26), by hand.
        let digitEntropy = -(0.44 * log(0.44) + 0.30 * log(0.30) + 0.26 * log(0.26))
        #expect(abs(try #require(base.state(named: " \\boxed{")).entropyNats - digitEntropy) < 1e-12)
    }
}

// MARK: - The models on a real llama-cpp-python server

@Suite(
    "Markov test models on llama-cpp-python's server",
    .serialized,
    .enabled(if: LlamaServer.isAvailable, "needs .venv with llama-cpp-python[server]; see docs/test-model.md"),
    .llamaServer(MarkovTestModel.base.servedModel, MarkovTestModel.sharpened.servedModel)
)
struct TestModelServerTests {
    private static let seeds = 1...6
    private static let maxTokens = 60

    @Test("chat: every reported log-prob is the design's and the samples follow the grammar", arguments: MarkovTestModel.allCases)
    func chatMatchesDesign(model: MarkovTestModel) async throws {
        let server = try #require(LlamaServer.current)
        let table = try model.table()
        for seed in Self.seeds {
            let reply = try await server.postJSON("v1/chat/completions", chatRequest(model, seed: seed))
            #expect(reply["model"] as? String == model.rawValue)
            let sample = try ServedSample(chatReply: reply)
            #expect(sample.steps.map(\.text).joined() == sample.text)
            expectMatchesDesign(sample, table: table, from: table.startState)
            expectFollowsGrammar(sample, maxTokens: Self.maxTokens)
        }
    }

    @Test("legacy completions: every reported log-prob is the design's and the samples follow the grammar", arguments: MarkovTestModel.allCases)
    func completionsMatchDesign(model: MarkovTestModel) async throws {
        let server = try #require(LlamaServer.current)
        let table = try model.table()
        for seed in Self.seeds {
            let request = completionRequest(model, prompt: "Question: What is 2 + 2?\n", seed: seed)
            let sample = try ServedSample(completionReply: try await server.postJSON("v1/completions", request))
            #expect(sample.steps.map(\.text).joined() == sample.text)
            expectMatchesDesign(sample, table: table, from: table.startState)
            expectFollowsGrammar(sample, maxTokens: Self.maxTokens)
        }
    }

    @Test(
        "a prompt ending in a grammar token continues from that token's state",
        arguments: ["<think>", "<think> we", "<think> so check", "<think> we</think>", "<think> then</think> The answer is \\boxed{"]
    )
    func continuationStartsAtPromptsLastToken(prefix: String) async throws {
        let server = try #require(LlamaServer.current)
        let table = try MarkovTestModel.base.table()
        let lastToken = try #require(table.tokens.map(\.text).filter { prefix.hasSuffix($0) }.max { $0.count < $1.count })
        let request = completionRequest(.base, prompt: "Question?\n" + prefix, seed: 11)
        let sample = try ServedSample(completionReply: try await server.postJSON("v1/completions", request))
        let first = try #require(sample.steps.first)
        let designed = try #require(table.state(named: table.state(after: lastToken))).next
        #expect(Set(first.alternatives.filter { $0.logProb > table.impossibleLogProb + 1 }.map(\.text)) == Set(designed.map(\.text)))
        expectMatchesDesign(sample, table: table, from: table.state(after: lastToken))
        #expect((prefix + sample.text).wholeMatch(of: try Regex(completeOutput)) != nil, "\(prefix + sample.text)")
    }

    @Test("the sharpened twin's served per-step entropy is lower in every branching state")
    func sharpenedServesLowerEntropy() async throws {
        let server = try #require(LlamaServer.current)
        var measured: [MarkovTestModel: [String: Double]] = [:]
        for model in MarkovTestModel.allCases {
            let table = try model.table()
            for seed in Self.seeds {
                let sample = try ServedSample(
                    chatReply: try await server.postJSON("v1/chat/completions", chatRequest(model, seed: seed)))
                let states = expectMatchesDesign(sample, table: table, from: table.startState)
                for (state, step) in zip(states, sample.steps) {
                    // The top-20 list holds the whole support; the rest is at e^-30 and adds ~1e-11.
                    let entropy = entropyNats(step.alternatives.map(\.logProb))
                    let designed = entropyNats(try #require(table.state(named: state)).next.map(\.logProb))
                    #expect(abs(entropy - designed) < logProbTolerance, "\(model) \(state): served \(entropy), designed \(designed)")
                    measured[model, default: [:]][state] = entropy
                }
            }
        }
        let base = try #require(measured[.base])
        let sharpened = try #require(measured[.sharpened])
        let shared = Set(base.keys).intersection(sharpened.keys)
        let branching = shared.filter { (base[$0] ?? 0) > 0.1 }
        #expect(branching.count >= 4, "too few branching states visited by both models: \(branching.sorted())")
        for state in shared.sorted() {
            let (baseEntropy, sharpEntropy) = (base[state] ?? .nan, sharpened[state] ?? .nan)
            if branching.contains(state) {
                #expect(sharpEntropy < baseEntropy, "\(state): sharpened \(sharpEntropy) vs base \(baseEntropy)")
            } else {
                #expect(abs(sharpEntropy) < 1e-6 && abs(baseEntropy) < 1e-6, "\(state) should be deterministic")
            }
        }
    }

    @Test("the server lists both models under their aliases and answers each by name")
    func servesBothModelsByAlias() async throws {
        let server = try #require(LlamaServer.current)
        let listed = try #require(try await server.getJSON("v1/models")["data"] as? [[String: Any]])
        #expect(Set(listed.compactMap { $0["id"] as? String }) == Set(MarkovTestModel.allCases.map(\.rawValue)))
        for model in MarkovTestModel.allCases {
            let reply = try await server.postJSON("v1/chat/completions", chatRequest(model, seed: 1))
            #expect(reply["model"] as? String == model.rawValue)
        }
    }

    @Test("the same seed gives the same sample; different seeds give different ones")
    func seedsReproduceSamples() async throws {
        let server = try #require(LlamaServer.current)
        var texts: [String] = []
        for seed in [5, 5, 6, 7, 8] {
            texts.append(try ServedSample(
                chatReply: try await server.postJSON("v1/chat/completions", chatRequest(.base, seed: seed))).text)
        }
        #expect(texts[0] == texts[1])
        #expect(Set(texts).count > 2, "\(texts)")
    }

    private func chatRequest(_ model: MarkovTestModel, seed: Int) -> [String: Any] {
        faithfulSampling.merging([
            "model": model.rawValue,
            "messages": [["role": "user", "content": "What is 2 + 2?"]],
            "logprobs": true, "top_logprobs": 20, "seed": seed, "max_tokens": Self.maxTokens,
        ]) { _, new in new }
    }

    private func completionRequest(_ model: MarkovTestModel, prompt: String, seed: Int) -> [String: Any] {
        faithfulSampling.merging([
            "model": model.rawValue, "prompt": prompt,
            "logprobs": 20, "seed": seed, "max_tokens": Self.maxTokens,
        ]) { _, new in new }
    }
}

// MARK: - The harness itself

@Suite("LlamaServer harness", .enabled(if: LlamaServer.isAvailable, "needs .venv with llama-cpp-python[server]; see docs/test-model.md"))
struct LlamaServerHarnessTests {
    @Test("a server that cannot load its model fails to start, and the error carries the server's log")
    func missingModelFailsWithServerLog() async throws {
        let missing = LlamaServer.Model(path: URL(fileURLWithPath: "/nonexistent/markov.gguf"), alias: "missing")
        let error = await #expect(throws: TestSupportError.self) {
            // Generous: under the full suite's load the interpreter alone can take half a minute to start.
            let server = try await LlamaServer.start([missing], startupTimeout: 120)
            server.stop()
        }
        guard case .serverExited = error?.reason else {
            Issue.record("expected serverExited, got \(String(describing: error))")
            return
        }
        #expect(error?.description.contains("Model path does not exist: /nonexistent/markov.gguf") == true)
    }
}

// MARK: - Reading and checking served samples

/// One sampled output as a server reported it: text, finish reason and per-token log-probs.
private struct ServedSample {
    struct Step {
        var text: String
        var logProb: Double
        var alternatives: [(text: String, logProb: Double)]
    }

    var text: String
    var finishReason: String
    var steps: [Step]

    /// Reads `/v1/chat/completions` (`choices[0].logprobs.content[]`).
    init(chatReply reply: [String: Any]) throws {
        let choice = try #require((reply["choices"] as? [[String: Any]])?.first)
        text = try #require((choice["message"] as? [String: Any])?["content"] as? String)
        finishReason = try #require(choice["finish_reason"] as? String)
        let entries = try #require((choice["logprobs"] as? [String: Any])?["content"] as? [[String: Any]])
        steps = try entries.map { entry in
            let top = try #require(entry["top_logprobs"] as? [[String: Any]])
            return Step(
                text: try #require(entry["token"] as? String),
                logProb: try #require(number(entry["logprob"])),
                alternatives: try top.map { (try #require($0["token"] as? String), try #require(number($0["logprob"]))) })
        }
    }

    /// Reads legacy `/v1/completions` (`choices[0].logprobs.{tokens, token_logprobs, top_logprobs}`).
    init(completionReply reply: [String: Any]) throws {
        let choice = try #require((reply["choices"] as? [[String: Any]])?.first)
        text = try #require(choice["text"] as? String)
        finishReason = try #require(choice["finish_reason"] as? String)
        let logprobs = try #require(choice["logprobs"] as? [String: Any])
        let tokens = try #require(logprobs["tokens"] as? [String])
        let values = try #require(logprobs["token_logprobs"] as? [Any])
        let tops = try #require(logprobs["top_logprobs"] as? [[String: Any]])
        #expect(values.count == tokens.count && tops.count == tokens.count)
        steps = try zip(tokens, zip(values, tops)).map { token, pair in
            Step(
                text: token, logProb: try #require(number(pair.0)),
                alternatives: try pair.1.map { ($0.key, try #require(number($0.value))) })
        }
    }
}

/// A JSON number as a Double (JSONSerialization may hand back integers for 0).
private func number(_ value: Any?) -> Double? {
    (value as? NSNumber)?.doubleValue
}

/// Entropy -sum p ln p (nats) of a distribution given by log-probabilities.
private func entropyNats(_ logProbs: [Double]) -> Double {
    -logProbs.reduce(0) { $0 + exp($1) * $1 }
}

/// Checks the sampled token's and every listed alternative's log-prob against the design,
/// walking the chain from `initial`, and that the listed alternatives cover the whole support.
///
/// - Returns: The state each step was sampled in.
@discardableResult
private func expectMatchesDesign(
    _ sample: ServedSample, table: MarkovTransitionTable, from initial: String,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> [String] {
    var state = initial
    var visited: [String] = []
    for (index, step) in sample.steps.enumerated() {
        visited.append(state)
        let designed = table.logProb(of: step.text, inState: state)
        #expect(designed > table.impossibleLogProb, "step \(index): \(step.text) cannot follow \(state)", sourceLocation: sourceLocation)
        #expect(abs(step.logProb - designed) <= logProbTolerance, "step \(index): \(step.text) after \(state): \(step.logProb) vs \(designed)", sourceLocation: sourceLocation)
        for alternative in step.alternatives {
            let expected = table.logProb(of: alternative.text, inState: state)
            #expect(abs(alternative.logProb - expected) <= logProbTolerance, "step \(index) alternative \(alternative.text) after \(state): \(alternative.logProb) vs \(expected)", sourceLocation: sourceLocation)
        }
        let support = Set(table.state(named: state)?.next.map(\.text) ?? [])
        #expect(support.isSubset(of: step.alternatives.map(\.text)), "step \(index): top list misses part of \(state)'s support", sourceLocation: sourceLocation)
        state = table.state(after: step.text)
    }
    return visited
}

/// Checks a chat or completion sample starting in the start state: complete outputs match the
/// grammar exactly; truncated ones used all `maxTokens` tokens.
private func expectFollowsGrammar(
    _ sample: ServedSample, maxTokens: Int, sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    switch sample.finishReason {
    case "stop":
        #expect((try? Regex(completeOutput)).flatMap { sample.text.wholeMatch(of: $0) } != nil, "\(sample.text)", sourceLocation: sourceLocation)
    case "length":
        #expect(sample.steps.count == maxTokens && sample.text.hasPrefix("<think>"), sourceLocation: sourceLocation)
    default:
        Issue.record("unexpected finish reason \(sample.finishReason)", sourceLocation: sourceLocation)
    }
}

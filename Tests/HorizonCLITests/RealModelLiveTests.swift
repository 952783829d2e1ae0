import Foundation
import HorizonTestSupport
import Testing

/// `horizon sample`, `segment` and `analyze` run as a user runs them, against llama.cpp's
/// `llama-server` with the two real models (SmolLM2-135M-Instruct on the chat endpoint, Gemma 3
/// 270M base on completions). Every BF the analysis reports must equal a recomputation written
/// here from the raw server responses the traces keep: candidates matched to the sampled token by
/// id, the distribution rebuilt at top-p 1 and 0.9, renormalised, averaged per sample, problem and
/// set (docs/branching-factor.md). Only the token spans come from `horizon segment`.
///
/// Kept small for two shared cores: 3 problems × 2 samples × 32 tokens per model.
@Suite(
    "Live analysis on real models through llama-server",
    .serialized,
    .enabled(if: LlamaCppServer.isAvailable, "needs `make llama-server models`"),
    .enabled(if: HorizonExecutable.isBuilt, "needs the horizon binary")
)
struct RealModelLiveTests {
    /// A model and how it is asked: the aligned model through its chat template, the base model
    /// with a plain completions prompt.
    struct Case: Sendable, CustomTestStringConvertible {
        var model: LlamaCppServer.Model
        var endpoint: String
        var promptTemplate: String
        var testDescription: String { "\(model.alias) (\(endpoint))" }
    }

    static let cases = [
        Case(model: .smolLM2Instruct, endpoint: "chat", promptTemplate: "{question}"),
        Case(model: .gemma3Base, endpoint: "completions", promptTemplate: "Question: {question}\nAnswer:"),
    ]

    @Test("each segment's BF and BF@1 equal a recomputation from the raw responses (top-p 1 and 0.9)", arguments: cases)
    func branchingFactorIsTheRecomputation(_ testCase: Case) async throws {
        let server = try await LlamaCppServer.start(testCase.model)
        defer { server.stop() }
        let directory = try SharedData.temporaryDirectory("real-model-live")
        let traces = directory.appendingPathComponent("traces.jsonl").path
        let sampled = try await HorizonExecutable.run(
            ["sample", "--base-url", server.baseURL.absoluteString, "--model", testCase.model.alias,
             "--endpoint", testCase.endpoint, "--dataset", try RealModelProblems.write(in: directory),
             "--prompt-template", testCase.promptTemplate]
                + RealModelProblems.samplingArguments + ["--out", traces])
        try #require(sampled.status == 0, "sample failed: \(sampled.standardError)\n\(server.logTail())")

        let spansPath = directory.appendingPathComponent("segments.jsonl").path
        let segmented = try await HorizonExecutable.run(["segment", traces, "--profile", "plain", "--out", spansPath])
        try #require(segmented.status == 0, "segment failed: \(segmented.standardError)")
        let samples = try RawSample.read(traces: traces, spans: spansPath)
        #expect(samples.count == RealModelProblems.count * RealModelProblems.samplesPerProblem)
        #expect(samples.allSatisfy { !$0.steps.isEmpty && $0.steps.count <= 32 })

        for topP in [1.0, 0.9] {
            let json = directory.appendingPathComponent("analysis-\(topP).json").path
            let analyzed = try await HorizonExecutable.run(
                ["analyze", traces, "--profile", "plain", "--estimator", "entropy", "--top-p", String(topP), "--json", json])
            try #require(analyzed.status == 0, "analyze failed: \(analyzed.standardError)")
            let analysis = try #require(
                try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any])
            let setBF = try #require(analysis["bf"] as? [String: Any])
            let problemRows = try #require(analysis["problems"] as? [[String: Any]])
            let byProblem = Dictionary(grouping: samples, by: \.problemID)
            #expect(problemRows.count == byProblem.count)

            for (key, span) in RawSample.spans {
                let perProblem = byProblem.mapValues { RawSample.problemBF($0, span: span, topP: topP) }
                // BF@1 is reported for the set only.
                for row in problemRows where key != "first" {
                    let id = try #require(row["problem_id"] as? String)
                    let reported = (row["bf"] as? [String: Any])?[key] as? Double
                    let expected = perProblem[id] ?? nil
                    #expect(isClose(reported, expected, relative: 1e-9), "\(testCase) top-p \(topP) \(id) \(key): \(String(describing: reported)) vs \(String(describing: expected))")
                }
                let values = perProblem.values.compactMap { $0 }
                let expected = values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
                let reported = setBF[key] as? Double
                #expect(isClose(reported, expected, relative: 1e-9), "\(testCase) top-p \(topP) set \(key): \(String(describing: reported)) vs \(String(describing: expected))")
            }
        }
    }
}

/// The first problems of the demo's GSM8K-style set, for the live tests on real models.
enum RealModelProblems {
    static let count = 3
    static let samplesPerProblem = 2

    /// Temperature 1 without server-side truncation or repetition penalty, so the samples follow
    /// the log-probs llama-server reports (those of the raw logits).
    static let samplingArguments = [
        "--samples", String(samplesPerProblem), "--max-tokens", "32", "--temperature", "1", "--top-p", "1",
        "--top-k", "0", "--min-p", "0", "--top-logprobs", "20", "--seed", "8", "--concurrency", "2",
        "--extra-body", #"{"repeat_penalty": 1.0}"#,
    ]

    /// Writes the first ``count`` problems of `Datasets/problems/gsm-style.jsonl` to
    /// `problems.jsonl` in `directory` and returns its path.
    static func write(in directory: URL) throws -> String {
        let all = try String(
            contentsOf: SharedData.packageRoot.appendingPathComponent("Datasets/problems/gsm-style.jsonl"), encoding: .utf8)
        let lines = all.split(separator: "\n").prefix(count)
        let url = directory.appendingPathComponent("problems.jsonl")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url)
        return url.path
    }
}

/// One sample as the server sent it: per step, the sampled token's id and log-prob and the
/// returned candidates, with the token spans `horizon segment` found.
struct RawSample {
    struct Step {
        var sampledID: Int
        var sampledLogProb: Double
        var candidates: [(id: Int, logProb: Double)]
    }

    var problemID: String
    var steps: [Step]
    var thinking: Range<Int>
    var answer: Range<Int>

    /// The analysis keys checked and the token span each covers.
    static var spans: [(String, (RawSample) -> Range<Int>)] {
        [
            ("overall", { 0..<$0.steps.count }),
            ("thinking", \.thinking),
            ("answer", \.answer),
            ("first", { 0..<min(1, $0.steps.count) }),
        ]
    }

    /// Reads the trace lines (raw JSON) and the segment lines, joined by problem and sample.
    static func read(traces: String, spans: String) throws -> [RawSample] {
        func objects(_ path: String) throws -> [[String: Any]] {
            try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map {
                try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
            }
        }
        func key(_ object: [String: Any]) -> String { "\(object["problem_id"] ?? "")#\(object["sample_index"] ?? "")" }
        let segments = Dictionary(uniqueKeysWithValues: try objects(spans).map { (key($0), $0) })
        return try objects(traces).map { line in
            let entries = try #require((line["logprobs"] as? [String: Any])?["content"] as? [[String: Any]])
            let steps = try entries.map { entry in
                Step(
                    sampledID: try #require(entry["id"] as? Int),
                    sampledLogProb: try #require(entry["logprob"] as? Double),
                    candidates: try #require(entry["top_logprobs"] as? [[String: Any]]).map {
                        (try #require($0["id"] as? Int), try #require($0["logprob"] as? Double))
                    })
            }
            let segment = try #require(segments[key(line)])
            func range(_ name: String) -> Range<Int> {
                guard let bounds = segment[name] as? [Int], bounds.count == 2 else { return 0..<0 }
                return bounds[0]..<bounds[1]
            }
            return RawSample(
                problemID: try #require(line["problem_id"] as? String), steps: steps,
                thinking: range("thinking_tokens"), answer: range("answer_tokens"))
        }
    }

    /// The entropy (nats) of one step's distribution rebuilt at `topP`: candidates below 1e-12
    /// dropped, the sampled token added when unlisted, the most probable kept until their sum
    /// reaches top-p (within 1e-6 for 32-bit rounding; top-p 1 keeps every candidate), the sampled
    /// token kept, renormalised.
    static func entropy(_ step: Step, topP: Double) -> Double {
        var pool = step.candidates.map { (id: $0.id, p: exp($0.logProb)) }.filter { $0.p >= 1e-12 }
        if !pool.contains(where: { $0.id == step.sampledID }) {
            pool.append((step.sampledID, exp(step.sampledLogProb)))
        }
        let ranked = pool.enumerated().sorted { ($0.element.p, -$0.offset) > ($1.element.p, -$1.offset) }.map(\.element)
        var kept: [(id: Int, p: Double)] = []
        var sum = 0.0
        for candidate in ranked {
            kept.append(candidate)
            sum += candidate.p
            if topP < 1 && sum >= topP - 1e-6 { break }
        }
        if !kept.contains(where: { $0.id == step.sampledID }) {
            kept.append((step.sampledID, max(exp(step.sampledLogProb), 1e-12)))
        }
        let z = kept.reduce(0) { $0 + $1.p }
        let h = log(z) - kept.reduce(0) { $0 + $1.p * log($1.p) } / z
        return max(0, h)
    }

    /// A problem's BF over `span`: exp of the mean over its samples (those with tokens there)
    /// of their mean entropy; `nil` when no sample has a token there.
    static func problemBF(_ samples: [RawSample], span: (RawSample) -> Range<Int>, topP: Double) -> Double? {
        let means: [Double] = samples.compactMap { sample in
            let range = span(sample)
            guard !range.isEmpty else { return nil }
            return range.map { entropy(sample.steps[$0], topP: topP) }.reduce(0, +) / Double(range.count)
        }
        return means.isEmpty ? nil : exp(means.reduce(0, +) / Double(means.count))
    }
}

import Foundation
import HorizonAnswers
import HorizonEntropy
import HorizonSegments
import HorizonStability
import HorizonTestSupport
import HorizonTraces
import Testing

/// Real llama-server responses (shared data, read in place): `analyze`'s BF equals a
/// recomputation written here from the raw JSON, with the sampled token found by its id and the
/// truncation the trace records.
@Suite("analyze: llama-server responses against an independent recomputation")
struct LlamaServerRecomputationTests {
    struct Step {
        var sampledID: Int
        var sampledLogProb: Double
        var candidates: [(id: Int, logProb: Double)]
    }

    static func steps(_ data: Data) throws -> [Step] {
        let response = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let choice = try #require((response["choices"] as? [[String: Any]])?.first)
        let entries = try #require((choice["logprobs"] as? [String: Any])?["content"] as? [[String: Any]])
        return try entries.map { entry in
            let top = try #require(entry["top_logprobs"] as? [[String: Any]])
            return Step(
                sampledID: try #require(entry["id"] as? Int), sampledLogProb: try #require(entry["logprob"] as? Double),
                candidates: try top.map { (try #require($0["id"] as? Int), try #require($0["logprob"] as? Double)) })
        }
    }

    /// The documented rebuild (docs/branching-factor.md §2), from scratch: candidates above
    /// 1e-12 plus the sampled token when unlisted, sorted by probability, kept until their sum
    /// reaches top-p (within 1e-6), the sampled token added back, renormalised.
    static func entropyAndNLL(_ step: Step, topP: Double) -> (entropy: Double, nll: Double) {
        var listed = step.candidates.filter { $0.logProb >= log(1e-12) }.map { (id: $0.id, p: exp($0.logProb)) }
        if !listed.contains(where: { $0.id == step.sampledID }) { listed.append((step.sampledID, exp(step.sampledLogProb))) }
        let sorted = listed.enumerated().sorted { $0.element.p != $1.element.p ? $0.element.p > $1.element.p : $0.offset < $1.offset }.map(\.element)
        var kept: [(id: Int, p: Double)] = []
        for candidate in sorted {
            kept.append(candidate)
            if kept.reduce(0, { $0 + $1.p }) >= topP - 1e-6 { break }
        }
        if !kept.contains(where: { $0.id == step.sampledID }) { kept.append(listed.first { $0.id == step.sampledID }!) }
        let z = kept.reduce(0) { $0 + $1.p }
        let entropy = -kept.reduce(0) { $0 + $1.p / z * log($1.p / z) }
        let sampledP = kept.first { $0.id == step.sampledID }!.p
        return (max(0, entropy), max(0, -log(sampledP / z)))
    }

    @Test("BF and NLL BF at top-p 1 and 0.9, as the trace records", arguments: [
        ("llama-server-chat.json", 1.0), ("llama-server-chat.json", 0.9),
        ("llama-server-completions.json", 1.0), ("llama-server-completions.json", 0.9),
    ])
    func recomputed(name: String, topP: Double) throws {
        guard let url = SharedData.url("server-responses/\(name)") else { return }
        let data = try Data(contentsOf: url)
        let steps = try Self.steps(data)
        let measures = steps.map { Self.entropyAndNLL($0, topP: topP) }
        let line = JSONCompaction.prepending(
            #""problem_id":"p","sampling":{"temperature":1.0,"top_p":\#(topP),"top_k":-1,"min_p":0.0}"#,
            to: JSONCompaction.compact(String(decoding: data, as: UTF8.self)))
        let path = try TraceFile.write([line])
        for estimator in [BranchingFactorEstimator.entropy, .nll] {
            let analysis = try Analyzer(
                readOptions: TraceReadOptions(),
                recordOptions: SampleRecordOptions(segmenter: Segmenter(.auto), truncationFromTraces: true),
                analysisOptions: AnalysisOptions(truncationFromTraces: true, estimator: estimator, bootstrapResamples: 10)
            ).analyze(paths: [path])
            #expect(analysis.settings.settingsSource == "traces" && analysis.settings.truncationValue == topP)
            let perToken = measures.map { estimator == .entropy ? $0.entropy : $0.nll }
            let expected = exp(perToken.reduce(0, +) / Double(perToken.count))
            #expect(isClose(analysis.bf.overall, expected, tolerance: 1e-12), "\(estimator): \(String(describing: analysis.bf.overall)) vs \(expected)")
        }
    }
}

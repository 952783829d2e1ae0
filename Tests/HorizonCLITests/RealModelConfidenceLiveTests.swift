import Foundation
import HorizonTestSupport
import Testing

/// `horizon analyze`'s DeepConf confidence on real samples from llama-server (SmolLM2-135M-Instruct,
/// chat), against a recomputation written here from the raw responses: C_t = −mean of the
/// returned candidates' log-probs (floored at ln 1e-12), every W-token window's mean by brute
/// force, the lowest, the last, and the mean of the lowest ⌊10%⌋ (at least one).
@Suite(
    "Live confidence on a real model through llama-server",
    .serialized,
    .enabled(if: LlamaCppServer.isAvailable, "needs `make llama-server models`"),
    .enabled(if: HorizonExecutable.isBuilt, "needs the horizon binary")
)
struct RealModelConfidenceLiveTests {
    /// The four per-trace measures, recomputed.
    static func measures(_ sample: RawSample, window: Int) -> [Double] {
        let confidences = sample.steps.map { step in
            -step.candidates.map { max($0.logProb, log(1e-12)) }.reduce(0, +) / Double(step.candidates.count)
        }
        let mean = confidences.reduce(0, +) / Double(confidences.count)
        guard confidences.count >= window else { return [mean, mean, mean, mean] }
        let windows = (0...(confidences.count - window)).map { start in
            confidences[start..<(start + window)].reduce(0, +) / Double(window)
        }
        let bottom = max(1, windows.count / 10)
        return [mean, windows.min()!, windows.last!, windows.sorted().prefix(bottom).reduce(0, +) / Double(bottom)]
    }

    @Test("token, lowest-group, tail and bottom-10% confidence per problem and per set")
    func confidenceIsTheRecomputation() async throws {
        let server = try await LlamaCppServer.start(.smolLM2Instruct)
        defer { server.stop() }
        let directory = try SharedData.temporaryDirectory("real-model-confidence")
        let traces = directory.appendingPathComponent("traces.jsonl").path
        let sampled = try await HorizonExecutable.run(
            ["sample", "--base-url", server.baseURL.absoluteString, "--model", LlamaCppServer.Model.smolLM2Instruct.alias,
             "--endpoint", "chat", "--dataset", try RealModelProblems.write(in: directory)]
                + RealModelProblems.samplingArguments + ["--out", traces])
        try #require(sampled.status == 0, "sample failed: \(sampled.standardError)\n\(server.logTail())")
        let spansPath = directory.appendingPathComponent("segments.jsonl").path
        let segmented = try await HorizonExecutable.run(["segment", traces, "--profile", "plain", "--out", spansPath])
        try #require(segmented.status == 0, "segment failed: \(segmented.standardError)")
        let samples = try RawSample.read(traces: traces, spans: spansPath)
        // 32-token samples: a window of 8 gives 25 windows (⌊2.5⌋ = 2 in the bottom 10%).
        let window = 8
        let json = directory.appendingPathComponent("analysis.json").path
        let analyzed = try await HorizonExecutable.run(
            ["analyze", traces, "--profile", "plain", "--confidence-window", String(window), "--json", json])
        try #require(analyzed.status == 0, "analyze failed: \(analyzed.standardError)")
        let analysis = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any])
        let keys = ["token_mean", "lowest_group_mean", "tail_mean", "bottom10_mean"]
        let byProblem = Dictionary(grouping: samples, by: \.problemID).mapValues { problem in
            let perSample = problem.map { Self.measures($0, window: window) }
            return keys.indices.map { key in perSample.map { $0[key] }.reduce(0, +) / Double(perSample.count) }
        }
        let rows = try #require(analysis["problems"] as? [[String: Any]])
        #expect(rows.count == byProblem.count)
        for row in rows {
            let id = try #require(row["problem_id"] as? String)
            let confidence = try #require(row["confidence"] as? [String: Any])
            for (index, key) in keys.enumerated() {
                let expected = try #require(byProblem[id])[index]
                #expect(isClose(confidence[key] as? Double, expected, relative: 1e-12), "\(id) \(key): \(String(describing: confidence[key])) vs \(expected)")
            }
        }
        let set = try #require(analysis["confidence"] as? [String: Any])
        #expect(set["window"] as? Int == window && set["traces"] as? Int == samples.count)
        for (index, key) in keys.enumerated() {
            let expected = byProblem.values.map { $0[index] }.reduce(0, +) / Double(byProblem.count)
            #expect(isClose(set[key] as? Double, expected, relative: 1e-12), "set \(key)")
        }
        // Forks: the 80th percentile (type 7) of every token's entropy on the 2⁻¹⁰-nat grid, and
        // per problem the share of tokens strictly above it (the traces record top-p 1).
        func quantised(_ h: Double) -> Double { (h * 1024).rounded(.down) / 1024 }
        let entropies = samples.flatMap { sample in sample.steps.map { quantised(RawSample.entropy($0, topP: 1)) } }.sorted()
        let rank = Double(entropies.count - 1) * 0.8
        let lower = Int(rank.rounded(.down))
        let threshold = entropies[lower] + (rank - Double(lower)) * (entropies[min(lower + 1, entropies.count - 1)] - entropies[lower])
        let forks = try #require(analysis["forks"] as? [String: Any])
        #expect(isClose(forks["threshold"] as? Double, threshold, relative: 1e-12), "threshold \(String(describing: forks["threshold"])) vs \(threshold)")
        let shares = Dictionary(grouping: samples, by: \.problemID).mapValues { problem in
            let all = problem.flatMap { sample in sample.steps.map { quantised(RawSample.entropy($0, topP: 1)) } }
            return Double(all.filter { $0 > threshold }.count) / Double(all.count)
        }
        let share = try #require((forks["share"] as? [String: Any])?["overall"] as? Double)
        #expect(isClose(share, shares.values.reduce(0, +) / Double(shares.count), relative: 1e-12), "fork share \(share)")
    }
}

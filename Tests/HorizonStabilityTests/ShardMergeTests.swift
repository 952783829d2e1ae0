import Foundation
import HorizonAnswers
import HorizonCommon
import HorizonEntropy
import HorizonSegments
import HorizonStability
import HorizonTestSupport
import HorizonTraces
import Testing

/// `analyze` by shards and `AnalysisPart.merge`: for any shard count and any order of parts,
/// the merged analysis is the single-machine one, byte for byte.
@Suite("shards and merge")
struct ShardMergeTests {
    /// Nine problems × four samples, an invalid line and a duplicate (read with --skip-invalid).
    static func traces() throws -> String {
        var lines = GeneratedTraces.lines(problems: 9, samples: 4)
        lines.insert("{not json", at: 5)
        lines.append(lines[0])
        return try TraceFile.write(lines, name: "shard-traces.jsonl")
    }

    /// Three truncation continuations per problem, measured (the probe reader's work is the
    /// `Horizon` module's; here the records it would return).
    static let probes: [ProbeRecord] = (0..<9).flatMap { problem in
        (0..<3).map { index in
            ProbeRecord(
                kind: .truncation(length: 0.5, unit: "fraction"), problemID: "p\(problem)", sampleIndex: 0, index: index,
                gold: "4", keptTokens: 10 + problem,
                answer: ExtractedAnswer(text: (problem + index) % 3 == 0 ? "3" : "4", rule: .boxed),
                measures: SegmentMeasures(tokenCount: 1, meanEntropy: 0.1 * Double(problem + index), meanNegativeLogLikelihood: 0.2,
                                          meanMissingMass: 0, maxMissingMass: 0, lowCoverageCount: 0),
                tokensSpent: 2)
        }
    }

    static func analyzer(seed: UInt64 = 3) throws -> Analyzer {
        Analyzer(
            readOptions: TraceReadOptions(skipInvalid: true), segmenter: Segmenter(try ProfileSelection(named: "deepseek-r1")),
            options: AnalysisOptions(profileName: "deepseek-r1", truncation: .topP(1), bootstrapResamples: 200, seed: seed),
            readProbes: { _, _ in probes })
    }

    /// Every shard's part, written to JSON and read back as `merge` reads it.
    static func parts(count: Int, analyzer: Analyzer, traces: String) throws -> [(file: String, part: AnalysisPart)] {
        try (0..<count).map { index in
            let shard = try #require(Shard(index: index, count: count))
            let state = try analyzer.gather(paths: [traces], probes: ["probes.jsonl"], shard: shard)
            let part = AnalysisPart(horizonVersion: horizonVersion, shard: shard, options: analyzer.options, state: state)
            let url = try SharedData.temporaryDirectory("parts").appendingPathComponent("part-\(index).json")
            try part.encoded().write(to: url)
            return (url.path, try AnalysisPart.load(path: url.path))
        }
    }

    @Test("merge of 1, 2, 3 or 7 shards in any order is the single-machine analysis, byte for byte", arguments: [1, 2, 3, 7])
    func mergeEqualsSingle(count: Int) throws {
        let traces = try Self.traces()
        let analyzer = try Self.analyzer()
        let single = try analyzer.analyze(paths: [traces], probes: ["probes.jsonl"])
        let expected = try Analysis.makeEncoder().encode(single)
        // The fixture exercises what must survive: intervals, probes, invalid lines, duplicates.
        #expect(single.counts.problems == 9 && single.counts.invalidLines == 1 && single.counts.duplicates == 1)
        #expect(single.bf.overallCI != nil && single.probes?.truncation.first?.agreementCI != nil)
        let parts = try Self.parts(count: count, analyzer: analyzer, traces: traces)
        #expect(parts.map(\.part.state.counts.problems).reduce(0, +) == 9)
        var random = SplitMix64(seed: UInt64(count))
        for order in [Array(parts.indices), parts.indices.reversed(), parts.indices.shuffled(using: &random)] {
            let merged = try AnalysisPart.merge(order.map { parts[$0] })
            #expect(try Analysis.makeEncoder().encode(merged) == expected)
        }
    }

    @Test("a shard holds only its problems and every trace of them")
    func shardContents() throws {
        let traces = try Self.traces()
        let analyzer = try Self.analyzer()
        for (index, shard) in (0..<3).map({ ($0, Shard(index: $0, count: 3)!) }) {
            let state = try analyzer.gather(paths: [traces], probes: ["probes.jsonl"], shard: shard)
            let ids = (0..<9).map { "p\($0)" }.filter(shard.contains(problemID:))
            #expect(state.counts.problems == ids.count, "shard \(index)")
            #expect(state.counts.traces == ids.count * 4, "shard \(index)")
            // Input-level counts cover every line, whichever shard read them.
            #expect(state.counts.lines == 38 && state.counts.invalidLines == 1 && state.counts.duplicates == 1 && state.invalid.count == 2)
        }
    }

    @Test("parts that are not one whole refuse to merge, naming the file")
    func refusals() throws {
        let traces = try Self.traces()
        let parts = try Self.parts(count: 3, analyzer: try Self.analyzer(), traces: traces)
        func reason(_ parts: [(file: String, part: AnalysisPart)]) -> AnalysisError.Reason? {
            do { _ = try AnalysisPart.merge(parts); return nil } catch let error as AnalysisError { return error.reason } catch { return nil }
        }
        guard case .shardsIncomplete(let missing) = reason([parts[0], parts[2]]) else { Issue.record("missing shard merged"); return }
        #expect(missing.contains("1/3"))
        guard case .shardsIncomplete(let twice) = reason([parts[0], parts[1], parts[1], parts[2]]) else { Issue.record("doubled shard merged"); return }
        #expect(twice.contains("1/3") && twice.contains(parts[1].file))
        let reseeded = try Self.parts(count: 3, analyzer: try Self.analyzer(seed: 4), traces: traces)
        guard case .partsDiffer(let settings) = reason([parts[0], reseeded[1], parts[2]]) else { Issue.record("other settings merged"); return }
        #expect(settings.contains("other settings"))
        let otherInput = try Self.parts(count: 3, analyzer: try Self.analyzer(), traces: try GeneratedTraces.file(problems: 9, samples: 4))
        guard case .partsDiffer(let inputs) = reason([parts[0], otherInput[1], parts[2]]) else { Issue.record("other input merged"); return }
        #expect(inputs.contains("different inputs"))
        let otherCount = try Self.parts(count: 2, analyzer: try Self.analyzer(), traces: traces)
        guard case .partsDiffer = reason([parts[0], otherCount[1], parts[2]]) else { Issue.record("other count merged"); return }
    }

    @Test("an analysis is not a part: loading one as a part names the schema")
    func analysisIsNotAPart() throws {
        let analysis = try Self.analyzer().analyze(paths: [try Self.traces()])
        let url = try SharedData.temporaryDirectory("parts").appendingPathComponent("analysis.json")
        try Analysis.makeEncoder().encode(analysis).write(to: url)
        #expect(throws: AnalysisError(.notAPart("horizon.analysis"), at: HorizonCommon.SourceLocation(file: url.path))) { try AnalysisPart.load(path: url.path) }
    }
}

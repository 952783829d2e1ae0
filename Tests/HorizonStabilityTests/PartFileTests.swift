import Foundation
import HorizonCommon
import HorizonStability
import HorizonTestSupport
import Testing

/// Part files as `merge` reads them (`JSONCursorDecoder`): every field as written, clear errors
/// for files that are not parts, and merging as the parts are read.
@Suite("part files")
struct PartFileTests {
    @Test("a part reads back equal to what was written, and to what Foundation's decoder reads")
    func roundTrip() throws {
        let traces = try ShardMergeTests.traces()
        let parts = try ShardMergeTests.parts(count: 2, analyzer: try ShardMergeTests.analyzer(), traces: traces)
        for (file, loaded) in parts {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
            let foundation = JSONDecoder()
            foundation.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
            #expect(try foundation.decode(AnalysisPart.self, from: bytes) == loaded)
            // Written again, it is the same bytes: nothing was lost or rounded.
            #expect(try loaded.encoded() == bytes)
        }
    }

    /// The error of loading `text` as a part, written to a file of its own.
    static func loadError(_ text: String, name: String) throws -> (file: String, error: AnalysisError?) {
        let url = try SharedData.temporaryDirectory("bad-parts").appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        do {
            _ = try AnalysisPart.load(path: url.path)
            return (url.path, nil)
        } catch let error as AnalysisError {
            return (url.path, error)
        }
    }

    @Test("a truncated part, a value of the wrong type, another version or schema: an error naming the file and the place")
    func malformed() throws {
        let parts = try ShardMergeTests.parts(count: 1, analyzer: try ShardMergeTests.analyzer(), traces: try ShardMergeTests.traces())
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: parts[0].file)), as: UTF8.self)

        let truncated = try Self.loadError(String(text.prefix(text.count / 2)), name: "truncated.json")
        #expect(truncated.error?.location.file == truncated.file)
        #expect(truncated.error?.description.hasPrefix("\(truncated.file): not a valid analysis: invalid JSON at byte ") == true, "\(String(describing: truncated.error))")

        let wrongType = try Self.loadError(text.replacingOccurrences(of: #""unmeasured_spans":0"#, with: #""unmeasured_spans":"0""#), name: "type.json")
        let offset = try #require(text.utf8.firstRange(of: Array(#""unmeasured_spans":"#.utf8))).upperBound
        #expect(wrongType.error?.description
            == "\(wrongType.file): not a valid analysis: expected an integer, found a string (byte \(text.utf8.distance(from: text.utf8.startIndex, to: offset))) at state.unmeasured_spans")

        let missing = try Self.loadError(text.replacingOccurrences(of: #""shard_hash":"fnv1a64","#, with: ""), name: "missing.json")
        #expect(missing.error?.description == "\(missing.file): not a valid analysis: missing key 'shard_hash' at top level")

        let newer = try Self.loadError(text.replacingOccurrences(of: #""schema_version":2"#, with: #""schema_version":3"#), name: "v3.json")
        #expect(newer.error == AnalysisError(.partVersion(3), at: SourceLocation(file: newer.file)))
        let other = try Self.loadError(text.replacingOccurrences(of: #""schema":"horizon.analysis-part""#, with: #""schema":"other""#), name: "other.json")
        #expect(other.error == AnalysisError(.notAPart("other"), at: SourceLocation(file: other.file)))
    }

    @Test("merging 16 parts read three at a time, in any order, is the single-machine analysis, byte for byte")
    func manyPartsAsRead() throws {
        let traces = try ShardMergeTests.traces()
        let analyzer = try ShardMergeTests.analyzer()
        let expected = try Analysis.makeEncoder().encode(try analyzer.analyze(paths: [traces], probes: ["probes.jsonl"]))
        let parts = try ShardMergeTests.parts(count: 16, analyzer: analyzer, traces: traces)
        // Nine problems in sixteen shards: some parts hold none.
        #expect(parts.contains { $0.part.state.counts.problems == 0 } && parts.contains { $0.part.state.counts.problems > 0 })
        var random = SplitMix64(seed: 16)
        for order in [parts.map(\.file), parts.map(\.file).reversed(), parts.map(\.file).shuffled(using: &random)] {
            for inFlight in [1, 3, 16] {
                #expect(try Analysis.makeEncoder().encode(try AnalysisPart.merge(paths: order, inFlight: inFlight)) == expected)
            }
        }
        #expect(throws: AnalysisError.self) { try AnalysisPart.merge(paths: Array(parts.map(\.file).dropLast()), inFlight: 3) }
    }
}

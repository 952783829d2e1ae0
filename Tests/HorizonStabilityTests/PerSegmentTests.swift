import Foundation
import HorizonStability
import HorizonTestSupport
import Testing

/// `PerSegment` in JSON: the keys the hand-written triples wrote, a `nil` segment absent.
@Suite("per-segment values")
struct PerSegmentTests {
    static func json<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try Analysis.makeEncoder().encode(value), as: UTF8.self)
            .filter { !$0.isWhitespace }
    }

    @Test("a nil segment is absent, not null, and an absent key reads back as nil")
    func absentSegments() throws {
        let mass = PerSegment<MissingMass?>(overall: MissingMass(mean: 0.25, max: 0.5), thinking: nil, answer: nil)
        #expect(try Self.json(mass) == #"{"overall":{"max":0.5,"mean":0.25}}"#)
        let read = try JSONDecoder().decode(PerSegment<MissingMass?>.self, from: Data(#"{"answer":{"max":1,"mean":0.5}}"#.utf8))
        #expect(read == PerSegment(overall: nil, thinking: nil, answer: MissingMass(mean: 0.5, max: 1)))
    }

    @Test("a non-optional value is always written; a missing one is an error naming the key")
    func requiredSegments() throws {
        let curves = PerSegment<[CurvePoint]>()
        #expect(try Self.json(curves) == #"{"answer":[],"overall":[],"thinking":[]}"#)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(PerSegment<[CurvePoint]>.self, from: Data(#"{"overall":[]}"#.utf8))
        }
    }

    @Test("BF keeps its flat keys: a value and its interval beside it")
    func branchingFactorKeys() throws {
        var bf = BranchingFactorSummary(estimatorUsed: "entropy")
        bf.set(.thinking, value: 2, ci: ConfidenceInterval(lower: 1.5, upper: 2.5))
        #expect(try Self.json(bf) == #"{"estimator_used":"entropy","thinking":2,"thinking_ci":[1.5,2.5]}"#)
        #expect(try JSONDecoder().decode(BranchingFactorSummary.self, from: try Analysis.makeEncoder().encode(bf)) == bf)
    }

    /// Every analysis the project committed, read and written again: the schema types keep
    /// every key and byte of files written before them.
    @Test("the committed analyses read and write back byte for byte")
    func committedAnalyses() throws {
        let folders = ["Reports/demo", "Reports/demo-markov"].map { SharedData.packageRoot.appendingPathComponent($0) }
        let files = try folders.flatMap { folder in
            try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil).filter { $0.pathExtension == "json" }
        }
        #expect(files.count >= 9)
        for file in files {
            let analysis = try Analysis.load(from: file)
            #expect(try Analysis.makeEncoder().encode(analysis) == Data(contentsOf: file), "\(file.lastPathComponent)")
        }
    }
}

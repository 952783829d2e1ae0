import Foundation
import HorizonAnswers
import HorizonEntropy
import HorizonSegments
import HorizonStability
import HorizonTestSupport
import HorizonTraces
import Testing

/// Bad input lines under `skipInvalid`: counted, listed with file and line, and skipped.
@Suite("analyze: invalid and duplicate lines")
struct AnalyzeInvalidLinesTests {
    static let lines = [
        #"{"problem_id": "A", "sample_index": 0, "text": "<think>a</think>\\boxed{1}"}"#,
        "not json",
        #"{"problem_id": "A", "sample_index": 0, "text": "<think>b</think>\\boxed{2}"}"#,
        #"{"text": "<think>c</think>\\boxed{3}"}"#,
        #"{"problem_id": "A", "sample_index": 1, "text": "<think>d</think>\\boxed{4}"}"#,
    ]

    @Test("skipped: 2 invalid lines and 1 duplicate, listed in input order with file and line")
    func skipped() throws {
        let path = try TraceFile.write(Self.lines)
        let analysis = try AnalyzerSetup(skipInvalid: true).analyze(path)
        #expect(analysis.counts.lines == 5)
        #expect(analysis.counts.traces == 2)
        #expect(analysis.counts.invalidLines == 2)
        #expect(analysis.counts.duplicates == 1)
        #expect(analysis.invalid.map(\.line) == [2, 3, 4])
        #expect(analysis.invalid.allSatisfy { $0.file == path })
        #expect(analysis.invalid[1].message.contains("duplicate"))
        #expect(analysis.warnings.contains { $0.kind == "invalid_lines" })
        #expect(analysis.warnings.contains { $0.kind == "duplicates" })
        // The first of the duplicate pair is kept: sample 0 answers 1.
        #expect(analysis.problems.first?.clusters.first { $0.sampleIndices == [0] }?.answer == "1")
    }

    @Test("not skipped: the first invalid line stops the analysis with its place")
    func stops() throws {
        let path = try TraceFile.write(Self.lines)
        let error = try #require(throws: TraceError.self) { try AnalyzerSetup().analyze(path) }
        #expect(error.location.line == 2)
        #expect(error.location.file == path)
    }
}

import Foundation
import HorizonAnswers
import HorizonEntropy
import HorizonSegments
import HorizonStability
import HorizonTestSupport
import HorizonTraces
import Testing

/// `analyze` on the same traces plain, gzip-compressed and zstd-compressed.
@Suite("analyze: compressed traces")
struct AnalyzeCompressedTests {
    @Test("plain, .gz and .zst of the same traces give the same analysis JSON, bit for bit")
    func sameAnalysis() throws {
        let plain = try TraceFile.write(AnalyzeCurveTests.lines + AnalyzeLengthVsStabilityTests.lines)
        let text = try Data(contentsOf: URL(fileURLWithPath: plain))
        let setup = AnalyzerSetup(window: 2, minimumCurveSamples: 2, lengthBins: 3)
        /// The JSON, with the input's name and size (the only things that differ) taken out.
        func json(_ path: String) throws -> Data {
            var analysis = try setup.analyze(path)
            #expect(analysis.inputs.map(\.path) == [path])
            analysis.inputs = []
            analysis.label = ""
            return try Analysis.makeEncoder().encode(analysis)
        }
        let expected = try json(plain)
        #expect(try JSONSerialization.jsonObject(with: expected) is [String: Any])
        for tool in ["gzip", "zstd"] {
            let path = plain + "." + tool
            try SystemCompressor.compress(text, with: tool).write(to: URL(fileURLWithPath: path))
            #expect(try json(path) == expected, "\(tool)")
        }
    }
}

import Foundation
import Horizon
import HorizonTestSupport
import Testing

/// Seeded fuzzing of every input a user hands Horizon: trace lines, LaTeX answers, analysis and
/// baseline JSON. Each input is a valid one with a few random mutations (bytes changed, cut,
/// repeated, or JSON- and LaTeX-shaped fragments spliced in). Nothing may crash, and every
/// refusal must name the file (and, for JSONL, the line). The seeds are fixed, so a failure
/// reproduces; raise `rounds` locally to search further.
@Suite("Fuzz")
struct FuzzTests {
    /// Fragments that break parsers in interesting ways when spliced in.
    private static let jsonFragments = [
        "{", "}", "[", "]", "\"", "\\", "\\u", "\\ud800", ",", ":", "null", "-", "1e999", "-1e999", "NaN", "0.5",
        "-0", "99999999999999999999", "\u{0}", "\n", "\"logprob\":", "\"top_logprobs\":[", "\u{FFFF}", "é",
    ]
    private static let latexFragments = [
        "{", "}", "\\", "^", "_", "\\frac", "\\sqrt", "\\left(", "\\right)", "\\begin{pmatrix}", "\\end{pmatrix}",
        "&", "\\\\", "$", "\\boxed{", "(", ")", "[", "]", ",", "=", "\\le", "\\infty", "e", "10^{", "\\%", "\\text{",
        ".", "-", "0", "9999999999999999999999",
    ]

    /// Applies one to three random mutations to `bytes`.
    private static func mutate(_ bytes: [UInt8], fragments: [String], using random: inout SplitMix64) -> [UInt8] {
        var bytes = bytes
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            let at = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<6, using: &random) {
            case 0 where !bytes.isEmpty: bytes[at] = UInt8.random(in: 0...255, using: &random)
            case 1 where !bytes.isEmpty: bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...16, using: &random)))
            case 2: bytes.removeSubrange(at..<bytes.count)
            case 3 where !bytes.isEmpty:
                let piece = Array(bytes[at..<min(bytes.count, at + Int.random(in: 1...32, using: &random))])
                bytes.insert(contentsOf: Array(repeating: piece, count: Int.random(in: 1...20, using: &random)).joined(), at: at)
            default: bytes.insert(contentsOf: Array(fragments.randomElement(using: &random)!.utf8), at: at)
            }
        }
        return bytes
    }

    @Test("mutated trace lines: no crash, and every skipped line is named FILE:LINE")
    func traceLines() throws {
        var random = SplitMix64(seed: 1)
        let valid = GeneratedTraces.lines(problems: 2, samples: 3).map { Array($0.utf8) }
        for round in 0..<20 {
            var lines: [[UInt8]] = []
            for _ in 0..<25 {
                let line = valid.randomElement(using: &random)!
                lines.append(Self.mutate(line, fragments: Self.jsonFragments, using: &random).filter { $0 != 10 })
            }
            let path = try SharedData.temporaryDirectory("fuzz-traces").appendingPathComponent("round-\(round).jsonl").path
            try Data(lines.joined(separator: [10]) + [10]).write(to: URL(fileURLWithPath: path))
            var options = TraceReadOptions()
            options.skipInvalid = true
            let analyzer = Analyzer(
                readOptions: options, segmenter: Segmenter(.auto), options: AnalysisOptions(bootstrapResamples: 20))
            do {
                let analysis = try analyzer.analyze(paths: [path])
                for invalid in analysis.invalid {
                    #expect(invalid.file == path && (1...lines.count).contains(invalid.line), "\(invalid)")
                }
                #expect(analysis.counts.traces + analysis.counts.invalidLines + analysis.counts.duplicates
                    >= lines.filter { $0.contains { $0 > 32 } }.count)
            } catch let error as TraceError {
                // Only a file without one line of content fails as a whole.
                #expect(error.reason == .emptyInput && error.location.file == path, "\(error)")
            } catch {
                Issue.record("round \(round): \(error)")
            }
        }
    }

    @Test("mutated LaTeX answers: the grader always returns a verdict")
    func latexAnswers() {
        var random = SplitMix64(seed: 2)
        let valid = [
            "\\frac{1}{2}", "\\sqrt{x^2+1}", "\\boxed{\\left(1, 2\\right)}", "x \\in [0, \\infty)", "2^{64}",
            "\\begin{pmatrix}1&2\\\\3&4\\end{pmatrix}", "\\binom{10}{5}", "\\dfrac{a}{b}+\\pi", "1{,}000.5\\%",
            "10\\text{ cm}", "\\{1, 2, 3\\}", "-\\frac{\\sqrt{3}}{2}", "x^2 - 5x + 6 = 0", "\\log_2 8", "0.\\overline{3}",
        ]
        let grader = AnswerGrader()
        for _ in 0..<600 {
            let reference = valid.randomElement(using: &random)!
            let candidate = String(decoding: Self.mutate(Array(reference.utf8), fragments: Self.latexFragments, using: &random), as: UTF8.self)
            let graded = grader.grade(AnswerPair(reference: reference, candidate: "The answer is $\\boxed{\(candidate)}$"))
            // A verdict always carries a reason; equality with itself must hold for a clean copy.
            #expect(!graded.verdict.reason.rawValue.isEmpty)
            _ = grader.grade(AnswerPair(reference: candidate, candidate: candidate))
        }
    }

    /// A real analysis of generated traces, and a baseline of it, as JSON files.
    private func analysisAndBaseline() throws -> (analysis: Data, baseline: Data) {
        let path = try TraceFile.write(GeneratedTraces.lines(problems: 3, samples: 4))
        let analysis = try Analyzer(
            readOptions: TraceReadOptions(), segmenter: Segmenter(.auto), options: AnalysisOptions(bootstrapResamples: 20)
        ).analyze(paths: [path])
        let directory = try SharedData.temporaryDirectory("fuzz-gate")
        let baselineURL = directory.appendingPathComponent("baseline.json")
        try Baseline.make(from: analysis).write(to: baselineURL)
        return (try Analysis.makeEncoder().encode(analysis), try Data(contentsOf: baselineURL))
    }

    @Test("mutated analysis and baseline JSON: refused naming the file, or gated without a crash")
    func analysisAndBaselineJSON() throws {
        var random = SplitMix64(seed: 3)
        let (analysisData, baselineData) = try analysisAndBaseline()
        let directory = try SharedData.temporaryDirectory("fuzz-json")
        for round in 0..<150 {
            let analysisURL = directory.appendingPathComponent("analysis-\(round).json")
            let baselineURL = directory.appendingPathComponent("baseline-\(round).json")
            try Data(Self.mutate(Array(analysisData), fragments: Self.jsonFragments, using: &random)).write(to: analysisURL)
            try Data(Self.mutate(Array(baselineData), fragments: Self.jsonFragments, using: &random)).write(to: baselineURL)
            var analysis: Analysis?
            var baseline: Baseline?
            do { analysis = try Analysis.load(from: analysisURL) } catch {
                #expect("\(error)".hasPrefix(analysisURL.path), "\(error)")
            }
            do { baseline = try Baseline.load(from: baselineURL) } catch {
                #expect("\(error)".hasPrefix(baselineURL.path), "\(error)")
            }
            if let analysis, let baseline {
                _ = try? Gate.check(baseline: baseline, analysis: analysis)
            }
            if let analysis {
                _ = try? ReportWriter.render(analyses: [analysis])
            }
        }
    }
}

import Foundation
import HorizonAnswers
import HorizonTestSupport
import Testing

/// Regressions from GSM8K's test split (`../shared/data/gsm8k-test.jsonl`).
struct GSM8KTests {
    struct Problem: Decodable {
        var question: String
        var answer: String
    }

    @Test(.enabled(if: SharedData.isPresent("gsm8k-test.jsonl"), "needs ../shared/data/gsm8k-test.jsonl")) func everyGoldEndsInANumberAfterItsHashes() throws {
        let url = try #require(SharedData.url("gsm8k-test.jsonl"))
        let problems = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
            .map { try JSONDecoder().decode(Problem.self, from: Data($0.utf8)) }
        #expect(problems.count == 1319)
        let extractor = AnswerExtractor()
        var failures: [String] = []
        for problem in problems {
            guard let reference = extractor.referenceAnswer(fromGold: problem.answer), reference.rule == .gsm8kHashes else {
                failures.append("no #### answer: \(problem.answer.suffix(40))")
                continue
            }
            // The digits alone (thousands separators dropped) must be the same number.
            let digits = reference.text.filter { $0.isNumber || $0 == "-" || $0 == "." }
            let verdict = AnswerEquivalence.compare(
                reference: reference, candidate: ExtractedAnswer(text: digits, rule: .wholeText))
            if !verdict.equivalent { failures.append("\(reference.text): \(verdict)") }
        }
        #expect(failures.isEmpty, "\(failures.prefix(20).joined(separator: "\n"))")
    }
}

import Foundation
import HorizonAnswers
import HorizonTestSupport
import Testing

/// Regressions from MATH-500 (`../shared/data/math500.jsonl`): the answer extracted from every
/// reference solution (boxed, or after "the final answer is") must be equivalent to the
/// problem's `answer` field.
struct Math500Tests {
    struct Problem: Decodable {
        var solution: String
        var answer: String
        var unique_id: String
    }

    @Test(.enabled(if: SharedData.isPresent("math500.jsonl"), "needs ../shared/data/math500.jsonl")) func everySolutionsBoxedAnswerMatchesTheAnswerField() throws {
        let url = try #require(SharedData.url("math500.jsonl"))
        let problems = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
            .map { try JSONDecoder().decode(Problem.self, from: Data($0.utf8)) }
        #expect(problems.count == 500)
        let extractor = AnswerExtractor()
        var failures: [String] = []
        for problem in problems {
            let reference = extractor.referenceAnswer(fromGold: problem.answer)
            let candidate = extractor.extract(from: problem.solution)
            let verdict = AnswerEquivalence.compare(reference: reference, candidate: candidate)
            if !verdict.equivalent {
                failures.append("\(problem.unique_id): \(problem.answer) vs \(String(describing: candidate)) \(verdict)")
            }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    /// `\boxed{15\frac{39}{40}},$ or $\boxed{\frac{639}{40}}`: a mixed number and the same value
    /// again, read as one answer.
    @Test func aMixedNumberBoxedTwiceIsOneAnswer() {
        let solution = "Expressed as a fraction, $d = \\boxed{15\\frac{39}{40}},$ or $\\boxed{\\frac{639}{40}}$ inches."
        let candidate = AnswerExtractor().extract(from: solution)
        #expect(candidate?.rule == .boxedSet)
        #expect(AnswerEquivalence.compare(reference: ExtractedAnswer(text: "\\frac{639}{40}", rule: .wholeText),
                                          candidate: candidate).equivalent)
    }
}

import Foundation
import HorizonAnswers
import HorizonTestSupport
import Testing

struct AnswerGraderTests {
    @Test func pairsAcceptTheFieldNamesOfCommonDatasets() throws {
        let lines = """
            {"gold": "$\\\\frac{1}{2}$", "pred": "so \\\\boxed{0.5}", "id": 7}

            {"reference": "18", "candidate": "#### 18"}
            {"answer": "x", "response": "The answer is $x$.", "id": "q3"}
            """
        let pairs = try AnswerPair.readJSONLines(Data(lines.utf8), file: "pairs.jsonl")
        #expect(pairs.count == 3)
        #expect(pairs[0] == AnswerPair(reference: "$\\frac{1}{2}$", candidate: "so \\boxed{0.5}", id: "7"))
        #expect(pairs[2].id == "q3")
    }

    @Test func aMalformedLineNamesItsFileAndLine() {
        let lines = "{\"gold\": \"1\", \"pred\": \"1\"}\n{\"gold\": \"1\"}\n"
        #expect {
            try AnswerPair.readJSONLines(Data(lines.utf8), file: "pairs.jsonl")
        } throws: { error in
            guard let error = error as? AnswersError else { return false }
            return error.reason == .malformedPair && error.location?.line == 2 && error.description.hasPrefix("pairs.jsonl:2: ")
        }
    }

    @Test func invalidJSONNamesItsLineAndByte() {
        let lines = "{\"gold\": \"1\", \"pred\": \"1\"}\r\n\n{\"gold\": \"1\", \"pred\": 1 2}\n"
        #expect {
            try AnswerPair.readJSONLines(Data(lines.utf8), file: "pairs.jsonl")
        } throws: { error in
            guard let error = error as? AnswersError else { return false }
            return error.location?.line == 3 && error.description.contains("invalid JSON at byte 24: expected ',' or '}'")
        }
    }

    @Test func gradingExtractsBothSidesThenCompares() {
        let grader = AnswerGrader()
        let graded = grader.grade([
            AnswerPair(reference: "She makes 9 * 2 = 18 dollars.\n#### 18", candidate: "So she earns $\\boxed{18}$ dollars."),
            AnswerPair(reference: "\\frac{14}{3}", candidate: "The final answer is $4.67$. I hope it is correct."),
            AnswerPair(reference: "5", candidate: "I cannot solve this."),
        ])
        #expect(graded.map(\.index) == [0, 1, 2])
        #expect(graded[0].referenceAnswer == ExtractedAnswer(text: "18", rule: .gsm8kHashes))
        #expect(graded[0].verdict == EquivalenceVerdict(.identicalText))
        #expect(graded[1].verdict == EquivalenceVerdict(.roundedDecimal))
        #expect(graded[2].candidateAnswer == nil)
        #expect(graded[2].verdict == EquivalenceVerdict(.missingCandidate))
    }

    @Test func jsonLinesRoundTripWithStableNames() throws {
        let graded = AnswerGrader().grade([AnswerPair(reference: "1/2", candidate: "\\boxed{0.5}", id: "a", expected: true)])
        let data = try AnswerGrader.jsonLines(graded)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.hasSuffix("\n"))
        #expect(text.contains("\"reason\":\"exact-value\""))
        #expect(text.contains("\"rule\":\"boxed\""))
        let decoded = try JSONDecoder().decode(GradedPair.self, from: Data(text.utf8.dropLast()))
        #expect(decoded == graded[0])
    }

    @Test func gradesAFileEndToEnd() throws {
        let directory = try SharedData.temporaryDirectory("answers-grader")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("pairs.jsonl")
        try Data("{\"gold\": \"(3, \\\\frac{\\\\pi}{2})\", \"pred\": \"$\\\\left( 3, \\\\frac{\\\\pi}{2} \\\\right)$\"}\n".utf8)
            .write(to: file)
        let output = try AnswerGrader().gradeJSONLines(contentsOf: file)
        let graded = try JSONDecoder().decode(GradedPair.self, from: output.dropLast())
        #expect(graded.verdict.equivalent)
    }
}

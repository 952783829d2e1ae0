import HorizonAnswers
import Testing

struct AnswerExtractorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var text: String
        var answer: String?
        var rule: ExtractionRule?
        var testDescription: String { String(text.prefix(50)) }

        init(_ text: String, _ answer: String?, _ rule: ExtractionRule?) {
            self.text = text
            self.answer = answer
            self.rule = rule
        }
    }

    static let cases: [Case] = [
        Case("The final answer is $\\frac{1}{2}$. I hope it is correct.", "$\\frac{1}{2}$", .minerva),
        Case("Final Answer: The final answer is 12,000,023. I hope it is correct.", "12,000,023", .minerva),
        Case("so $x = \\boxed{5}$.", "5", .boxed),
        Case("first \\boxed{\\frac{1}{2}} then \\boxed{3}", "3", .boxed),
        Case("nested \\boxed{\\frac{a}{\\sqrt{b}}} done", "\\frac{a}{\\sqrt{b}}", .boxed),
        Case("The value is \\boxed 5.", "5", .boxed),
        Case("The roots are \\boxed{-2} and \\boxed{1}.", "-2, 1", .boxedSet),
        Case("$\\boxed{1}\\boxed{2}$", "1, 2", .boxedSet),
        Case("\\[ \\boxed{-2} \\quad \\text{and} \\quad \\boxed{1}. \\]", "-2, 1", .boxedSet),
        Case("first \\boxed{1}. Then we get \\boxed{2}", "2", .boxed),
        Case("we get \\boxed{1", "1", .bareNumber),
        Case("Doubled escapes: \\\\boxed{\\\\frac{1}{2}}", "\\frac{1}{2}", .boxed),
        Case("The answer is 42.", "42", .theAnswerIs),
        Case("So the answer is $3.5$ meters.", "$3.5$ meters", .theAnswerIs),
        Case("Final Answer: 7", "7", .finalAnswerLabel),
        Case("**Final Answer:** 7", "7", .finalAnswerLabel),
        Case("Final Answer: The volume of $V$ is 120. I hope it is correct.", "120", .finalAnswerLabel),
        Case("Final Answer: Jane started growing Sphere 3 hours ago.", "3", .finalAnswerLabel),
        Case("Answer: (B)", "(B)", .answerLabel),
        Case("She earns 9 * 2 = 18 dollars.\n#### 1,234", "1,234", .gsm8kHashes),
        Case("Answer $ \n 9 \n $", "9", .bareNumber),
        Case("Answer \\[ \n 9 \n \\]", "9", .latexSpan),
        Case("Answer \\( (9+1) \\)", "(9+1)", .latexSpan),
        Case("Answer $ \\frac{1}{2} \\$ = \\frac{10}{9} $", "\\frac{1}{2} \\$ = \\frac{10}{9}", .latexSpan),
        Case("We get $x=3$ and finally 5 apples", "5", .bareNumber),
        Case("so 5 apples, that is $x = 5$", "x = 5", .latexSpan),
        Case("\\frac{10}{9}", "\\frac{10}{9}", .wholeText),
        Case("-5", "-5", .wholeText),
        Case("28 percent", "28 percent", .wholeText),
        Case("Soucis : 2,74 $ a..", "2,74", .bareNumber),
        Case("the number is not 10 which is 1,000.99€", "1,000.99", .bareNumber),
        Case("It increases by 100%.", "100%", .bareNumber),
        Case("the probability is 2/3. <|im_start|>user", "2/3", .bareNumber),
        Case("the result is \u{2212}7 overall", "\u{2212}7", .bareNumber),
        Case("AZYUK2A", nil, nil),
        Case("no numbers here at all", nil, nil),
        Case("", nil, nil),
    ]

    @Test(arguments: cases)
    func extractsTheFinalAnswer(_ item: Case) {
        let found = AnswerExtractor().extract(from: item.text)
        #expect(found?.text == item.answer)
        #expect(found?.rule == item.rule)
    }

    struct AfterArrow: AnswerPattern {
        func firstCapture(in text: String) -> String? {
            text.range(of: "=> ").map { String(text[$0.upperBound...]) }
        }
    }

    @Test func aCustomPatternComesBeforeTheBuiltInRules() {
        let extractor = AnswerExtractor(customPattern: AfterArrow())
        #expect(extractor.extract(from: "\\boxed{1} => 2") == ExtractedAnswer(text: "2", rule: .customPattern))
        #expect(extractor.extract(from: "\\boxed{1}") == ExtractedAnswer(text: "1", rule: .boxed))
    }

    @Test(arguments: [
        Case("Janet sells 16 - 3 - 4 = <<16-3-4=9>>9 eggs.\n#### 18", "18", .gsm8kHashes),
        Case("\\frac{14}{3}", "\\frac{14}{3}", .wholeText),
        Case("10/9", "10/9", .wholeText),
        Case("  (3, \\frac{\\pi}{2}) ", "(3, \\frac{\\pi}{2})", .wholeText),
        Case("Therefore, $\\boxed{14{,}916}$ is our answer.", "14{,}916", .boxed),
        Case("   ", nil, nil),
    ])
    func referenceAnswersOfGoldFields(_ item: Case) {
        let found = AnswerExtractor().referenceAnswer(fromGold: item.text)
        #expect(found?.text == item.answer)
        #expect(found?.rule == item.rule)
    }

    @Test func ruleRawValuesAreStable() {
        #expect(ExtractionRule.allCases.map(\.rawValue) == [
            "custom-pattern", "minerva", "boxed", "boxed-set", "the-answer-is", "final-answer-label", "answer-label",
            "gsm8k-hashes", "latex-span", "bare-number", "whole-text",
        ])
    }
}

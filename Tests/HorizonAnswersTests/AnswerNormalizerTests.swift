import HorizonAnswers
import Testing

struct AnswerNormalizerTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var input: String
        var rule: ExtractionRule
        var text: String
        var isPercent: Bool
        var testDescription: String { input }

        init(_ input: String, _ text: String, percent: Bool = false, rule: ExtractionRule = .wholeText) {
            self.input = input
            self.rule = rule
            self.text = text
            self.isPercent = percent
        }
    }

    static let cases: [Case] = [
        Case("$\\dfrac{1}{2}$", "\\frac{1}{2}"),
        Case("\\tfrac12", "\\frac12"),
        Case("\\left( 3, \\frac{\\pi}{2} \\right)", "( 3, \\frac{\\pi}{2} )"),
        Case("\\left\\{ 1, 2 \\right\\}", "\\{ 1, 2 \\}"),
        Case("\\displaystyle x^2", "x^2"),
        Case("28\\%", "28", percent: true),
        Case("28 pct", "28", percent: true),
        Case("28 percentage", "28", percent: true),
        Case("90^\\circ", "90"),
        Case("90^{\\circ}", "90"),
        Case("90\u{00B0}", "90"),
        Case("125 miles", "125"),
        Case("15\\mbox{ cm}^2", "15"),
        Case("5 square feet", "5"),
        Case("\\frac{1}{3} \\textbf{meters}", "\\frac{1}{3}"),
        Case("\\text{Evelyn}", "Evelyn"),
        Case("\\text{C}", "C"),
        Case("\\text{(C)}", "(C)"),
        Case("12\\text{ and }13", "12 , 13"),
        Case("5 \\text{ students}", "5"),
        Case("\\boxed{18 \\text{ dollars per week}}.", "18"),
        Case("3 or 4", "3 , 4"),
        Case("twenty-five", "25"),
        Case("one hundred twenty", "120"),
        Case("\u{2212}5", "-5"),
        Case("14{,}916", "14916"),
        Case("14 {, }916", "14 916"),
        Case("11,\\! 111,\\! 100", "11,111,100"),
        Case("\\$10", "10"),
        Case("\\boxed{5}.", "5"),
        Case("x \\in \\mathbb{R}", "x \\in (-\\infty,\\infty)"),
        Case("\\mathbb{Z}", "Z"),
        Case("= 7", "7"),
    ]

    @Test(arguments: cases)
    func appliesTheStringRules(_ item: Case) {
        let normalized = AnswerNormalizer.normalize(ExtractedAnswer(text: item.input, rule: item.rule))
        #expect(normalized.text == item.text)
        #expect(normalized.isPercent == item.isPercent)
        // The key drops whitespace, except a space between two digits (`1 1/2` is not `11/2`).
        let digitSpace = normalized.text.contains { $0.isWhitespace }
            && zip(normalized.text, normalized.text.dropFirst(2)).contains { $0.isNumber && $1.isNumber }
        if !digitSpace { #expect(normalized.key == normalized.text.filter { !$0.isWhitespace }) }
    }

    @Test func theKeyKeepsASpaceBetweenDigits() {
        let key = { (text: String) in AnswerNormalizer.normalize(ExtractedAnswer(text: text, rule: .wholeText)).key }
        #expect(key("1 1/2") == "1 1/2")
        #expect(key("1 1/2") != key("11/2"))
        #expect(key("x + 1") == "x+1")
        #expect(key("2 ^ 6 3 ^ 5") == "2^6 3^5")
        #expect(key("2^6 3^5") != key("2^63^5"))
    }

    @Test(arguments: [
        (ExtractedAnswer(text: "2,74", rule: .bareNumber), true),
        (ExtractedAnswer(text: "1,22", rule: .wholeText), true),
        (ExtractedAnswer(text: "1,2", rule: .boxed), false),
        (ExtractedAnswer(text: "$1,2$", rule: .wholeText), false),
        (ExtractedAnswer(text: "1,2", rule: .latexSpan), false),
    ])
    func plainTextIsTextWithoutLatex(_ answer: ExtractedAnswer, plain: Bool) {
        #expect(AnswerNormalizer.normalize(answer).isPlainText == plain)
    }
}

@testable import HorizonGate
import Testing

@Suite struct GateMarkdownTests {
    @Test func tablesHaveAHeaderARuleAndOneLinePerRow() {
        let table = GateMarkdown.table(headers: ["A", "B"], rows: [["1", "2"], ["3", "4"]])
        #expect(table == "| A | B |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |")
    }

    @Test func cellsCannotSpillIntoTheNextCellOrLine() {
        let table = GateMarkdown.table(headers: ["x"], rows: [["a|b"], ["two\nlines"], [#"kept \| escaped"#]])
        #expect(table == "| x |\n|---|\n| a\\|b |\n| two lines |\n| kept \\| escaped |")
    }

    @Test(arguments: [
        ("plain id-42", "plain id-42"),
        ("a|b", "a\\|b"),
        ("*bold* _it_ `code`", "\\*bold\\* \\_it\\_ \\`code\\`"),
        ("<script>", "\\<script\\>"),
        ("[link](x)", "\\[link\\](x)"),
        ("# heading ~", "\\# heading \\~"),
        (#"back\slash"#, #"back\\slash"#),
    ])
    func escapedTextShowsLiterally(text: String, expected: String) {
        #expect(GateMarkdown.escaped(text) == expected)
    }
}

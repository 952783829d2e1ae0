import Testing
@testable import HorizonReport

@Suite struct MarkdownTableTests {
    @Test func rendersAlignedColumnsWithDelimiterRow() {
        var table = MarkdownTable(columns: [.init("metric"), .init("value", alignment: .right), .init("note", alignment: .center)])
        table.addRow(["BF", "1.234", "ok"])
        table.addRow(["accuracy", "80.0%", ""])
        let expected = """
            | metric   | value | note |
            | -------- | ----: | :--: |
            | BF       | 1.234 |  ok  |
            | accuracy | 80.0% |      |

            """
        #expect(table.render() == expected)
    }

    @Test func plainCellsAreEscapedAndMarkdownCellsKept() {
        var table = MarkdownTable(titles: ["a|b", "c"])
        table.addRow(["x | y", "<b>"])
        table.addRow(markdown: ["**bold**", "`code`"])
        let lines = table.render().split(separator: "\n")
        #expect(lines[0] == "| a\\|b     | c         |")
        #expect(lines[2] == "| x \\| y   | &lt;b&gt; |")
        #expect(lines[3] == "| **bold** | `code`    |")
    }

    @Test func everyLineHasOneCellPerColumnWhateverTheText() {
        var table = MarkdownTable(titles: ["id", "answer", "gold"])
        table.addRow(["p|1\n`x`", "a || b\n\n| c", "```\n|"])
        table.addRow(["short"])  // missing cells are left empty
        for line in table.render().split(separator: "\n") {
            // Cell separators are the pipes not preceded by a backslash.
            var separators = 0
            var previous: Character?
            for character in line {
                if character == "|" && previous != "\\" { separators += 1 }
                previous = character
            }
            #expect(separators == 4, "line: \(line)")
        }
    }

    @Test func emptyTables() {
        #expect(MarkdownTable(columns: []).render() == "")
        let headerOnly = MarkdownTable(titles: ["x"])
        #expect(headerOnly.isEmpty)
        #expect(headerOnly.render() == "| x   |\n| --- |\n")
    }
}

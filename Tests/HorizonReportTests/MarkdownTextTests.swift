import Testing
@testable import HorizonReport

@Suite struct MarkdownTextTests {
    @Test(arguments: [
        ("a|b", "a\\|b"),
        ("`code`", "\\`code\\`"),
        ("```", "\\`\\`\\`"),
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("AT&T", "AT&amp;T"),
        ("*bold* _it_ ~~s~~", "\\*bold\\* \\_it\\_ \\~\\~s\\~\\~"),
        ("[x](http://e)", "\\[x\\](http://e)"),
        ("$x^2$", "\\$x^2\\$"),
        ("\\frac{1}{2}", "\\\\frac{1}{2}"),
        ("line1\nline2\r\nline3", "line1<br>line2<br>line3"),
        ("a\tb", "a b"),
        ("bell\u{07}", "bell\u{FFFD}"),
        ("plain 42", "plain 42"),
    ])
    func escapesInlineSyntax(text: String, expected: String) {
        #expect(MarkdownText.escape(text) == expected)
    }

    @Test func escapedTextIsOneLine() {
        let escaped = MarkdownText.escape("a\nb\rc\u{2028}d\u{85}e")
        #expect(!escaped.contains { $0.isNewline })
        #expect(escaped == "a<br>b<br>c<br>d<br>e")
    }

    @Test func longTextIsCutBeforeEscaping() {
        #expect(MarkdownText.escape("abcdefghij", maxLength: 5) == "abcd…")
        // The cut falls between the two pipes; the kept pipe is escaped whole.
        #expect(MarkdownText.escape("ab|||||", maxLength: 4) == "ab\\|…")
        #expect(MarkdownText.escape("short", maxLength: 5) == "short")
    }

    @Test func tableCellKeepsMarkdownButEscapesPipesAndNewlines() {
        #expect(MarkdownText.tableCell(markdown: "**a** | b\nc") == "**a** \\| b<br>c")
        // An already escaped pipe is not escaped twice.
        #expect(MarkdownText.tableCell(markdown: "a\\|b") == "a\\|b")
    }

    @Test func codeBlockFenceOutgrowsBackticksInside() {
        #expect(MarkdownText.codeBlock("echo hi", language: "sh") == "```sh\necho hi\n```\n")
        #expect(MarkdownText.codeBlock("a ```` b") == "`````\na ```` b\n`````\n")
    }
}

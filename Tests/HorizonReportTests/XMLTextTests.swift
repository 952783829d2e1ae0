import Foundation
import Testing
@testable import HorizonReport

@Suite struct XMLTextTests {
    @Test func escapesMarkupCharacters() {
        #expect(XMLText.escape(#"a < b & "c" > 'd'"#) == "a &lt; b &amp; &quot;c&quot; &gt; &apos;d&apos;")
    }

    @Test(arguments: [
        "<script>alert(1)</script>", #"quote " and ' apostrophe"#, "a & b", "]]> end of CDATA", "tab\tand\nnewline", "ünïcödé ∑ 𝔁",
    ])
    func escapedTextParsesBackToTheOriginal(text: String) throws {
        let escaped = XMLText.escape(text)
        let tree = try XMLTree("<root attribute=\"\(escaped)\">\(escaped)</root>")
        #expect(tree.elements[0].text == text)
        // Attribute values are normalised by XML parsers (tab and newline become spaces).
        let normalised = text.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ")
        #expect(tree.elements[0].attributes["attribute"] == normalised)
    }

    @Test func charactersXMLForbidsAreReplaced() throws {
        let escaped = XMLText.escape("nul\u{0}bell\u{07}end\u{FFFE}")
        #expect(escaped == "nul\u{FFFD}bell\u{FFFD}end\u{FFFD}")
        #expect(try XMLTree("<root>\(escaped)</root>").elements[0].text == escaped)
    }
}

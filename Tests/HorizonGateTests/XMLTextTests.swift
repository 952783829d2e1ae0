@testable import HorizonGate
import Testing

@Suite struct XMLTextTests {
    @Test(arguments: [
        ("a & b", "a &amp; b"),
        ("<tag>", "&lt;tag&gt;"),
        (#"say "hi" 'there'"#, "say &quot;hi&quot; &apos;there&apos;"),
        ("tab\tnew\nline\rreturn", "tab\tnew\nline\rreturn"),
        ("bell\u{07}nul\u{00}", "bell\u{FFFD}nul\u{FFFD}"),
        ("\u{FFFE}\u{FFFF}", "\u{FFFD}\u{FFFD}"),
        ("BF → 1.5 🟢 ü", "BF → 1.5 🟢 ü"),
        ("", ""),
    ])
    func escapesMarkupAndReplacesForbiddenCharacters(text: String, expected: String) {
        #expect(XMLText.escaped(text) == expected)
    }
}

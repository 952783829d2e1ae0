/// Escaping of text for XML and SVG documents (element content and quoted attribute values).
public enum XMLText {
    /// Escapes text so it is valid XML character data and a valid double- or single-quoted
    /// attribute value.
    ///
    /// `escape("a < b & \"c\"")` is `a &lt; b &amp; &quot;c&quot;`.
    /// - Parameter text: Untrusted text.
    /// - Returns: The text with `&`, `<`, `>`, `"` and `'` as entities. Characters XML 1.0 forbids
    ///   (control characters other than tab, line feed and carriage return; U+FFFE, U+FFFF)
    ///   become U+FFFD, so a parser never rejects the document.
    /// - Complexity: O(n) in the length of `text`.
    public static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            case "\t", "\n", "\r": escaped.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                escaped += "\u{FFFD}"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}

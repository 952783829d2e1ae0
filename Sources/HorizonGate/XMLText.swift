/// Text made safe for XML 1.0 attribute values and element content.
enum XMLText {
    /// Escapes the five markup characters and replaces characters XML 1.0 forbids (control
    /// characters other than tab, line feed and carriage return; U+FFFE, U+FFFF) with U+FFFD.
    ///
    /// - Complexity: O(n) in the length of `text`.
    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

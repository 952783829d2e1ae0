/// Escaping of untrusted text (model answers, problem ids, gold answers, labels) for GitHub
/// Flavored Markdown.
///
/// Model output can contain anything: pipes that would split a table cell, backticks and
/// asterisks that would start code or emphasis, `<script>` or other HTML, `$` that GitHub renders
/// as math, and newlines that would end a table row. ``escape(_:maxLength:)`` turns such text
/// into one line of inline Markdown that renders as the literal characters.
public enum MarkdownText {
    /// ASCII punctuation that starts inline syntax (code, emphasis, links, math, strike-through,
    /// table cells) and is therefore escaped with a backslash.
    private static let backslashEscaped: Set<Character> = ["\\", "`", "*", "_", "[", "]", "|", "~", "$"]

    /// Escapes text so it renders literally as inline Markdown on one line (also inside a table
    /// cell).
    ///
    /// `escape("a|b <i>")` is `a\|b &lt;i&gt;`.
    /// - Parameters:
    ///   - text: Untrusted text.
    ///   - maxLength: When set, text longer than this many characters is cut and ends in `…`; the
    ///     cut happens before escaping, so no escape sequence is split.
    /// - Returns: The escaped text. Backslash, backtick, `*`, `_`, `[`, `]`, `|`, `~` and `$` get a
    ///   backslash; `&`, `<`, `>` become entities (so HTML never reaches the renderer); line
    ///   breaks become `<br>`; a tab becomes a space; other control characters become U+FFFD.
    /// - Complexity: O(n) in the length of `text`.
    public static func escape(_ text: String, maxLength: Int? = nil) -> String {
        var source = text
        if let maxLength, source.count > maxLength {
            source = String(source.prefix(max(maxLength - 1, 0))) + "…"
        }
        var escaped = ""
        escaped.reserveCapacity(source.utf8.count)
        for character in source {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\t": escaped += " "
            case _ where character.isNewline: escaped += "<br>"
            case _ where backslashEscaped.contains(character):
                escaped.append("\\")
                escaped.append(character)
            case _ where character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }):
                escaped += "\u{FFFD}"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// Makes already-formatted Markdown safe to put in a table cell: pipes are escaped and line
    /// breaks become `<br>`; everything else is kept, so emphasis and code spans still render.
    ///
    /// - Parameter markdown: Trusted Markdown (written by the report, not by a model).
    /// - Returns: The cell text on one line.
    /// - Complexity: O(n).
    public static func tableCell(markdown: String) -> String {
        var cell = ""
        cell.reserveCapacity(markdown.utf8.count)
        var previous: Character?
        for character in markdown {
            if character == "|" && previous != "\\" {
                cell += "\\|"
            } else if character.isNewline {
                cell += "<br>"
            } else {
                cell.append(character)
            }
            previous = character
        }
        return cell
    }

    /// A fenced code block whose fence is longer than any backtick run inside `code`, so the
    /// content can never close it early.
    ///
    /// - Parameters:
    ///   - code: The block's content, shown verbatim.
    ///   - language: The info string (for example `sh`), or empty.
    /// - Returns: The block, ending in a newline.
    /// - Complexity: O(n).
    public static func codeBlock(_ code: String, language: String = "") -> String {
        var longestRun = 0
        var run = 0
        for character in code {
            run = character == "`" ? run + 1 : 0
            longestRun = max(longestRun, run)
        }
        let fence = String(repeating: "`", count: max(3, longestRun + 1))
        return "\(fence)\(language)\n\(code)\n\(fence)\n"
    }
}

/// Minimal Markdown building for the check summary.
///
/// Module-local until the shared `MarkdownTable` of HorizonReport lands; the summary then
/// switches to it.
enum GateMarkdown {
    /// A GitHub-flavoured pipe table. Cells may hold inline Markdown; pipes and line breaks in
    /// them are neutralised so one cell never spills into the next.
    static func table(headers: [String], rows: [[String]]) -> String {
        func line(_ cells: [String]) -> String {
            "| " + cells.map(cell).joined(separator: " | ") + " |"
        }
        let rule = "|" + headers.map { _ in "---|" }.joined()
        return ([line(headers), rule] + rows.map(line)).joined(separator: "\n")
    }

    /// Text from outside (problem ids, labels of runs) with Markdown's inline syntax escaped, so
    /// it shows literally.
    static func escaped(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\`*_[]<>#|~".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    private static func cell(_ text: String) -> String {
        var out = ""
        var previous: Character?
        for character in text {
            if character.isNewline {
                out.append(" ")
            } else {
                // An escaped pipe stays escaped; a bare one is escaped here.
                if character == "|" && previous != "\\" { out.append("\\") }
                out.append(character)
            }
            previous = character
        }
        return out
    }
}

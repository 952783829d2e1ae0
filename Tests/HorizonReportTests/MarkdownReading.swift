import Foundation

/// Reading a rendered report back the way a person would: by section and by table row.
enum MarkdownReading {
    /// The text under a `## ` heading, up to the next `## ` heading; `nil` when absent.
    static func section(_ markdown: String, _ heading: String) -> String? {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(of: Substring("## \(heading)")) else { return nil }
        let end = lines[(start + 1)...].firstIndex { $0.hasPrefix("## ") } ?? lines.endIndex
        return lines[(start + 1)..<end].joined(separator: "\n")
    }

    /// Every table row in `text` as trimmed cells (split at pipes not escaped with a backslash).
    static func tableRows(_ text: String) -> [[String]] {
        text.split(separator: "\n").filter { $0.hasPrefix("|") }.map { line in
            var cells: [String] = []
            var current = ""
            var previous: Character?
            for character in line.dropFirst() {
                if character == "|" && previous != "\\" {
                    cells.append(current.trimmingCharacters(in: .whitespaces))
                    current = ""
                } else {
                    current.append(character)
                }
                previous = character
            }
            return cells
        }
    }

    /// The cells after the first of the first row whose first cell is `name`.
    static func row(_ text: String, _ name: String) -> [String]? {
        tableRows(text).first { $0.first == name }.map { Array($0.dropFirst()) }
    }
}

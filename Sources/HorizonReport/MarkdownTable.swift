/// A GitHub Flavored Markdown table, built row by row.
///
/// ```swift
/// var table = MarkdownTable(columns: [.init("metric"), .init("value", alignment: .right)])
/// table.addRow(["BF | thinking", "1.234"])           // plain text: escaped
/// table.addRow(markdown: ["**accuracy**", "80.0%"])  // trusted Markdown: kept
/// print(table.render())
/// ```
///
/// Plain-text cells go through ``MarkdownText/escape(_:maxLength:)``, so model output cannot break
/// the table or inject HTML. The rendered source is padded so columns line up, which keeps it
/// readable in a terminal or a CI log as well as rendered.
public struct MarkdownTable: Sendable, Equatable {
    /// Horizontal alignment of a column.
    public enum Alignment: Sendable, Equatable {
        case left, center, right
    }

    /// A column's title (plain text, escaped when rendered) and alignment.
    public struct Column: Sendable, Equatable {
        public var title: String
        public var alignment: Alignment

        public init(_ title: String, alignment: Alignment = .left) {
            self.title = title
            self.alignment = alignment
        }
    }

    public private(set) var columns: [Column]
    /// The rows, each already escaped and exactly `columns.count` cells long.
    public private(set) var rows: [[String]] = []

    public init(columns: [Column]) {
        self.columns = columns
    }

    /// A table whose columns are all left-aligned except the ones listed as right-aligned.
    public init(titles: [String], rightAligned: Set<Int> = []) {
        self.columns = titles.enumerated().map { index, title in
            Column(title, alignment: rightAligned.contains(index) ? .right : .left)
        }
    }

    /// Appends a row of plain text; each cell is escaped.
    ///
    /// - Parameter cells: At most `columns.count` cells; missing trailing cells are left empty.
    /// - Precondition: `cells.count <= columns.count`.
    public mutating func addRow(_ cells: [String]) {
        appendRow(cells.map { MarkdownText.escape($0) })
    }

    /// Appends a row of trusted Markdown (emphasis, code spans, links are kept); only pipes and
    /// line breaks are made safe.
    ///
    /// - Parameter cells: At most `columns.count` cells; missing trailing cells are left empty.
    /// - Precondition: `cells.count <= columns.count`.
    public mutating func addRow(markdown cells: [String]) {
        appendRow(cells.map { MarkdownText.tableCell(markdown: $0) })
    }

    private mutating func appendRow(_ cells: [String]) {
        precondition(cells.count <= columns.count, "a row has \(cells.count) cells but the table has \(columns.count) columns")
        rows.append(cells + Array(repeating: "", count: columns.count - cells.count))
    }

    /// Whether the table has no rows (the header alone would render).
    public var isEmpty: Bool { rows.isEmpty }

    /// The table as Markdown: header, delimiter row, body rows, each line ending in a newline.
    ///
    /// - Returns: The Markdown source, or an empty string for a table without columns.
    /// - Complexity: O(total characters of all cells).
    public func render() -> String {
        guard !columns.isEmpty else { return "" }
        let header = columns.map { MarkdownText.escape($0.title) }
        // A delimiter needs at least three dashes; columns are as wide as their widest cell.
        var widths = header.map { max($0.count, 3) }
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            let padded = cells.enumerated().map { index, cell in
                pad(cell, to: widths[index], alignment: columns[index].alignment)
            }
            return "| " + padded.joined(separator: " | ") + " |\n"
        }
        let delimiter = columns.enumerated().map { index, column in
            let width = widths[index]
            switch column.alignment {
            case .left: return String(repeating: "-", count: width)
            case .center: return ":" + String(repeating: "-", count: width - 2) + ":"
            case .right: return String(repeating: "-", count: width - 1) + ":"
            }
        }
        return line(header) + "| " + delimiter.joined(separator: " | ") + " |\n" + rows.map(line).joined()
    }

    private func pad(_ cell: String, to width: Int, alignment: Alignment) -> String {
        let fill = width - cell.count
        guard fill > 0 else { return cell }
        switch alignment {
        case .left: return cell + String(repeating: " ", count: fill)
        case .right: return String(repeating: " ", count: fill) + cell
        case .center:
            let left = fill / 2
            return String(repeating: " ", count: left) + cell + String(repeating: " ", count: fill - left)
        }
    }
}

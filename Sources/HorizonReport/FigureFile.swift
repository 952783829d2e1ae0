/// A figure drawn as SVG text (not a ``LineChart``) and the file name the report gives it.
public struct FigureFile: Sendable, Equatable {
    /// A plain file name (no folders), ending in `.svg`.
    public var fileName: String
    /// The title, used as the image's alternative text.
    public var title: String
    /// The SVG document.
    public var svg: String

    public init(fileName: String, title: String, svg: String) {
        self.fileName = fileName
        self.title = title
        self.svg = svg
    }

    /// The Markdown image reference that shows the figure.
    var imageReference: String {
        "![\(MarkdownText.escape(title))](\(fileName))"
    }
}

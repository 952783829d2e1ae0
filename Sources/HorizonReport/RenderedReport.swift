/// A report in memory: the Markdown text and the charts it references by file name.
public struct RenderedReport: Sendable, Equatable {
    /// The content of `report.md`.
    public var markdown: String
    /// The charts, in the order the report shows them; each is referenced from the Markdown as
    /// `![title](fileName)`.
    public var charts: [ChartFile]
    /// Figures that are not line charts (the token strip), drawn already, referenced the same way.
    public var figures: [FigureFile]

    public init(markdown: String, charts: [ChartFile], figures: [FigureFile] = []) {
        self.markdown = markdown
        self.charts = charts
        self.figures = figures
    }
}

/// A chart and the file name the report gives it.
public struct ChartFile: Sendable, Equatable {
    /// A plain file name (no folders), ending in `.svg`.
    public var fileName: String
    public var chart: LineChart

    public init(fileName: String, chart: LineChart) {
        self.fileName = fileName
        self.chart = chart
    }

    /// The Markdown image reference that shows the chart.
    var imageReference: String {
        "![\(MarkdownText.escape(chart.title))](\(fileName))"
    }
}

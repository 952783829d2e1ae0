/// What a report shows and how much of it: caps on long lists, chart size, and the file names
/// for the "how to reproduce" line.
public struct ReportOptions: Sendable, Equatable {
    /// The report's title; `nil` gives "Horizon report: base vs sharpened" from the labels.
    public var title: String?
    /// Rows shown at each end of the per-problem table (the lowest-BF and the highest-BF
    /// problems); a set with at most twice as many problems is shown whole.
    public var problemRows: Int
    /// How many of the least stable problems get their answer clusters listed, per analysis.
    public var unstableProblems: Int
    /// Clusters listed per problem; the rest are summed in one line.
    public var clustersPerProblem: Int
    /// Invalid input lines listed per analysis (the total is always given).
    public var invalidLines: Int
    /// Longer model text (answers, ids, golds) is cut to this many characters in tables.
    public var maxCellCharacters: Int
    /// Chart size in pixels.
    public var chartWidth: Double
    public var chartHeight: Double
    /// Paths of the analysis files the report is made from, one per analysis in order, for the
    /// "how to reproduce" commands; when absent, `LABEL.analysis.json` stands in.
    public var analysisFiles: [String]
    /// The report folder as the user named it, for the "how to reproduce" commands; when
    /// absent, `REPORT_DIR` stands in (never the absolute path of the machine that wrote it).
    public var reportDirectory: String?

    public init(
        title: String? = nil, problemRows: Int = 10, unstableProblems: Int = 5, clustersPerProblem: Int = 4,
        invalidLines: Int = 10, maxCellCharacters: Int = 80, chartWidth: Double = 640, chartHeight: Double = 360,
        analysisFiles: [String] = [], reportDirectory: String? = nil
    ) {
        self.title = title
        self.problemRows = problemRows
        self.unstableProblems = unstableProblems
        self.clustersPerProblem = clustersPerProblem
        self.invalidLines = invalidLines
        self.maxCellCharacters = maxCellCharacters
        self.chartWidth = chartWidth
        self.chartHeight = chartHeight
        self.analysisFiles = analysisFiles
        self.reportDirectory = reportDirectory
    }
}

/// Reflection markers ("wait", "alternatively", ...) per trace, per segment, and their relation
/// to correctness and length (``ReflectionMarkers`` states the matching rule).
public struct ReflectionSummary: Codable, Sendable, Equatable {
    /// The markers counted, lowercased.
    public var markers: [String]
    /// Mean over problems of the mean markers per trace, per segment, with intervals.
    public var perTrace: SegmentValues
    /// Occurrences of each marker over the whole run, in ``markers`` order.
    public var totals: [Int]
    /// Mean markers per trace (whole output) among correct and among incorrect traces, pooled
    /// over graded problems, with intervals over traces; `nil` without gold answers.
    public var correct: GroupMean?
    public var incorrect: GroupMean?
    /// Spearman's ρ of markers per trace against its length (tokens, characters without tokens).
    public var lengthCorrelation: RankCorrelation?

    enum CodingKeys: String, CodingKey {
        case markers, perTrace = "per_trace", totals, correct, incorrect, lengthCorrelation = "length_correlation"
    }

    public init(markers: [String], perTrace: SegmentValues = SegmentValues(), totals: [Int] = [],
                correct: GroupMean? = nil, incorrect: GroupMean? = nil, lengthCorrelation: RankCorrelation? = nil) {
        self.markers = markers
        self.perTrace = perTrace
        self.totals = totals
        self.correct = correct
        self.incorrect = incorrect
        self.lengthCorrelation = lengthCorrelation
    }
}

/// A mean over a group of traces with its interval.
public struct GroupMean: Codable, Sendable, Equatable {
    public var mean: Double
    public var ci: ConfidenceInterval?
    public var traces: Int

    public init(mean: Double, ci: ConfidenceInterval? = nil, traces: Int) {
        self.mean = mean
        self.ci = ci
        self.traces = traces
    }
}

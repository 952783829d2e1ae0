/// Branching Factor per segment. Each value is a number (or absent when unavailable) with its
/// bootstrap interval beside it, as `overall` and `overall_ci`, `thinking` and `thinking_ci`, …
public struct BranchingFactorSummary: Sendable, Equatable {
    public var values: PerSegment<Double?>
    public var intervals: PerSegment<ConfidenceInterval?>
    /// The estimator the numbers came from after resolving `auto` (`entropy`, `nll`, or `mixed`
    /// when `auto` chose differently per problem).
    public var estimatorUsed: String?
    /// BF of the first output token (BF@1), the paper's Table 2 column, when available.
    public var first: Double?
    public var firstCI: ConfidenceInterval?

    public init(
        overall: Double? = nil, overallCI: ConfidenceInterval? = nil, thinking: Double? = nil,
        thinkingCI: ConfidenceInterval? = nil, answer: Double? = nil, answerCI: ConfidenceInterval? = nil,
        estimatorUsed: String? = nil, first: Double? = nil, firstCI: ConfidenceInterval? = nil
    ) {
        values = PerSegment(overall: overall, thinking: thinking, answer: answer)
        intervals = PerSegment(overall: overallCI, thinking: thinkingCI, answer: answerCI)
        self.estimatorUsed = estimatorUsed
        self.first = first
        self.firstCI = firstCI
    }

    /// Sets one segment's value and interval.
    public mutating func set(_ segment: Segment, value: Double?, ci: ConfidenceInterval?) {
        values[segment] = value
        intervals[segment] = ci
    }

    // The named segments, for readers of one segment at a time.
    public var overall: Double? { get { values.overall } set { values.overall = newValue } }
    public var overallCI: ConfidenceInterval? { get { intervals.overall } set { intervals.overall = newValue } }
    public var thinking: Double? { get { values.thinking } set { values.thinking = newValue } }
    public var thinkingCI: ConfidenceInterval? { get { intervals.thinking } set { intervals.thinking = newValue } }
    public var answer: Double? { get { values.answer } set { values.answer = newValue } }
    public var answerCI: ConfidenceInterval? { get { intervals.answer } set { intervals.answer = newValue } }
}

extension BranchingFactorSummary: Codable {
    /// The JSON keeps its flat keys: a segment's value under its name, its interval under
    /// `NAME_ci`.
    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
        static func value(_ segment: Segment) -> Key { Key(stringValue: segment.rawValue) }
        static func interval(_ segment: Segment) -> Key { Key(stringValue: segment.rawValue + "_ci") }
        static let estimatorUsed = Key(stringValue: "estimator_used")
        static let first = Key(stringValue: "first")
        static let firstCI = Key(stringValue: "first_ci")
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        values = try PerSegment { try container.decodeIfPresent(Double.self, forKey: .value($0)) }
        intervals = try PerSegment { try container.decodeIfPresent(ConfidenceInterval.self, forKey: .interval($0)) }
        estimatorUsed = try container.decodeIfPresent(String.self, forKey: .estimatorUsed)
        first = try container.decodeIfPresent(Double.self, forKey: .first)
        firstCI = try container.decodeIfPresent(ConfidenceInterval.self, forKey: .firstCI)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        for segment in Segment.allCases {
            try container.encodeIfPresent(values[segment], forKey: .value(segment))
            try container.encodeIfPresent(intervals[segment], forKey: .interval(segment))
        }
        try container.encodeIfPresent(estimatorUsed, forKey: .estimatorUsed)
        try container.encodeIfPresent(first, forKey: .first)
        try container.encodeIfPresent(firstCI, forKey: .firstCI)
    }
}

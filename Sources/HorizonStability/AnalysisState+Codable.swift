import HorizonEntropy

// Sets and dictionaries with non-string keys are written as sorted arrays, so a part file's
// bytes do not depend on hashing order.
extension AnalysisState: Codable {
    enum CodingKeys: String, CodingKey {
        case inputs, invalid, readCounts = "read_counts", traceCounts = "trace_counts", problems, models
        case recordedTruncations = "recorded_truncations", settingsNotRebuilt = "settings_not_rebuilt"
        case unmeasuredSpans = "unmeasured_spans", probes, strip
    }

    struct TruncationCount: Codable {
        var truncation: DecodingTruncation?
        var traces: Int
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        inputs = try container.decode([AnalysisInput].self, forKey: .inputs)
        invalid = try container.decode([InvalidLine].self, forKey: .invalid)
        readCounts = try container.decode(AnalysisCounts.self, forKey: .readCounts)
        traceCounts = try container.decode(AnalysisCounts.self, forKey: .traceCounts)
        problems = try container.decode([String: ProblemAccumulator].self, forKey: .problems)
        models = Set(try container.decode([String].self, forKey: .models))
        recordedTruncations = Dictionary(
            try container.decode([TruncationCount].self, forKey: .recordedTruncations).map { ($0.truncation, $0.traces) },
            uniquingKeysWith: +)
        settingsNotRebuilt = try container.decode([String: Int].self, forKey: .settingsNotRebuilt)
        unmeasuredSpans = try container.decode(Int.self, forKey: .unmeasuredSpans)
        probes = try container.decode([ProbeRecord].self, forKey: .probes)
        strip = try container.decodeIfPresent(TokenStrip.self, forKey: .strip)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(inputs, forKey: .inputs)
        try container.encode(invalid, forKey: .invalid)
        try container.encode(readCounts, forKey: .readCounts)
        try container.encode(traceCounts, forKey: .traceCounts)
        try container.encode(problems, forKey: .problems)
        try container.encode(models.sorted(), forKey: .models)
        let truncations = recordedTruncations.map { TruncationCount(truncation: $0.key, traces: $0.value) }
            .sorted { ($0.truncation?.description ?? "") < ($1.truncation?.description ?? "") }
        try container.encode(truncations, forKey: .recordedTruncations)
        try container.encode(settingsNotRebuilt, forKey: .settingsNotRebuilt)
        try container.encode(unmeasuredSpans, forKey: .unmeasuredSpans)
        try container.encode(probes, forKey: .probes)
        try container.encodeIfPresent(strip, forKey: .strip)
    }
}

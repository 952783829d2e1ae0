/// One line of `horizon segment` output: a ``SegmentedTrace`` as JSON.
///
/// Ranges are two-element arrays `[start, end]`, start included and end excluded; token ranges
/// are `null` when the trace has no log-probabilities. All keys are always present.
///
/// ```json
/// {"problem_id":"p1","sample_index":null,"profile":"deepseek-r1","end_marker":"first",
///  "thinking":"2+2 is 4.","answer":"\n\nThe answer is 4",
///  "thinking_tokens":null,"answer_tokens":null,"thinking_bytes":[0,9],"answer_bytes":[17,34],
///  "flags":{"truncated":false,"opening_marker_missing":true,"heuristic":false,
///           "no_thinking":false,"thinking_from_server":false}}
/// ```
public struct SegmentRecord: Sendable, Hashable, Codable {
    /// The trace's problem (`problem_id`).
    public var problemID: String
    /// The trace's sample index, `null` when the input had none.
    public var sampleIndex: Int?
    /// The profile that found the spans.
    public var profile: String
    /// Which end marker closed thinking (`first` or `last`).
    public var endMarker: EndMarkerChoice
    /// The thinking text.
    public var thinking: String
    /// The answer text.
    public var answer: String
    /// `[start, end]` token indices of the thinking, or `nil` without log-probabilities.
    public var thinkingTokens: [Int]?
    /// `[start, end]` token indices of the answer, or `nil` without log-probabilities.
    public var answerTokens: [Int]?
    /// `[start, end]` byte offsets of the thinking.
    public var thinkingBytes: [Int]
    /// `[start, end]` byte offsets of the answer.
    public var answerBytes: [Int]
    /// How the spans were found.
    public var flags: SegmentedTrace.Flags

    /// The record of `segmented`.
    public init(_ segmented: SegmentedTrace) {
        func bounds(_ range: Range<Int>) -> [Int] { [range.lowerBound, range.upperBound] }
        problemID = segmented.problemID
        sampleIndex = segmented.sampleIndex
        profile = segmented.profileName
        endMarker = segmented.endMarkerChoice
        thinking = segmented.thinking
        answer = segmented.answer
        thinkingTokens = segmented.thinkingTokens.map(bounds)
        answerTokens = segmented.answerTokens.map(bounds)
        thinkingBytes = bounds(segmented.thinkingBytes)
        answerBytes = bounds(segmented.answerBytes)
        flags = segmented.flags
    }

    enum CodingKeys: String, CodingKey {
        case problemID = "problem_id"
        case sampleIndex = "sample_index"
        case profile
        case endMarker = "end_marker"
        case thinking, answer
        case thinkingTokens = "thinking_tokens"
        case answerTokens = "answer_tokens"
        case thinkingBytes = "thinking_bytes"
        case answerBytes = "answer_bytes"
        case flags
    }

    /// Writes every key, `null` for absent values (the synthesized encoder would drop them).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(problemID, forKey: .problemID)
        try container.encode(sampleIndex, forKey: .sampleIndex)
        try container.encode(profile, forKey: .profile)
        try container.encode(endMarker, forKey: .endMarker)
        try container.encode(thinking, forKey: .thinking)
        try container.encode(answer, forKey: .answer)
        try container.encode(thinkingTokens, forKey: .thinkingTokens)
        try container.encode(answerTokens, forKey: .answerTokens)
        try container.encode(thinkingBytes, forKey: .thinkingBytes)
        try container.encode(answerBytes, forKey: .answerBytes)
        try container.encode(flags, forKey: .flags)
    }
}

/// How one model family marks where its thinking starts and ends and where its answer is.
///
/// A profile is a handful of PCRE2 patterns and the rules for outputs that lack some of them.
/// Built-in profiles cover the families in the reasoning-format table (``deepseekR1``,
/// ``qwen3``, ``gptOSS``, ...); ``named(_:)`` looks one up by its CLI name, and
/// ``custom(thinkingStart:thinkingEnd:answerForcingText:)`` builds one from user patterns.
///
/// ```swift
/// var profile = try SegmentationProfile.named("deepseek-r1")
/// profile.endMarkerChoice = .last
/// let segmented = try Segmenter(profile: profile).segment(trace)
/// ```
///
/// Spans are found as follows (docs/segmentation.md has the full rules and examples):
/// 1. The opening marker counts only if it comes before the first end marker. Thinking starts
///    after it; without it, thinking starts at byte 0 when ``openingMarkerOptional`` is true,
///    and there is no thinking at all (the whole output is the answer) when it is false.
/// 2. Thinking ends at the first or last end marker after that (``endMarkerChoice``); the answer
///    region is everything after it. Without an end marker, ``missingEndMarker`` decides.
/// 3. In the answer region, the answer starts after ``answerStart`` if it occurs and ends before
///    the first ``answerEnd`` after that, if any.
/// Bytes in no span (markers, text before the opening marker, answer headers) belong to neither.
/// Span texts leave out ``inlineMarkup`` (Cohere citation tags); byte and token ranges keep it.
public struct SegmentationProfile: Sendable, Hashable {
    /// The profile's name, as `--profile` takes it and reports print it.
    public var name: String
    /// The opening marker of thinking, or `nil` for families whose output never has one.
    public var thinkingStart: RegexPattern?
    /// The end marker of thinking. It may be zero-width (a lookahead), so that the text it
    /// finds stays in the answer, as the plain profile's final-answer line does.
    public var thinkingEnd: RegexPattern
    /// Where the answer starts inside the answer region (Hunyuan `<answer>`, Cohere
    /// `<|START_RESPONSE|>`, the gpt-oss final channel header), if the family marks it.
    public var answerStart: RegexPattern?
    /// Where the answer ends (`</answer>`, `<|END_RESPONSE|>`, `<|return|>`), if marked.
    public var answerEnd: RegexPattern?
    /// Whether the opening marker may be absent because the chat template already put it in the
    /// prompt, so that the output starts inside thinking.
    public var openingMarkerOptional: Bool
    /// Which end marker closes thinking when there are several.
    public var endMarkerChoice: EndMarkerChoice
    /// What an output without an end marker holds.
    public var missingEndMarker: MissingEndMarkerRule
    /// The literal text that closes thinking and opens the answer, appended to a cut-off output
    /// to force the model to answer now (the truncation probe); `nil` when the family has none.
    public var answerForcingText: String?
    /// Markup inside the spans that their texts leave out (``InlineMarkup``), if the family has any.
    public var inlineMarkup: InlineMarkup?
    /// Whether the spans are a guess from the text rather than the model's own markers.
    public var isHeuristic: Bool
    /// A pattern whose presence identifies the family when the profile is chosen automatically;
    /// `nil` for profiles that automatic detection never picks.
    public var autoDetectionSignature: RegexPattern?

    /// A profile from its parts; each parameter sets the property of the same name.
    public init(
        name: String,
        thinkingStart: RegexPattern?,
        thinkingEnd: RegexPattern,
        answerStart: RegexPattern? = nil,
        answerEnd: RegexPattern? = nil,
        openingMarkerOptional: Bool,
        endMarkerChoice: EndMarkerChoice = .first,
        missingEndMarker: MissingEndMarkerRule,
        answerForcingText: String?,
        inlineMarkup: InlineMarkup? = nil,
        isHeuristic: Bool = false,
        autoDetectionSignature: RegexPattern? = nil
    ) {
        self.name = name
        self.thinkingStart = thinkingStart
        self.thinkingEnd = thinkingEnd
        self.answerStart = answerStart
        self.answerEnd = answerEnd
        self.openingMarkerOptional = openingMarkerOptional
        self.endMarkerChoice = endMarkerChoice
        self.missingEndMarker = missingEndMarker
        self.answerForcingText = answerForcingText
        self.inlineMarkup = inlineMarkup
        self.isHeuristic = isHeuristic
        self.autoDetectionSignature = autoDetectionSignature
    }

    /// A profile from user patterns (`--thinking-start REGEX --thinking-end REGEX`).
    ///
    /// The opening marker is optional and an output without an end marker is all thinking
    /// (truncated), as for DeepSeek-R1; the first end marker closes thinking.
    /// - Parameters:
    ///   - thinkingStart: The opening marker's pattern, or `nil` when thinking starts the output.
    ///   - thinkingEnd: The end marker's pattern.
    ///   - answerForcingText: The literal text that closes thinking, for the truncation probe.
    /// - Returns: A profile named `custom`.
    /// - Throws: ``SegmentationError`` when a pattern does not compile.
    public static func custom(
        thinkingStart: String?,
        thinkingEnd: String,
        answerForcingText: String? = nil
    ) throws -> SegmentationProfile {
        SegmentationProfile(
            name: "custom",
            thinkingStart: try thinkingStart.map(RegexPattern.init),
            thinkingEnd: try RegexPattern(thinkingEnd),
            openingMarkerOptional: true,
            missingEndMarker: .allThinking,
            answerForcingText: answerForcingText
        )
    }
}

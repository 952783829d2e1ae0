import HorizonTraces

/// Splits traces into thinking and answer with a profile.
///
/// ```swift
/// let segmenter = Segmenter(profile: .deepseekR1)
/// let trace = Trace(problemID: "p1", text: "2+2 is 4.</think>\n\nThe answer is \\boxed{4}")
/// let segmented = try segmenter.segment(trace)
/// segmented.thinking   // "2+2 is 4."
/// segmented.answer     // "\n\nThe answer is \\boxed{4}"
/// ```
public struct Segmenter: Sendable, Hashable {
    /// The profile, or automatic detection.
    public var selection: ProfileSelection
    /// Overrides the profile's ``SegmentationProfile/endMarkerChoice`` when set (`--end-marker`),
    /// except for a heuristic profile, whose split at the last final-answer line is its definition.
    public var endMarkerChoice: EndMarkerChoice?

    public init(_ selection: ProfileSelection, endMarkerChoice: EndMarkerChoice? = nil) {
        self.selection = selection
        self.endMarkerChoice = endMarkerChoice
    }

    public init(profile: SegmentationProfile) {
        self.init(.fixed(profile))
    }

    /// Splits one trace into thinking and answer.
    ///
    /// The segmented bytes are the concatenated token bytes when the trace has log-probabilities
    /// (at least one token), so spans map to tokens byte-exactly; otherwise the UTF-8 of
    /// ``Trace/text``.
    ///
    /// When the server returned the thinking separately (``Trace/reasoning`` is non-nil) and the
    /// profile finds no marker (or is heuristic), the thinking is that reasoning text and the
    /// answer is the whole text:
    /// - without tokens, the segmented bytes are the reasoning followed by the text;
    /// - with tokens, which servers report for the whole generation in order, the thinking is
    ///   the first `reasoning.utf8.count` token bytes and the answer the last `text.utf8.count`;
    ///   bytes between them (separators the server stripped) belong to neither, and when the
    ///   tokens are shorter than both together the answer is cut to what remains.
    /// - Throws: ``SegmentationError`` (carrying the trace's source location) when matching fails.
    /// - Complexity: O(*n*) in the output's length for the built-in profiles.
    public func segment(_ trace: Trace) throws -> SegmentedTrace {
        do {
            return try segmentWithoutLocation(trace)
        } catch var error as SegmentationError {
            error.location = trace.source
            throw error
        }
    }

    private func segmentWithoutLocation(_ trace: Trace) throws -> SegmentedTrace {
        let tokens = trace.logProbs.flatMap { $0.count > 0 ? $0 : nil }
        var subject = tokens.map { MatchSubject(bytes: $0.tokenBytes) } ?? MatchSubject(trace.text)
        var profile = try selection.resolve(for: subject)
        if let endMarkerChoice, !profile.isHeuristic { profile.endMarkerChoice = endMarkerChoice }

        var split = try profile.split(subject)
        var flags = SegmentedTrace.Flags(
            truncated: split.truncated,
            openingMarkerMissing: split.openingMarkerMissing,
            heuristic: profile.isHeuristic
        )
        if let reasoning = trace.reasoning, profile.isHeuristic || !split.markerFound {
            let reasoningCount = reasoning.utf8.count, textCount = trace.text.utf8.count
            if tokens == nil {
                subject = MatchSubject(reasoning + trace.text)
                split.thinking = 0..<reasoningCount
                split.answer = reasoningCount..<(reasoningCount + textCount)
            } else {
                let byteCount = subject.count
                split.thinking = 0..<min(reasoningCount, byteCount)
                split.answer = max(split.thinking.upperBound, byteCount - textCount)..<byteCount
            }
            flags = SegmentedTrace.Flags(thinkingFromServer: true)
            split.markerFound = false
        }

        let thinking = try spanText(split.thinking, of: subject, profile: profile)
        flags.noThinking = thinking.allSatisfy(\.isWhitespace)
        return SegmentedTrace(
            problemID: trace.problemID,
            sampleIndex: trace.sampleIndex,
            profileName: profile.name,
            endMarkerChoice: profile.endMarkerChoice,
            byteCount: subject.count,
            thinkingBytes: split.thinking,
            answerBytes: split.answer,
            thinkingTokens: tokens.map { TokenMapping.tokens(within: split.thinking, of: $0) },
            answerTokens: tokens.map { TokenMapping.tokens(within: split.answer, of: $0) },
            overallTokens: tokens.map { 0..<$0.count },
            thinking: thinking,
            answer: try spanText(split.answer, of: subject, profile: profile),
            flags: flags,
            markersFound: split.markerFound
        )
    }

    /// A span's text, without the profile's inline markup.
    private func spanText(_ span: Range<Int>, of subject: MatchSubject, profile: SegmentationProfile) throws -> String {
        guard let markup = profile.inlineMarkup else { return subject.text(in: span) }
        return try markup.text(of: span, in: subject)
    }
}

import HorizonCommon
import HorizonAnswers
import HorizonEntropy
import HorizonSegments
import HorizonTraces

/// What the analysis keeps of one trace: its spans, its per-token statistics, its extracted
/// answer. Built on a worker thread, so every expensive step of a trace happens in parallel.
public struct SampleRecord: Sendable {
    public var problemID: String
    public var sampleIndex: Int
    public var model: String?
    public var gold: String?
    public var source: SourceLocation
    public var flags: SegmentedTrace.Flags
    /// Whether the thinking and answer spans count towards BF, curves and span lengths: not
    /// when the plain heuristic guessed them in an output without thinking markers, unless
    /// ``SampleRecordOptions/measuresHeuristicSpans``. The whole output always counts.
    public var spansMeasured: Bool
    /// Per-token statistics of the rebuilt decoding distribution; `nil` without log-probs.
    public var statistics: TokenStatistics?
    /// The truncation the trace's own `sampling` implies (see ``recordedTruncation(of:)``).
    public var recordedTruncation: DecodingTruncation?
    /// Settings the recorded sampling applied that the rebuild cannot (e.g. `top-k 40`).
    public var settingsNotRebuilt: [String] = []
    public var overallTokens: Range<Int>?
    public var thinkingTokens: Range<Int>?
    public var answerTokens: Range<Int>?
    /// Span lengths in tokens, or in characters when the trace has no tokens.
    public var overallLength: Int
    public var thinkingLength: Int
    public var answerLength: Int
    public var answer: ExtractedAnswer?
    /// DeepConf's confidence measures; `nil` without log-probs.
    public var confidence: TraceConfidence?
    /// Occurrences of each reflection marker (``SampleRecordOptions/reflectionMarkers`` order),
    /// per measured segment; the whole output's are the thinking's plus the answer's.
    public var reflection: [Segment: [Int]] = [:]
    /// The highest-entropy tokens of each measured segment, as many as the run lists.
    public var forkTokens: [Segment: [ForkingToken]] = [:]
    /// The trace's first tokens and entropies, for the report's token strip.
    public var strip: TokenStrip?

    /// Segments and measures one trace.
    ///
    /// - Throws: ``SegmentationError`` when a pattern cannot be matched against the output.
    public init(_ trace: Trace, options: SampleRecordOptions) throws {
        let segmented = try options.segmenter.segment(trace)
        problemID = trace.problemID
        sampleIndex = trace.sampleIndex ?? 0
        model = trace.model
        gold = trace.gold
        source = trace.source
        flags = segmented.flags
        spansMeasured = !segmented.flags.heuristic || options.measuresHeuristicSpans
        recordedTruncation = Self.recordedTruncation(of: trace)
        settingsNotRebuilt = Self.settingsNotRebuilt(of: trace)
        if let logProbs = trace.logProbs, logProbs.count > 0 {
            var tokenOptions = options.tokenOptions
            if options.truncationFromTraces, let recordedTruncation { tokenOptions.truncation = recordedTruncation }
            statistics = TokenStatistics(logProbs, options: tokenOptions)
            overallTokens = segmented.overallTokens ?? 0..<logProbs.count
            thinkingTokens = spansMeasured ? segmented.thinkingTokens : nil
            answerTokens = spansMeasured ? segmented.answerTokens : nil
            overallLength = overallTokens?.count ?? 0
            thinkingLength = thinkingTokens?.count ?? 0
            answerLength = answerTokens?.count ?? 0
            confidence = TraceConfidence(logProbs, window: options.confidenceWindow)
            if let statistics {
                var alternativeTexts: [Int: [String]?] = [:]
                for segment in Segment.allCases {
                    guard let range = tokens(segment) else { continue }
                    forkTokens[segment] = ForkingToken.highest(
                        ForkAggregation.topCount, in: range, segment: segment, statistics: statistics,
                        logProbs: logProbs, candidateTexts: trace.candidateTexts, textCache: &alternativeTexts,
                        problemID: problemID, sample: sampleIndex)
                }
                strip = TokenStrip(problemID: problemID, sample: sampleIndex, logProbs: logProbs, statistics: statistics,
                                   thinking: thinkingTokens, answer: answerTokens)
            }
        } else {
            overallLength = segmented.thinking.count + segmented.answer.count
            thinkingLength = segmented.thinking.count
            answerLength = segmented.answer.count
        }
        let thinkingMarkers = options.reflectionMarkers.counts(in: segmented.thinking)
        let answerMarkers = options.reflectionMarkers.counts(in: segmented.answer)
        reflection[.overall] = zip(thinkingMarkers, answerMarkers).map { $0 + $1 }
        if spansMeasured {
            reflection[.thinking] = thinkingMarkers
            reflection[.answer] = answerMarkers
        }
        // A boxed value inside unfinished thinking is not an answer: only the answer span is read.
        answer = options.extractor.extract(from: segmented.answer)
    }

    /// The truncation decoding applied, as far as the trace records it: top-p 1 for processed
    /// log-probabilities (the server already truncated and renormalised them), else the
    /// recorded `top_p`; `nil` when the trace records neither.
    public static func recordedTruncation(of trace: Trace) -> DecodingTruncation? {
        if trace.logProbKind == .processed { return .topP(1) }
        return trace.sampling?.topP.map { .topP($0) }
    }

    /// The recorded settings, besides top-p, that changed the raw distribution the sampler drew
    /// from: a temperature other than 1, top-k, min-p, a repetition penalty. The rebuild applies
    /// top-p alone (the reference's rule), so with these its BF is an approximation.
    static func settingsNotRebuilt(of trace: Trace) -> [String] {
        guard trace.logProbKind != .processed, let sampling = trace.sampling else { return [] }
        var settings: [String] = []
        if let value = sampling.temperature, value != 1 { settings.append("temperature \(value)") }
        if let value = sampling.topK, value > 0 { settings.append("top-k \(value)") }
        if let value = sampling.minP, value > 0 { settings.append("min-p \(value)") }
        if let value = sampling.repetitionPenalty, value != 1 { settings.append("repetition penalty \(value)") }
        return settings
    }

    /// The measures of one segment, or `nil` without log-probs or when the span is absent.
    public func measures(_ segment: Segment) -> SegmentMeasures? {
        guard let statistics, let range = tokens(segment) else { return nil }
        return statistics.measures(in: range)
    }

    /// The token range of one segment.
    public func tokens(_ segment: Segment) -> Range<Int>? {
        switch segment {
        case .overall: overallTokens
        case .thinking: thinkingTokens
        case .answer: answerTokens
        }
    }

    /// Span length of one segment (tokens, or characters without tokens).
    public func length(_ segment: Segment) -> Int {
        switch segment {
        case .overall: overallLength
        case .thinking: thinkingLength
        case .answer: answerLength
        }
    }
}

/// The parts of an output Horizon measures separately.
public enum Segment: String, Sendable, CaseIterable, Codable {
    case overall, thinking, answer
}

/// How a trace becomes a ``SampleRecord``.
public struct SampleRecordOptions: Sendable {
    public var segmenter: Segmenter
    public var tokenOptions: TokenStatistics.Options
    /// Rebuild each trace with the truncation its recorded sampling implies, when it records
    /// one (``SampleRecord/recordedTruncation(of:)``), and with ``tokenOptions``' otherwise.
    public var truncationFromTraces: Bool
    /// Measure thinking and answer spans the plain heuristic guessed (``SampleRecord/spansMeasured``).
    public var measuresHeuristicSpans: Bool
    public var extractor: AnswerExtractor
    /// DeepConf's group size W, tokens (``TraceConfidence/window``).
    public var confidenceWindow: Int
    /// The phrases counted as reflection markers.
    public var reflectionMarkers: ReflectionMarkers

    public init(
        segmenter: Segmenter, tokenOptions: TokenStatistics.Options = .init(), truncationFromTraces: Bool = false,
        measuresHeuristicSpans: Bool = false, extractor: AnswerExtractor = .init(),
        confidenceWindow: Int = TraceConfidence.defaultWindow, reflectionMarkers: ReflectionMarkers = .default
    ) {
        self.confidenceWindow = confidenceWindow
        self.reflectionMarkers = reflectionMarkers
        self.segmenter = segmenter
        self.tokenOptions = tokenOptions
        self.truncationFromTraces = truncationFromTraces
        self.measuresHeuristicSpans = measuresHeuristicSpans
        self.extractor = extractor
    }
}

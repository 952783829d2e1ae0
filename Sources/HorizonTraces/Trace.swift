import HorizonCommon

/// One sampled output of a model for one problem, as read from a trace file or a server.
///
/// A trace always has its output text; it has per-token log-probabilities only when the server
/// returned them (``logProbs`` is `nil` otherwise, and Branching Factor is unavailable for it,
/// while segmentation and answer grading still work).
public struct Trace: Sendable, Equatable {
    /// The problem this sample answers (`problem_id`, or `id`, `idx`, `unique_id` in the file).
    public var problemID: String
    /// The sample's index among the samples of its problem, when the file gives one.
    public var sampleIndex: Int?
    /// The model that produced the output, when known.
    public var model: String?
    /// The prompt or question text, when present.
    public var prompt: String?
    /// The reference answer (`gold`, `answer`, `gt` or `ground_truth`), when present.
    public var gold: String?
    /// The generated output (`text`, or the message content of a saved response).
    public var text: String
    /// Thinking text the server returned separately (`reasoning` or `reasoning_content`).
    public var reasoning: String?
    /// Why generation stopped (`stop`, `length`, ...), when known.
    public var finishReason: String?
    /// Whether the log-probabilities are the model's raw distribution or the one after the
    /// sampler's processing (temperature, top-p), when the producer recorded it.
    public var logProbKind: LogProbKind?
    /// Per-token log-probabilities of the output, when the server returned them.
    public var logProbs: TokenLogProbs?
    /// The decoding settings the line records under `sampling`, when it does.
    public var sampling: RecordedSampling?
    /// Where the trace was read from.
    public var source: SourceLocation
    /// The texts of the candidates in each step's top list, when the reader was asked to keep
    /// them (``TraceReadOptions/keepsCandidateTexts``) and the trace has log-probabilities.
    public var candidateTexts: CandidateTexts?

    public init(
        problemID: String,
        sampleIndex: Int? = nil,
        model: String? = nil,
        prompt: String? = nil,
        gold: String? = nil,
        text: String,
        reasoning: String? = nil,
        finishReason: String? = nil,
        logProbKind: LogProbKind? = nil,
        logProbs: TokenLogProbs? = nil,
        source: SourceLocation = SourceLocation(file: "<memory>", line: 0)
    ) {
        self.problemID = problemID
        self.sampleIndex = sampleIndex
        self.model = model
        self.prompt = prompt
        self.gold = gold
        self.text = text
        self.reasoning = reasoning
        self.finishReason = finishReason
        self.logProbKind = logProbKind
        self.logProbs = logProbs
        self.source = source
    }
}

/// Which distribution a trace's log-probabilities describe.
public enum LogProbKind: String, Sendable, Equatable, Codable, CaseIterable {
    /// The softmax of the raw logits, before temperature and truncation (vLLM V1's default,
    /// llama.cpp's default).
    case raw
    /// The distribution after the sampler's processing (vLLM `processed_logprobs`).
    case processed
}

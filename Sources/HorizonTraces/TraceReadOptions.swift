/// How to read trace files: which fields to look at, and what to do with bad lines.
///
/// The field options name a field of the input lines; when set, that field replaces the
/// built-in aliases for its role (for example `textField: "completion"` makes the reader
/// ignore `text`). Fields are matched exactly, case included.
public struct TraceReadOptions: Sendable, Equatable {
    /// The field holding the problem id, instead of `problem_id` / `id` / `idx` / `unique_id`.
    public var idField: String?
    /// The field holding a flat trace's output text, instead of `text`.
    public var textField: String?
    /// The field holding a list of sampled outputs, instead of `responses` / `response` /
    /// `resps` / `completions` / `outputs`.
    public var responsesField: String?
    /// The field holding the reference answer, instead of `gold` / `answer` / `gt` / `ground_truth`.
    public var goldField: String?
    /// The field holding the prompt, instead of `prompt` / `question` / `problem` / `query`.
    public var questionField: String?
    /// When `true`, invalid lines and duplicate samples are handed to the consumer as
    /// ``TraceReadItem/invalid(_:)`` and reading goes on; when `false`, reading stops at the
    /// first one by throwing it.
    public var skipInvalid: Bool
    /// The size of the blocks of whole lines handed to worker threads, in bytes (a block runs
    /// on to the end of the line it ends in), and of each read from a stream. Buffered input
    /// takes about (2 × cores + 2) × (this + the longest line) of memory; mapped files cost
    /// only their pages in flight.
    public var readBufferSize: Int
    /// How many errors ``TraceReadSummary/errors`` keeps (all are counted).
    public var maxRecordedErrors: Int
    /// When `true`, an input without a line of content is read as holding nothing instead of
    /// being refused: a shard's file from `horizon split` is empty when no problem hashed there.
    public var allowsEmptyInputs = false

    public init(
        idField: String? = nil,
        textField: String? = nil,
        responsesField: String? = nil,
        goldField: String? = nil,
        questionField: String? = nil,
        skipInvalid: Bool = false,
        readBufferSize: Int = 1 << 20,
        maxRecordedErrors: Int = 100
    ) {
        self.idField = idField
        self.textField = textField
        self.responsesField = responsesField
        self.goldField = goldField
        self.questionField = questionField
        self.skipInvalid = skipInvalid
        self.readBufferSize = readBufferSize
        self.maxRecordedErrors = maxRecordedErrors
    }
}

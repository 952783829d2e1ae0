/// One output split into thinking and answer, in bytes, tokens and text.
///
/// Byte ranges index the segmented bytes: the concatenated token bytes when the trace has
/// log-probabilities, else the UTF-8 of its text (and when the thinking came separately from the
/// server without tokens, that thinking followed by the text). Token ranges hold the tokens
/// wholly inside each span (``TokenMapping/tokens(within:of:)``); they are `nil` when the trace
/// has no log-probabilities.
public struct SegmentedTrace: Sendable, Hashable {
    /// Facts about how the spans were found.
    public struct Flags: Sendable, Hashable, Codable {
        /// The output has no end marker and its thinking runs to the end: the answer is empty.
        public var truncated: Bool
        /// The profile has an opening marker and the output lacks it (usual when the chat
        /// template put it in the prompt).
        public var openingMarkerMissing: Bool
        /// The spans were guessed from the text (plain profile), not read from markers.
        public var heuristic: Bool
        /// The thinking span is empty or only whitespace.
        public var noThinking: Bool
        /// The thinking is the text the server returned separately (`reasoning`).
        public var thinkingFromServer: Bool

        public init(
            truncated: Bool = false,
            openingMarkerMissing: Bool = false,
            heuristic: Bool = false,
            noThinking: Bool = false,
            thinkingFromServer: Bool = false
        ) {
            self.truncated = truncated
            self.openingMarkerMissing = openingMarkerMissing
            self.heuristic = heuristic
            self.noThinking = noThinking
            self.thinkingFromServer = thinkingFromServer
        }

        enum CodingKeys: String, CodingKey {
            case truncated
            case openingMarkerMissing = "opening_marker_missing"
            case heuristic
            case noThinking = "no_thinking"
            case thinkingFromServer = "thinking_from_server"
        }
    }

    /// The trace's problem.
    public var problemID: String
    /// The trace's sample index, when known.
    public var sampleIndex: Int?
    /// The profile that found the spans (the detected one, under `auto`).
    public var profileName: String
    /// Which end marker closed thinking.
    public var endMarkerChoice: EndMarkerChoice
    /// The number of segmented bytes.
    public var byteCount: Int
    /// The thinking bytes.
    public var thinkingBytes: Range<Int>
    /// The answer bytes.
    public var answerBytes: Range<Int>
    /// The tokens wholly inside the thinking bytes.
    public var thinkingTokens: Range<Int>?
    /// The tokens wholly inside the answer bytes.
    public var answerTokens: Range<Int>?
    /// Every token of the output, markers included.
    public var overallTokens: Range<Int>?
    /// The thinking text (invalid UTF-8 decoded as U+FFFD), without the profile's inline markup.
    public var thinking: String
    /// The answer text (invalid UTF-8 decoded as U+FFFD), without the profile's inline markup.
    public var answer: String
    /// How the spans were found.
    public var flags: Flags
    /// Whether any of the profile's markers (or, for the plain heuristic, a final-answer line)
    /// occurs in the segmented bytes. `false` when the spans come from the profile's rule for an
    /// output without markers (a `qwen3` output cut off before `</think>`, read as all thinking)
    /// or from the server's separate reasoning.
    public var markersFound: Bool

    public init(
        problemID: String,
        sampleIndex: Int?,
        profileName: String,
        endMarkerChoice: EndMarkerChoice,
        byteCount: Int,
        thinkingBytes: Range<Int>,
        answerBytes: Range<Int>,
        thinkingTokens: Range<Int>?,
        answerTokens: Range<Int>?,
        overallTokens: Range<Int>?,
        thinking: String,
        answer: String,
        flags: Flags,
        markersFound: Bool = true
    ) {
        self.problemID = problemID
        self.sampleIndex = sampleIndex
        self.profileName = profileName
        self.endMarkerChoice = endMarkerChoice
        self.byteCount = byteCount
        self.thinkingBytes = thinkingBytes
        self.answerBytes = answerBytes
        self.thinkingTokens = thinkingTokens
        self.answerTokens = answerTokens
        self.overallTokens = overallTokens
        self.thinking = thinking
        self.answer = answer
        self.flags = flags
        self.markersFound = markersFound
    }
}

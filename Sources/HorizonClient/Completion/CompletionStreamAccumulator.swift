import HorizonCommon

/// Builds one ``Completion`` from the events of a streamed OpenAI-style response.
///
/// Each chunk carries the text and log-probabilities of its own delta tokens; the accumulator
/// concatenates them (chat `logprobs.content` entries, kept as the server's text, or the legacy
/// arrays `tokens`, `token_logprobs`, `top_logprobs`, `text_offset` side by side), takes the last
/// non-null `finish_reason` and the `usage` of the final chunk. The stream is complete only after
/// `data: [DONE]` *and* a `finish_reason`: llama-cpp-python's server, when a new request
/// interrupts a stream, sends `[DONE]` early without one, and that half sample must be redone,
/// not recorded.
struct CompletionStreamAccumulator {
    private(set) var isDone = false
    private var parts: OpenAIResponseParts

    init(endpoint: Endpoint) { parts = OpenAIResponseParts(endpoint: endpoint, streamed: true) }

    /// Whether the stream has everything: `[DONE]` after a `finish_reason`.
    var isComplete: Bool { isDone && parts.finishReason != nil }

    /// Takes one event's data, `data[0..<count]`, where `data[count]` is a readable NUL.
    ///
    /// - Throws: ``ClientError`` with ``ClientError/Reason/malformedResponse`` for data that is
    ///   not JSON, ``ClientError/Reason/notACompletion`` for an error event or log-probs of an
    ///   unknown shape.
    mutating func consume(_ data: UnsafePointer<UInt8>, count: Int) throws(ClientError) {
        guard !isDone else { return }
        let done: StaticString = "[DONE]"
        if count == done.utf8CodeUnitCount, memoryEqual(data, done.utf8Start, count) {
            isDone = true
            return
        }
        let shape = try parts.consume(data, count: count)
        if let error = shape.error {
            throw ClientError(.notACompletion, "the server sent an error event: \(CompletionDecoder.errorMessage(error))")
        }
    }

    /// The completion so far.
    ///
    /// - Throws: ``ClientError`` with ``ClientError/Reason/truncatedStream`` before `[DONE]` or
    ///   without a `finish_reason`, or
    ///   ``ClientError/Reason/notACompletion`` when a stream mixed both log-prob shapes.
    func completion() throws(ClientError) -> Completion {
        guard isDone else { throw ClientError(.truncatedStream, "the event stream ended before [DONE]") }
        guard parts.finishReason != nil else {
            throw ClientError(.truncatedStream, "the event stream ended without a finish_reason (interrupted by the server?)")
        }
        return try parts.completion()
    }
}

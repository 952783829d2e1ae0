import HorizonCommon
import HorizonTraces
import HorizonCommon

/// The JSONL line `horizon sample` writes for one sample (the fields docs/trace-format.md
/// lists for it), in a fixed key order with the bulky `logprobs` last.
///
/// ```json
/// {"problem_id":"demo-01","sample_index":0,"model":"m","endpoint":"chat","prompt":"…","gold":"4",
///  "text":"…","reasoning":null,"finish_reason":"stop","logprobs_kind":"raw",
///  "sampling":{"temperature":1.0,"top_p":1.0,"top_k":0,"min_p":0.0,"max_tokens":64,"top_logprobs":20,"seed":123},
///  "usage":{"prompt_tokens":12,"completion_tokens":30},"logprobs":{"content":[…]}}
/// ```
enum TraceLine {
    /// The line for `completion` without its `logprobs`, which ``checked(_:request:completion:)``
    /// appends as the server's text.
    ///
    /// - Parameters:
    ///   - problem: the problem sampled.
    ///   - sampleIndex: the sample's index.
    ///   - request: the request that produced it (prompt, settings, seed).
    ///   - completion: the server's answer.
    ///   - configuredKind: the run's log-prob kind, used unless the response said otherwise.
    static func json(
        problem: Problem,
        sampleIndex: Int,
        request: CompletionRequest,
        completion: Completion,
        configuredKind: LogProbKind
    ) -> JSONValue {
        var line: JSONValue = [
            "problem_id": .string(problem.id),
            "sample_index": .integer(sampleIndex),
            "model": .string(request.model),
            "endpoint": .string(request.endpoint.rawValue),
            "prompt": .string(request.prompt.recordedText),
            "gold": problem.gold.map { .string($0) } ?? .null,
        ]
        if let prefix = request.responsePrefix { line["response_prefix"] = .string(prefix) }
        for member in outputMembers(request: request, completion: completion, configuredKind: configuredKind) {
            line[member.key] = member.value
        }
        return line
    }

    /// The serialized `line` (a trace or probe line) with the completion's `logprobs` appended
    /// last, written from the entries' text as the server sent it (no round trip through a
    /// value), once it is known that `analyze` will accept the line: a run must not write what
    /// a later step refuses, nor succeed without the log-probs it asked for.
    static func checked(_ line: JSONValue, request: CompletionRequest, completion: Completion) throws(ClientError) -> LineText {
        // An empty output has no tokens to give log-probs for; some servers then send none.
        let isEmpty = completion.text.isEmpty && (completion.reasoning ?? "").isEmpty
        if let asked = request.parameters.topLogprobs, completion.recordedLogProbs == nil, !isEmpty {
            throw ClientError(
                .unusableCompletion,
                "the server answered without the log-probs it was asked for (top \(asked)); check that it supports them, or pass --top-logprobs 0 to sample text only")
        }
        // `line` is an object, so its text ends with `}`: `logprobs` goes before it.
        var members = line.serialized()
        members.removeLast()
        members.append(contentsOf: #","logprobs":"#.utf8)
        let result: LineText
        let checkedText: [UInt8]
        switch completion.recordedLogProbs {
        case .chat(let entries):
            // The entries' text is a piece of the line of its own, written as it is.
            result = entries.line(between: members, and: [UInt8(ascii: "}")])
            // Each entry was read by the trace reader's own rules as it arrived, so only the
            // rest of the line is parsed here; entries depend neither on it nor on each other.
            checkedText = members + "null}".utf8
        case .legacy(let value):
            var bytes = members
            value.write(to: &bytes)
            bytes.append(UInt8(ascii: "}"))
            checkedText = bytes
            result = LineText(bytes)
        case nil:
            checkedText = members + "null}".utf8
            result = LineText(checkedText)
        }
        do {
            _ = try TraceParser().traces(in: checkedText, at: SourceLocation(file: "response", line: 1))
        } catch {
            throw ClientError(.unusableCompletion, "the server's answer is not a valid trace: \(error.message)")
        }
        return result
    }

    /// The members every output line ends with, shared by trace and probe lines: `text`,
    /// `reasoning`, `finish_reason`, `logprobs_kind`, `sampling` (with the request's seed),
    /// `usage`; then ``checked(_:request:completion:)`` adds `logprobs`.
    static func outputMembers(
        request: CompletionRequest,
        completion: Completion,
        configuredKind: LogProbKind
    ) -> [(key: String, value: JSONValue)] {
        var sampling = request.parameters.manifestJSON
        sampling["seed"] = .integer(request.seed)
        let kind: JSONValue = completion.recordedLogProbs == nil ? .null : .string((completion.logProbKind ?? configuredKind).rawValue)
        return [
            ("text", .string(completion.text)),
            ("reasoning", completion.reasoning.map { .string($0) } ?? .null),
            ("finish_reason", completion.finishReason.map { .string($0) } ?? .null),
            ("logprobs_kind", kind),
            ("sampling", sampling),
            (
                "usage",
                [
                    "prompt_tokens": completion.promptTokens.map { .integer($0) } ?? .null,
                    "completion_tokens": completion.completionTokens.map { .integer($0) } ?? .null,
                ]
            ),
        ]
    }
}

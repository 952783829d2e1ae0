import Foundation
import HorizonCommon
import HorizonTraces

/// Decoders for servers' native (non-OpenAI) answers, converting their log-probabilities to the
/// OpenAI chat shape `{"content": [{"id", "token", "logprob", "bytes", "top_logprobs"}]}`.
///
/// The token `id` is kept (as llama.cpp's own OpenAI endpoints send it) so that readers tell
/// apart tokens with the same text; `bytes` is kept when the server sends raw token bytes and `null` otherwise (readers then use
/// the token string's UTF-8). A probability of 0 becomes log-probability -9999, the value vLLM
/// clamps to and trace readers read as probability 0.
public enum NativeLogProbs {
    /// The log-probability written for probability 0 (JSON has no `-infinity`).
    static let zeroProbabilityLogProb = -9999.0

    /// llama.cpp server `POST /completion`: `content`, `stop_type`, `tokens_evaluated`,
    /// `tokens_predicted`, and `completion_probabilities` with `logprob` / `top_logprobs`, or with
    /// `post_sampling_probs` `prob` / `top_probs` (then the kind is ``LogProbKind/processed``).
    public static func decodeLlamaCppCompletion(_ json: JSONValue) throws(ClientError) -> Completion {
        guard let text = json["content"]?.stringValue else {
            throw ClientError(.notACompletion, "the llama.cpp answer has no content: \(CompletionDecoder.preview(json))")
        }
        var completion = Completion(text: text, model: json["model"]?.stringValue)
        switch json["stop_type"]?.stringValue {
        case "eos", "word": completion.finishReason = "stop"
        case "limit": completion.finishReason = "length"
        default: completion.finishReason = nil
        }
        completion.promptTokens = json["tokens_evaluated"]?.intValue
        completion.completionTokens = json["tokens_predicted"]?.intValue
        if let steps = json["completion_probabilities"]?.arrayValue {
            var postSampling = false
            var content: [JSONValue] = []
            for step in steps {
                let (entry, usedProbabilities) = try llamaCppEntry(step)
                postSampling = postSampling || usedProbabilities
                var converted = entry
                converted["top_logprobs"] = .array(
                    try (step["top_logprobs"] ?? step["top_probs"])?.arrayValue?.map { candidate throws(ClientError) in
                        try llamaCppEntry(candidate).entry
                    } ?? []
                )
                content.append(converted)
            }
            completion.logprobs = ["content": .array(content)]
            completion.logProbKind = postSampling ? .processed : .raw
        }
        return completion
    }

    /// One llama.cpp step or candidate as `{id, token, logprob, bytes}` (`id` when given), and
    /// whether it came as a probability.
    private static func llamaCppEntry(_ value: JSONValue) throws(ClientError) -> (entry: JSONValue, usedProbabilities: Bool) {
        guard let token = value["token"]?.stringValue else {
            throw ClientError(.notACompletion, "a llama.cpp log-prob entry has no token: \(CompletionDecoder.preview(value))")
        }
        let logprob: JSONValue
        let usedProbabilities: Bool
        if let lp = value["logprob"], lp.doubleValue != nil {
            logprob = lp
            usedProbabilities = false
        } else if let p = value["prob"]?.doubleValue {
            logprob = .double(p > 0 ? log(p) : zeroProbabilityLogProb) ?? .integer(Int(zeroProbabilityLogProb))
            usedProbabilities = true
        } else {
            throw ClientError(.notACompletion, "a llama.cpp log-prob entry has neither logprob nor prob: \(CompletionDecoder.preview(value))")
        }
        let bytes = value["bytes"].flatMap { $0.arrayValue != nil ? $0 : nil } ?? .null
        var entry: JSONValue = ["token": .string(token), "logprob": logprob, "bytes": bytes]
        if let id = value["id"], id.intValue != nil { entry = (["id": id] as JSONValue).overlaid(with: entry) }
        return (entry, usedProbabilities)
    }

    /// SGLang `POST /generate`: `text`, and `meta_info` with `finish_reason.type`,
    /// `prompt_tokens`, `completion_tokens`, `output_token_logprobs: [[logprob, id, text]]` and
    /// `output_top_logprobs: [null | [[logprob, id, text]]]`. A token without text (the request
    /// did not set `return_text_in_logprobs`) is named `token_id:ID`, as vLLM does.
    public static func decodeSGLangGenerate(_ json: JSONValue) throws(ClientError) -> Completion {
        guard let text = json["text"]?.stringValue, let meta = json["meta_info"], meta.objectMembers != nil else {
            throw ClientError(.notACompletion, "the SGLang answer has no text or meta_info: \(CompletionDecoder.preview(json))")
        }
        var completion = Completion(text: text)
        completion.finishReason = meta["finish_reason"]?["type"]?.stringValue ?? meta["finish_reason"]?.stringValue
        completion.promptTokens = meta["prompt_tokens"]?.intValue
        completion.completionTokens = meta["completion_tokens"]?.intValue
        if let sampled = meta["output_token_logprobs"]?.arrayValue {
            let tops = meta["output_top_logprobs"]?.arrayValue ?? []
            var content: [JSONValue] = []
            for (i, triple) in sampled.enumerated() {
                var entry = try sglangEntry(triple)
                let top = i < tops.count ? tops[i].arrayValue ?? [] : []
                entry["top_logprobs"] = .array(try top.map { candidate throws(ClientError) in try sglangEntry(candidate) })
                content.append(entry)
            }
            completion.logprobs = ["content": .array(content)]
        }
        return completion
    }

    /// One `[logprob, id, text]` triple as `{id, token, logprob, bytes: null}`.
    private static func sglangEntry(_ triple: JSONValue) throws(ClientError) -> JSONValue {
        guard let items = triple.arrayValue, items.count >= 2, items[0].doubleValue != nil else {
            throw ClientError(.notACompletion, "an SGLang log-prob entry is not [logprob, id, text]: \(CompletionDecoder.preview(triple))")
        }
        let token = items.count > 2 ? items[2].stringValue : nil
        let name = token ?? "token_id:\(items[1].intValue.map(String.init) ?? "?")"
        return ["id": items[1].intValue.map { .integer($0) } ?? .null, "token": .string(name), "logprob": items[0], "bytes": .null]
    }

    /// Ollama `POST /api/chat` (0.12.11 or later): `message.content`, `message.thinking`,
    /// `done_reason`, `prompt_eval_count`, `eval_count`, and a top-level `logprobs` list whose
    /// entries already have the chat shape.
    public static func decodeOllamaChat(_ json: JSONValue) throws(ClientError) -> Completion {
        guard let message = json["message"], let text = message["content"]?.stringValue else {
            throw ClientError(.notACompletion, "the Ollama answer has no message content: \(CompletionDecoder.preview(json))")
        }
        var completion = Completion(text: text, model: json["model"]?.stringValue)
        completion.reasoning = message["thinking"]?.stringValue
        completion.finishReason = json["done_reason"]?.stringValue
        completion.promptTokens = json["prompt_eval_count"]?.intValue
        completion.completionTokens = json["eval_count"]?.intValue
        if let entries = json["logprobs"]?.arrayValue {
            completion.logprobs = ["content": .array(entries)]
        }
        return completion
    }
}

import Foundation
import HorizonCommon
import HorizonTraces

/// Everything `horizon sample` needs: the server, the problems, the decoding settings, where to
/// write, and how hard to try.
///
/// Settings that change what is sampled (model, endpoint, prompts, decoding, seed, extra body,
/// dataset) are recorded in the manifest and must match when a run resumes; the others
/// (server URL, samples per problem, concurrency, streaming, timeouts, retries) may change
/// between sessions.
public struct SamplingConfig: Sendable {
    /// The server root or its OpenAI base (`http://127.0.0.1:8080` or `…/v1`).
    public var baseURL: String
    /// The model name sent in each request and written to each trace.
    public var model: String
    public var endpoint: Endpoint
    public var dataset: ProblemSet
    /// Samples per problem (indices 0..<samplesPerProblem); raising it later adds samples.
    public var samplesPerProblem: Int
    public var parameters: SamplingParameters
    /// The run seed; each sample's seed is ``SampleSeed/derive(runSeed:problemID:sampleIndex:)``.
    public var seed: UInt64
    /// Requests in flight at once.
    public var concurrency: Int
    /// The JSONL trace file; the manifest goes beside it as `OUT.manifest.json`.
    public var outputPath: String
    /// A system message (chat endpoints only).
    public var systemPrompt: String?
    /// The user message (chat) or the prompt (completions), with `{question}` replaced by the
    /// problem's question.
    public var promptTemplate: String
    /// Stream responses (server-sent events); recommended for long generations, so the read-gap
    /// timeout can stay short.
    public var stream: Bool
    /// Start over when the existing output was written with other settings.
    public var force: Bool
    /// Members laid over every request body (server-specific settings such as
    /// `chat_template_kwargs`, `repeat_penalty`, `logprobs_mode`).
    public var extraBody: JSONValue?
    /// Text the answer starts with (nudging): prefilled as the assistant's message on chat
    /// endpoints, appended to the prompt otherwise; recorded in each trace, never counted as
    /// output.
    public var responsePrefix: String?
    /// Which distribution the server's log-probabilities describe, recorded on each trace unless
    /// the response says otherwise; `raw` for llama.cpp and vLLM V1 unless configured.
    public var logProbKind: LogProbKind
    /// The environment variable holding the API key (never written anywhere).
    public var apiKeyEnvironmentVariable: String
    public var timeouts: RequestTimeouts
    public var retryPolicy: RetryPolicy
    /// The command line that started the run, recorded in the manifest.
    public var commandLine: [String]
    /// `.zstd`: write the output as zstd frames, one per line (resumable like plain text).
    public var compression: CompressionFormat? = nil

    public init(
        baseURL: String,
        model: String,
        endpoint: Endpoint = .chat,
        dataset: ProblemSet,
        samplesPerProblem: Int,
        parameters: SamplingParameters = SamplingParameters(),
        seed: UInt64 = 0,
        concurrency: Int = 4,
        outputPath: String,
        systemPrompt: String? = nil,
        promptTemplate: String = "{question}",
        stream: Bool = false,
        force: Bool = false,
        extraBody: JSONValue? = nil,
        responsePrefix: String? = nil,
        logProbKind: LogProbKind = .raw,
        apiKeyEnvironmentVariable: String = "OPENAI_API_KEY",
        timeouts: RequestTimeouts = RequestTimeouts(),
        retryPolicy: RetryPolicy = RetryPolicy(),
        commandLine: [String] = []
    ) {
        self.baseURL = baseURL
        self.model = model
        self.endpoint = endpoint
        self.dataset = dataset
        self.samplesPerProblem = samplesPerProblem
        self.parameters = parameters
        self.seed = seed
        self.concurrency = concurrency
        self.outputPath = outputPath
        self.systemPrompt = systemPrompt
        self.promptTemplate = promptTemplate
        self.stream = stream
        self.force = force
        self.extraBody = extraBody
        self.responsePrefix = responsePrefix
        self.logProbKind = logProbKind
        self.apiKeyEnvironmentVariable = apiKeyEnvironmentVariable
        self.timeouts = timeouts
        self.retryPolicy = retryPolicy
        self.commandLine = commandLine
    }

    /// The settings recorded in the manifest that must match for a run to resume.
    var identitySettings: JSONValue {
        var settings: JSONValue = [
            "model": .string(model),
            "endpoint": .string(endpoint.rawValue),
            "seed": .integer(seed),
            "system_prompt": systemPrompt.map { .string($0) } ?? .null,
            "prompt_template": .string(promptTemplate),
            "sampling": parameters.manifestJSON,
            "extra_body": extraBody ?? .null,
            "logprobs_kind": .string(logProbKind.rawValue),
            "dataset_sha256": .string(dataset.sha256),
        ]
        // Only when given, so runs from before the option existed still resume.
        if let responsePrefix { settings["response_prefix"] = .string(responsePrefix) }
        return settings
    }

    /// Checks the settings before anything is sent or written.
    ///
    /// - Throws: ``ClientError`` with ``ClientError/Reason/invalidConfiguration`` naming the
    ///   first problem.
    public func validate() throws(ClientError) {
        func fail(_ message: String) -> ClientError { ClientError(.invalidConfiguration, message) }
        guard baseURL.hasPrefix("http://") || baseURL.hasPrefix("https://") else {
            throw fail("the server URL must start with http:// or https:// (got \"\(baseURL)\")")
        }
        guard !model.isEmpty else { throw fail("the model name is empty") }
        guard samplesPerProblem >= 1 else { throw fail("samples per problem must be at least 1") }
        guard concurrency >= 1 else { throw fail("concurrency must be at least 1") }
        guard parameters.maxTokens >= 1 else { throw fail("max tokens must be at least 1") }
        guard parameters.temperature >= 0, parameters.topP > 0, parameters.topP <= 1 else {
            throw fail("temperature must be >= 0 and top-p in (0, 1]")
        }
        if let k = parameters.topLogprobs, k < 0 { throw fail("top logprobs must be >= 0") }
        if let k = parameters.topK, k < -1 { throw fail("top-k must be -1 or more (-1 and 0 turn it off)") }
        if let p = parameters.minP, !(p >= 0 && p <= 1) { throw fail("min-p must be in [0, 1]") }
        if let penalty = parameters.repetitionPenalty, !(penalty > 0) { throw fail("the repetition penalty must be above 0 (1 turns it off)") }
        guard compression != .gzip else { throw fail("gzip output is not written (only read); compress with zstd") }
        guard promptTemplate.contains("{question}") else {
            throw fail("the prompt template has no {question} placeholder")
        }
        guard !stream || endpoint.supportsStreaming else {
            throw fail("the \(endpoint.rawValue) endpoint cannot be streamed; turn streaming off")
        }
        guard systemPrompt == nil || endpoint.takesMessages else {
            throw fail("a system prompt needs a chat endpoint; put it in the prompt template instead")
        }
        guard responsePrefix != "" else { throw fail("the response prefix is empty; leave it out instead") }
        if let extraBody, extraBody.objectMembers == nil { throw fail("the extra body must be a JSON object") }
        if let member = CompletionRequest.logProbOverrides(in: extraBody).first {
            throw fail("the extra body sets \"\(member)\"; ask for log-probs with the top-logprobs setting instead")
        }
        guard !dataset.problems.isEmpty else { throw fail("the problem set is empty") }
        guard !dataset.problems.count.multipliedReportingOverflow(by: samplesPerProblem).overflow else {
            throw fail("\(samplesPerProblem) samples of \(dataset.problems.count) problems are more than a run can count")
        }
    }

    /// The request for sample `sampleIndex` of `problem`.
    public func request(for problem: Problem, sampleIndex: Int) -> CompletionRequest {
        let rendered = promptTemplate.replacingOccurrences(of: "{question}", with: problem.question)
        let prompt: PromptInput
        if endpoint.takesMessages {
            var messages: [ChatMessage] = []
            if let systemPrompt { messages.append(ChatMessage(role: "system", content: systemPrompt)) }
            messages.append(ChatMessage(role: "user", content: rendered))
            prompt = .messages(messages)
        } else {
            prompt = .text(rendered)
        }
        return CompletionRequest(
            endpoint: endpoint,
            model: model,
            prompt: prompt,
            parameters: parameters,
            seed: SampleSeed.derive(runSeed: seed, problemID: problem.id, sampleIndex: sampleIndex),
            stream: stream,
            extraBody: extraBody,
            responsePrefix: responsePrefix
        )
    }
}

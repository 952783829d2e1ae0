import Foundation
import HorizonCommon
import HorizonTraces

/// Everything `horizon sample` needs: the server, the run, the problems and how to prompt them.
///
/// Settings that change what is sampled (the server's identity members, the seed, prompts,
/// dataset) are recorded in the manifest and must match when a run resumes; the others (server
/// URLs, samples per problem, concurrency, streaming, timeouts, retries) may change between
/// sessions.
public struct SamplingConfig: Sendable {
    public var server: ServerSettings
    public var run: RunSettings
    public var dataset: ProblemSet
    /// Samples per problem (indices 0..<samplesPerProblem); raising it later adds samples.
    public var samplesPerProblem: Int
    /// A system message (chat endpoints only).
    public var systemPrompt: String?
    /// The user message (chat) or the prompt (completions), with `{question}` replaced by the
    /// problem's question.
    public var promptTemplate: String
    /// Text the answer starts with (nudging): prefilled as the assistant's message on chat
    /// endpoints, appended to the prompt otherwise; recorded in each trace, never counted as
    /// output.
    public var responsePrefix: String?
    /// `.zstd`: write the output as zstd frames, one per line (resumable like plain text).
    public var compression: CompressionFormat?

    public init(
        server: ServerSettings,
        run: RunSettings,
        dataset: ProblemSet,
        samplesPerProblem: Int,
        systemPrompt: String? = nil,
        promptTemplate: String = "{question}",
        responsePrefix: String? = nil,
        compression: CompressionFormat? = nil
    ) {
        self.server = server
        self.run = run
        self.dataset = dataset
        self.samplesPerProblem = samplesPerProblem
        self.systemPrompt = systemPrompt
        self.promptTemplate = promptTemplate
        self.responsePrefix = responsePrefix
        self.compression = compression
    }

    /// The identity members of sampling runs beyond the server's and the seed.
    var identityMembers: [(key: String, value: JSONValue)] {
        var members: [(key: String, value: JSONValue)] = [
            ("system_prompt", systemPrompt.map { .string($0) } ?? .null),
            ("prompt_template", .string(promptTemplate)),
            ("dataset_sha256", .string(dataset.sha256)),
        ]
        // Only when given, so runs from before the option existed still resume.
        if let responsePrefix { members.append(("response_prefix", .string(responsePrefix))) }
        return members
    }

    /// Checks the settings before anything is sent or written.
    ///
    /// - Throws: ``ClientError`` with ``ClientError/Reason/invalidConfiguration`` naming the
    ///   first problem.
    public func validate() throws(ClientError) {
        func fail(_ message: String) -> ClientError { ClientError(.invalidConfiguration, message) }
        try server.validate()
        try run.validate()
        guard samplesPerProblem >= 1 else { throw fail("samples per problem must be at least 1") }
        guard compression != .gzip else { throw fail("gzip output is not written (only read); compress with zstd") }
        guard promptTemplate.contains("{question}") else {
            throw fail("the prompt template has no {question} placeholder")
        }
        guard systemPrompt == nil || server.endpoint.takesMessages else {
            throw fail("a system prompt needs a chat endpoint; put it in the prompt template instead")
        }
        guard responsePrefix != "" else { throw fail("the response prefix is empty; leave it out instead") }
        guard !dataset.problems.isEmpty else { throw fail("the problem set is empty") }
        guard !dataset.problems.count.multipliedReportingOverflow(by: samplesPerProblem).overflow else {
            throw fail("\(samplesPerProblem) samples of \(dataset.problems.count) problems are more than a run can count")
        }
    }

    /// The request for sample `sampleIndex` of `problem`.
    public func request(for problem: Problem, sampleIndex: Int) -> CompletionRequest {
        let rendered = promptTemplate.replacingOccurrences(of: "{question}", with: problem.question)
        let prompt: PromptInput
        if server.endpoint.takesMessages {
            var messages: [ChatMessage] = []
            if let systemPrompt { messages.append(ChatMessage(role: "system", content: systemPrompt)) }
            messages.append(ChatMessage(role: "user", content: rendered))
            prompt = .messages(messages)
        } else {
            prompt = .text(rendered)
        }
        return CompletionRequest(
            endpoint: server.endpoint,
            model: server.model,
            prompt: prompt,
            parameters: server.parameters,
            seed: SampleSeed.derive(runSeed: run.seed, problemID: problem.id, sampleIndex: sampleIndex),
            stream: server.stream,
            extraBody: server.extraBody,
            responsePrefix: responsePrefix
        )
    }
}

import Foundation
import HorizonTraces
import HorizonCommon

/// Everything `horizon probe` needs: the traces to probe, where to cut them, how to force an
/// answer, and the server.
///
/// Two probes, after Yang & Holtzman 2025:
/// - **Truncation**: for each length L, keep the output up to L thinking tokens, append the
///   profile's forcing text (e.g. `</think>\n\n`) and an answer prefix, and sample K answers.
///   Shows how early the answer is settled.
/// - **Resampling**: for each position t, keep the first t output tokens and sample K full
///   continuations. Shows how much the rest of the output still branches after t tokens.
///
/// And after Muennighoff et al. 2025 (s1, arXiv:2501.19393): **budget forcing**, K chains per
/// trace that keep the whole thinking, append the wait string instead of the end marker, let the
/// model continue up to the end marker, and force an answer after each of ``budgetForce``
/// extensions (``BudgetChain``).
public struct ProbeConfig: Sendable {
    /// The server; its endpoint is ``Endpoint/completions`` (prompt = rendered prompt + prefix)
    /// or ``Endpoint/chat`` (the prefix as a final assistant message the server continues; see
    /// ``continuationFlags``), and its `parameters.maxTokens` bounds resampled continuations.
    public var server: ServerSettings
    public var run: RunSettings
    public var targets: [ProbeTarget]
    /// The trace file the targets came from, recorded in the manifest.
    public var sourcePath: String?
    /// Truncation lengths (may be empty when only resampling).
    public var lengths: [ProbeLength]
    /// Resampling positions in output tokens (may be empty); positions past a trace's end are
    /// skipped for that trace.
    public var resamplePositions: [Int]
    /// Samples per probe point (K).
    public var samplesPerProbe: Int
    /// Appended after the kept thinking to end it (the segmentation profile's forcing text).
    public var forcingText: String
    /// Appended after the forcing text to start the answer (e.g. `The answer is \boxed{`).
    public var answerPrefix: String
    /// The most tokens of a forced answer.
    public var answerMaxTokens: Int
    /// How a trace's prompt becomes the completions prompt, with `{prompt}` replaced; e.g. a chat
    /// template rendered by hand: `<|im_start|>user\n{prompt}<|im_end|>\n<|im_start|>assistant\n`.
    public var promptTemplate: String
    /// How the kept output is sent: token ids where possible (the default), or text.
    public var prefixEncoding: PrefixEncoding
    /// Budget forcing: extensions per chain (0: none).
    public var budgetForce: Int
    /// Appended where the thinking would end, before each extension (s1's "Wait").
    public var waitString: String

    /// Where an extension stops: the forcing text without its surrounding white space (e.g.
    /// `</think>`), the marker the model writes when it would end its thinking.
    public var budgetStop: String { forcingText.trimmingCharacters(in: .whitespacesAndNewlines) }

    public init(
        server: ServerSettings,
        run: RunSettings,
        targets: [ProbeTarget],
        sourcePath: String? = nil,
        lengths: [ProbeLength] = [.fraction(0), .fraction(0.25), .fraction(0.5), .fraction(0.75), .fraction(1)],
        resamplePositions: [Int] = [],
        samplesPerProbe: Int = 8,
        forcingText: String = "</think>\n\n",
        answerPrefix: String = "",
        answerMaxTokens: Int = 64,
        promptTemplate: String = "{prompt}",
        prefixEncoding: PrefixEncoding = .tokenIDs,
        budgetForce: Int = 0,
        waitString: String = "Wait"
    ) {
        self.server = server
        self.run = run
        self.targets = targets
        self.sourcePath = sourcePath
        self.lengths = lengths
        self.resamplePositions = resamplePositions
        self.samplesPerProbe = samplesPerProbe
        self.forcingText = forcingText
        self.answerPrefix = answerPrefix
        self.answerMaxTokens = answerMaxTokens
        self.promptTemplate = promptTemplate
        self.prefixEncoding = prefixEncoding
        self.budgetForce = budgetForce
        self.waitString = waitString
    }

    /// The flags a chat probe sends so the server continues the final assistant message instead
    /// of starting a new one (vLLM's names; the server's extra body can override them).
    public static let continuationFlags: JSONValue = ["continue_final_message": true, "add_generation_prompt": false]

    /// Checks the settings before anything is sent or written.
    ///
    /// - Throws: ``ClientError`` with ``ClientError/Reason/invalidConfiguration`` naming the
    ///   first problem.
    public func validate() throws(ClientError) {
        func fail(_ message: String) -> ClientError { ClientError(.invalidConfiguration, message) }
        try server.validate()
        try run.validate()
        let endpoint = server.endpoint
        guard endpoint == .completions || endpoint == .chat || endpoint == .llamaCppCompletion || endpoint == .sglangGenerate else {
            throw fail("probes need an endpoint that continues a text (completions, chat, llama-cpp-completion, sglang-generate)")
        }
        guard samplesPerProbe >= 1, answerMaxTokens >= 1 else {
            throw fail("samples per probe and the answer's token limit must be at least 1")
        }
        guard budgetForce >= 0 else { throw fail("the number of budget-forcing extensions must be >= 0 (got \(budgetForce))") }
        guard !lengths.isEmpty || !resamplePositions.isEmpty || budgetForce > 0 else {
            throw fail("no truncation lengths, no resample positions and no budget forcing")
        }
        if budgetForce > 0 {
            guard !waitString.isEmpty else { throw fail("budget forcing needs a non-empty wait string") }
            guard !budgetStop.isEmpty else { throw fail("budget forcing needs a forcing text with an end marker to stop extensions at") }
        }
        for length in lengths {
            switch length {
            case .tokens(let n) where n < 0: throw fail("a truncation length must be >= 0 tokens")
            case .fraction(let f) where !(0...1).contains(f): throw fail("a truncation fraction must be in 0…1 (got \(f))")
            default: break
            }
        }
        guard resamplePositions.allSatisfy({ $0 >= 0 }) else { throw fail("resample positions must be >= 0") }
        guard Set(lengths).count == lengths.count, Set(resamplePositions).count == resamplePositions.count else {
            throw fail("a truncation length or resample position is listed twice")
        }
        guard promptTemplate.contains("{prompt}") else { throw fail("the prompt template has no {prompt} placeholder") }
        guard !targets.isEmpty else { throw fail("no traces to probe") }
        var seen = Set<String>()
        for target in targets {
            guard target.thinkingTokens.upperBound <= target.tokens.count, target.thinkingTokens.lowerBound >= 0 else {
                throw fail("problem \(target.problemID) sample \(target.sampleIndex): thinking tokens \(target.thinkingTokens) exceed its \(target.tokens.count) tokens")
            }
            guard seen.insert(SamplingRun.key(problemID: target.problemID, sampleIndex: target.sampleIndex)).inserted else {
                throw fail("problem \(target.problemID) sample \(target.sampleIndex) is listed twice")
            }
        }
    }

    /// SHA-256 of the targets' canonical JSONL: identifies what was probed.
    var targetsSHA256: String {
        var bytes: [UInt8] = []
        for target in targets {
            target.canonicalJSON.write(to: &bytes)
            bytes.append(UInt8(ascii: "\n"))
        }
        return SHA256.hexDigest(of: bytes)
    }

    /// The request continuing `target`'s prompt with its first `keptTokens` output tokens and
    /// then `suffix`.
    ///
    /// - Returns: the request, and whether the kept tokens went as their ids (``prefixEncoding``).
    /// - Parameter stop: a text the server stops at (sent as `stop`), for budget extensions.
    func request(for target: ProbeTarget, keptTokens: Int, suffix: String, maxTokens: Int, seed: Int, stop: String? = nil)
        -> (request: CompletionRequest, sentAsTokenIDs: Bool)
    {
        let rendered = promptTemplate.replacingOccurrences(of: "{prompt}", with: target.prompt)
        let prefix = target.text(ofFirst: keptTokens) + suffix
        var parameters = server.parameters
        parameters.maxTokens = maxTokens
        let prompt: PromptInput
        var extra = server.extraBody
        var sentAsTokenIDs = false
        if server.endpoint == .chat {
            prompt = .messages([ChatMessage(role: "user", content: rendered), ChatMessage(role: "assistant", content: prefix)])
            extra = Self.continuationFlags.overlaid(with: server.extraBody ?? [:])
        } else if prefixEncoding == .tokenIDs, PrefixEncoding.acceptsMixedPrompt(server.endpoint), let ids = target.tokenIDs {
            // Without an id between them, llama.cpp would read two strings as two prompts.
            prompt = keptTokens == 0 ? .text(rendered + suffix)
                : .pieces([.text(rendered), .tokenIDs(Array(ids.prefix(keptTokens))), .text(suffix)])
            sentAsTokenIDs = true
        } else {
            prompt = .text(rendered + prefix)
        }
        if let stop { extra = (extra ?? [:]).overlaid(with: ["stop": [.string(stop)]]) }
        let request = CompletionRequest(
            endpoint: server.endpoint,
            model: server.model,
            prompt: prompt,
            parameters: parameters,
            seed: seed,
            stream: server.stream,
            extraBody: extra
        )
        return (request, sentAsTokenIDs)
    }
}

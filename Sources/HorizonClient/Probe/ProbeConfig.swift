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

    /// A piece of an all-id prompt: a text the server tokenises beforehand, or ids.
    private enum IDPromptPiece {
        case text(PromptTokenizer.Part)
        case ids([Int])
    }

    /// The pieces of the mixed prompt for this cut, in order: the rendered prompt, the kept
    /// output's ids, then `suffix` (texts and ids); `nil` when the trace has no ids. Without
    /// any id in it, the mixed prompt goes as one text (two strings alone would be two prompts
    /// to llama.cpp's server).
    private func mixedPieces(for target: ProbeTarget, keptTokens: Int, suffix: [PromptPiece]) -> PromptInput? {
        guard let ids = target.tokenIDs else { return nil }
        let pieces = [.text(renderedPrompt(target))] + (keptTokens > 0 ? [.tokenIDs(Array(ids.prefix(keptTokens)))] : []) + suffix
        guard pieces.contains(where: { if case .tokenIDs = $0 { !$0.isEmpty } else { false } }) else {
            return .text(pieces.map { if case .text(let text) = $0 { text } else { "" } }.joined())
        }
        return .pieces(pieces)
    }

    /// The all-id prompt for this cut as texts to tokenise and ids, giving the tokens the mixed
    /// prompt gives: llama.cpp's server tokenises a mixed prompt's first element with the
    /// model's special start tokens and every later string without (an empty string is left
    /// out, so ids first mean no BOS), and a prompt without ids as one text with them. `nil`
    /// when the cut does not go as an all-id prompt.
    private func allIDPieces(for target: ProbeTarget, keptTokens: Int, suffix: [PromptPiece]) -> [IDPromptPiece]? {
        guard prefixEncoding == .allTokenIDs, PrefixEncoding.acceptsTokenList(server.endpoint),
            let mixed = mixedPieces(for: target, keptTokens: keptTokens, suffix: suffix)
        else { return nil }
        switch mixed {
        case .pieces(let pieces):
            return pieces.filter { !$0.isEmpty }.enumerated().map { index, piece in
                switch piece {
                case .text(let text): .text(PromptTokenizer.Part(text: text, addsSpecialTokens: index == 0))
                case .tokenIDs(let ids): .ids(ids)
                }
            }
        case .text(let text):
            return [.text(PromptTokenizer.Part(text: text, addsSpecialTokens: true))]
        case .messages:
            return nil
        }
    }

    /// The text parts an all-id prompt for this cut needs tokenised (``PrefixEncoding/allTokenIDs``):
    /// the rendered prompt with the special start tokens, the texts after the kept tokens
    /// without; with no id at all, the whole prompt as one text with them. `nil` when the cut
    /// does not go as an all-id prompt.
    func textParts(for target: ProbeTarget, keptTokens: Int, suffix: [PromptPiece]) -> [PromptTokenizer.Part]? {
        allIDPieces(for: target, keptTokens: keptTokens, suffix: suffix)?.compactMap { if case .text(let part) = $0 { part } else { nil } }
    }

    private func renderedPrompt(_ target: ProbeTarget) -> String {
        promptTemplate.replacingOccurrences(of: "{prompt}", with: target.prompt)
    }

    /// The request continuing `target`'s prompt with its first `keptTokens` output tokens and
    /// then `suffix`.
    ///
    /// - Parameters:
    ///   - suffix: the text after the kept tokens.
    ///   - suffixPieces: the same as texts and token ids, for the id encodings (a budget chain's
    ///     extensions as the ids the server sampled); `nil`: `suffix` as one text.
    ///   - tokenized: the server's token ids of the ``textParts(for:keptTokens:suffix:)`` of
    ///     every cut, for ``PrefixEncoding/allTokenIDs``; a cut whose parts are not there goes
    ///     as text (a budget extension the server gave no ids for).
    ///   - stop: a text the server stops at (sent as `stop`), for budget extensions.
    /// - Returns: the request, and how the kept tokens went (``PrefixEncoding/text`` when the
    ///   ids could not be used; then `suffixPieces` went as text too).
    func request(
        for target: ProbeTarget, keptTokens: Int, suffix: String, suffixPieces: [PromptPiece]? = nil, maxTokens: Int, seed: Int,
        stop: String? = nil, tokenized: [PromptTokenizer.Part: [Int]] = [:]
    ) -> (request: CompletionRequest, sentAs: PrefixEncoding) {
        let rendered = renderedPrompt(target)
        let prefix = target.text(ofFirst: keptTokens) + suffix
        let pieces = suffixPieces ?? [.text(suffix)]
        var parameters = server.parameters
        parameters.maxTokens = maxTokens
        let prompt: PromptInput
        var extra = server.extraBody
        var sentAs = PrefixEncoding.text
        // Every text tokenised beforehand, or no all-id prompt.
        let layout = allIDPieces(for: target, keptTokens: keptTokens, suffix: pieces)
        var allIDs: [Int]? = layout == nil ? nil : []
        for piece in layout ?? [] {
            switch piece {
            case .text(let part): if let ids = tokenized[part] { allIDs?.append(contentsOf: ids) } else { allIDs = nil }
            case .ids(let ids): allIDs?.append(contentsOf: ids)
            }
        }
        if server.endpoint == .chat {
            prompt = .messages([ChatMessage(role: "user", content: rendered), ChatMessage(role: "assistant", content: prefix)])
            extra = Self.continuationFlags.overlaid(with: server.extraBody ?? [:])
        } else if let allIDs {
            prompt = .pieces([.tokenIDs(allIDs)])
            sentAs = .allTokenIDs
        } else if prefixEncoding == .tokenIDs, PrefixEncoding.acceptsMixedPrompt(server.endpoint),
            let mixed = mixedPieces(for: target, keptTokens: keptTokens, suffix: pieces)
        {
            prompt = mixed
            sentAs = .tokenIDs
        } else {
            prompt = .text(rendered + prefix)
        }
        let request = CompletionRequest(
            endpoint: server.endpoint,
            model: server.model,
            prompt: prompt,
            parameters: parameters,
            seed: seed,
            stream: server.stream,
            extraBody: extra,
            stop: stop.map { [$0] }
        )
        return (request, sentAs)
    }
}

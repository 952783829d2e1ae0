import HorizonCommon

/// One budget-forcing chain (s1, Muennighoff et al. 2025, arXiv:2501.19393, §3.1): the probed
/// trace's whole thinking, then, instead of the end marker, the wait string, and the model's own
/// continuation up to the end marker; an answer is forced before the first extension and after
/// each one, as truncation probes force it (forcing text, then answer prefix).
///
/// The chain's lines, in request order: the answer at `waits` 0, then for k = 1…N the extension
/// k and the answer after it. Each request depends on the one before, so the chain is one
/// ``RunItem`` whose ``RunItem/next`` makes the following step from the answer; its lines are
/// written together when the last arrives (a chain stopped midway is requested again from its
/// start on resume). An extension that stops at once or at the token limit is recorded as it
/// is; the chain goes on after it.
///
/// When the kept thinking goes as ids (``PrefixEncoding/tokenIDs``,
/// ``PrefixEncoding/allTokenIDs``), so do the extensions: as the ids the server sampled them
/// as, so that step k's prompt is step k − 1's, then its extension's tokens, then the wait
/// string's; as text they could be re-tokenised otherwise at their boundaries. An extension
/// the server gave no ids for (or whose log-prob entries do not spell its text) goes as text.
struct BudgetChain: Sendable {
    /// The probe kind of every line of a chain.
    static let kind = "budget_force"

    /// One extension as the chain sends it on.
    struct Extension: Sendable {
        var text: String
        /// The ids the server sampled it as (``Completion/outputTokenIDs``), when it said.
        var tokenIDs: [Int]?
    }

    var config: ProbeConfig
    var target: ProbeTarget
    /// The chain's index among the K chains of its trace.
    var index: Int
    /// The server's ids of the texts of all-id prompts (``PrefixEncoding/allTokenIDs``).
    var tokenized: [PromptTokenizer.Part: [Int]] = [:]

    /// The kept output: everything before the thinking's end marker.
    var keptTokens: Int { target.thinkingTokens.upperBound }

    /// Step 2k is the answer after k extensions; step 2k − 1 is extension k.
    var lastStep: Int { 2 * config.budgetForce }

    private func waits(ofStep step: Int) -> Int { (step + 1) / 2 }
    private func isExtension(_ step: Int) -> Bool { step % 2 == 1 }

    private func identity(ofStep step: Int) -> [JSONValue] {
        [.string(target.problemID), .integer(target.sampleIndex), .string(Self.kind),
         .string(isExtension(step) ? "extension" : "answer"), .integer(waits(ofStep: step))]
    }

    /// The key of the chain's last line (its answer after N extensions).
    var lastKey: String { JSONValue.array(identity(ofStep: lastStep) + [.integer(index)]).jsonText }

    /// What `step` ends with: the wait string (an extension) or the forcing text and answer
    /// prefix (an answer).
    private func ending(ofStep step: Int) -> String {
        isExtension(step) ? config.waitString : config.forcingText + config.answerPrefix
    }

    /// What `step` sends after the kept output, as text and as pieces: each extension so far
    /// after a wait string, then the step's ending.
    private func sent(step: Int, extensions: [Extension]) -> (text: String, pieces: [PromptPiece]) {
        var text = ""
        var pieces: [PromptPiece] = []
        for added in extensions {
            text += config.waitString + added.text
            pieces.append(.text(config.waitString))
            // An extension without tokens adds nothing; one without ids goes as its text.
            if let ids = added.tokenIDs {
                if !ids.isEmpty { pieces.append(.tokenIDs(ids)) }
            } else {
                pieces.append(.text(added.text))
            }
        }
        text += ending(ofStep: step)
        pieces.append(.text(ending(ofStep: step)))
        return (text, pieces)
    }

    /// The text parts every step of an all-id chain needs tokenised: those of the steps before
    /// and after a first extension (an extension's ids stand for any: they do not change which
    /// texts the prompt has).
    var textParts: Set<PromptTokenizer.Part> {
        let extended = [Extension(text: "", tokenIDs: [0])]
        var parts = Set<PromptTokenizer.Part>()
        for (step, extensions) in [(0, []), (1, []), (1, extended), (2, extended)] where step <= lastStep {
            let pieces = sent(step: step, extensions: extensions).pieces
            parts.formUnion(config.textParts(for: target, keptTokens: keptTokens, suffix: pieces) ?? [])
        }
        return parts
    }

    /// The request of `step` after `extensions`, and how the kept output went.
    func request(step: Int, extensions: [Extension]) -> (request: CompletionRequest, sentAs: PrefixEncoding) {
        let seed = SampleSeed.derive(runSeed: config.run.seed, problemID: JSONValue.array(identity(ofStep: step)).jsonText, sampleIndex: index)
        let (text, pieces) = sent(step: step, extensions: extensions)
        return isExtension(step)
            ? config.request(for: target, keptTokens: keptTokens, suffix: text, suffixPieces: pieces,
                             maxTokens: config.server.parameters.maxTokens, seed: seed, stop: config.budgetStop, tokenized: tokenized)
            : config.request(for: target, keptTokens: keptTokens, suffix: text, suffixPieces: pieces,
                             maxTokens: config.answerMaxTokens, seed: seed, tokenized: tokenized)
    }

    /// The item of `step` and, through ``RunItem/next``, of the steps after it.
    ///
    /// - Parameters:
    ///   - extensions: the extensions so far.
    ///   - extensionTokens: their tokens.
    func item(step: Int, extensions: [Extension], extensionTokens: Int) -> RunItem {
        let (request, sentAs) = request(step: step, extensions: extensions)
        let waits = waits(ofStep: step)
        let isExtension = isExtension(step)
        var description: JSONValue = [
            "kind": .string(Self.kind),
            "part": .string(isExtension ? "extension" : "answer"),
            "waits": .integer(waits),
            "wait_string": .string(config.waitString),
            "thinking_tokens": .integer(target.thinkingTokens.count),
        ]
        if !isExtension { description["extension_tokens"] = .integer(extensionTokens) }
        description["index"] = .integer(index)
        description["prefix_sent_as"] = .string(sentAs.rawValue)
        // Per extension before this step: its ids went when the prompt is one of ids.
        description["extensions_sent_as"] = .array(extensions.map {
            .string(sentAs != .text && $0.tokenIDs != nil ? PrefixEncoding.tokenIDs.rawValue : PrefixEncoding.text.rawValue)
        })
        let point = ProbeRun.Point(
            target: target, description: description, identity: identity(ofStep: step),
            keptTokens: keptTokens, suffix: sent(step: step, extensions: extensions).text,
            answerPrefix: isExtension ? nil : config.answerPrefix,
            maxTokens: request.parameters.maxTokens,
            label: "problem \(target.problemID) sample \(target.sampleIndex) budget chain \(index) "
                + (isExtension ? "extension \(waits)" : "answer after \(waits) waits"))
        let kind = config.server.logProbKind
        let chain = self
        let probe = description
        return RunItem(
            key: JSONValue.array(identity(ofStep: step) + [.integer(index)]).jsonText,
            label: point.label,
            request: request,
            next: { completion throws(ClientError) in
                guard step < chain.lastStep else { return nil }
                guard isExtension else { return chain.item(step: step + 1, extensions: extensions, extensionTokens: extensionTokens) }
                let added = Self.extensionText(completion)
                return chain.item(
                    step: step + 1,
                    extensions: extensions + [Extension(text: added, tokenIDs: added.isEmpty ? [] : completion.outputTokenIDs)],
                    extensionTokens: extensionTokens + (added.isEmpty ? 0 : completion.tokenCount ?? 0))
            },
            line: { completion throws(ClientError) in
                try TraceLine.checked(
                    ProbeRun.line(point: point, probe: probe, request: request, completion: completion, configuredKind: kind),
                    request: request, completion: completion)
            })
    }

    /// The thinking an extension added: a server that returns thinking apart (chat with a
    /// reasoning parser) gives it as `reasoning`, before any content.
    static func extensionText(_ completion: Completion) -> String {
        (completion.reasoning ?? "") + completion.text
    }
}

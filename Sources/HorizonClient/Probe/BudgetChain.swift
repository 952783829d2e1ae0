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
struct BudgetChain: Sendable {
    /// The probe kind of every line of a chain.
    static let kind = "budget_force"

    var config: ProbeConfig
    var target: ProbeTarget
    /// The chain's index among the K chains of its trace.
    var index: Int

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

    /// What `step` sends after the kept output: the extensions so far (`suffix`), then the wait
    /// string (an extension) or the forcing text and answer prefix (an answer).
    private func sentText(step: Int, suffix: String) -> String {
        isExtension(step) ? suffix + config.waitString : suffix + config.forcingText + config.answerPrefix
    }

    /// The request of `step`, after the extensions' text so far (`suffix`, each after its wait
    /// string), and whether the kept output went as token ids.
    func request(step: Int, suffix: String) -> (request: CompletionRequest, sentAsTokenIDs: Bool) {
        let seed = SampleSeed.derive(runSeed: config.run.seed, problemID: JSONValue.array(identity(ofStep: step)).jsonText, sampleIndex: index)
        let sent = sentText(step: step, suffix: suffix)
        return isExtension(step)
            ? config.request(for: target, keptTokens: keptTokens, suffix: sent, maxTokens: config.server.parameters.maxTokens,
                             seed: seed, stop: config.budgetStop)
            : config.request(for: target, keptTokens: keptTokens, suffix: sent, maxTokens: config.answerMaxTokens, seed: seed)
    }

    /// The item of `step` and, through ``RunItem/next``, of the steps after it.
    ///
    /// - Parameters:
    ///   - suffix: the wait strings and extensions so far.
    ///   - extensionTokens: the extensions' tokens so far.
    func item(step: Int, suffix: String, extensionTokens: Int) -> RunItem {
        let (request, sentAsTokenIDs) = request(step: step, suffix: suffix)
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
        description["prefix_sent_as"] = .string(sentAsTokenIDs ? PrefixEncoding.tokenIDs.rawValue : PrefixEncoding.text.rawValue)
        let point = ProbeRun.Point(
            target: target, description: description, identity: identity(ofStep: step),
            keptTokens: keptTokens, suffix: sentText(step: step, suffix: suffix),
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
                guard isExtension else { return chain.item(step: step + 1, suffix: suffix, extensionTokens: extensionTokens) }
                let added = Self.extensionText(completion)
                return chain.item(
                    step: step + 1, suffix: suffix + chain.config.waitString + added,
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

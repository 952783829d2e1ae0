// The built-in profiles, one per family in the reasoning-format table (markers as vLLM's and
// SGLang's reasoning parsers treat them).
extension SegmentationProfile {
    /// DeepSeek-R1 and its distills: `<think>` ... `</think>`. The chat template puts `<think>` in
    /// the prompt, so outputs usually start inside thinking; no `</think>` means the output was
    /// cut off while thinking.
    public static let deepseekR1 = thinkTags(
        name: "deepseek-r1", openingMarkerOptional: true, missingEndMarker: .allThinking,
        autoDetectionSignature: "</?think>"
    )

    /// QwQ: the same format as DeepSeek-R1, under its own name.
    public static let qwq = thinkTags(name: "qwq", openingMarkerOptional: true, missingEndMarker: .allThinking)

    /// Qwen3 / Qwen3.5 hybrid models: `<think>` optional, `</think>` or a `<tool_call>` ends
    /// thinking (the tool call stays in the answer). With thinking off the output has no markers,
    /// so an output without an end marker is all thinking only if it opened thinking itself.
    /// For thinking-only Qwen3 releases (opening marker in the prompt) use ``deepseekR1``.
    public static let qwen3 = SegmentationProfile(
        name: "qwen3",
        thinkingStart: builtInPattern("<think>"),
        thinkingEnd: builtInPattern("</think>|(?=<tool_call>)"),
        openingMarkerOptional: true,
        missingEndMarker: .thinkingIfOpened,
        answerForcingText: "</think>\n\n"
    )

    /// GLM-4.5 / 4.7: `<think>` ... `</think>`, and an output missing either is all answer.
    public static let glm = thinkTags(name: "glm", openingMarkerOptional: false, missingEndMarker: .allAnswer)

    /// Kimi k1.5: `◁think▷` ... `◁/think▷` (Kimi K2 uses `<think>`: ``deepseekR1``).
    public static let kimiK15 = SegmentationProfile(
        name: "kimi-k1.5",
        thinkingStart: builtInPattern("◁think▷"),
        thinkingEnd: builtInPattern("◁/think▷"),
        openingMarkerOptional: true,
        missingEndMarker: .allThinking,
        answerForcingText: "◁/think▷",
        autoDetectionSignature: builtInPattern("◁/?think▷")
    )

    /// Mistral Magistral: `[THINK]` ... `[/THINK]` special tokens, emitted by the model.
    public static let magistral = SegmentationProfile(
        name: "magistral",
        thinkingStart: builtInPattern(#"\[THINK\]"#),
        thinkingEnd: builtInPattern(#"\[/THINK\]"#),
        openingMarkerOptional: false,
        missingEndMarker: .allThinking,
        answerForcingText: "[/THINK]",
        autoDetectionSignature: builtInPattern(#"\[/?THINK\]"#)
    )

    /// gpt-oss (harmony format): thinking is the analysis channel, the answer the final channel.
    ///
    /// Thinking ends at the `<|end|>` that precedes the final channel header, so several analysis
    /// messages count as one thinking span (their headers inside it); the answer runs from the
    /// header to `<|return|>` (or `<|end|>`). An output with no analysis channel has no thinking.
    public static let gptOSS = SegmentationProfile(
        name: "gpt-oss",
        thinkingStart: builtInPattern(#"<\|channel\|>analysis<\|message\|>"#),
        thinkingEnd: builtInPattern(#"<\|end\|>(?=(?:<\|start\|>assistant)?<\|channel\|>final)"#),
        answerStart: builtInPattern(#"(?:<\|start\|>assistant)?<\|channel\|>final<\|message\|>"#),
        answerEnd: builtInPattern(#"<\|return\|>|<\|end\|>"#),
        openingMarkerOptional: false,
        missingEndMarker: .allThinking,
        answerForcingText: "<|end|><|start|>assistant<|channel|>final<|message|>",
        autoDetectionSignature: builtInPattern(#"<\|channel\|>(?:analysis|final)<\|message\|>"#)
    )

    /// Granite 3.2: plain-text markers "Here is my thought process:" ... "Here is my response:"
    /// ("Here's" too). Without the first, the output is all answer.
    public static let granite = SegmentationProfile(
        name: "granite",
        thinkingStart: builtInPattern("Here(?: is|'s) my thought process:"),
        thinkingEnd: builtInPattern("Here(?: is|'s) my response:"),
        openingMarkerOptional: false,
        missingEndMarker: .allThinking,
        answerForcingText: "\n\nHere is my response:\n",
        autoDetectionSignature: builtInPattern("Here(?: is|'s) my (?:thought process|response):")
    )

    /// Hunyuan A13B: `<think>\n` ... `\n</think>\n<answer>\n` ... `\n</answer>`. The newlines
    /// are optional, so an empty think block `<think>\n</think>` still parses. With thinking off
    /// the output is only `<answer>` ... `</answer>`, so, as for Qwen3, an output without an end
    /// marker is all thinking only if it opened thinking; R1-Zero-style outputs (`</think>` then
    /// `<answer>`, opening in the prompt) parse too.
    public static let hunyuan = SegmentationProfile(
        name: "hunyuan",
        thinkingStart: builtInPattern(#"<think>\n?"#),
        thinkingEnd: builtInPattern(#"\n?</think>\n?"#),
        answerStart: builtInPattern(#"<answer>\n?"#),
        answerEnd: builtInPattern(#"\n?</answer>"#),
        openingMarkerOptional: true,
        missingEndMarker: .thinkingIfOpened,
        answerForcingText: "\n</think>\n<answer>\n",
        autoDetectionSignature: builtInPattern(#"</think>\s*<answer>"#)
    )

    /// Seed-OSS: `<seed:think>` (may be absent) ... `</seed:think>`.
    public static let seedOSS = SegmentationProfile(
        name: "seed-oss",
        thinkingStart: builtInPattern("<seed:think>"),
        thinkingEnd: builtInPattern("</seed:think>"),
        openingMarkerOptional: true,
        missingEndMarker: .allThinking,
        answerForcingText: "</seed:think>\n",
        autoDetectionSignature: builtInPattern("</?seed:think>")
    )

    /// Cohere Command A reasoning: `<|START_THINKING|>` ... `<|END_THINKING|>`, then the answer
    /// in `<|START_RESPONSE|>` ... `<|END_RESPONSE|>`.
    public static let cohere = SegmentationProfile(
        name: "cohere",
        thinkingStart: builtInPattern(#"<\|START_THINKING\|>"#),
        thinkingEnd: builtInPattern(#"<\|END_THINKING\|>"#),
        answerStart: builtInPattern(#"<\|START_RESPONSE\|>"#),
        answerEnd: builtInPattern(#"<\|END_RESPONSE\|>"#),
        openingMarkerOptional: false,
        missingEndMarker: .allThinking,
        answerForcingText: "<|END_THINKING|><|START_RESPONSE|>",
        autoDetectionSignature: builtInPattern(#"<\|(?:START|END)_(?:THINKING|RESPONSE)\|>"#)
    )

    /// MiniMax-M2: no opening marker; everything before `</think>` is thinking.
    public static let minimaxM2 = endTagOnly(name: "minimax-m2")

    /// Step3: no opening marker; everything before `</think>` is thinking.
    public static let step3 = endTagOnly(name: "step3")

    /// Plain chain-of-thought models without markers (heuristic).
    ///
    /// Thinking runs from the start of the output to the last line that states a final answer:
    /// a line containing "Final Answer" or "The answer is" (any case), `####` (GSM8K), or
    /// `\boxed`. That line and everything after it is the answer. With no such line the whole
    /// output is the answer. Segmentations with this profile are flagged heuristic.
    public static let plain = SegmentationProfile(
        name: "plain",
        thinkingStart: nil,
        thinkingEnd: builtInPattern(#"(?m)^(?=[^\n]*(?:(?i:final answer|the answer is)|####|\\boxed))"#),
        openingMarkerOptional: true,
        endMarkerChoice: .last,
        missingEndMarker: .allAnswer,
        answerForcingText: "\n\nFinal Answer: ",
        isHeuristic: true
    )

    /// Every built-in profile, in the order `--help` lists them.
    public static let builtIns: [SegmentationProfile] = [
        deepseekR1, qwq, qwen3, glm, kimiK15, magistral, gptOSS, granite, hunyuan, seedOSS, cohere,
        minimaxM2, step3, plain,
    ]

    /// The names of the built-in profiles, for `--help`.
    public static var builtInNames: [String] { builtIns.map(\.name) }

    /// The built-in profile called `name`.
    /// - Throws: ``SegmentationError`` with reason ``SegmentationError/Reason/unknownProfile(name:known:)``.
    public static func named(_ name: String) throws -> SegmentationProfile {
        guard let profile = builtIns.first(where: { $0.name == name }) else {
            throw SegmentationError(.unknownProfile(name: name, known: builtInNames))
        }
        return profile
    }

    /// `<think>` ... `</think>`, the format most families share.
    private static func thinkTags(
        name: String,
        openingMarkerOptional: Bool,
        missingEndMarker: MissingEndMarkerRule,
        autoDetectionSignature: String? = nil
    ) -> SegmentationProfile {
        SegmentationProfile(
            name: name,
            thinkingStart: builtInPattern("<think>"),
            thinkingEnd: builtInPattern("</think>"),
            openingMarkerOptional: openingMarkerOptional,
            missingEndMarker: missingEndMarker,
            answerForcingText: "</think>\n\n",
            autoDetectionSignature: autoDetectionSignature.map(builtInPattern)
        )
    }

    /// Only `</think>`: the output starts inside thinking.
    private static func endTagOnly(name: String) -> SegmentationProfile {
        SegmentationProfile(
            name: name,
            thinkingStart: nil,
            thinkingEnd: builtInPattern("</think>"),
            openingMarkerOptional: true,
            missingEndMarker: .allThinking,
            answerForcingText: "</think>\n\n"
        )
    }

    /// Compiles a pattern written in this file; failing is a bug here, which the tests catch.
    private static func builtInPattern(_ source: String) -> RegexPattern {
        do {
            return try RegexPattern(source)
        } catch {
            fatalError("built-in pattern does not compile: \(error)")
        }
    }
}

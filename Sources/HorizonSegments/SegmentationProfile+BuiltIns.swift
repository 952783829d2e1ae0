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

    /// Qwen3 / Qwen3.5 with thinking on (the default): `<think>` optional (newer templates put it
    /// in the prompt), `</think>` or a `<tool_call>` ends thinking (the tool call stays in the
    /// answer). An output without an end marker is all thinking, cut off by the length limit, as
    /// vLLM's and SGLang's `qwen3` parsers read it. Runs with `enable_thinking=false`: ``qwen3ThinkingOff``.
    public static let qwen3 = SegmentationProfile(
        name: "qwen3",
        thinkingStart: builtInPattern("<think>"),
        thinkingEnd: builtInPattern("</think>|(?=<tool_call>)"),
        openingMarkerOptional: true,
        missingEndMarker: .allThinking,
        answerForcingText: "</think>\n\n"
    )

    /// Qwen3 hybrid models run with `enable_thinking=false`: the template closes an empty think
    /// block in the prompt, so the output is all answer, a tool call included, unless it opens
    /// `<think>` itself (then as ``qwen3``). vLLM's `qwen3` parser with thinking disabled, and
    /// SGLang's `Qwen3Detector` without forced reasoning, read outputs this way.
    public static let qwen3ThinkingOff = SegmentationProfile(
        name: "qwen3-thinking-off",
        thinkingStart: builtInPattern("<think>"),
        thinkingEnd: builtInPattern("</think>|(?=<tool_call>)"),
        openingMarkerOptional: false,
        missingEndMarker: .thinkingIfOpened,
        answerForcingText: "</think>\n\n"
    )

    /// GLM-4.5 / 4.7: `<think>` ... `</think>`, and an output missing either is all answer.
    public static let glm = thinkTags(name: "glm", openingMarkerOptional: false, missingEndMarker: .allAnswer)

    /// Kimi k1.5: `◁think▷` ... `◁/think▷` (Kimi K2 uses `<think>`: ``deepseekR1``). The model
    /// opens thinking itself, so an output without markers is all answer (SGLang's `kimi`
    /// parser); one that opened thinking and has no end marker was cut off.
    public static let kimiK15 = SegmentationProfile(
        name: "kimi-k1.5",
        thinkingStart: builtInPattern("◁think▷"),
        thinkingEnd: builtInPattern("◁/think▷"),
        openingMarkerOptional: true,
        missingEndMarker: .thinkingIfOpened,
        answerForcingText: "◁/think▷",
        autoDetectionSignature: builtInPattern("◁/?think▷")
    )

    /// Mistral Magistral: `[THINK]` ... `[/THINK]` special tokens. As vLLM's `mistral` parser
    /// reads them, `[THINK]` may be absent (everything before `[/THINK]` is thinking) and an
    /// output without markers is all thinking, cut off.
    public static let magistral = SegmentationProfile(
        name: "magistral",
        thinkingStart: builtInPattern(#"\[THINK\]"#),
        thinkingEnd: builtInPattern(#"\[/THINK\]"#),
        openingMarkerOptional: true,
        missingEndMarker: .allThinking,
        answerForcingText: "[/THINK]",
        autoDetectionSignature: builtInPattern(#"\[/?THINK\]"#)
    )

    /// gpt-oss (harmony format): thinking is the analysis channel; the answer is what follows,
    /// the commentary channel (preambles, tool calls) and the final channel, which vLLM's and
    /// SGLang's parsers both return as content.
    ///
    /// Thinking ends at the `<|end|>` before the first commentary or final header, so several
    /// analysis messages count as one thinking span; the answer runs from that header (with any
    /// ` to=…` recipient and `<|constrain|>` type) to `<|return|>`, `<|call|>`, or an `<|end|>`
    /// that no other message follows. The headers between messages inside a span are its
    /// ``inlineMarkup`` (a newline in the text). An output with no analysis channel has no thinking.
    public static let gptOSS = SegmentationProfile(
        name: "gpt-oss",
        thinkingStart: builtInPattern(#"<\|channel\|>analysis<\|message\|>"#),
        thinkingEnd: builtInPattern(#"<\|end\|>(?=(?:<\|start\|>assistant)?<\|channel\|>(?:final|commentary))"#),
        answerStart: builtInPattern(harmonyHeader(channel: "final|commentary")),
        answerEnd: builtInPattern(#"<\|return\|>|<\|call\|>|<\|end\|>(?!(?:<\|start\|>assistant)?<\|channel\|>)"#),
        openingMarkerOptional: false,
        missingEndMarker: .allThinking,
        answerForcingText: "<|end|><|start|>assistant<|channel|>final<|message|>",
        inlineMarkup: InlineMarkup(
            builtInPattern(#"(?:<\|end\|>|<\|call\|>)"# + harmonyHeader(channel: "analysis|commentary|final")),
            replacement: "\n"),
        autoDetectionSignature: builtInPattern(#"<\|channel\|>(?:analysis|commentary|final)\b"#)
    )

    /// A harmony message header on one of `channel` (alternatives), recipient and constraint
    /// included: `<|start|>assistant<|channel|>commentary to=functions.f <|constrain|>json<|message|>`.
    private static func harmonyHeader(channel: String) -> String {
        #"(?:<\|start\|>assistant)?<\|channel\|>(?:"# + channel + #")\b[^<]*(?:<\|constrain\|>[^<]*)?<\|message\|>"#
    }

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
    /// in `<|START_RESPONSE|>` ... `<|END_RESPONSE|>` (or a tool call, `<|START_ACTION|>` ...,
    /// kept whole). As vLLM's Cohere parsers do, thinking leaves out the white space around it,
    /// and span texts leave out citation tags: `<co>` and `</co: 0:[1,2]>` (``inlineMarkup``).
    public static let cohere = SegmentationProfile(
        name: "cohere",
        thinkingStart: builtInPattern(#"<\|START_THINKING\|>\s*"#),
        thinkingEnd: builtInPattern(#"\s*<\|END_THINKING\|>"#),
        answerStart: builtInPattern(#"<\|START_RESPONSE\|>"#),
        answerEnd: builtInPattern(#"<\|END_RESPONSE\|>"#),
        openingMarkerOptional: false,
        missingEndMarker: .allThinking,
        answerForcingText: "<|END_THINKING|><|START_RESPONSE|>",
        inlineMarkup: InlineMarkup(builtInPattern(#"</?co(?::[^>]*)?>"#)),
        autoDetectionSignature: builtInPattern(#"<\|(?:START|END)_(?:THINKING|RESPONSE)\|>"#)
    )

    /// MiniMax-M2: no opening marker; everything before `</think>` is thinking. A `</think>` the
    /// model writes again later is markup, left out of the answer text (vLLM's `minimax_m2`).
    public static let minimaxM2: SegmentationProfile = {
        var profile = endTagOnly(name: "minimax-m2")
        profile.inlineMarkup = InlineMarkup(builtInPattern("</think>"))
        return profile
    }()

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
        deepseekR1, qwq, qwen3, qwen3ThinkingOff, glm, kimiK15, magistral, gptOSS, granite, hunyuan, seedOSS, cohere,
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

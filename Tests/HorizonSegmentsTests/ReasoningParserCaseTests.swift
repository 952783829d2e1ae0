import HorizonSegments
import HorizonTraces
import Testing

/// One output as an inference server's reasoning parser splits it with its default settings:
/// `reasoning` and `content` as the parser's unit test expects them (`nil` written as ""),
/// and where the case was learnt. The texts are ours; the behaviour is the parsers'.
struct ParserCase: Sendable, CustomTestStringConvertible {
    var source: String
    var profile: SegmentationProfile
    var output: String
    var reasoning: String
    var content: String

    var testDescription: String { "\(profile.name): \(source)" }
}

/// The default-setting cases of vLLM's (`tests/reasoning/test_*_reasoning_parser.py`) and
/// SGLang's (`test/srt/test_reasoning_parser.py`) reasoning-parser unit tests for the families
/// Horizon has a profile for, and the neighbours of each. Horizon's spans must hold what the
/// parsers return as reasoning and content.
@Suite struct ReasoningParserCaseTests {
    static let toolCall = "<tool_call>\n<function=bash>\n<parameter=command>\nls /tmp\n</parameter>\n</function>\n</tool_call>"

    static let qwen3Cases: [ParserCase] = [
        // vLLM test_qwen3_reasoning_parser.py: the template put <think> in the prompt.
        ParserCase(source: "vLLM without_start_token", profile: .qwen3,
                   output: "Adding 2 and 2 gives 4.</think>It is 4.", reasoning: "Adding 2 and 2 gives 4.", content: "It is 4."),
        ParserCase(source: "vLLM without_start_token_complete_reasoning", profile: .qwen3,
                   output: "Adding 2 and 2 gives 4.</think>", reasoning: "Adding 2 and 2 gives 4.", content: ""),
        ParserCase(source: "vLLM with_think / SGLang qwen3 format", profile: .qwen3,
                   output: "<think>Adding gives 4.</think>It is 4.", reasoning: "Adding gives 4.", content: "It is 4."),
        // The issue 9 miss: no markers at all is a run cut at max tokens while thinking.
        ParserCase(source: "vLLM without_think, truncated_no_start_token", profile: .qwen3,
                   output: "Let me add the numbers and then", reasoning: "Let me add the numbers and then", content: ""),
        ParserCase(source: "vLLM complete_reasoning", profile: .qwen3,
                   output: "<think>Adding gives 4.</think>", reasoning: "Adding gives 4.", content: ""),
        ParserCase(source: "vLLM multiline_reasoning", profile: .qwen3,
                   output: "<think>First line\nsecond line</think>Answer line\nmore", reasoning: "First line\nsecond line",
                   content: "Answer line\nmore"),
        ParserCase(source: "vLLM only_open_tag: cut mid-thinking", profile: .qwen3,
                   output: "<think>Adding 2 and", reasoning: "Adding 2 and", content: ""),
        ParserCase(source: "vLLM tool_call_no_think_end", profile: .qwen3,
                   output: "I should list the folder.\n\n" + toolCall, reasoning: "I should list the folder.\n\n", content: toolCall),
        ParserCase(source: "vLLM tool_call_with_think_no_end", profile: .qwen3,
                   output: "<think>I should list the folder.\n\n" + toolCall, reasoning: "I should list the folder.\n\n",
                   content: toolCall),
        ParserCase(source: "SGLang empty reasoning block", profile: .qwen3,
                   output: "<think></think>Only the answer.", reasoning: "", content: "Only the answer."),
        ParserCase(source: "SGLang Qwen3 forced reasoning, no <think>", profile: .qwen3,
                   output: "Step by step, x = 3.</think>So x = 3.", reasoning: "Step by step, x = 3.", content: "So x = 3."),
        ParserCase(source: "neighbour: empty thinking, opening in the prompt", profile: .qwen3,
                   output: "</think>\n\n4", reasoning: "", content: "\n\n4"),
        ParserCase(source: "neighbour: empty output", profile: .qwen3, output: "", reasoning: "", content: ""),
        // Thinking off: vLLM with enable_thinking=false, SGLang's Qwen3Detector without force_reasoning.
        ParserCase(source: "vLLM thinking_disabled_plain_content / SGLang without thinking", profile: .qwen3ThinkingOff,
                   output: "A direct answer.", reasoning: "", content: "A direct answer."),
        ParserCase(source: "vLLM thinking_disabled_with_tool_call", profile: .qwen3ThinkingOff,
                   output: "I should list the folder.\n\n" + toolCall, reasoning: "",
                   content: "I should list the folder.\n\n" + toolCall),
        ParserCase(source: "neighbour: thinking off but the model opened thinking", profile: .qwen3ThinkingOff,
                   output: "<think>Adding.</think>4", reasoning: "Adding.", content: "4"),
        ParserCase(source: "neighbour: thinking off, opened and cut off", profile: .qwen3ThinkingOff,
                   output: "<think>Adding", reasoning: "Adding", content: ""),
    ]

    static let deepSeekAndKimiCases: [ParserCase] = [
        // SGLang DeepSeekR1Detector (force_reasoning).
        ParserCase(source: "SGLang R1 format without end", profile: .deepseekR1,
                   output: "I need to think. It is 42.", reasoning: "I need to think. It is 42.", content: ""),
        ParserCase(source: "SGLang R1 with end token", profile: .deepseekR1,
                   output: "I think so</think>The answer is 42.", reasoning: "I think so", content: "The answer is 42."),
        ParserCase(source: "SGLang R1-0528 with start token", profile: .deepseekR1,
                   output: "<think>I think so.</think>42.", reasoning: "I think so.", content: "42."),
        // SGLang KimiDetector: the model opens thinking itself.
        ParserCase(source: "SGLang kimi format", profile: .kimiK15,
                   output: "◁think▷Consider it◁/think▷It is 42.", reasoning: "Consider it", content: "It is 42."),
        ParserCase(source: "SGLang kimi no thinking", profile: .kimiK15,
                   output: "A direct answer.", reasoning: "", content: "A direct answer."),
        ParserCase(source: "neighbour: kimi cut mid-thinking", profile: .kimiK15,
                   output: "◁think▷Consider", reasoning: "Consider", content: ""),
        ParserCase(source: "neighbour: kimi empty thinking", profile: .kimiK15,
                   output: "◁think▷◁/think▷42", reasoning: "", content: "42"),
    ]

    static let magistralCases: [ParserCase] = [
        // vLLM test_mistral_reasoning_parser.py (Magistral-Small-2509).
        ParserCase(source: "vLLM simple_reasoning: only [/THINK]", profile: .magistral,
                   output: "Adding gives 4.[/THINK]It is 4.", reasoning: "Adding gives 4.", content: "It is 4."),
        ParserCase(source: "vLLM complete_reasoning", profile: .magistral,
                   output: "Adding gives 4.[/THINK]", reasoning: "Adding gives 4.", content: ""),
        ParserCase(source: "vLLM no_content_token: no markers is all thinking", profile: .magistral,
                   output: "Still adding", reasoning: "Still adding", content: ""),
        ParserCase(source: "vLLM multiple_lines", profile: .magistral,
                   output: "One\nTwo[/THINK]Rest\nmore", reasoning: "One\nTwo", content: "Rest\nmore"),
        ParserCase(source: "vLLM shortest", profile: .magistral,
                   output: "[/THINK]Rest", reasoning: "", content: "Rest"),
        ParserCase(source: "vLLM reasoning_with_think", profile: .magistral,
                   output: "[THINK]Adding gives 4.[/THINK]It is 4.", reasoning: "Adding gives 4.", content: "It is 4."),
        ParserCase(source: "vLLM complete_reasoning_with_think", profile: .magistral,
                   output: "[THINK]Adding gives 4.[/THINK]", reasoning: "Adding gives 4.", content: ""),
        ParserCase(source: "vLLM multiple_lines_with_think", profile: .magistral,
                   output: "[THINK]One\nTwo[/THINK]Rest\nmore", reasoning: "One\nTwo", content: "Rest\nmore"),
        ParserCase(source: "vLLM think_no_end", profile: .magistral,
                   output: "[THINK]Still adding", reasoning: "Still adding", content: ""),
        ParserCase(source: "vLLM empty", profile: .magistral, output: "", reasoning: "", content: ""),
        ParserCase(source: "vLLM new_line: text before [THINK] is dropped", profile: .magistral,
                   output: "\n[THINK]Adding.[/THINK]\nIt is 4.", reasoning: "Adding.", content: "\nIt is 4."),
    ]

    static let harmony = (
        analysis: "<|channel|>analysis<|message|>",
        commentary: "<|end|><|start|>assistant<|channel|>commentary<|message|>",
        final: "<|end|><|start|>assistant<|channel|>final<|message|>"
    )

    static let gptOSSCases: [ParserCase] = [
        ParserCase(source: "vLLM basic content", profile: .gptOSS,
                   output: "<|end|><|start|>assistant" + harmony.analysis + "We add." + harmony.final + "It is 4.",
                   reasoning: "We add.", content: "It is 4."),
        ParserCase(source: "vLLM constrained final (<|constrain|> JSON)", profile: .gptOSS,
                   output: harmony.analysis + "We add.<|end|><|start|>assistant<|channel|>final<|constrain|> JSON <|message|>{\"x\": 4}",
                   reasoning: "We add.", content: "{\"x\": 4}"),
        // The issue 9 miss: commentary text is content in both servers.
        ParserCase(source: "issue 9: commentary preamble then final", profile: .gptOSS,
                   output: harmony.analysis + "We add." + harmony.commentary + "Let me check." + harmony.final
                       + "It is 4.<|return|>",
                   reasoning: "We add.", content: "Let me check.\nIt is 4."),
        ParserCase(source: "issue 9: commentary only after analysis", profile: .gptOSS,
                   output: harmony.analysis + "We add." + harmony.commentary + "Checking now.<|end|>",
                   reasoning: "We add.", content: "Checking now."),
        ParserCase(source: "issue 9: a commentary tool call after analysis", profile: .gptOSS,
                   output: harmony.analysis + "Look it up.<|end|><|start|>assistant<|channel|>commentary to=functions.lookup "
                       + "<|constrain|>json<|message|>{\"q\": \"x\"}<|call|>",
                   reasoning: "Look it up.", content: "{\"q\": \"x\"}"),
        ParserCase(source: "neighbour: commentary without analysis", profile: .gptOSS,
                   output: "<|channel|>commentary<|message|>Just saying.<|end|>", reasoning: "", content: "Just saying."),
        ParserCase(source: "neighbour: two analysis messages, then final", profile: .gptOSS,
                   output: harmony.analysis + "First.<|end|><|start|>assistant<|channel|>analysis<|message|>Second."
                       + harmony.final + "Done.<|return|>",
                   reasoning: "First.\nSecond.", content: "Done."),
        ParserCase(source: "neighbour: cut off in analysis", profile: .gptOSS,
                   output: harmony.analysis + "We need", reasoning: "We need", content: ""),
    ]

    static let cohereCases: [ParserCase] = [
        // vLLM test_cohere_command_reasoning_parser.py (Command 3 and 4 parsers alike).
        ParserCase(source: "vLLM single_tool_call", profile: .cohere,
                   output: "<|START_THINKING|> call foo with q1<|END_THINKING|><|START_ACTION|>\n[{\"tool_name\": \"foo\"}]\n<|END_ACTION|>",
                   reasoning: "call foo with q1", content: "<|START_ACTION|>\n[{\"tool_name\": \"foo\"}]\n<|END_ACTION|>"),
        // The issue 9 miss: citation tags are stripped from both spans.
        ParserCase(source: "vLLM citations_with_emoji", profile: .cohere,
                   output: "<|START_THINKING|>A rainbow <co>emoji: 🌈</co: 0:[1]><|END_THINKING|>\n"
                       + "<|START_RESPONSE|>foo <co>bar</co: 0:[1,2],1:[3,4]><|END_RESPONSE|>",
                   reasoning: "A rainbow emoji: 🌈", content: "foo bar"),
        ParserCase(source: "neighbour: Command R citation tags with a number", profile: .cohere,
                   output: "<|START_THINKING|>Check.<|END_THINKING|><|START_RESPONSE|>It is <co: 2>4</co: 2>.<|END_RESPONSE|>",
                   reasoning: "Check.", content: "It is 4."),
        ParserCase(source: "neighbour: white space around the thinking", profile: .cohere,
                   output: "<|START_THINKING|>\n  Check.\n<|END_THINKING|><|START_RESPONSE|>4<|END_RESPONSE|>",
                   reasoning: "Check.", content: "4"),
        ParserCase(source: "neighbour: cut off while thinking, citation inside", profile: .cohere,
                   output: "<|START_THINKING|>By <co>the doc</co: 0:[1]> it is", reasoning: "By the doc it is", content: ""),
    ]

    /// vLLM's parser tests for the `<think>`-tag families: DeepSeek-R1 (test_deepseekr1_reasoning_parser.py),
    /// GLM-4.5 (test_glm4_moe_reasoning_parser.py), Seed-OSS (test_seedoss_reasoning_parser.py),
    /// MiniMax-M2 (test_minimax_m2_reasoning_parser.py), Granite (test_granite_reasoning_parser.py).
    static let thinkTagCases: [ParserCase] = [
        ParserCase(source: "vLLM simple_reasoning", profile: .deepseekR1,
                   output: "Adding.</think>It is 4.", reasoning: "Adding.", content: "It is 4."),
        ParserCase(source: "vLLM complete_reasoning", profile: .deepseekR1,
                   output: "Adding.</think>", reasoning: "Adding.", content: ""),
        ParserCase(source: "vLLM no_content_token", profile: .deepseekR1,
                   output: "Still adding", reasoning: "Still adding", content: ""),
        ParserCase(source: "vLLM multiple_lines", profile: .deepseekR1,
                   output: "One\nTwo</think>Rest\nmore", reasoning: "One\nTwo", content: "Rest\nmore"),
        ParserCase(source: "vLLM shortest", profile: .deepseekR1,
                   output: "</think>Rest", reasoning: "", content: "Rest"),
        ParserCase(source: "vLLM reasoning_with_think", profile: .deepseekR1,
                   output: "<think>Adding.</think>It is 4.", reasoning: "Adding.", content: "It is 4."),
        ParserCase(source: "vLLM complete_reasoning_with_think", profile: .deepseekR1,
                   output: "<think>Adding.</think>", reasoning: "Adding.", content: ""),
        ParserCase(source: "vLLM multiple_lines_with_think", profile: .deepseekR1,
                   output: "<think>One\nTwo</think>Rest\nmore", reasoning: "One\nTwo", content: "Rest\nmore"),
        ParserCase(source: "vLLM think_no_end", profile: .deepseekR1,
                   output: "<think>Still adding", reasoning: "Still adding", content: ""),
        ParserCase(source: "vLLM empty", profile: .deepseekR1, output: "", reasoning: "", content: ""),
        ParserCase(source: "vLLM new_line", profile: .deepseekR1,
                   output: "\n<think>Adding.</think>\nIt is 4.", reasoning: "Adding.", content: "\nIt is 4."),

        ParserCase(source: "vLLM glm45 with_think", profile: .glm,
                   output: "<think>Adding.</think>It is 4.", reasoning: "Adding.", content: "It is 4."),
        ParserCase(source: "vLLM glm45 without_think", profile: .glm,
                   output: "It is 4.", reasoning: "", content: "It is 4."),
        ParserCase(source: "vLLM glm45 complete_reasoning", profile: .glm,
                   output: "<think>Adding.</think>", reasoning: "Adding.", content: ""),
        ParserCase(source: "vLLM glm45 multiline_reasoning", profile: .glm,
                   output: "<think>One\nTwo</think>Rest\nmore", reasoning: "One\nTwo", content: "Rest\nmore"),
        ParserCase(source: "vLLM glm45 empty_think_block", profile: .glm,
                   output: "<think></think>It is 4.", reasoning: "", content: "It is 4."),
        ParserCase(source: "vLLM glm45 empty_think_block_no_content", profile: .glm,
                   output: "<think></think>", reasoning: "", content: ""),
        ParserCase(source: "vLLM glm45 only_open_tag: the whole output is content", profile: .glm,
                   output: "<think>Still adding", reasoning: "", content: "<think>Still adding"),

        ParserCase(source: "vLLM seed_oss simple_reasoning / only_end_token", profile: .seedOSS,
                   output: "Adding.</seed:think>It is 4.", reasoning: "Adding.", content: "It is 4."),
        ParserCase(source: "vLLM seed_oss complete_reasoning", profile: .seedOSS,
                   output: "Adding.</seed:think>", reasoning: "Adding.", content: ""),
        ParserCase(source: "vLLM seed_oss no_content / no_tokens", profile: .seedOSS,
                   output: "Still adding", reasoning: "Still adding", content: ""),
        ParserCase(source: "vLLM seed_oss multiple_lines", profile: .seedOSS,
                   output: "One\nTwo</seed:think>Rest\nmore", reasoning: "One\nTwo", content: "Rest\nmore"),
        ParserCase(source: "vLLM seed_oss with_start_token", profile: .seedOSS,
                   output: "<seed:think>Adding.</seed:think>It is 4.", reasoning: "Adding.", content: "It is 4."),

        ParserCase(source: "vLLM minimax_m2 simple_reasoning / special_chars", profile: .minimaxM2,
                   output: "Is 1+1=2, right?</think>Yes, 1+1=2.", reasoning: "Is 1+1=2, right?", content: "Yes, 1+1=2."),
        ParserCase(source: "vLLM minimax_m2 complete_reasoning", profile: .minimaxM2,
                   output: "Adding.</think>", reasoning: "Adding.", content: ""),
        ParserCase(source: "vLLM minimax_m2 no_end_token", profile: .minimaxM2,
                   output: "Still adding", reasoning: "Still adding", content: ""),
        ParserCase(source: "vLLM minimax_m2 multiple_lines", profile: .minimaxM2,
                   output: "One\nTwo</think>Rest\nmore", reasoning: "One\nTwo", content: "Rest\nmore"),
        ParserCase(source: "vLLM minimax_m2 shortest_reasoning", profile: .minimaxM2,
                   output: "</think>Rest", reasoning: "", content: "Rest"),
        ParserCase(source: "vLLM minimax_m2 empty", profile: .minimaxM2, output: "", reasoning: "", content: ""),
        ParserCase(source: "vLLM minimax_m2 code_in_reasoning", profile: .minimaxM2,
                   output: "```python\nprint(4)\n```</think>The code.", reasoning: "```python\nprint(4)\n```",
                   content: "The code."),
        ParserCase(source: "vLLM minimax_m2 double_end_token: a second </think> is dropped", profile: .minimaxM2,
                   output: "Adding.</think>part A</think>part B", reasoning: "Adding.", content: "part Apart B"),

        ParserCase(source: "vLLM granite simple_reasoning", profile: .granite,
                   output: "Here is my thought process:Adding.Here is my response:It is 4.", reasoning: "Adding.",
                   content: "It is 4."),
        ParserCase(source: "vLLM granite complete_reasoning", profile: .granite,
                   output: "Here is my thought process:Adding.Here is my response:", reasoning: "Adding.", content: ""),
        ParserCase(source: "vLLM granite no_reasoning", profile: .granite,
                   output: "It is 4.", reasoning: "", content: "It is 4."),
        ParserCase(source: "vLLM granite multiple_lines", profile: .granite,
                   output: "Here is my thought process:One\nTwoHere is my response:Rest\nmore", reasoning: "One\nTwo",
                   content: "Rest\nmore"),
    ]

    static let allCases = qwen3Cases + deepSeekAndKimiCases + magistralCases + gptOSSCases + cohereCases + thinkTagCases

    @Test(arguments: allCases)
    func spansHoldWhatTheParserReturns(_ example: ParserCase) throws {
        let segmented = try Segmenter(profile: example.profile).segment(Trace(problemID: "p", text: example.output))
        #expect(segmented.thinking == example.reasoning)
        #expect(segmented.answer == example.content)
        #expect(segmented.thinkingBytes.upperBound <= segmented.answerBytes.lowerBound)
    }

    /// The analysis tells an output the model marked from one the profile's rule filled in.
    @Test func markersFoundTellsMarkedOutputsFromRuleFilledOnes() throws {
        func found(_ profile: SegmentationProfile, _ output: String) throws -> Bool {
            try Segmenter(profile: profile).segment(Trace(problemID: "p", text: output)).markersFound
        }
        #expect(try found(.qwen3, "Adding.</think>4"))
        #expect(try found(.qwen3, "<think>Adding"))
        #expect(try !found(.qwen3, "Adding"))
        #expect(try !found(.qwen3ThinkingOff, "Adding"))
        #expect(try !found(.minimaxM2, "Adding"))
        #expect(try found(.minimaxM2, "</think>4"))
        #expect(try !found(.gptOSS, "Adding"))
        #expect(try found(.gptOSS, "<|channel|>final<|message|>4"))
        let fromServer = try Segmenter(profile: .qwen3).segment(Trace(problemID: "p", text: "4", reasoning: "Adding."))
        #expect(fromServer.flags.thinkingFromServer && !fromServer.markersFound)
    }

    @Test func inlineMarkupLeavesTheTextsButNotTheRanges() throws {
        let output = "<|START_THINKING|>See <co>doc</co: 0:[1]><|END_THINKING|><|START_RESPONSE|>4<|END_RESPONSE|>"
        let segmented = try Segmenter(profile: .cohere).segment(Trace(problemID: "p", text: output))
        #expect(segmented.thinking == "See doc")
        let bytes = Array(output.utf8)
        #expect(String(decoding: bytes[segmented.thinkingBytes], as: UTF8.self) == "See <co>doc</co: 0:[1]>")
        // Without the markup rule the texts are the bytes again.
        var keepTags = SegmentationProfile.cohere
        keepTags.inlineMarkup = nil
        #expect(try Segmenter(profile: keepTags).segment(Trace(problemID: "p", text: output)).thinking
                == "See <co>doc</co: 0:[1]>")
    }

    @Test func inlineMarkupOnTokensKeepsTheMarkupTokensInTheSpan() throws {
        let trace = tokenTrace(strings: ["<|START_THINKING|>", "See ", "<co>", "doc", "</co: 0:[1]>", "<|END_THINKING|>",
                                         "<|START_RESPONSE|>", "4", "<|END_RESPONSE|>"])
        let segmented = try Segmenter(profile: .cohere).segment(trace)
        #expect(segmented.thinking == "See doc")
        #expect(segmented.thinkingTokens == 1..<5)
        #expect(segmented.answerTokens == 7..<8)
    }
}

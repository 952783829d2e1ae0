import HorizonSegments
import HorizonTraces
import Testing

/// One model output, and the thinking, answer and flags a reader of the family's format sees in it.
struct FamilyCase: Sendable, CustomTestStringConvertible {
    var label: String
    var profile: SegmentationProfile
    var output: String
    var thinking: String
    var answer: String
    var flags = SegmentedTrace.Flags()

    var testDescription: String { label }
}

@Suite struct SegmentationProfileTests {
    static let familyCases: [FamilyCase] = [
        FamilyCase(
            label: "deepseek-r1, opening marker in the prompt",
            profile: .deepseekR1,
            output: "Okay, so I need 2+3. That's 5.\n</think>\n\nThe sum is $\\boxed{5}$.",
            thinking: "Okay, so I need 2+3. That's 5.\n",
            answer: "\n\nThe sum is $\\boxed{5}$.",
            flags: .init(openingMarkerMissing: true)
        ),
        FamilyCase(
            label: "deepseek-r1, cut off with a boxed guess inside thinking",
            profile: .deepseekR1,
            output: "Okay, let me try. Maybe \\boxed{12}? Wait, let me recheck the second case, since",
            thinking: "Okay, let me try. Maybe \\boxed{12}? Wait, let me recheck the second case, since",
            answer: "",
            flags: .init(truncated: true, openingMarkerMissing: true)
        ),
        FamilyCase(
            label: "deepseek-r1, with opening marker",
            profile: .deepseekR1,
            output: "<think>\nShort one.\n</think>\n\n42",
            thinking: "\nShort one.\n",
            answer: "\n\n42"
        ),
        FamilyCase(
            label: "deepseek-r1, a <think> quoted in the answer is not an opening",
            profile: .deepseekR1,
            output: "Fine.</think>Models write <think> first.",
            thinking: "Fine.",
            answer: "Models write <think> first.",
            flags: .init(openingMarkerMissing: true)
        ),
        FamilyCase(
            label: "qwen3, empty think block",
            profile: .qwen3,
            output: "<think>\n\n</think>\n\nThe answer is 4.",
            thinking: "\n\n",
            answer: "\n\nThe answer is 4.",
            flags: .init(noThinking: true)
        ),
        FamilyCase(
            label: "qwen3, no markers: cut off while thinking, opening in the prompt",
            profile: .qwen3,
            output: "Let me add 2 and 2, which",
            thinking: "Let me add 2 and 2, which",
            answer: "",
            flags: .init(truncated: true, openingMarkerMissing: true)
        ),
        FamilyCase(
            label: "qwen3-thinking-off: no markers is all answer",
            profile: .qwen3ThinkingOff,
            output: "The answer is 4.",
            thinking: "",
            answer: "The answer is 4.",
            flags: .init(openingMarkerMissing: true, noThinking: true)
        ),
        FamilyCase(
            label: "qwen3-thinking-off: a tool call without thinking stays in the answer",
            profile: .qwen3ThinkingOff,
            output: "Listing.\n<tool_call>\n{\"name\": \"ls\"}\n</tool_call>",
            thinking: "",
            answer: "Listing.\n<tool_call>\n{\"name\": \"ls\"}\n</tool_call>",
            flags: .init(openingMarkerMissing: true, noThinking: true)
        ),
        FamilyCase(
            label: "qwen3, opened thinking and was cut off",
            profile: .qwen3,
            output: "<think>\nLet me think about \\boxed{3} and",
            thinking: "\nLet me think about \\boxed{3} and",
            answer: "",
            flags: .init(truncated: true)
        ),
        FamilyCase(
            label: "qwen3, a tool call ends thinking and stays in the answer",
            profile: .qwen3,
            output: "<think>\nI should use the calculator.\n<tool_call>\n{\"name\": \"calc\"}\n</tool_call>",
            thinking: "\nI should use the calculator.\n",
            answer: "<tool_call>\n{\"name\": \"calc\"}\n</tool_call>"
        ),
        FamilyCase(
            label: "gpt-oss, analysis then final",
            profile: .gptOSS,
            output: "<|channel|>analysis<|message|>We need 2+2 = 4.<|end|>"
                + "<|start|>assistant<|channel|>final<|message|>The answer is 4.<|return|>",
            thinking: "We need 2+2 = 4.",
            answer: "The answer is 4."
        ),
        FamilyCase(
            label: "gpt-oss, two analysis messages form one thinking span",
            profile: .gptOSS,
            output: "<|channel|>analysis<|message|>First.<|end|><|start|>assistant<|channel|>analysis<|message|>"
                + "Second.<|end|><|start|>assistant<|channel|>final<|message|>Done.",
            thinking: "First.\nSecond.",
            answer: "Done."
        ),
        FamilyCase(
            label: "gpt-oss, final channel only",
            profile: .gptOSS,
            output: "<|channel|>final<|message|>4<|return|>",
            thinking: "",
            answer: "4",
            flags: .init(openingMarkerMissing: true, noThinking: true)
        ),
        FamilyCase(
            label: "gpt-oss, cut off in analysis",
            profile: .gptOSS,
            output: "<|channel|>analysis<|message|>We need to check whether",
            thinking: "We need to check whether",
            answer: "",
            flags: .init(truncated: true)
        ),
        FamilyCase(
            label: "granite, plain-text markers",
            profile: .granite,
            output: "Here is my thought process:\nThe user asks for 2+2. Adding gives 4.\n\n"
                + "Here is my response:\n2 + 2 = 4.",
            thinking: "\nThe user asks for 2+2. Adding gives 4.\n\n",
            answer: "\n2 + 2 = 4."
        ),
        FamilyCase(
            label: "granite, Here's variant",
            profile: .granite,
            output: "Here's my thought process:\nEasy.\nHere's my response:\nFour.",
            thinking: "\nEasy.\n",
            answer: "\nFour."
        ),
        FamilyCase(
            label: "granite, no thought process is all answer",
            profile: .granite,
            output: "2 + 2 = 4.",
            thinking: "",
            answer: "2 + 2 = 4.",
            flags: .init(openingMarkerMissing: true, noThinking: true)
        ),
        FamilyCase(
            label: "hunyuan, answer tags",
            profile: .hunyuan,
            output: "<think>\nCompute 6*7 = 42.\n</think>\n<answer>\nThe product is 42.\n</answer>",
            thinking: "Compute 6*7 = 42.",
            answer: "The product is 42."
        ),
        FamilyCase(
            label: "hunyuan, empty think block",
            profile: .hunyuan,
            output: "<think>\n</think>\n<answer>\n42\n</answer>",
            thinking: "",
            answer: "42",
            flags: .init(noThinking: true)
        ),
        FamilyCase(
            label: "hunyuan, thinking off: answer tags only",
            profile: .hunyuan,
            output: "<answer>\n42\n</answer>",
            thinking: "",
            answer: "42",
            flags: .init(openingMarkerMissing: true, noThinking: true)
        ),
        FamilyCase(
            label: "hunyuan, R1-Zero style with the opening in the prompt",
            profile: .hunyuan,
            output: "2+3=5\n</think>\n<answer>\n5\n</answer>",
            thinking: "2+3=5",
            answer: "5",
            flags: .init(openingMarkerMissing: true)
        ),
        FamilyCase(
            label: "magistral, opening in the prompt",
            profile: .magistral,
            output: "Two and two.[/THINK]4",
            thinking: "Two and two.",
            answer: "4",
            flags: .init(openingMarkerMissing: true)
        ),
        FamilyCase(
            label: "kimi-k1.5, no markers is all answer",
            profile: .kimiK15,
            output: "The answer is 5.",
            thinking: "",
            answer: "The answer is 5.",
            flags: .init(openingMarkerMissing: true, noThinking: true)
        ),
        FamilyCase(
            label: "magistral",
            profile: .magistral,
            output: "[THINK]Let me add 2 and 2. That is 4.[/THINK]The answer is **4**.",
            thinking: "Let me add 2 and 2. That is 4.",
            answer: "The answer is **4**."
        ),
        FamilyCase(
            label: "cohere, response tags and a multi-byte answer",
            profile: .cohere,
            output: "<|START_THINKING|>The user wants 3*3.<|END_THINKING|><|START_RESPONSE|>3 × 3 = 9<|END_RESPONSE|>",
            thinking: "The user wants 3*3.",
            answer: "3 × 3 = 9"
        ),
        FamilyCase(
            label: "kimi-k1.5",
            profile: .kimiK15,
            output: "◁think▷Let me see: 10/2 = 5.◁/think▷The answer is 5.",
            thinking: "Let me see: 10/2 = 5.",
            answer: "The answer is 5."
        ),
        FamilyCase(
            label: "seed-oss",
            profile: .seedOSS,
            output: "<seed:think>\nGot it, 7+8=15.\n</seed:think>\nThe answer is 15.",
            thinking: "\nGot it, 7+8=15.\n",
            answer: "\nThe answer is 15."
        ),
        FamilyCase(
            label: "seed-oss, opening absent",
            profile: .seedOSS,
            output: "7+8=15.</seed:think>15",
            thinking: "7+8=15.",
            answer: "15",
            flags: .init(openingMarkerMissing: true)
        ),
        FamilyCase(
            label: "glm",
            profile: .glm,
            output: "<think>Short reasoning.</think>\nAnswer: 8",
            thinking: "Short reasoning.",
            answer: "\nAnswer: 8"
        ),
        FamilyCase(
            label: "glm, no end marker is all answer",
            profile: .glm,
            output: "<think>Long reasoning that never",
            thinking: "",
            answer: "<think>Long reasoning that never",
            flags: .init(noThinking: true)
        ),
        FamilyCase(
            label: "minimax-m2",
            profile: .minimaxM2,
            output: "Reasoning here.</think>Answer here.",
            thinking: "Reasoning here.",
            answer: "Answer here."
        ),
        FamilyCase(
            label: "step3, no end marker is all thinking",
            profile: .step3,
            output: "Still reasoning",
            thinking: "Still reasoning",
            answer: "",
            flags: .init(truncated: true)
        ),
        FamilyCase(
            label: "plain, The answer is",
            profile: .plain,
            output: "We add 2 and 3.\nThat gives 5.\nThe answer is 5.",
            thinking: "We add 2 and 3.\nThat gives 5.\n",
            answer: "The answer is 5.",
            flags: .init(heuristic: true)
        ),
        FamilyCase(
            label: "plain, GSM8K ####",
            profile: .plain,
            output: "Janet sells 16 - 3 - 4 = 9 eggs.\nShe makes 9 * 2 = 18 dollars.\n#### 18",
            thinking: "Janet sells 16 - 3 - 4 = 9 eggs.\nShe makes 9 * 2 = 18 dollars.\n",
            answer: "#### 18",
            flags: .init(heuristic: true)
        ),
        FamilyCase(
            label: "plain, the line holding the last boxed",
            profile: .plain,
            output: "First try: \\boxed{6}.\nNo, recount.\nSo we get $\\boxed{7}$.\nDone.",
            thinking: "First try: \\boxed{6}.\nNo, recount.\n",
            answer: "So we get $\\boxed{7}$.\nDone.",
            flags: .init(heuristic: true)
        ),
        FamilyCase(
            label: "plain, the last cue line wins over an earlier Final Answer heading",
            profile: .plain,
            output: "Work.\n**Final Answer**\n\\[\n\\boxed{4}\n\\]",
            thinking: "Work.\n**Final Answer**\n\\[\n",
            answer: "\\boxed{4}\n\\]",
            flags: .init(heuristic: true)
        ),
        FamilyCase(
            label: "plain, lower-case final answer",
            profile: .plain,
            output: "Thus the final answer is 9. I hope it is correct.",
            thinking: "",
            answer: "Thus the final answer is 9. I hope it is correct.",
            flags: .init(heuristic: true, noThinking: true)
        ),
        FamilyCase(
            label: "plain, no cue is all answer",
            profile: .plain,
            output: "I think it is 4",
            thinking: "",
            answer: "I think it is 4",
            flags: .init(heuristic: true, noThinking: true)
        ),
    ]

    @Test(arguments: familyCases)
    func familyOutputSplitsIntoThinkingAndAnswer(_ example: FamilyCase) throws {
        let segmented = try Segmenter(profile: example.profile).segment(Trace(problemID: "p", text: example.output))
        #expect(segmented.thinking == example.thinking)
        #expect(segmented.answer == example.answer)
        #expect(segmented.flags == example.flags)
        #expect(segmented.profileName == example.profile.name)
        // Byte ranges and texts agree (but for inline markup), and the spans are in order.
        let bytes = Array(example.output.utf8)
        if example.profile.inlineMarkup == nil {
            #expect(Array(bytes[segmented.thinkingBytes]) == Array(example.thinking.utf8))
            #expect(Array(bytes[segmented.answerBytes]) == Array(example.answer.utf8))
        }
        #expect(segmented.thinkingBytes.upperBound <= segmented.answerBytes.lowerBound)
        #expect(segmented.byteCount == bytes.count)
        #expect(segmented.thinkingTokens == nil && segmented.answerTokens == nil && segmented.overallTokens == nil)
    }

    @Test func firstOrLastEndMarkerClosesThinking() throws {
        // The model quotes the end marker while thinking.
        let output = "Recall the format: </think> closes.\nSo 4.</think>The answer is 4."
        let trace = Trace(problemID: "p", text: output)
        var profile = SegmentationProfile.deepseekR1
        #expect(profile.endMarkerChoice == .first)
        let first = try Segmenter(profile: profile).segment(trace)
        #expect(first.thinking == "Recall the format: ")
        #expect(first.answer == " closes.\nSo 4.</think>The answer is 4.")
        #expect(first.endMarkerChoice == .first)

        profile.endMarkerChoice = .last
        let last = try Segmenter(profile: profile).segment(trace)
        #expect(last.thinking == "Recall the format: </think> closes.\nSo 4.")
        #expect(last.answer == "The answer is 4.")
        #expect(last.endMarkerChoice == .last)
        // The segmenter's override gives the same result as the profile setting.
        #expect(try Segmenter(.fixed(.deepseekR1), endMarkerChoice: .last).segment(trace) == last)
    }

    @Test func theEndMarkerOverrideLeavesThePlainHeuristicAlone() throws {
        let trace = Trace(problemID: "p", text: "The answer is 3?\nNo.\nThe answer is 4.")
        let segmented = try Segmenter(.auto, endMarkerChoice: .first).segment(trace)
        #expect(segmented.profileName == "plain")
        #expect(segmented.answer == "The answer is 4.")
        #expect(segmented.endMarkerChoice == .last)
    }

    @Test func customPatternsSegmentLikeABuiltIn() throws {
        let profile = try SegmentationProfile.custom(
            thinkingStart: "<reasoning>", thinkingEnd: "</reasoning>\\s*", answerForcingText: "</reasoning>"
        )
        #expect(profile.name == "custom")
        #expect(profile.answerForcingText == "</reasoning>")
        let segmented = try Segmenter(profile: profile).segment(
            Trace(problemID: "p", text: "<reasoning>3 squared is 9</reasoning>\n9")
        )
        #expect(segmented.thinking == "3 squared is 9")
        #expect(segmented.answer == "9")
        // Without an end marker the custom profile reads the output as cut-off thinking.
        let cut = try Segmenter(profile: profile).segment(Trace(problemID: "p", text: "3 squared"))
        #expect(cut.thinking == "3 squared" && cut.answer.isEmpty && cut.flags.truncated)
    }

    @Test func customPatternsThatDoNotCompileAreRejected() {
        #expect {
            _ = try SegmentationProfile.custom(thinkingStart: "<think>", thinkingEnd: "</think>[")
        } throws: { error in
            guard let error = error as? SegmentationError, case let .invalidPattern(pattern, offset, _) = error.reason
            else { return false }
            return pattern == "</think>[" && offset == 9
        }
    }

    @Test func builtInsAreFoundByNameAndNamesAreUnique() throws {
        let names = SegmentationProfile.builtInNames
        #expect(Set(names).count == names.count)
        for expected in [
            "deepseek-r1", "qwq", "qwen3", "qwen3-thinking-off", "glm", "kimi-k1.5", "magistral", "gpt-oss", "granite", "hunyuan",
            "seed-oss", "cohere", "minimax-m2", "step3", "plain",
        ] {
            #expect(try SegmentationProfile.named(expected).name == expected)
        }
        #expect(names.count == 15)
    }

    @Test func unknownNamesListTheKnownOnes() {
        #expect {
            _ = try SegmentationProfile.named("deepseek")
        } throws: { error in
            guard let error = error as? SegmentationError, case let .unknownProfile(name, known) = error.reason
            else { return false }
            return name == "deepseek" && known == SegmentationProfile.builtInNames
                && error.description.contains("known profiles: deepseek-r1, qwq")
        }
        // The CLI's lookup also offers "auto".
        #expect {
            _ = try ProfileSelection(named: "deepseek")
        } throws: { error in
            guard let error = error as? SegmentationError, case let .unknownProfile(_, known) = error.reason
            else { return false }
            return known == ProfileSelection.names && known.last == "auto"
        }
    }

    @Test func forcingTextClosesThinkingUnderTheSameProfile() throws {
        // Appending a profile's forcing text to a cut-off output must end its thinking there.
        for profile in SegmentationProfile.builtIns {
            guard let forcing = profile.answerForcingText else { continue }
            let opening: String = switch profile.name {
            case "gpt-oss": "<|channel|>analysis<|message|>"
            case "granite": "Here is my thought process:"
            case "magistral": "[THINK]"
            case "hunyuan", "glm", "qwen3-thinking-off": "<think>\n"
            case "cohere": "<|START_THINKING|>"
            default: ""
            }
            let forced = opening + "still working on it" + forcing + "42"
            let segmented = try Segmenter(profile: profile).segment(Trace(problemID: "p", text: forced))
            #expect(!segmented.flags.truncated, "\(profile.name)")
            #expect(segmented.thinking.contains("still working on it"), "\(profile.name)")
            #expect(segmented.answer.hasSuffix("42"), "\(profile.name)")
            #expect(!segmented.answer.contains("working"), "\(profile.name)")
        }
    }
}

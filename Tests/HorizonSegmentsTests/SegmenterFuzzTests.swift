import HorizonSegments
import HorizonTraces
import Testing

/// Seeded random outputs assembled from every family's markers, split into random tokens: no
/// profile throws or crashes, and the spans keep their invariants.
@Suite struct SegmenterFuzzTests {
    /// Pieces outputs are made of: every built-in family's markers and some text.
    static let pieces = [
        "<think>", "</think>", "<tool_call>", "◁think▷", "◁/think▷", "[THINK]", "[/THINK]",
        "<|channel|>analysis<|message|>", "<|channel|>commentary<|message|>", "<|channel|>final<|message|>",
        "<|start|>assistant", "<|end|>", "<|return|>", "<|call|>", "<|constrain|>json",
        "Here is my thought process:", "Here is my response:", "<answer>\n", "\n</answer>", "<seed:think>",
        "</seed:think>", "<|START_THINKING|>", "<|END_THINKING|>", "<|START_RESPONSE|>", "<|END_RESPONSE|>",
        "<co>", "</co: 0:[1]>", "Final Answer: ", "\\boxed{4}", "\n", " ", "2+2", "√", "so", "#### 7",
    ]

    struct Random {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    @Test(arguments: SegmentationProfile.builtIns)
    func randomOutputsKeepTheSpanInvariants(profile: SegmentationProfile) throws {
        var random = Random(state: UInt64(profile.name.utf8.count) &* 977)
        for round in 0..<300 {
            let bytes = Array((0..<random.next(12)).map { _ in Self.pieces[random.next(Self.pieces.count)] }.joined().utf8)
            // Random token cuts, some inside a marker or a character.
            var tokens: [[UInt8]] = [], start = 0
            while start < bytes.count {
                let end = min(bytes.count, start + 1 + random.next(6))
                tokens.append(Array(bytes[start..<end]))
                start = end
            }
            for trace in [Trace(problemID: "p", text: String(decoding: bytes, as: UTF8.self)), tokenTrace(tokens)] {
                let segmented = try Segmenter(profile: profile).segment(trace)
                let context = "\(profile.name) round \(round): \(String(decoding: bytes, as: UTF8.self).debugDescription)"
                #expect(segmented.thinkingBytes.lowerBound >= 0 && segmented.answerBytes.upperBound <= segmented.byteCount,
                        "\(context)")
                #expect(segmented.thinkingBytes.upperBound <= segmented.answerBytes.lowerBound, "\(context)")
                if let thinking = segmented.thinkingTokens, let answer = segmented.answerTokens {
                    #expect(thinking.upperBound <= answer.lowerBound || answer.isEmpty || thinking.isEmpty, "\(context)")
                    #expect(answer.upperBound <= tokens.count, "\(context)")
                }
                if profile.inlineMarkup == nil, String(validating: bytes, as: UTF8.self) != nil {
                    #expect(Array(segmented.answer.utf8) == Array(bytes[segmented.answerBytes]), "\(context)")
                }
                #expect(!segmented.flags.truncated || segmented.answerBytes.isEmpty, "\(context)")
            }
        }
    }
}

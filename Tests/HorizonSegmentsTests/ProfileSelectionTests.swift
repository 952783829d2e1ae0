import HorizonSegments
import HorizonTraces
import Testing

@Suite struct ProfileSelectionTests {
    @Test(arguments: [
        ("<|channel|>analysis<|message|>hm<|end|><|start|>assistant<|channel|>final<|message|>4", "gpt-oss"),
        ("<|channel|>final<|message|>4<|return|>", "gpt-oss"),
        ("<|START_THINKING|>hm<|END_THINKING|><|START_RESPONSE|>4<|END_RESPONSE|>", "cohere"),
        ("<seed:think>hm</seed:think>4", "seed-oss"),
        ("hm</seed:think>4", "seed-oss"),
        ("<think>\nhm\n</think>\n<answer>\n4\n</answer>", "hunyuan"),
        ("hm</think>\n<answer>\n4\n</answer>", "hunyuan"),
        ("◁think▷hm◁/think▷4", "kimi-k1.5"),
        ("[THINK]hm[/THINK]4", "magistral"),
        ("Here's my thought process:\nhm\nHere's my response:\n4", "granite"),
        ("<think>hm</think>4", "deepseek-r1"),
        ("hm</think>\n\n4", "deepseek-r1"),
        ("We add.\nThe answer is 4.", "plain"),
        ("", "plain"),
    ])
    func autoDetectsTheFamilyFromItsMarkers(output: String, expected: String) throws {
        #expect(try ProfileSelection.auto.resolve(for: MatchSubject(output)).name == expected)
    }

    @Test func autoSegmentsWithTheDetectedProfile() throws {
        let output = "<think>\nCompute 6*7.\n</think>\n<answer>\n42\n</answer>"
        let segmented = try Segmenter(.auto).segment(Trace(problemID: "p", text: output))
        #expect(segmented.profileName == "hunyuan")
        #expect(segmented.thinking == "Compute 6*7.")
        #expect(segmented.answer == "42")
    }

    @Test func autoDetectsFromTokenBytes() throws {
        let segmented = try Segmenter(.auto).segment(tokenTrace(strings: ["[THINK]", "hm", "[/THINK]", "4"]))
        #expect(segmented.profileName == "magistral")
        #expect(segmented.thinkingTokens == 1..<2 && segmented.answerTokens == 3..<4)
    }

    @Test func fixedSelectionIgnoresOtherFamiliesMarkers() throws {
        let profile = try ProfileSelection.fixed(.deepseekR1).resolve(for: MatchSubject("[THINK]hm[/THINK]4"))
        #expect(profile == .deepseekR1)
    }

    @Test func namesIncludeEveryBuiltInAndAuto() throws {
        #expect(ProfileSelection.names == SegmentationProfile.builtInNames + ["auto"])
        #expect(try ProfileSelection(named: "auto") == .auto)
        #expect(try ProfileSelection(named: "glm") == .fixed(.glm))
        #expect(throws: SegmentationError.self) { try ProfileSelection(named: "gpt") }
    }

    @Test func everyAutoCandidateHasASignature() {
        #expect(ProfileSelection.autoDetectionOrder.allSatisfy { $0.autoDetectionSignature != nil })
    }
}

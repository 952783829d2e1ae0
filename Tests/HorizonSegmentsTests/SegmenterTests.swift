import HorizonCommon
import HorizonSegments
import HorizonTraces
import Testing

@Suite struct SegmenterTests {
    @Test func aTokenHoldingTheEndMarkerAndAnswerTextIsInNeitherSpan() throws {
        let tokens = ["<think>", "Two", " plus", " two", "</think>\n\nThe", " answer", " is", " 4"]
        let segmented = try Segmenter(profile: .deepseekR1).segment(tokenTrace(strings: tokens))
        #expect(segmented.thinking == "Two plus two")
        #expect(segmented.answer == "\n\nThe answer is 4")
        // Bytes are exact: the answer starts right after "</think>" (7 + 12 + 8 = byte 27) ...
        #expect(segmented.thinkingBytes == 7..<19)
        #expect(segmented.answerBytes == 27..<44)
        // ... but token 4 also holds marker bytes, so it belongs to neither token span.
        #expect(segmented.thinkingTokens == 1..<4)
        #expect(segmented.answerTokens == 5..<8)
        #expect(segmented.overallTokens == 0..<8)
    }

    @Test func aMarkerSplitAcrossTokensExcludesAllOfThem() throws {
        let segmented = try Segmenter(profile: .deepseekR1).segment(tokenTrace(strings: ["a", "</", "think", ">", "b"]))
        #expect(segmented.thinkingTokens == 0..<1)
        #expect(segmented.answerTokens == 4..<5)
        #expect(segmented.thinking == "a" && segmented.answer == "b")
    }

    @Test func aTokenStraddlingThinkingAndTheMarkerIsInNeither() throws {
        let segmented = try Segmenter(profile: .deepseekR1).segment(tokenTrace(strings: ["ab</", "think>", "c"]))
        #expect(segmented.thinking == "ab")
        #expect(segmented.thinkingBytes == 0..<2)
        #expect(segmented.thinkingTokens == 0..<0)
        #expect(segmented.answerTokens == 2..<3)
    }

    @Test func aCharacterSplitAcrossTokensIsMappedByteExactly() throws {
        // "√" arrives as two tokens, [E2] and [88 9A]: neither is valid UTF-8 alone.
        let tokens: [[UInt8]] = [
            Array("<think>".utf8), Array("x".utf8), [0xE2], [0x88, 0x9A], Array("2".utf8),
            Array("</think>".utf8), Array("ok".utf8),
        ]
        let segmented = try Segmenter(profile: .deepseekR1).segment(tokenTrace(tokens))
        #expect(segmented.thinking == "x√2")
        #expect(segmented.thinkingBytes == 7..<12)
        #expect(segmented.thinkingTokens == 1..<5)
        #expect(segmented.answer == "ok")
        #expect(segmented.answerTokens == 6..<7)
    }

    @Test func anOutputCutMidCharacterIsTruncatedThinking() throws {
        // The length limit fell between the two tokens of "√".
        let tokens: [[UInt8]] = [Array("<think>".utf8), Array("so x=".utf8), [0xE2]]
        let segmented = try Segmenter(profile: .deepseekR1).segment(tokenTrace(tokens))
        #expect(segmented.flags.truncated)
        #expect(segmented.thinkingBytes == 7..<13)
        #expect(segmented.thinkingTokens == 1..<3)
        #expect(segmented.thinking == "so x=\u{FFFD}")
        #expect(segmented.answer.isEmpty && segmented.answerTokens == 3..<3)
    }

    @Test func aZeroWidthSplitInsideATokenLeavesThatTokenOut() throws {
        // The plain profile splits at the start of the line "The answer is 5.", inside ".\nThe".
        let tokens = ["So 5", ".\nThe", " answer", " is", " 5."]
        let segmented = try Segmenter(profile: .plain).segment(tokenTrace(strings: tokens))
        #expect(segmented.thinking == "So 5.\n")
        #expect(segmented.answer == "The answer is 5.")
        #expect(segmented.thinkingTokens == 0..<1)
        #expect(segmented.answerTokens == 2..<5)
    }

    @Test func tokenBytesAreSegmentedEvenWhenTheTextDiffers() throws {
        // A server that decodes a split character into U+FFFD in the text: the tokens are exact.
        let tokens: [[UInt8]] = [Array("a".utf8), [0xE2], [0x88, 0x9A], Array("</think>b".utf8)]
        let segmented = try Segmenter(profile: .deepseekR1)
            .segment(tokenTrace(tokens, text: "a\u{FFFD}\u{FFFD}</think>b"))
        #expect(segmented.thinking == "a√")
        #expect(segmented.byteCount == 13)
    }

    @Test func serverReasoningWithoutTokensPrecedesTheText() throws {
        let trace = Trace(problemID: "p", text: "The answer is 4.", reasoning: "2+2=4.")
        let segmented = try Segmenter(profile: .deepseekR1).segment(trace)
        #expect(segmented.thinking == "2+2=4.")
        #expect(segmented.answer == "The answer is 4.")
        #expect(segmented.thinkingBytes == 0..<6)
        #expect(segmented.answerBytes == 6..<22)
        #expect(segmented.flags == SegmentedTrace.Flags(thinkingFromServer: true))
    }

    @Test func serverReasoningWithTokensIsLocatedByByteLength() throws {
        // The server stripped the "\n\n" between reasoning and content from both texts.
        let trace = tokenTrace(
            strings: ["2+2", "=4.", "\n\n", "The answer", " is 4."], reasoning: "2+2=4.", text: "The answer is 4."
        )
        let segmented = try Segmenter(profile: .deepseekR1).segment(trace)
        #expect(segmented.thinkingBytes == 0..<6)
        #expect(segmented.answerBytes == 8..<24)
        #expect(segmented.thinkingTokens == 0..<2)
        #expect(segmented.answerTokens == 3..<5)
        #expect(segmented.thinking == "2+2=4." && segmented.answer == "The answer is 4.")
        #expect(segmented.flags.thinkingFromServer)
    }

    @Test func serverReasoningLongerThanTheTokensCutsTheAnswer() throws {
        // Tokens hold 8 bytes; reasoning 6 and text 4 cannot both fit: the answer gets what is left.
        let trace = tokenTrace(strings: ["abcdef", "gh"], reasoning: "abcdef", text: "ghij")
        let segmented = try Segmenter(profile: .deepseekR1).segment(trace)
        #expect(segmented.thinkingBytes == 0..<6)
        #expect(segmented.answerBytes == 6..<8)
    }

    @Test func markersInTheTokensOutrankServerReasoning() throws {
        let trace = tokenTrace(strings: ["<think>", "r", "</think>", "a"], reasoning: "r", text: "a")
        let segmented = try Segmenter(profile: .deepseekR1).segment(trace)
        #expect(!segmented.flags.thinkingFromServer)
        #expect(segmented.thinkingTokens == 1..<2 && segmented.answerTokens == 3..<4)
    }

    @Test func serverReasoningOutranksThePlainHeuristic() throws {
        let trace = Trace(problemID: "p", text: "Work.\nThe answer is 4.", reasoning: "Thinking.")
        let segmented = try Segmenter(.auto).segment(trace)
        #expect(segmented.profileName == "plain")
        #expect(segmented.thinking == "Thinking.")
        #expect(segmented.answer == "Work.\nThe answer is 4.")
        #expect(!segmented.flags.heuristic && segmented.flags.thinkingFromServer)
    }

    @Test func matchFailuresNameTheTrace() throws {
        let profile = try SegmentationProfile.custom(thinkingStart: nil, thinkingEnd: "(*LIMIT_MATCH=50)(a+)+$")
        let source = SourceLocation(file: "runs.jsonl", line: 7)
        let trace = Trace(problemID: "p", text: String(repeating: "a", count: 30) + "c", source: source)
        #expect {
            _ = try Segmenter(profile: profile).segment(trace)
        } throws: { error in
            guard let error = error as? SegmentationError else { return false }
            return error.location == SourceLocation(file: "runs.jsonl", line: 7)
                && error.description.hasPrefix("runs.jsonl:7: matching \"(*LIMIT_MATCH=50)(a+)+$\" failed")
        }
    }

    @Test func emptyOutputIsTruncatedEmptyThinking() throws {
        let segmented = try Segmenter(profile: .deepseekR1).segment(Trace(problemID: "p", text: ""))
        #expect(segmented.thinkingBytes == 0..<0 && segmented.answerBytes == 0..<0)
        #expect(segmented.flags.truncated && segmented.flags.noThinking)
    }

    @Test func problemAndSampleAreCarriedOver() throws {
        let trace = Trace(problemID: "algebra/17", sampleIndex: 3, text: "a</think>b")
        let segmented = try Segmenter(profile: .deepseekR1).segment(trace)
        #expect(segmented.problemID == "algebra/17" && segmented.sampleIndex == 3)
    }
}

import HorizonSegments
import Testing

@Suite struct RegexPatternTests {
    @Test func firstMatchReportsByteOffsets() throws {
        let end = try RegexPattern("</think>")
        // "<think>" is 7 bytes, "2+2" 3, so "</think>" spans bytes 10..<18.
        #expect(try end.firstMatch(in: MatchSubject("<think>2+2</think>4"))?.range == 10..<18)
        #expect(try end.firstMatch(in: MatchSubject("no marker here")) == nil)
    }

    @Test func captureGroupsAreByteRangesAndUnsetGroupsAreNil() throws {
        let pattern = try RegexPattern(#"answer: (\d+)(?: (cm))?"#)
        #expect(pattern.captureGroupCount == 2)
        let subject = MatchSubject("the answer: 42 apples")
        let match = try #require(try pattern.firstMatch(in: subject))
        #expect(match.range == 4..<14)
        #expect(match.captureRange(0) == 4..<14)
        #expect(match.captureRange(1) == 12..<14)
        #expect(subject.text(in: match.captureRange(1)!) == "42")
        #expect(match.captureRange(2) == nil)  // the optional group took no part
        #expect(match.captureRange(3) == nil)  // no such group
    }

    @Test func firstLastAndAllMatchesFromAnOffset() throws {
        let digits = try RegexPattern(#"\d+"#)
        let subject = MatchSubject("a1b22c333")
        #expect(try digits.allMatches(in: subject).map(\.range) == [1..<2, 3..<5, 6..<9])
        #expect(try digits.firstMatch(in: subject, from: 2)?.range == 3..<5)
        #expect(try digits.firstMatch(in: subject, from: 4)?.range == 4..<5)
        #expect(try digits.lastMatch(in: subject)?.range == 6..<9)
        #expect(try digits.lastMatch(in: subject, from: 9) == nil)
        #expect(try digits.allMatches(in: subject, from: 100).isEmpty)
    }

    @Test func emptyMatchesAdvanceLikePerl() throws {
        // Perl's "ax" =~ /x*/g: empty at 0, "x" at 1, empty at 2.
        let pattern = try RegexPattern("x*")
        #expect(try pattern.allMatches(in: MatchSubject("ax")).map(\.range) == [0..<0, 1..<2, 2..<2])
        // An empty subject still has one position to match at.
        #expect(try pattern.allMatches(in: MatchSubject("")).map(\.range) == [0..<0])
        #expect(try RegexPattern("a").firstMatch(in: MatchSubject("")) == nil)
    }

    @Test func emptyMatchesStepOverWholeCharacters() throws {
        // "√" is 3 bytes; an empty match before it must not resume inside it.
        let pattern = try RegexPattern("")
        #expect(try pattern.allMatches(in: MatchSubject("√a")).map(\.range) == [0..<0, 3..<3, 4..<4])
    }

    @Test func dotMatchesOneCharacterInUTFMode() throws {
        let subject = MatchSubject("a√b")  // √ = E2 88 9A
        #expect(try RegexPattern("a.b").firstMatch(in: subject)?.range == 0..<5)
        #expect(try RegexPattern(#"\x{221A}"#).firstMatch(in: subject)?.range == 1..<4)
        // An offset inside "√" moves on to the next character.
        #expect(try RegexPattern(".").firstMatch(in: subject, from: 2)?.range == 4..<5)
    }

    @Test func invalidUTF8IsABarrierNotAnError() throws {
        // "a", a lone lead byte of a 3-byte character, "b".
        let subject = MatchSubject(bytes: [0x61, 0xE2, 0x62])
        #expect(!subject.isValidUTF8)
        #expect(try RegexPattern("a.b").firstMatch(in: subject) == nil)
        #expect(try RegexPattern("b").firstMatch(in: subject)?.range == 2..<3)
        #expect(try RegexPattern(".").allMatches(in: subject).map(\.range) == [0..<1, 2..<3])
    }

    @Test func outputEndingMidCharacterStillMatchesBeforeTheCut() throws {
        // "</think>x" followed by the first two bytes of "√": the trace was cut mid-character.
        let subject = MatchSubject(bytes: Array("</think>x".utf8) + [0xE2, 0x88])
        #expect(!subject.isValidUTF8)
        #expect(try RegexPattern("</think>").firstMatch(in: subject)?.range == 0..<8)
        #expect(try RegexPattern("x.*").firstMatch(in: subject)?.range == 8..<9)
    }

    @Test(arguments: [
        ("(unclosed", 9, "missing closing parenthesis"),
        (#"abc\"#, 4, #"\ at end of pattern"#),
    ])
    func compileErrorsCarryPatternOffsetAndMessage(pattern: String, offset: Int, message: String) {
        #expect {
            _ = try RegexPattern(pattern)
        } throws: { error in
            guard let error = error as? SegmentationError,
                  case let .invalidPattern(reported, reportedOffset, reportedMessage) = error.reason
            else { return false }
            return reported == pattern && reportedOffset == offset && reportedMessage == message
                && error.description.contains("\"\(pattern)\" at byte \(offset)")
        }
    }

    @Test func matchLimitIsReportedAsAnError() throws {
        // Nested quantifiers backtrack exponentially before `$` fails; an inline limit makes the
        // failure certain and quick.
        let pattern = try RegexPattern("(*LIMIT_MATCH=100)(a+)+$")
        let subject = MatchSubject(String(repeating: "a", count: 30) + "c")
        #expect {
            _ = try pattern.firstMatch(in: subject)
        } throws: { error in
            guard let error = error as? SegmentationError, case let .matchFailed(reported, message) = error.reason
            else { return false }
            return reported == pattern.source && message.contains("limit")
        }
    }

    @Test func escapedLiteralsMatchThemselvesOnly() throws {
        let source = RegexPattern.escaping("<|end|>")
        #expect(source == #"<\|end\|>"#)
        let pattern = try RegexPattern(source)
        #expect(try pattern.firstMatch(in: MatchSubject("a<|end|>b"))?.range == 1..<8)
        #expect(try pattern.firstMatch(in: MatchSubject("a<end>b")) == nil)
        let everything = #"\^$.|?*+()[]{}"#
        #expect(try RegexPattern(RegexPattern.escaping(everything)).firstMatch(in: MatchSubject("x" + everything))?
            .range == 1..<(1 + everything.utf8.count))
    }

    @Test func patternsAreEqualByTheirSource() throws {
        #expect(try RegexPattern("a+") == RegexPattern("a+"))
        #expect(try RegexPattern("a+") != RegexPattern("a*"))
        #expect(try Set([RegexPattern("a+"), RegexPattern("a+")]).count == 1)
    }

    @Test func onePatternServesManyTasksAtOnce() async throws {
        let pattern = try RegexPattern(#"\\boxed\{(\d+)\}"#)
        let subject = MatchSubject(String(repeating: #"so \boxed{7} and "#, count: 200))
        let counts = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<8 {
                group.addTask { try pattern.allMatches(in: subject).count }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(counts == Array(repeating: 200, count: 8))
    }
}

import HorizonSegments
import HorizonTraces
import Testing

/// Segmenting a 10 MB output, timed and printed (a figure for the record, not a timed test:
/// the checks are on the results, so a slow machine does not fail it).
@Suite struct LargeSubjectBenchmarkTests {
    static let lineCount = 160_000
    static let line = "so we add 3 and 4 to get 7, and √49 = 7 checks out \\boxed{7}\n"
    /// About 10 MB of thinking lines, then `</think>` and an answer line.
    static let output = String(repeating: line, count: lineCount) + "</think>\n\nThe answer is 7."
    /// Where `</think>` starts.
    static let endMarkerOffset = line.utf8.count * lineCount

    func report(_ label: String, _ duration: Duration) {
        let milliseconds = Double(duration.components.attoseconds) / 1e15 + Double(duration.components.seconds) * 1e3
        print("benchmark \(label): \(milliseconds.formatted(.number.precision(.fractionLength(1)))) ms")
    }

    @Test func tenMegabyteOutputs() throws {
        let bytes = Array(Self.output.utf8)
        #expect(bytes.count > 10_000_000)
        let clock = ContinuousClock()

        var subject = MatchSubject("")
        report("validate 10 MB as UTF-8", clock.measure { subject = MatchSubject(bytes: bytes) })
        #expect(subject.isValidUTF8)

        let end = try RegexPattern("</think>")
        print("benchmark PCRE2 JIT in use: \(end.isJITCompiled)")
        var found: RegexMatch?
        report("first </think> at the end of 10 MB", try clock.measure { found = try end.firstMatch(in: subject) })
        #expect(found?.range.lowerBound == Self.endMarkerOffset)

        let boxed = try RegexPattern(#"\\boxed\{(\d+)\}"#)
        var count = 0
        report("all 160k \\boxed{} matches in 10 MB", try clock.measure {
            count = try boxed.allMatches(in: subject).count
        })
        #expect(count == Self.lineCount)

        let text = Trace(problemID: "big", text: Self.output)
        var segmented: SegmentedTrace?
        report("segment 10 MB text, deepseek-r1", try clock.measure {
            segmented = try Segmenter(profile: .deepseekR1).segment(text)
        })
        #expect(segmented?.answer == "\n\nThe answer is 7.")

        report("segment 10 MB text, plain (every line is a cue)", try clock.measure {
            segmented = try Segmenter(profile: .plain).segment(text)
        })
        #expect(segmented?.answer == "The answer is 7.")

        let unmarked = Trace(problemID: "big", text: String(repeating: "we add 3 and 4 to get 7.\n", count: 400_000))
        report("segment 10 MB text without markers, auto", try clock.measure {
            segmented = try Segmenter(.auto).segment(unmarked)
        })
        #expect(segmented?.profileName == "plain")

        let cut = MatchSubject(bytes: bytes + [0xE2])
        report("first </think> in 10 MB of invalid UTF-8", try clock.measure { found = try end.firstMatch(in: cut) })
        #expect(!cut.isValidUTF8 && found?.range.lowerBound == Self.endMarkerOffset)
    }
}

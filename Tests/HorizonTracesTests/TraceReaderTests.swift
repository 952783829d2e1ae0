import HorizonCommon
import Foundation
import HorizonTestSupport
import HorizonTraces
import Testing

/// Streaming, parallel parsing in input order, sample numbering, duplicates, invalid lines.
@Suite struct TraceReaderTests {
    /// Writes `text` to a new file in a fresh temporary directory.
    static func file(_ text: String, named name: String = "traces.jsonl") throws -> String {
        let url = try SharedData.temporaryDirectory("trace-reader").appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    static func lines(_ lines: [JSONText]) -> String { lines.map { $0.rendered() + "\n" }.joined() }

    /// A flat line with a small chat log-prob list.
    static func line(problem: String, sample: Int? = nil, text: String = "ab") -> JSONText {
        var members: [(String, JSONText)] = [("problem_id", .string(problem))]
        if let sample { members.append(("sample_index", .integer(sample))) }
        members.append(("text", .string(text)))
        members.append(("logprobs", TraceLines.chatLogProbs([TestStep(text, -0.5, top: [text: -0.5, "z": -1.5])])))
        return .object(members)
    }

    /// Everything the reader hands out, as (problem, sample, file, line) or the error.
    enum Seen: Equatable {
        case trace(String, Int?, String, Int)
        case invalid(TraceError.Reason, Int)
    }

    static func readAll(_ paths: [String], options: TraceReadOptions = TraceReadOptions()) throws -> ([Seen], TraceReadSummary) {
        var seen: [Seen] = []
        let summary = try TraceReader(paths: paths, options: options).read(
            transform: { trace in Seen.trace(trace.problemID, trace.sampleIndex, trace.source.file, trace.source.line) },
            consume: { item in
                switch item {
                case .trace(let value): seen.append(value)
                case .invalid(let error): seen.append(.invalid(error.reason, error.location.line))
                }
            })
        return (seen, summary)
    }

    @Test func manyBatchesOverSeveralFilesArriveInInputOrder() throws {
        // Tiny reads make hundreds of batches that the workers finish out of order.
        var paths: [String] = []
        var expected: [Seen] = []
        for fileIndex in 0..<3 {
            var lines: [JSONText] = []
            for lineIndex in 0..<400 {
                let problem = "f\(fileIndex)-p\(lineIndex % 37)"
                lines.append(Self.line(problem: problem, sample: lineIndex / 37, text: String(repeating: "x", count: lineIndex % 50 + 1)))
            }
            let path = try Self.file(Self.lines(lines), named: "part\(fileIndex).jsonl")
            paths.append(path)
            expected += (0..<400).map { .trace("f\(fileIndex)-p\($0 % 37)", $0 / 37, path, $0 + 1) }
        }
        let (seen, summary) = try Self.readAll(paths, options: TraceReadOptions(readBufferSize: 512))
        #expect(seen == expected)
        #expect(summary.files == 3)
        #expect(summary.lines == 1200)
        #expect(summary.traces == 1200)
        #expect(summary.invalidLines == 0 && summary.duplicates == 0 && summary.errors.isEmpty)
        let sizes = try paths.map { try FileManager.default.attributesOfItem(atPath: $0)[.size] as! Int }
        #expect(summary.bytes == sizes.reduce(0, +))
    }

    @Test func linesLongerThanTheReadBufferAndOddLineEndings() throws {
        let long = String(repeating: "\u{e9}t\u{e9} ", count: 20_000)  // 140 kB of text
        let text = "\u{FEFF}" + Self.line(problem: "a", text: long).rendered() + "\r\n"
            + "\n   \t\n"
            + Self.line(problem: "b").rendered() + "\r\n"
            + Self.line(problem: "c", text: long).rendered()  // no final line break
        let path = try Self.file(text)
        var texts: [String] = []
        let summary = try TraceReader(paths: [path], options: TraceReadOptions(readBufferSize: 100)).read(
            transform: { $0 }, consume: { item in if case .trace(let trace) = item { texts.append(trace.text) } })
        #expect(texts == [long, "ab", long])
        #expect(summary.lines == 5)
        #expect(summary.blankLines == 2)
        #expect(summary.traces == 3)
        #expect(summary.bytes == text.utf8.count - 3)  // the byte-order mark is not counted
    }

    @Test func samplesWithoutIndexGetTheNextFreeOneOfTheirProblem() throws {
        let path = try Self.file(Self.lines([
            Self.line(problem: "p", sample: 0), Self.line(problem: "p"), Self.line(problem: "q"),
            Self.line(problem: "p", sample: 2), Self.line(problem: "p"), Self.line(problem: "q", sample: 5),
            Self.line(problem: "q"),
        ]))
        let (seen, _) = try Self.readAll([path])
        #expect(seen.map { if case .trace(let problem, let sample, _, _) = $0 { "\(problem)\(sample!)" } else { "?" } }
            == ["p0", "p1", "q0", "p2", "p3", "q5", "q1"])
    }

    @Test func duplicateSampleIsReportedWithBothLinesAndTheFirstKept() throws {
        let first = try Self.file(Self.lines([Self.line(problem: "p", sample: 0, text: "first"), Self.line(problem: "p", sample: 1)]), named: "a.jsonl")
        let second = try Self.file(Self.lines([Self.line(problem: "p", sample: 0, text: "second"), Self.line(problem: "p")]), named: "b.jsonl")
        var errors: [TraceError] = []
        var texts: [String] = []
        let summary = try TraceReader(paths: [first, second], options: TraceReadOptions(skipInvalid: true)).read(
            transform: { $0 },
            consume: { item in
                switch item {
                case .trace(let trace): texts.append("\(trace.text)#\(trace.sampleIndex!)")
                case .invalid(let error): errors.append(error)
                }
            })
        #expect(texts == ["first#0", "ab#1", "ab#2"])
        let duplicate = try #require(errors.first)
        #expect(errors.count == 1)
        #expect(duplicate.reason == .duplicateSample)
        #expect(duplicate.location == SourceLocation(file: second, line: 1))
        #expect(duplicate.firstLocation == SourceLocation(file: first, line: 1))
        #expect(duplicate.description == "\(second):1: duplicate sample 0 of problem \"p\"; the first one, at \(first):1, is kept")
        #expect(summary.duplicates == 1 && summary.invalidLines == 0 && summary.traces == 3)
        #expect(summary.errors == [duplicate])

        // Without skipping, the duplicate stops the read.
        let thrown = try #require(throws: TraceError.self) { try Self.readAll([first, second]) }
        #expect(thrown == duplicate)
    }

    static let mixed = [
        Self.line(problem: "a").rendered(), "{\"problem_id\": \"b\", \"text\": ", Self.line(problem: "c").rendered(),
        #"{"text": "no id"}"#, Self.line(problem: "d").rendered(), #"{"id": "e"}"#, Self.line(problem: "f").rendered(),
    ].map { $0 + "\n" }.joined()

    /// With one line per batch and with all lines in one batch (where the reader resumes
    /// after a bad line by finding its line feed).
    @Test(arguments: [64, 1 << 20])
    func skippedInvalidLinesArriveInPlaceAndAreCounted(readBufferSize: Int) throws {
        let path = try Self.file(Self.mixed)
        let options = TraceReadOptions(skipInvalid: true, readBufferSize: readBufferSize, maxRecordedErrors: 2)
        let (seen, summary) = try Self.readAll([path], options: options)
        #expect(seen == [
            .trace("a", 0, path, 1), .invalid(.malformedJSON, 2), .trace("c", 0, path, 3), .invalid(.missingID, 4),
            .trace("d", 0, path, 5), .invalid(.missingText, 6), .trace("f", 0, path, 7),
        ])
        #expect(summary.invalidLines == 3)
        #expect(summary.traces == 4)
        #expect(summary.errors.map(\.reason) == [.malformedJSON, .missingID])  // capped at 2
        #expect(summary.errors.first?.message == "malformed JSON at byte 29: expected a value, found the end of the line")
    }

    @Test func withoutSkippingTheFirstInvalidLineStopsAfterWhatCameBefore() throws {
        let path = try Self.file(Self.mixed)
        var consumed: [String] = []
        let error = try #require(throws: TraceError.self) {
            _ = try TraceReader(paths: [path], options: TraceReadOptions(readBufferSize: 64)).read(
                transform: { $0.problemID }, consume: { item in if case .trace(let id) = item { consumed.append(id) } })
        }
        #expect(consumed == ["a"])
        #expect(error.reason == .malformedJSON)
        #expect(error.location == SourceLocation(file: path, line: 2))
    }

    @Test func summaryCountsLogProbOddities() throws {
        let text = Self.lines([
            .members(["id": "p", "text": "t"]),  // no log-probs
            .members(["id": "r", "responses": ["x", "y"]]),  // two without
            TraceLines.flat(["id": "q"], logProbs: .members(["content": [
                .members(["token": "a", "logprob": -1.0, "top_logprobs": []]),
                .members(["token": "b", "logprob": -1.0, "top_logprobs": [.members(["token": "c", "logprob": -0.5])]]),
                .members(["token": "d", "logprob": -1.0, "top_logprobs": [.members(["token": "e", "logprob": -0.5])]]),
            ]])),
        ])
        let (_, summary) = try Self.readAll([try Self.file(text)])
        #expect(summary.traces == 4)
        #expect(summary.tracesWithoutLogProbs == 3)
        #expect(summary.emptyTopLists == 1)
        #expect(summary.sampledNotInTop == 2)
    }

    @Test func unreadableFileFailsAfterTheFilesBeforeIt() throws {
        let good = try Self.file(Self.lines([Self.line(problem: "a")]))
        var consumed = 0
        let error = try #require(throws: TraceError.self) {
            _ = try TraceReader(paths: [good, "/nonexistent/traces.jsonl"]).read(
                transform: { $0 }, consume: { _ in consumed += 1 })
        }
        #expect(consumed == 1)
        #expect(error.reason == .unreadableInput)
        #expect(error.description == "/nonexistent/traces.jsonl: cannot open: No such file or directory")
    }

    struct TransformFailure: Error, Equatable { var problem: String }

    @Test func transformErrorsStopTheReadInOrder() throws {
        let path = try Self.file(Self.lines((0..<50).map { Self.line(problem: "p\($0)") }))
        var consumed: [String] = []
        let error = try #require(throws: TransformFailure.self) {
            _ = try TraceReader(paths: [path], options: TraceReadOptions(readBufferSize: 256)).read(
                transform: { trace in
                    if trace.problemID == "p30" { throw TransformFailure(problem: trace.problemID) }
                    return trace.problemID
                },
                consume: { item in if case .trace(let id) = item { consumed.append(id) } })
        }
        #expect(error == TransformFailure(problem: "p30"))
        #expect(consumed == (0..<30).map { "p\($0)" })
    }

    @Test func progressReportsGrowToTheTotal() throws {
        let path = try Self.file(Self.lines((0..<200).map { Self.line(problem: "p\($0)") }))
        var reports: [TraceReadProgress] = []
        let summary = try TraceReader(paths: [path], options: TraceReadOptions(readBufferSize: 1000)).read(
            transform: { _ in 0 }, consume: { _ in }, progress: { reports.append($0) })
        #expect(reports.count > 5)
        #expect(zip(reports, reports.dropFirst()).allSatisfy { $0.bytesRead < $1.bytesRead && $0.traces <= $1.traces })
        let last = try #require(reports.last)
        #expect(last == TraceReadProgress(bytesRead: summary.bytes, totalBytes: summary.bytes, lines: 200, traces: 200, elapsed: last.elapsed))
        #expect(zip(reports, reports.dropFirst()).allSatisfy { $0.elapsed <= $1.elapsed })
    }

    @Test func readAllCollectsTracesAndSummary() throws {
        let path = try Self.file(Self.lines([Self.line(problem: "a"), Self.line(problem: "b")]))
        let (traces, summary) = try TraceReader(paths: [path]).readAll()
        #expect(traces.map(\.problemID) == ["a", "b"])
        #expect(summary.traces == 2)
    }

    /// Standard input as a pipe: the streaming path (blocks carried over, a line longer than
    /// the buffer grown into, a last line without a line feed).
    @Test func standardInputIsStreamedForADash() throws {
        let long = String(repeating: "0123456789", count: 5_000)
        let text = "\u{FEFF}" + Self.lines([Self.line(problem: "a"), Self.line(problem: "b", text: long)])
            + "\n" + Self.line(problem: "c").rendered()
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        let (readEnd, writeEnd) = (ends[0], ends[1])
        let bytes = Array(text.utf8)
        let writer = Thread {
            var written = 0
            while written < bytes.count {
                let count = bytes.withUnsafeBytes { write(writeEnd, $0.baseAddress! + written, min(1000, bytes.count - written)) }
                if count <= 0 { break }
                written += count
            }
            close(writeEnd)
        }
        writer.start()
        let saved = dup(0)
        dup2(readEnd, 0)
        close(readEnd)
        defer {
            dup2(saved, 0)
            close(saved)
        }
        var texts: [String] = []
        let summary = try TraceReader(paths: ["-"], options: TraceReadOptions(readBufferSize: 700)).read(
            transform: { "\($0.problemID):\($0.source.file):\($0.source.line):\($0.text.count)" },
            consume: { item in if case .trace(let value) = item { texts.append(value) } })
        #expect(texts == ["a:<stdin>:1:2", "b:<stdin>:2:\(long.count)", "c:<stdin>:4:2"])
        #expect(summary.lines == 4 && summary.blankLines == 1)
        #expect(summary.bytes == bytes.count - 3)
    }

    /// A file whose size is a whole number of pages and whose last line has no line feed
    /// leaves no room for the terminator after it: it is streamed instead of mapped.
    @Test func pageSizedFileWithoutFinalLineFeed() throws {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let head = Self.line(problem: "a").rendered() + "\n"
        let prefix = #"{"problem_id": "b", "text": ""#
        let padding = String(repeating: "y", count: 2 * page - head.utf8.count - prefix.utf8.count - 2)
        let text = head + prefix + padding + #""}"#
        #expect(text.utf8.count == 2 * page)
        let (traces, summary) = try TraceReader(paths: [try Self.file(text)]).readAll()
        #expect(traces.map(\.problemID) == ["a", "b"])
        #expect(traces.last?.text == padding)
        #expect(summary.bytes == 2 * page)
    }

    /// A file of a whole number of pages ending in its line feed is mapped; nothing may be
    /// read past its end.
    @Test func pageSizedFileEndingInALineFeed() throws {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let prefix = #"{"problem_id": "a", "text": ""#
        let padding = String(repeating: "z", count: page - prefix.utf8.count - 3)
        let text = prefix + padding + "\"}\n"
        #expect(text.utf8.count == page)
        let (traces, summary) = try TraceReader(paths: [try Self.file(text)], options: TraceReadOptions(readBufferSize: 100)).readAll()
        #expect(traces.map(\.text) == [padding])
        #expect(summary.bytes == page)
    }
}

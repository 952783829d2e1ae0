import HorizonCommon
import Foundation
import HorizonTestSupport
import HorizonTraces
import Testing

/// gzip and zstd traces, compressed by the system's `gzip` and `zstd`, read as their text.
@Suite struct CompressedTraceTests {
    typealias Seen = TraceReaderTests.Seen

    static let tools = ["gzip", "zstd"]

    /// 300 lines of varied length: with small reads they span many batches and frames.
    static let text = Data(
        TraceReaderTests.lines(
            (0..<300).map { TraceReaderTests.line(problem: "p\($0 % 23)", sample: $0 / 23, text: String(repeating: "y", count: $0 % 40 + 1)) }
        ).utf8)

    static func write(_ data: Data, named name: String) throws -> String {
        let url = try SharedData.temporaryDirectory("compressed-traces").appendingPathComponent(name)
        try data.write(to: url)
        return url.path
    }

    /// What the plain text reads as, with `path` as the file name.
    static func expected(_ text: Data, as path: String) throws -> [Seen] {
        let plain = try write(text, named: "plain.jsonl")
        return try TraceReaderTests.readAll([plain]).0.map {
            guard case .trace(let problem, let sample, _, let line) = $0 else { return $0 }
            return .trace(problem, sample, path, line)
        }
    }

    @Test(arguments: tools)
    func aCompressedFileReadsAsItsTextWithItsLineNumbers(tool: String) throws {
        let path = try Self.write(try SystemCompressor.compress(Self.text, with: tool), named: "traces.jsonl.\(tool)")
        let (seen, summary) = try TraceReaderTests.readAll([path], options: TraceReadOptions(readBufferSize: 700))
        #expect(seen == (try Self.expected(Self.text, as: path)))
        #expect(summary.traces == 300)
        #expect(summary.bytes == (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int))
    }

    /// The text compressed 37 lines at a time, the parts concatenated: what appending writers
    /// leave (`gzip -c part >> file`, a zstd frame per line, and so on).
    static func concatenatedParts(with tool: String) throws -> Data {
        let lines = text.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).dropLast()
        var compressed = Data()
        for part in stride(from: 0, to: lines.count, by: 37) {
            let text = lines[part..<min(part + 37, lines.count)].map { Data($0) + [10] }.reduce(Data(), +)
            compressed += try SystemCompressor.compress(text, with: tool)
        }
        return compressed
    }

    @Test(arguments: tools)
    func concatenatedMembersOrFramesReadAsOneText(tool: String) throws {
        let compressed = try Self.concatenatedParts(with: tool)
        let path = try Self.write(compressed, named: "appended.\(tool)")
        #expect(try SystemCompressor.decompress(compressed, with: tool) == Self.text)
        let (seen, _) = try TraceReaderTests.readAll([path], options: TraceReadOptions(readBufferSize: 512))
        #expect(seen == (try Self.expected(Self.text, as: path)))
    }

    @Test func theMagicBytesDecideNotTheName() throws {
        let zstdNamedPlain = try Self.write(try SystemCompressor.compress(Self.text, with: "zstd"), named: "traces.jsonl")
        let plainNamedGzip = try Self.write(Self.text, named: "traces.jsonl.gz")
        #expect(try TraceReaderTests.readAll([zstdNamedPlain]).0 == (try Self.expected(Self.text, as: zstdNamedPlain)))
        #expect(try TraceReaderTests.readAll([plainNamedGzip]).0 == (try Self.expected(Self.text, as: plainNamedGzip)))
    }

    @Test(arguments: tools)
    func anEmptyCompressedFileIsAnEmptyInput(tool: String) throws {
        // A valid member or frame holding no text says nothing, like an empty plain file.
        let path = try Self.write(try SystemCompressor.compress(Data(), with: tool), named: "empty.\(tool)")
        let error = try #require(throws: TraceError.self) { try TraceReader(paths: [path]).readAll() }
        #expect(error.reason == .emptyInput)
        #expect(error.location.file == path)
    }

    @Test(arguments: tools)
    func anInvalidLineIsLocatedInTheDecompressedText(tool: String) throws {
        var text = Self.text
        text += Data("{\"problem_id\": \"broken\", \"text\": \n".utf8)
        let path = try Self.write(try SystemCompressor.compress(text, with: tool), named: "invalid.\(tool)")
        let error = try #require(throws: TraceError.self) { try TraceReader(paths: [path]).readAll() }
        #expect(error.reason == .malformedJSON)
        #expect(error.location == SourceLocation(file: path, line: 301))
    }

    @Test(arguments: tools, [512, 1 << 20])
    func aTruncatedFileFailsNamingTheFileAndTheLineItBreaksIn(tool: String, readBufferSize: Int) throws {
        // Several parts, so that whole lines decode before the cut (zstd decodes whole blocks).
        let compressed = try Self.concatenatedParts(with: tool)
        let path = try Self.write(compressed.prefix(compressed.count * 2 / 3), named: "truncated.\(tool)")
        var consumed = 0
        let error = try #require(throws: TraceError.self) {
            _ = try TraceReader(paths: [path], options: TraceReadOptions(readBufferSize: readBufferSize)).read(
                transform: { $0 }, consume: { _ in consumed += 1 })
        }
        #expect(error.reason == .unreadableInput)
        #expect(consumed >= 185)  // the first five parts are whole
        #expect(error.location == SourceLocation(file: path, line: consumed + 1))
        #expect(error.message.hasPrefix("truncated \(tool) data"))
    }

    @Test(arguments: tools)
    func corruptDataFailsNamingTheFile(tool: String) throws {
        var compressed = try SystemCompressor.compress(Self.text, with: tool)
        for offset in stride(from: compressed.count / 3, to: compressed.count / 3 + 8, by: 1) { compressed[offset] ^= 0x5A }
        let path = try Self.write(compressed, named: "corrupt.\(tool)")
        // The decoder may hand out garbage lines before it notices; those are skipped here.
        let error = try #require(throws: TraceError.self) { try TraceReader(paths: [path], options: TraceReadOptions(skipInvalid: true)).readAll() }
        #expect(error.reason == .unreadableInput)
        #expect(error.location.file == path)
        #expect(error.message.hasPrefix("corrupt \(tool) data"))
    }

    @Test func garbageAfterTheLastGzipMemberIsAnError() throws {
        let compressed = try SystemCompressor.compress(Self.text, with: "gzip") + Data("not gzip\n".utf8)
        let path = try Self.write(compressed, named: "trailing.gz")
        let error = try #require(throws: TraceError.self) { try TraceReader(paths: [path]).readAll() }
        #expect(error.description == "\(path):301: data after the last gzip member is not gzip")
    }

    /// Reads `data` through a FIFO: a stream, like standard input, whose magic bytes are peeked.
    static func readThroughFIFO(_ data: Data, skipInvalid: Bool = false) throws -> ([Seen], TraceReadSummary, path: String) {
        let path = try SharedData.temporaryDirectory("compressed-fifo").appendingPathComponent("traces.fifo").path
        #expect(mkfifo(path, 0o600) == 0)
        let writer = Thread {
            guard let handle = FileHandle(forWritingAtPath: path) else { return }
            handle.write(data)
            try? handle.close()
        }
        writer.start()
        let (seen, summary) = try TraceReaderTests.readAll([path], options: TraceReadOptions(skipInvalid: skipInvalid, readBufferSize: 600))
        return (seen, summary, path)
    }

    @Test(arguments: tools)
    func aCompressedStreamIsRecognisedToo(tool: String) throws {
        let (seen, _, path) = try Self.readThroughFIFO(try SystemCompressor.compress(Self.text, with: tool))
        #expect(seen == (try Self.expected(Self.text, as: path)))
    }

    @Test func aPlainStreamShorterThanAMagicIsStillRead() throws {
        let (seen, summary, path) = try Self.readThroughFIFO(Data("{}\n".utf8), skipInvalid: true)
        #expect(seen == [.invalid(.missingID, 1)])
        #expect(summary.lines == 1, "\(path)")
    }

    @Test(arguments: tools)
    func contentsOfAFileIsItsDecompressedText(tool: String) throws {
        let path = try Self.write(try SystemCompressor.compress(Self.text, with: tool), named: "whole.\(tool)")
        #expect(Data(try TraceReader.contents(of: path)) == Self.text)
    }
}

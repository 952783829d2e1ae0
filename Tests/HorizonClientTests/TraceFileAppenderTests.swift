import Foundation
import HorizonTestSupport
import HorizonTraces
import Testing
@testable import HorizonClient

/// What the appender leaves in the file: the lines in order, each with its newline, also when
/// one call carries more lines than one `writev(2)` takes (a long budget-forcing chain), and
/// whatever pieces a line is made of (a response's log-probs are one of their own).
@Suite struct TraceFileAppenderTests {
    static func lines(_ count: Int, from first: Int = 0) -> [[UInt8]] {
        (first..<(first + count)).map { Array("{\"id\": \"p\(first)\", \"sample\": \($0), \"text\": \"\(String(repeating: "x", count: $0 % 7))\"}".utf8) }
    }

    /// `line` as three pieces, cut at different places from line to line (some empty).
    static func pieces(_ line: [UInt8], _ index: Int) -> LineText {
        let first = min(line.count, index % 5)
        let second = max(first, line.count - index % 3)
        return LineText(pieces: [line[..<first], line[first..<second], line[second...]])
    }

    static func expected(_ calls: [[[UInt8]]]) -> [UInt8] {
        calls.flatMap { $0.flatMap { $0 + [UInt8(ascii: "\n")] } }
    }

    @Test("calls of 1, 3 and 1,500 lines (6,000 I/O vectors) land whole and in order", arguments: [false, true])
    func linesLandInOrder(compressed: Bool) throws {
        let directory = try SharedData.temporaryDirectory("appender")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent(compressed ? "out.jsonl.zst" : "out.jsonl").path
        let calls = [Self.lines(1), Self.lines(3, from: 1), Self.lines(1500, from: 4)]
        let appender = try TraceFileAppender(path: path, compression: compressed ? .zstd : nil)
        for call in calls { try appender.append(call.enumerated().map { Self.pieces($1, $0) }) }
        try appender.close()
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        if compressed { bytes = [UInt8](try SystemCompressor.decompress(Data(bytes), with: "zstd")) }
        #expect(bytes == Self.expected(calls))
    }
}

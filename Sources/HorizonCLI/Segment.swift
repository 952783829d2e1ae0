import ArgumentParser
import Foundation
import Horizon
import HorizonCommon

struct Segment: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Split traces into thinking and answer spans, one JSON line per trace.",
        discussion: "Use it to check a profile on your own outputs before trusting per-segment numbers.")

    @OptionGroup var input: TraceInputOptions
    @OptionGroup var segmentation: SegmentationOptions

    @Option(help: "Write the JSON lines here (default: standard output).")
    var out: String?

    func run() throws {
        let segmenter = try segmentation.segmenter()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let sink = try LineSink(path: out)
        var truncated = 0, total = 0
        let summary = try TraceReader(paths: input.traces, options: input.readOptions).read(
            transform: { trace in
                let segmented = try segmenter.segment(trace)
                var line = try encoder.encode(SegmentRecord(segmented))
                line.append(UInt8(ascii: "\n"))
                return (line, segmented.flags.truncated)
            },
            consume: { item in
                switch item {
                case .trace(let (line, isTruncated)):
                    try sink.write(line)
                    total += 1
                    if isTruncated { truncated += 1 }
                case .invalid(let error):
                    note("skipped: \(error)")
                }
            })
        try sink.close()
        note("\(total) traces segmented (\(truncated) with unfinished thinking); \(summary.invalidLines + summary.duplicates) lines skipped")
    }
}

/// Appends lines to a file or standard output.
final class LineSink {
    private let handle: FileHandle
    private let ownsHandle: Bool

    init(path: String?) throws {
        if let path, path != "-" {
            // open(2) rather than FileManager.createFile, which replaces the path atomically:
            // that turned `--out /dev/null` (run as root) into a regular file.
            let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            guard descriptor >= 0 else {
                throw CommandError(.unwritable(String(cString: strerror(errno))), at: SourceLocation(file: path))
            }
            handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
            ownsHandle = true
        } else {
            handle = .standardOutput
            ownsHandle = false
        }
    }

    func write(_ data: Data) throws {
        try handle.write(contentsOf: data)
    }

    func close() throws {
        if ownsHandle { try handle.close() }
    }
}

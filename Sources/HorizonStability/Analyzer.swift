import HorizonTraces

import Foundation

/// `horizon analyze`: reads trace files, segments and measures every trace in parallel, and
/// folds the results into an ``Analysis``.
///
/// ```swift
/// let analysis = try Analyzer(
///     readOptions: TraceReadOptions(),
///     recordOptions: SampleRecordOptions(segmenter: Segmenter(.auto)),
///     analysisOptions: AnalysisOptions()
/// ).analyze(paths: ["traces.jsonl"])
/// ```
public struct Analyzer: Sendable {
    public var readOptions: TraceReadOptions
    public var recordOptions: SampleRecordOptions
    public var analysisOptions: AnalysisOptions

    public init(readOptions: TraceReadOptions, recordOptions: SampleRecordOptions, analysisOptions: AnalysisOptions) {
        self.readOptions = readOptions
        self.recordOptions = recordOptions
        self.analysisOptions = analysisOptions
    }

    /// Reads, measures and aggregates.
    ///
    /// - Parameters:
    ///   - paths: JSONL trace files (`-` for standard input), read in order.
    ///   - golds: Gold answers by problem id from a problem set; a trace's own gold wins.
    ///   - progress: Called after each block read, for a progress line.
    /// - Throws: The first invalid line's ``TraceError`` unless `readOptions.skipInvalid`;
    ///   ``SegmentationError`` when a pattern fails on an output.
    public func analyze(
        paths: [String], golds: [String: String] = [:], progress: ((TraceReadProgress) -> Void)? = nil
    ) throws -> Analysis {
        var builder = AnalysisBuilder(options: analysisOptions)
        builder.inputs = paths.map { path in
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
            return AnalysisInput(path: path, bytes: size ?? 0)
        }
        let recordOptions = self.recordOptions
        let summary = try TraceReader(paths: paths, options: readOptions).read(
            transform: { trace in
                var trace = trace
                if trace.gold == nil { trace.gold = golds[trace.problemID] }
                return try SampleRecord(trace, options: recordOptions)
            },
            consume: { item in
                switch item {
                case .trace(let record): try builder.add(record)
                case .invalid(let error):
                    builder.addInvalid(file: error.location.file, line: error.location.line, message: error.message)
                }
            },
            progress: progress)
        builder.counts.lines = summary.lines
        builder.counts.duplicates = summary.duplicates
        builder.counts.invalidLines = summary.invalidLines
        builder.counts.emptyTopLists = summary.emptyTopLists
        builder.counts.sampledNotInTop = summary.sampledNotInTop
        return builder.finish(horizonVersion: horizonVersion)
    }
}

import Foundation
import HorizonAnswers
import HorizonSegments
import HorizonTraces

/// `horizon analyze`: reads trace and probe files, segments and measures every trace in
/// parallel, and folds the results into an ``Analysis`` — or, for one shard of the problems,
/// into the ``AnalysisState`` a part file carries.
///
/// ```swift
/// let analysis = try Analyzer(
///     readOptions: TraceReadOptions(), segmenter: Segmenter(.auto), options: AnalysisOptions()
/// ).analyze(paths: ["traces.jsonl"])
/// ```
public struct Analyzer: Sendable {
    /// Reads probe files into measured records (the `Horizon` module's `ProbeReader.read`):
    /// probe lines need the client's JSON reader, which this stage does not depend on.
    public typealias ProbeFileReader = @Sendable (_ paths: [String], _ options: SampleRecordOptions) throws -> [ProbeRecord]

    public var readOptions: TraceReadOptions
    public var segmenter: Segmenter
    public var extractor: AnswerExtractor
    public var options: AnalysisOptions
    /// How probe files become records: ``ProbeReader/read(paths:options:)`` unless a test
    /// supplies its records.
    public var readProbes: ProbeFileReader

    public init(
        readOptions: TraceReadOptions, segmenter: Segmenter, extractor: AnswerExtractor = AnswerExtractor(),
        options: AnalysisOptions, readProbes: @escaping ProbeFileReader = ProbeReader.read
    ) {
        self.readOptions = readOptions
        self.segmenter = segmenter
        self.extractor = extractor
        self.options = options
        self.readProbes = readProbes
    }

    /// How each trace becomes a ``SampleRecord``: the options' truncation and span rules with
    /// this segmenter and extractor.
    public var recordOptions: SampleRecordOptions {
        options.recordOptions(segmenter: segmenter, extractor: extractor)
    }

    /// Reads, measures and aggregates.
    ///
    /// - Parameters:
    ///   - paths: JSONL trace files (`-` for standard input), read in order.
    ///   - probes: Probe files from `horizon probe`, summarized beside the traces.
    ///   - golds: Gold answers by problem id from a problem set; a trace's own gold wins.
    ///   - progress: Called after each block read, for a progress line.
    /// - Throws: The first invalid line's ``TraceError`` unless `readOptions.skipInvalid`;
    ///   ``SegmentationError`` when a pattern fails on an output.
    public func analyze(
        paths: [String], probes: [String] = [], golds: [String: String] = [:],
        progress: ((TraceReadProgress) -> Void)? = nil
    ) throws -> Analysis {
        let state = try gather(paths: paths, probes: probes, golds: golds, progress: progress)
        return AnalysisBuilder(options: options, state: state).finish(horizonVersion: horizonVersion)
    }

    /// Reads and measures the traces and probes of one shard's problems, and returns what a part
    /// file carries. Every line is read (the input-level counts cover all of them); only the
    /// shard's problems are segmented and measured.
    ///
    /// - Parameter splitInput: The trace files hold only this shard's problems (`horizon
    ///   split` wrote them): their counts are this shard's share, an empty file is no error, and
    ///   a line of another shard's problem is one (it would be counted twice). Probe files are
    ///   read whole either way and filtered to the shard's problems.
    /// - Throws: as ``analyze(paths:probes:golds:progress:)``; with `splitInput`,
    ///   ``AnalysisError/Reason/foreignProblem(problemID:belongsTo:reading:)`` naming the line.
    public func gather(
        paths: [String], probes: [String] = [], golds: [String: String] = [:], shard: Shard = .whole,
        splitInput: Bool = false, progress: ((TraceReadProgress) -> Void)? = nil
    ) throws -> AnalysisState {
        var builder = AnalysisBuilder(options: options)
        builder.state.inputs = (paths.map { ($0, AnalysisInput.Role.traces) } + probes.map { ($0, .probes) }).map { path, role in
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
            return AnalysisInput(path: path, bytes: size ?? 0, role: role)
        }
        let recordOptions = self.recordOptions
        var readOptions = self.readOptions
        if splitInput { readOptions.allowsEmptyInputs = true }
        let summary = try TraceReader(paths: paths, options: readOptions).read(
            transform: { trace -> SampleRecord? in
                guard shard.contains(problemID: trace.problemID) else {
                    guard !splitInput else {
                        let owner = Shard(index: Shard.index(of: trace.problemID, count: shard.count), count: shard.count)!
                        throw AnalysisError(.foreignProblem(problemID: trace.problemID, belongsTo: owner, reading: shard), at: trace.source)
                    }
                    return nil
                }
                var trace = trace
                if trace.gold == nil { trace.gold = golds[trace.problemID] }
                return try SampleRecord(trace, options: recordOptions)
            },
            consume: { item in
                switch item {
                case .trace(let record): if let record { try builder.add(record) }
                case .invalid(let error):
                    builder.addInvalid(file: error.location.file, line: error.location.line, message: error.message)
                }
            },
            progress: progress)
        builder.state.readCounts.lines = summary.lines
        builder.state.readCounts.duplicates = summary.duplicates
        builder.state.readCounts.invalidLines = summary.invalidLines
        builder.state.readCounts.emptyTopLists = summary.emptyTopLists
        builder.state.readCounts.sampledNotInTop = summary.sampledNotInTop
        if !probes.isEmpty {
            for probe in try readProbes(probes, recordOptions) where shard.contains(problemID: probe.problemID) {
                builder.add(probe)
            }
        }
        return builder.state
    }
}

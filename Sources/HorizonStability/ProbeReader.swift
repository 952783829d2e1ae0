import Foundation
import HorizonCommon
import HorizonEntropy
import HorizonSegments
import HorizonTraces

/// Reads the continuations `horizon probe` wrote and measures each one.
///
/// A probe line is a trace line with a `probe` object (`kind`, `length`, `length_unit`,
/// `kept_tokens` or `position`), the `prefix` it continued and, for truncation, the
/// `answer_prefix` (docs/sampling.md). The answer graded for a truncation probe is
/// `answer_prefix + text`; for a resample, the answer span of `prefix + text`. A budget-forcing
/// line (`kind` `budget_force`) is an extension (`part` `extension`: its tokens are measured) or
/// an answer forced after `waits` extensions (`part` `answer`, graded like a truncation probe).
public enum ProbeReader {
    /// Probe files may be gzip or zstd compressed, like traces.
    ///
    /// - Throws: ``TraceError`` naming the file and line of a line that is not a probe line, or
    ///   the file when it holds no probe line.
    public static func read(paths: [String], options: SampleRecordOptions) throws -> [ProbeRecord] {
        var records: [ProbeRecord] = []
        let parser = TraceParser(keeping: keptMembers)
        for path in paths {
            let data = try TraceReader.contents(of: path)
            var lineNumber = 0
            let recordsBefore = records.count
            for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
                lineNumber += 1
                guard line.contains(where: { $0 > 0x20 }) else { continue }
                let location = SourceLocation(file: path, line: lineNumber)
                records.append(try record(Array(line), at: location, parser: parser, options: options))
            }
            if records.count == recordsBefore {
                throw TraceError(.emptyInput, at: SourceLocation(file: path, line: 0), "no probe lines: the file is empty or holds only blank lines")
            }
        }
        return records
    }

    /// The members of a probe line that are not trace fields.
    static let keptMembers = ["probe", "prefix", "answer_prefix", "usage"]

    static func record(_ line: [UInt8], at location: SourceLocation, parser: TraceParser, options: SampleRecordOptions) throws -> ProbeRecord {
        func invalid(_ message: String) -> TraceError {
            TraceError(.invalidField, at: location, message)
        }
        // One parse of the line, by the trace parser; only the small probe members are read
        // into values afterwards.
        let (traces, members) = try parser.parseLine(line, at: location)
        func member(_ name: String) throws -> JSONValue? {
            guard let text = members[name] else { return nil }
            do { return try JSONValue(parsing: text) } catch { throw invalid("`\(name)`: \(error)") }
        }
        guard let probe = try member("probe"), let kindName = probe["kind"]?.stringValue else {
            throw invalid("not a probe line (no `probe.kind`): analyze traces as TRACES, probe output with --probes")
        }
        guard let trace = traces.first?.trace else { throw invalid("no output in the probe line") }
        let prefix = try member("prefix")?.stringValue ?? ""
        let kind: ProbeRecord.Kind
        let answerText: String
        switch kindName {
        case "truncation":
            guard let length = probe["length"]?.doubleValue else { throw invalid("truncation probe without `length`") }
            kind = .truncation(length: length, unit: probe["length_unit"]?.stringValue ?? "tokens")
            answerText = (try member("answer_prefix")?.stringValue ?? "") + trace.text
        case "resample":
            guard let position = probe["position"]?.intValue else { throw invalid("resample probe without `position`") }
            kind = .resample(position: position)
            let whole = Trace(problemID: trace.problemID, text: prefix + trace.text, source: location)
            answerText = try options.segmenter.segment(whole).answer
        case "budget_force":
            guard let waits = probe["waits"]?.intValue, waits >= 0 else { throw invalid("budget_force probe without `waits` (an integer >= 0)") }
            switch probe["part"]?.stringValue {
            case "answer":
                kind = .budgetAnswer(waits: waits)
                answerText = (try member("answer_prefix")?.stringValue ?? "") + trace.text
            case "extension":
                guard waits >= 1 else { throw invalid("budget_force extension with `waits` \(waits); extensions count from 1") }
                kind = .budgetExtension(waits: waits)
                answerText = ""
            default:
                throw invalid("budget_force probe whose `part` is neither \"answer\" nor \"extension\"")
            }
        default:
            throw invalid("unknown probe kind '\(kindName)'")
        }
        // An extension that added no text added no thinking, whatever tokens the server counted
        // on its way to the stop string.
        let addedNothing = { if case .budgetExtension = kind { trace.text.isEmpty && (trace.reasoning ?? "").isEmpty } else { false } }()
        let measures = addedNothing ? nil : trace.logProbs.flatMap { $0.count > 0 ? TokenStatistics($0, options: options.tokenOptions).measures : nil }
        return ProbeRecord(
            kind: kind, problemID: trace.problemID, sampleIndex: trace.sampleIndex ?? 0,
            index: probe["index"]?.intValue ?? 0, gold: trace.gold,
            keptTokens: probe["kept_tokens"]?.intValue ?? 0, thinkingTokens: probe["thinking_tokens"]?.intValue, answer: options.extractor.extract(from: answerText),
            measures: measures,
            tokensSpent: addedNothing ? 0 : try member("usage")?["completion_tokens"]?.intValue ?? trace.logProbs?.count ?? 0,
            extensionTokens: probe["extension_tokens"]?.intValue,
            finishReason: trace.finishReason)
    }
}

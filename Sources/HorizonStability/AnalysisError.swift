import Foundation

/// An analysis or part file could not be used, or part files do not merge.
public struct AnalysisError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        case unreadable(String)
        case malformed(String)
        case wrongSchema(String)
        case newerVersion(Int)
        /// A part file expected, another schema found.
        case notAPart(String)
        /// A part file of another part schema version.
        case partVersion(Int)
        /// Part files that do not belong to one analysis (versions, settings, inputs).
        case partsDiffer(String)
        /// Shards missing or given twice.
        case shardsIncomplete(String)
    }

    public var file: String
    public var reason: Reason

    public init(file: String, reason: Reason) {
        self.file = file
        self.reason = reason
    }

    public var description: String {
        switch reason {
        case .unreadable(let why): return "\(file): cannot read: \(why)"
        case .malformed(let why): return "\(file): not a valid analysis: \(why)"
        case .wrongSchema(let schema) where schema == AnalysisPart.schemaName:
            return "\(file): is a part file of `analyze --shard`: merge every shard with `horizon merge` and read the merged analysis"
        case .wrongSchema(let schema): return "\(file): schema is '\(schema)', expected 'horizon.analysis'"
        case .newerVersion(let version):
            return "\(file): schema_version \(version) is newer than this horizon understands (\(Analysis.currentSchemaVersion))"
        case .notAPart(let schema):
            return "\(file): schema is '\(schema)', expected '\(AnalysisPart.schemaName)' (write parts with `horizon analyze --shard I/N`)"
        case .partVersion(let version):
            return "\(file): part schema_version \(version), this horizon merges version \(AnalysisPart.currentSchemaVersion) only"
        case .partsDiffer(let why): return "\(file): cannot merge: \(why)"
        case .shardsIncomplete(let why): return "\(file): cannot merge: \(why)"
        }
    }

    /// One line naming the JSON path and what was wrong, instead of DecodingError's dump.
    public static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.isEmpty ? "top level" : keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "missing key '\(key.stringValue)' at \(path(context.codingPath))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\(context.debugDescription) at \(path(context.codingPath))"
        case .dataCorrupted(let context):
            return "\(context.debugDescription) at \(path(context.codingPath))"
        @unknown default:
            return String(describing: error)
        }
    }
}

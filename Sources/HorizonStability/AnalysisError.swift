import HorizonCommon

/// An analysis or part file, or a file of analysis settings (a reflection-marker list), could not be
/// used, or part files do not merge.
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
        /// A line of a shard's own input (`--split-input`) holds a problem of another shard.
        case foreignProblem(problemID: String, belongsTo: Shard, reading: Shard)
        /// A reflection marker with no word in it (the location names its line).
        case invalidMarker(String)
        /// A reflection-marker list without a marker.
        case noMarkers
    }

    public var reason: Reason
    /// The analysis file.
    public var location: SourceLocation

    public init(_ reason: Reason, at location: SourceLocation) {
        self.reason = reason
        self.location = location
    }

    public var description: String {
        switch reason {
        case .unreadable(let why): return "\(location): cannot read: \(why)"
        case .malformed(let why): return "\(location): not a valid analysis: \(why)"
        case .wrongSchema(let schema) where schema == AnalysisPart.schemaName:
            return "\(location): is a part file of `analyze --shard`: merge every shard with `horizon merge` and read the merged analysis"
        case .wrongSchema(let schema): return "\(location): schema is '\(schema)', expected 'horizon.analysis'"
        case .newerVersion(let version):
            return "\(location): schema_version \(version) is newer than this horizon understands (\(Analysis.currentSchemaVersion))"
        case .notAPart(let schema):
            return "\(location): schema is '\(schema)', expected '\(AnalysisPart.schemaName)' (write parts with `horizon analyze --shard I/N`)"
        case .partVersion(let version):
            return "\(location): part schema_version \(version), this horizon merges versions \(AnalysisPart.readableSchemaVersions.lowerBound) to \(AnalysisPart.readableSchemaVersions.upperBound)"
        case .partsDiffer(let why), .shardsIncomplete(let why): return "\(location): cannot merge: \(why)"
        case .foreignProblem(let problemID, let owner, let reading):
            return "\(location): problem \"\(problemID)\" belongs to shard \(owner), not \(reading): with --split-input every line must be of "
                + "this shard's problems (split with `horizon split --shards \(reading.count)`); counting it here would count it twice"
        case .invalidMarker(let text): return "\(location): reflection marker '\(text)' has no word in it"
        case .noMarkers: return "\(location): no reflection markers (one phrase per line; # starts a comment)"
        }
    }
}

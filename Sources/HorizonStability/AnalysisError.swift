import HorizonCommon

/// An analysis file could not be used.
public struct AnalysisError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        case unreadable(String)
        case malformed(String)
        case wrongSchema(String)
        case newerVersion(Int)
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
        case .wrongSchema(let schema): return "\(location): schema is '\(schema)', expected 'horizon.analysis'"
        case .newerVersion(let version):
            return "\(location): schema_version \(version) is newer than this horizon understands (\(Analysis.currentSchemaVersion))"
        }
    }
}

import HorizonCommon

/// A report could not be written.
public struct ReportError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// No analysis was given.
        case noAnalyses
        /// The output folder could not be created (the underlying error's description).
        case cannotCreateDirectory(String)
        /// A file could not be written (the underlying error's description).
        case cannotWrite(String)
    }

    public var reason: Reason
    /// The file or folder concerned (none for ``Reason/noAnalyses``).
    public var location: SourceLocation?

    public init(_ reason: Reason, at location: SourceLocation? = nil) {
        self.reason = reason
        self.location = location
    }

    public var description: String {
        switch reason {
        case .noAnalyses: return "no analysis to report on: give at least one analysis file"
        case .cannotCreateDirectory(let why): return "\(location?.description ?? ""): cannot create the report folder: \(why)"
        case .cannotWrite(let why): return "\(location?.description ?? ""): cannot write: \(why)"
        }
    }
}

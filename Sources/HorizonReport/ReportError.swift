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

    /// The file or folder concerned (empty for ``Reason/noAnalyses``).
    public var path: String
    public var reason: Reason

    public init(path: String = "", reason: Reason) {
        self.path = path
        self.reason = reason
    }

    public var description: String {
        switch reason {
        case .noAnalyses: return "no analysis to report on: give at least one analysis file"
        case .cannotCreateDirectory(let why): return "\(path): cannot create the report folder: \(why)"
        case .cannotWrite(let why): return "\(path): cannot write: \(why)"
        }
    }
}

import Foundation

/// An analysis file, or a file of analysis settings (a reflection-marker list), could not be used.
public struct AnalysisError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        case unreadable(String)
        case malformed(String)
        case wrongSchema(String)
        case newerVersion(Int)
        /// A reflection-marker list's line with no word in it (line 0: the list is empty).
        case invalidMarker(line: Int, String)
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
        case .wrongSchema(let schema): return "\(file): schema is '\(schema)', expected 'horizon.analysis'"
        case .newerVersion(let version):
            return "\(file): schema_version \(version) is newer than this horizon understands (\(Analysis.currentSchemaVersion))"
        case .invalidMarker(let line, let text):
            return line == 0
                ? "\(file): no reflection markers (one phrase per line; # starts a comment)"
                : "\(file):\(line): reflection marker '\(text)' has no word in it"
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

import Foundation

/// A server API key, read from an environment variable and sent only as a bearer token.
///
/// Printing, interpolating or dumping an `APIKey` shows `<redacted>`; the key is not `Codable`,
/// so it cannot end up in a trace, a manifest or a report by accident.
public struct APIKey: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The key itself; only ``CompletionRequest/httpRequest(baseURL:apiKey:)`` reads it.
    let secret: String

    public init(_ secret: String) { self.secret = secret }

    /// The key in environment variable `name`, or `nil` when unset or empty (a local server needs
    /// none).
    public static func fromEnvironment(
        _ name: String,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> APIKey? {
        guard let value = environment[name], !value.isEmpty else { return nil }
        return APIKey(value)
    }

    public var description: String { "<redacted>" }
    public var debugDescription: String { "<redacted>" }
    public var customMirror: Mirror { Mirror(self, children: []) }
}

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

    /// `text` with every occurrence of the key replaced by `<redacted>`: a server may echo the
    /// request's `Authorization` header in an error body or even in a completion.
    public func redacting(_ text: String) -> String {
        secret.isEmpty ? text : text.replacingOccurrences(of: secret, with: "<redacted>")
    }

    /// `bytes` (a line about to be written) with every occurrence of the key replaced.
    public func redacting(_ bytes: [UInt8]) -> [UInt8] {
        let key = Array(secret.utf8)
        guard !key.isEmpty, bytes.count >= key.count else { return bytes }
        var result: [UInt8] = []
        var start = 0
        var index = 0
        while index + key.count <= bytes.count {
            if bytes[index] == key[0] && bytes[index..<index + key.count].elementsEqual(key) {
                result.append(contentsOf: bytes[start..<index])
                result.append(contentsOf: "<redacted>".utf8)
                index += key.count
                start = index
            } else {
                index += 1
            }
        }
        if start == 0 { return bytes }
        result.append(contentsOf: bytes[start...])
        return result
    }

    public var description: String { "<redacted>" }
    public var debugDescription: String { "<redacted>" }
    public var customMirror: Mirror { Mirror(self, children: []) }
}

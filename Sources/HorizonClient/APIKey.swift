import Foundation
internal import CLibcExtras

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
    ///
    /// - Complexity: O(n), with the C library's `memmem`: a trace line is megabytes long, and a
    ///   byte-by-byte search cost more than reading the response did (docs/benchmarks.md).
    public func redacting(_ bytes: [UInt8]) -> [UInt8] {
        let key = Array(secret.utf8)
        guard !key.isEmpty, bytes.count >= key.count else { return bytes }
        var result: [UInt8]?
        bytes.withUnsafeBytes { text in
            key.withUnsafeBytes { needle in
                var kept = 0
                while let found = horizon_memmem(text.baseAddress! + kept, text.count - kept, needle.baseAddress!, needle.count) {
                    let index = UnsafeRawPointer(found) - text.baseAddress!
                    if result == nil { result = [UInt8](); result!.reserveCapacity(bytes.count) }
                    result!.append(contentsOf: text[kept..<index])
                    result!.append(contentsOf: "<redacted>".utf8)
                    kept = index + needle.count
                }
                result?.append(contentsOf: text[kept...])
            }
        }
        return result ?? bytes
    }

    public var description: String { "<redacted>" }
    public var debugDescription: String { "<redacted>" }
    public var customMirror: Mirror { Mirror(self, children: []) }
}

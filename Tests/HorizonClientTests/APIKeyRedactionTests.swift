import Foundation
import HorizonClient
import Testing

@Suite("API key redaction")
struct APIKeyRedactionTests {
    /// Texts with the key at the start, the end, twice side by side, behind a partial match, or
    /// absent; the expected bytes come from Foundation's `replacingOccurrences`.
    @Test(arguments: [
        ("sk-123", "sk-123 at the start"),
        ("sk-123", "at the end sk-123"),
        ("sk-123", "sk-123sk-123 side by side"),
        ("sk-123", "a partial sk-12 then sk-sk-123 whole"),
        ("sk-123", "no key here, only sk-12 and k-123"),
        ("aab", "aaab aab aaaab"),
        ("sk-123", "sk-12"),
        ("é", "café, thé"),
    ])
    func redactsEveryOccurrence(key: String, text: String) {
        let redacted = APIKey(key).redacting(Array(text.utf8))
        #expect(String(decoding: redacted, as: UTF8.self) == text.replacingOccurrences(of: key, with: "<redacted>"))
    }

    @Test("a megabyte line without the key comes back unchanged")
    func longLineWithoutKey() {
        let line = [UInt8](repeating: UInt8(ascii: "s"), count: 1 << 20) + Array("k-12".utf8)
        #expect(APIKey("sk-123").redacting(line) == line)
        let withKey = line + Array("3".utf8)
        #expect(APIKey("sk-123").redacting(withKey) == [UInt8](repeating: UInt8(ascii: "s"), count: (1 << 20) - 1) + Array("<redacted>".utf8))
    }
}

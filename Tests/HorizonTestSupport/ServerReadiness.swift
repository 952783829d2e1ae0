import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Polls `GET url` until it answers 200, for a server process just started.
///
/// - Throws: ``TestSupportError`` `.serverExited` as soon as `exitStatus` reports the process
///   gone, `.startupTimedOut` after `timeout` seconds; both carry the server's log tail.
func waitUntilServing(
    _ url: URL, timeout: Double, exitStatus: @Sendable () -> Int32?, logTail: @Sendable () -> String
) async throws {
    let deadline = Date().addingTimeInterval(timeout)
    var probe = URLRequest(url: url)
    probe.timeoutInterval = 2
    while Date() < deadline {
        if let status = exitStatus() {
            throw TestSupportError(.serverExited(status: status), "log tail:\n\(logTail())")
        }
        if let (_, response) = try? await URLSession.shared.data(for: probe),
            (response as? HTTPURLResponse)?.statusCode == 200
        {
            return
        }
        try await Task.sleep(nanoseconds: 200_000_000)
    }
    throw TestSupportError(.startupTimedOut(seconds: timeout), "log tail:\n\(logTail())")
}

/// The last `lines` lines of a server's log file, or "(no log)".
func lastLines(of log: URL, _ lines: Int) -> String {
    guard let data = FileManager.default.contents(atPath: log.path) else { return "(no log)" }
    return String(decoding: data, as: UTF8.self).split(separator: "\n").suffix(lines).joined(separator: "\n")
}

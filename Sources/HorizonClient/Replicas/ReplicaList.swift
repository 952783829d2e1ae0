import Foundation
import HorizonCommon

/// Reads a file of replica URLs (`--base-urls-file`): one base URL per line; `#` starts a
/// comment, to the end of its line; blank lines are skipped.
///
/// ```text
/// # the two nodes of the cluster
/// http://10.0.0.1:8000/v1
/// http://10.0.0.2:8000/v1   # the slower one
/// ```
public enum ReplicaList {
    /// The URLs of `path`, in order.
    ///
    /// - Throws: ``ClientError`` with ``ClientError/Reason/invalidConfiguration`` and the file and
    ///   line for a line that is not an `http://` or `https://` URL or repeats an earlier one,
    ///   for a file without a URL, or ``ClientError/Reason/fileSystem`` when it cannot be read.
    public static func read(path: String) throws(ClientError) -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ClientError(.fileSystem, "cannot read the URL list \(path)")
        }
        return try parse(String(decoding: data, as: UTF8.self), path: path)
    }

    /// The URLs of `text`, read from `path` (named in errors).
    public static func parse(_ text: String, path: String) throws(ClientError) -> [String] {
        var urls: [String] = []
        var lineNumber = 0
        // `isNewline` also takes "\r\n", which Swift reads as one character.
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            lineNumber += 1
            let content = line.prefix { $0 != "#" }.trimmingCharacters(in: .whitespaces)
            if content.isEmpty { continue }
            let location = SourceLocation(file: path, line: lineNumber)
            guard content.hasPrefix("http://") || content.hasPrefix("https://"), !content.contains(where: \.isWhitespace) else {
                throw ClientError(.invalidConfiguration, "not a server URL (http://… or https://…): \"\(content)\"", location: location)
            }
            if let repeated = ReplicaPool.normalizedDuplicate(in: urls + [content]) {
                throw ClientError(.invalidConfiguration, "\(repeated) is listed twice", location: location)
            }
            urls.append(content)
        }
        guard !urls.isEmpty else { throw ClientError(.invalidConfiguration, "\(path) lists no server URL") }
        return urls
    }
}

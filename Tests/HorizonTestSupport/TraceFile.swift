import Foundation

/// A JSONL trace file written by a test into a fresh temporary directory.
public enum TraceFile {
    /// Writes `lines`, one per line, and returns the file's path.
    ///
    /// - Parameters:
    ///   - lines: The lines' text, without newlines.
    ///   - name: The file name inside the temporary directory.
    /// - Throws: When the directory or the file cannot be written.
    public static func write(_ lines: [String], name: String = "traces.jsonl") throws -> String {
        let url = try SharedData.temporaryDirectory("horizon-traces").appendingPathComponent(name)
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url)
        return url.path
    }

    /// Writes the rendered JSON `lines` and returns the file's path.
    public static func write(_ lines: [JSONText], name: String = "traces.jsonl") throws -> String {
        try write(lines.map { $0.rendered() }, name: name)
    }
}

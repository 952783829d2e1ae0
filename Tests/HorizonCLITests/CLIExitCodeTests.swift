import Foundation
import HorizonTestSupport
import Testing

/// `horizon analyze` on a trace file with a malformed line: refused with a compiler-style
/// `FILE:LINE:` diagnostic, or counted and skipped with `--skip-invalid`.
@Suite("CLI exit codes", .enabled(if: HorizonExecutable.isBuilt, "needs .build/debug/horizon (swift build --build-tests)"))
struct CLIExitCodeTests {
    /// Three trace lines; the second stops in the middle of a string.
    private func traceFileWithMalformedLine() throws -> String {
        let path = try SharedData.temporaryDirectory("cli-exit").appendingPathComponent("traces.jsonl").path
        let lines = [
            #"{"problem_id": "p1", "sample_index": 0, "gold": "4", "text": "<think> we add</think> The answer is \\boxed{4}"}"#,
            #"{"problem_id": "p1", "sample_index": 1, "gold": "4", "text": "<think> so"#,
            #"{"problem_id": "p1", "sample_index": 2, "gold": "4", "text": "<think> then</think> The answer is \\boxed{2}"}"#,
        ]
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("a malformed line: non-zero exit, and stderr is one line naming FILE:LINE")
    func malformedLineFails() async throws {
        let path = try traceFileWithMalformedLine()
        let outcome = try await HorizonExecutable.run(["analyze", path, "--profile", "deepseek-r1"])
        #expect(outcome.status != 0)
        let lines = outcome.standardError.split(separator: "\n", omittingEmptySubsequences: true)
        #expect(lines.count == 1, "\(outcome.standardError)")
        #expect(lines.first?.contains("\(path):2: ") == true, "\(outcome.standardError)")
        #expect(outcome.standardOutput.isEmpty)
    }

    @Test("with --skip-invalid: exit 0, and the analysis counts the one invalid line")
    func skipInvalidCounts() async throws {
        let path = try traceFileWithMalformedLine()
        let json = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("analysis.json")
        let outcome = try await HorizonExecutable.run(
            ["analyze", path, "--profile", "deepseek-r1", "--skip-invalid", "--json", json.path])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let analysis = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [String: Any])
        let counts = try #require(analysis["counts"] as? [String: Any])
        #expect(counts["invalid_lines"] as? Int == 1)
        #expect(counts["traces"] as? Int == 2)
        let invalid = try #require(analysis["invalid"] as? [[String: Any]])
        #expect(invalid.count == 1 && invalid.first?["line"] as? Int == 2)
    }
}

import Foundation
import HorizonTestSupport
import Testing

/// `grade`'s policy options: each changes exactly the verdicts its policy is about, and the
/// defaults are the documented ones (docs/answer-grading.md, "Policy options").
@Suite("grade: policy options", .enabled(if: HorizonExecutable.isBuilt, "needs .build/debug/horizon (swift build --build-tests)"))
struct GradePolicyTests {
    private func verdict(_ arguments: [String]) async throws -> String {
        let outcome = try await HorizonExecutable.run(["grade"] + arguments)
        try #require(outcome.status == 0, "grade failed: \(outcome.standardError)")
        return String(outcome.standardOutput.split(separator: "\n").first ?? "")
    }

    @Test("--list-order: a reordered comma list differs by default and matches when unordered")
    func listOrder() async throws {
        #expect(try await verdict(["4, 10, -2", "10, 4, -2"]).hasPrefix("not equivalent"))
        #expect(try await verdict(["--list-order", "unordered", "4, 10, -2", "10, 4, -2"]).hasPrefix("equivalent"))
        // The same list in the same order matches under both.
        #expect(try await verdict(["--list-order", "unordered", "4, 10, -2", "4, 10, -2"]).hasPrefix("equivalent"))
        #expect(try await verdict(["--list-order", "unordered", "4, 10, -2", "4, 10, 2"]).hasPrefix("not equivalent"))
    }

    @Test("--form-policy: an unreduced fraction matches by value unless simplified forms are required")
    func formPolicy() async throws {
        #expect(try await verdict([#"\frac{1}{2}"#, #"\frac{2}{4}"#]).hasPrefix("equivalent"))
        #expect(try await verdict(["--form-policy", "simplified-fractions", #"\frac{1}{2}"#, #"\frac{2}{4}"#])
            .hasPrefix("not equivalent"))
        #expect(try await verdict(["--form-policy", "simplified-fractions", #"\frac{1}{2}"#, "0.5"]).hasPrefix("equivalent"))
    }

    @Test("an unknown policy value is a usage error (64) that lists the choices")
    func unknownValue() async throws {
        let outcome = try await HorizonExecutable.run(["grade", "--list-order", "sorted", "1", "1"])
        #expect(outcome.status == 64)
        #expect(outcome.standardError.contains("ordered") && outcome.standardError.contains("unordered"))
    }
}

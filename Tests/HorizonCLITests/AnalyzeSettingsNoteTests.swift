import Foundation
import HorizonTestSupport
import Testing

/// `horizon analyze` says on standard error which truncation it rebuilt with and why, and warns
/// when an explicit option contradicts what the traces record.
@Suite("analyze: the rebuild's settings on standard error")
struct AnalyzeSettingsNoteTests {
    static let line = #"{"problem_id":"p","sample_index":0,"sampling":{"temperature":1.0,"top_p":1.0,"top_k":-1,"min_p":0.0},"logprobs":{"content":[{"token":"a","logprob":-0.5108256237659907,"top_logprobs":[{"token":"a","logprob":-0.5108256237659907},{"token":"b","logprob":-1.2039728043259361},{"token":"c","logprob":-2.3025850929940455}]}]}}"#

    @Test("without --top-p: the traces' top-p 1, said so, and recorded as the settings source")
    func fromTraces() async throws {
        let traces = try TraceFile.write([Self.line])
        let outcome = try await HorizonExecutable.run(["analyze", traces, "--bootstrap-resamples", "10"])
        #expect(outcome.status == 0)
        #expect(outcome.standardError.contains("rebuilding with top-p 1.0, the sampling the traces record"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        let settings = try #require(json["settings"] as? [String: Any])
        #expect(settings["settings_source"] as? String == "traces")
        #expect(settings["truncation_value"] as? Double == 1)
        #expect(json["schema_version"] as? Int == 4)
    }

    @Test("--top-p 0.9 against traces recording 1: used as given, and warned about")
    func contradiction() async throws {
        let traces = try TraceFile.write([Self.line])
        let outcome = try await HorizonExecutable.run(["analyze", traces, "--top-p", "0.9", "--bootstrap-resamples", "10"])
        #expect(outcome.status == 0)
        #expect(outcome.standardError.contains("rebuilding with top-p 0.9 as given"))
        #expect(outcome.standardError.contains("warning: The rebuild uses top-p 0.9 as given, but the traces record top-p 1.0 (1 traces)"))
    }
}

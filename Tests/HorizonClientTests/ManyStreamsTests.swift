import Foundation
import HorizonClient
import HorizonTestSupport
import Testing

extension FaultTests {
/// `horizon sample --concurrency 512`, run as a user runs it, from a shell whose open-file limit
/// is far too low for 512 connections, against a loopback server that holds every answer
/// for a moment so that hundreds of requests are in flight at once.
///
/// Nested in the faulty-server suite, whose tests run one at a time: 512 connections served by
/// this process would otherwise starve those tests' one-second timeouts.
@Suite("Hundreds of streams", .enabled(if: HorizonExecutable.isBuilt, "needs the horizon binary"))
struct ManyStreamsTests {
    static let problems = 32
    static let samples = 16

    /// A problem file of ``problems`` problems; returns its path.
    private func dataset(in directory: URL) throws -> String {
        let text = (1...Self.problems).map { #"{"id": "q\#($0)", "question": "\#($0)+\#($0)?", "answer": "\#(2 * $0)"}"# }
        let url = directory.appendingPathComponent("problems.jsonl")
        try Data((text.joined(separator: "\n") + "\n").utf8).write(to: url)
        return url.path
    }

    private func arguments(_ server: FaultyServer, dataset: String, out: String) -> [String] {
        ["sample", "--base-url", server.baseURL, "--model", "fake-model", "--dataset", dataset, "--samples", String(Self.samples),
         "--max-tokens", "4", "--top-logprobs", "2", "--concurrency", "512", "--api-key-env", "HORIZON_TEST_NO_KEY",
         "--verbose", "--out", out]
    }

    @Test("a soft limit of 256 is raised to the hard limit, said on --verbose, hundreds of requests are in flight at once, 512 samples arrive once each")
    func raisesLimit() async throws {
        let hold = Duration.seconds(5)
        let arrivals = ArrivalTimes()
        let script: FaultyServer.Script = { _, request in
            arrivals.record()
            return [.pause(hold)] + .json(fakeChatCompletion(for: request))
        }
        try await FaultyServer.with(script) { server in
            let directory = try SharedData.temporaryDirectory("many-streams")
            let out = directory.appendingPathComponent("out.jsonl").path
            let run = try await HorizonExecutable.run(
                arguments(server, dataset: try dataset(in: directory), out: out), openFileLimit: (soft: 256, hard: nil))
            #expect(run.status == 0, "\(run.standardError)")
            #expect(run.standardError.contains("raised the open-file limit from 256 to "), "\(run.standardError)")
            let keys = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").map { line -> String in
                let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                return "\(object?["problem_id"] ?? "")#\(object?["sample_index"] ?? "")"
            }
            #expect(keys.count == Self.problems * Self.samples && Set(keys).count == keys.count)
            #expect(server.requests.count == keys.count, "a healthy server needs no retry")
            // Every request is held `hold` after it arrives, so all that arrive within one `hold`
            // are held at once at its end: a lower bound on the requests in flight.
            let inFlight = arrivals.mostWithin(hold)
            // Alone it is all 512; the bound leaves room for a machine busy with other tests.
            #expect(inFlight >= 128 && inFlight <= 512, "at most \(inFlight) requests were in flight at once")
        }
    }

    @Test("a hard limit too low for the concurrency: exit 2 and a message naming both limits, before any request")
    func hardLimitTooLow() async throws {
        try await FaultyServer.with({ _, request in .json(fakeChatCompletion(for: request)) }) { server in
            let directory = try SharedData.temporaryDirectory("many-streams")
            let out = directory.appendingPathComponent("out.jsonl").path
            let run = try await HorizonExecutable.run(
                arguments(server, dataset: try dataset(in: directory), out: out), openFileLimit: (soft: 200, hard: 200))
            #expect(run.status == 2)
            #expect(run.standardError.contains("concurrency 512 needs about 1088 open files, but the limit is 200 (hard limit 200)"),
                    "\(run.standardError)")
            #expect(server.requests.isEmpty)
            #expect(!FileManager.default.fileExists(atPath: out))
        }
    }
}
}

/// When requests arrived at the server. `@unchecked Sendable`: guarded by `lock`.
private final class ArrivalTimes: @unchecked Sendable {
    private let lock = NSLock()
    private var times: [ContinuousClock.Instant] = []

    func record() { lock.withLock { times.append(.now) } }

    /// The most arrivals within any span of `span`.
    func mostWithin(_ span: Duration) -> Int {
        let sorted = lock.withLock { times.sorted() }
        var most = 0, first = 0
        for last in sorted.indices {
            while sorted[last] - sorted[first] >= span { first += 1 }
            most = max(most, last - first + 1)
        }
        return most
    }
}

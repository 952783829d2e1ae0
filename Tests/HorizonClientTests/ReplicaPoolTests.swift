import Foundation
import HorizonClient
import Testing

/// Which replica takes each attempt, and how long a faulty one rests.
@Suite("Replica pool")
struct ReplicaPoolTests {
    static let urls = ["http://127.0.0.1:1", "http://127.0.0.1:2", "http://127.0.0.1:3"]

    @Test("rests double from the base up to the maximum; a longer Retry-After wins, capped too")
    func restDurations() {
        let rest = ReplicaRest(base: .seconds(1), maximum: .seconds(60))
        #expect((1...8).map { rest.duration(afterConsecutiveFaults: $0) }
            == [1, 2, 4, 8, 16, 32, 60, 60].map { Duration.seconds($0) })
        #expect(rest.duration(afterConsecutiveFaults: 1, retryAfterSeconds: 5) == .seconds(5))
        #expect(rest.duration(afterConsecutiveFaults: 4, retryAfterSeconds: 5) == .seconds(8))
        #expect(rest.duration(afterConsecutiveFaults: 1, retryAfterSeconds: 600) == .seconds(60))
        #expect(rest.duration(afterConsecutiveFaults: 1_000) == .seconds(60))
    }

    @Test("each attempt goes to the replica with the fewest in flight, then the fewest sent")
    func leastLoaded() async throws {
        let pool = ReplicaPool(urls: Self.urls)
        let first = try await pool.acquire(), second = try await pool.acquire(), third = try await pool.acquire()
        #expect([first, second, third].map(\.index) == [0, 1, 2])
        pool.succeeded(second, tokens: 7)
        // Replica 1 is idle now: it takes the next one, then the three are even again.
        let fourth = try await pool.acquire()
        #expect(fourth.index == 1)
        pool.succeeded(first, tokens: 3)
        pool.succeeded(third, tokens: 2)
        pool.succeeded(fourth, tokens: 1)
        // All idle; replica 1 has sent the most, so 0 and 2 come first.
        let next = try await pool.acquire(), after = try await pool.acquire()
        #expect([next, after].map(\.index) == [0, 2])
        pool.abandoned(next)
        pool.abandoned(after)
        #expect(pool.statistics.map(\.requests) == [1, 2, 1])
        #expect(pool.statistics.map(\.completions) == [1, 2, 1])
        #expect(pool.statistics.map(\.completionTokens) == [3, 8, 2])
    }

    @Test("a replica fault rests the replica; a 400 does not; requests already sent do not lengthen the rest")
    func faultsRest() async throws {
        let pool = ReplicaPool(urls: Self.urls, rest: ReplicaRest(base: .seconds(30), maximum: .seconds(60)))
        var leases: [ReplicaPool.Lease] = []
        for _ in 0..<5 { leases.append(try await pool.acquire()) }
        #expect(leases.map(\.index) == [0, 1, 2, 0, 1])
        pool.failed(leases[0], with: ClientError(.httpStatus, "bad request", httpStatus: 400))
        pool.failed(leases[1], with: ClientError(.httpStatus, "overloaded", httpStatus: 503))
        pool.failed(leases[2], with: ClientError(.malformedResponse, "garbage"))
        #expect(pool.statistics.map(\.rests) == [0, 1, 1])
        #expect(pool.statistics[1].failuresByCause == ["HTTP 503": 1])
        // Replica 1's second request was sent before its rest began: its failure counts, the rest stays.
        pool.failed(leases[4], with: ClientError(.connectionLost, "reset"))
        #expect(pool.statistics.map(\.rests) == [0, 1, 1])
        #expect(pool.statistics.map(\.failedAttempts) == [1, 2, 1])
        // Only replica 0 is healthy: it takes everything.
        let more = [try await pool.acquire(), try await pool.acquire()]
        #expect(more.map(\.index) == [0, 0])
        for lease in more + [leases[3]] { pool.succeeded(lease, tokens: 1) }
        #expect(pool.statistics.map(\.requests) == pool.statistics.map { $0.completions + $0.failedAttempts })
    }

    @Test("when every replica rests, a request waits for the first rest to end")
    func waitsForRest() async throws {
        let pool = ReplicaPool(urls: Array(Self.urls.prefix(2)), rest: ReplicaRest(base: .milliseconds(300), maximum: .seconds(1)))
        let a = try await pool.acquire(), b = try await pool.acquire()
        // Taken before the fault, so the rest ends no earlier than this, however slow the machine.
        let firstRestEnds = ContinuousClock.now + .milliseconds(300)
        pool.failed(a, with: ClientError(.unreachable, "refused"))
        pool.failed(b, with: ClientError(.unreachable, "refused"))
        let next = try await pool.acquire()
        #expect(ContinuousClock.now >= firstRestEnds)
        // Replica 0 failed first, so its rest ends first.
        #expect(next.index == 0)
        pool.abandoned(next)
    }

    @Test("a single server never rests, whatever fails")
    func singleNeverRests() async throws {
        let pool = ReplicaPool(urls: [Self.urls[0]])
        #expect(!pool.failsOver)
        for _ in 0..<3 {
            let lease = try await pool.acquire()
            pool.failed(lease, with: ClientError(.unreachable, "refused"))
        }
        #expect(pool.statistics[0].rests == 0)
        #expect(pool.statistics[0].failedAttempts == 3)
    }

    @Test("replica faults: connection trouble, timeouts, 5xx, 429, malformed bodies; not 4xx or unusable completions", arguments: [
        (ClientError(.unreachable, ""), true), (ClientError(.connectionLost, ""), true), (ClientError(.readTimeout, ""), true),
        (ClientError(.truncatedStream, ""), true), (ClientError(.malformedResponse, ""), true),
        (ClientError(.httpStatus, "", httpStatus: 502), true), (ClientError(.httpStatus, "", httpStatus: 429), true),
        (ClientError(.httpStatus, "", httpStatus: 404), false), (ClientError(.notACompletion, ""), false),
        (ClientError(.unusableCompletion, ""), false),
    ])
    func replicaFaults(error: ClientError, isFault: Bool) {
        #expect(error.isReplicaFault == isFault)
    }

    @Test("the same server twice, with or without a slash or /v1, is a duplicate")
    func duplicates() {
        #expect(ReplicaPool.normalizedDuplicate(in: ["http://a:1", "http://a:1/v1/"]) == "http://a:1/v1/")
        #expect(ReplicaPool.normalizedDuplicate(in: ["http://a:1", "http://a:2"]) == nil)
    }
}

/// `--base-urls-file`: one URL per line, comments, and errors that name the line.
@Suite("Replica list files")
struct ReplicaListTests {
    @Test("comments, blank lines and CRLF are skipped; the order is kept")
    func parses() throws {
        let text = "# cluster\r\nhttp://10.0.0.2:8000/v1  # slow\n\n   \nhttps://b.example/v1\r\n"
        #expect(try ReplicaList.parse(text, path: "urls.txt") == ["http://10.0.0.2:8000/v1", "https://b.example/v1"])
    }

    @Test("bad lines are refused with their file and line", arguments: [
        ("http://a:1\nlocalhost:8000\n", "urls.txt:2: not a server URL"),
        ("# x\nhttp://a:1\nhttp://a:1/v1\n", "urls.txt:3: http://a:1/v1 is listed twice"),
        ("http://a:1 http://b:1\n", "urls.txt:1: not a server URL"),
        ("# nothing here\n\n", "urls.txt lists no server URL"),
    ])
    func refuses(text: String, message: String) {
        #expect {
            _ = try ReplicaList.parse(text, path: "urls.txt")
        } throws: { error in
            let error = error as? ClientError
            return error?.reason == .invalidConfiguration && error?.description.hasPrefix(message) == true
        }
    }

    @Test("a missing file is a file-system error naming it")
    func missingFile() {
        #expect { _ = try ReplicaList.read(path: "/nonexistent/urls.txt") } throws: {
            ($0 as? ClientError)?.reason == .fileSystem && "\($0)".contains("/nonexistent/urls.txt")
        }
    }
}

import Foundation

/// The servers a run talks to, and which one gets the next request.
///
/// ```swift
/// let pool = ReplicaPool(urls: ["http://10.0.0.1:8000", "http://10.0.0.2:8000"])
/// let client = CompletionClient(transport: transport, replicas: pool)
/// ```
///
/// Each attempt goes to the **least-loaded healthy** replica: the fewest requests in flight, then
/// the fewest sent this session, then the first listed. A replica that faults (no connection, a
/// timeout, a reset, a 5xx or 429, a malformed or cut-off body: ``ClientError/isReplicaFault``)
/// rests for a while (``ReplicaRest``) and gets no request until then; the request that failed
/// goes to another replica at once (``CompletionClient``). When every replica rests, a request
/// waits until the first rest ends. A single replica never rests, so one server behaves as it
/// did before replicas existed.
///
/// Which replica serves a request never changes what is asked: the request, its seed included,
/// is made before a replica is chosen.
///
/// `@unchecked Sendable`: all mutable state is read and written under `lock`.
public final class ReplicaPool: @unchecked Sendable {
    /// One chosen replica for one attempt; hand it back with ``succeeded(_:tokens:)``,
    /// ``answered(_:)``, ``failed(_:with:)`` or ``abandoned(_:)``.
    public struct Lease: Sendable, Equatable {
        /// The replica's position in ``urls``.
        public var index: Int
        public var url: String
    }

    private struct State {
        var statistics: ReplicaStatistics
        var inFlight = 0
        var consecutiveFaults = 0
        var restingUntil: ContinuousClock.Instant?
    }

    /// The replicas' base URLs, as given.
    public let urls: [String]
    private let rest: ReplicaRest
    private let lock = NSLock()
    private var states: [State]

    /// - Parameters:
    ///   - urls: the replicas' base URLs (at least one).
    ///   - rest: how long a faulty replica is left alone.
    public init(urls: [String], rest: ReplicaRest = ReplicaRest()) {
        precondition(!urls.isEmpty, "a replica pool needs a URL")
        self.urls = urls
        self.rest = rest
        states = urls.map { State(statistics: ReplicaStatistics(url: $0)) }
    }

    /// Whether faults rest replicas and fail over (two or more replicas).
    public var failsOver: Bool { urls.count > 1 }

    /// Chooses the replica for the next attempt, waiting while every replica rests.
    ///
    /// - Throws: `CancellationError` when cancelled while waiting.
    public func acquire() async throws -> Lease {
        while true {
            let now = ContinuousClock.now
            var earliestWake: ContinuousClock.Instant?
            let lease: Lease? = lock.withLock {
                var best: Int?
                for index in states.indices {
                    if let until = states[index].restingUntil, until > now {
                        earliestWake = min(earliestWake ?? until, until)
                        continue
                    }
                    if let current = best {
                        let (a, b) = (states[index], states[current])
                        if (a.inFlight, a.statistics.requests) < (b.inFlight, b.statistics.requests) { best = index }
                    } else {
                        best = index
                    }
                }
                guard let best else { return nil }
                states[best].restingUntil = nil
                states[best].inFlight += 1
                states[best].statistics.requests += 1
                return Lease(index: best, url: urls[best])
            }
            if let lease { return lease }
            try await Task.sleep(until: earliestWake ?? now, clock: .continuous)
        }
    }

    /// Records a completion of `tokens` tokens from the lease's replica and ends its rest count.
    public func succeeded(_ lease: Lease, tokens: Int) {
        lock.withLock {
            states[lease.index].inFlight -= 1
            states[lease.index].consecutiveFaults = 0
            states[lease.index].statistics.completions += 1
            states[lease.index].statistics.completionTokens += tokens
        }
    }

    /// Records an answer that is not a completion (a `/tokenize`) and ends the rest count.
    public func answered(_ lease: Lease) {
        lock.withLock {
            states[lease.index].inFlight -= 1
            states[lease.index].consecutiveFaults = 0
            states[lease.index].statistics.otherAnswers += 1
        }
    }

    /// Records a failed attempt; a replica fault in a pool of several rests the replica, unless
    /// it already rests (requests sent before the rest began do not lengthen it).
    public func failed(_ lease: Lease, with error: ClientError) {
        let now = ContinuousClock.now
        lock.withLock {
            var state = states[lease.index]
            state.inFlight -= 1
            state.statistics.failedAttempts += 1
            state.statistics.failuresByCause[error.retryCause, default: 0] += 1
            let resting = state.restingUntil.map { $0 > now } ?? false
            if failsOver, error.isReplicaFault, !resting {
                state.consecutiveFaults += 1
                state.statistics.rests += 1
                state.restingUntil = now + rest.duration(
                    afterConsecutiveFaults: state.consecutiveFaults, retryAfterSeconds: error.retryAfterSeconds)
            }
            states[lease.index] = state
        }
    }

    /// Releases a lease whose attempt was cancelled (counted as neither success nor failure).
    public func abandoned(_ lease: Lease) {
        lock.withLock {
            states[lease.index].inFlight -= 1
            states[lease.index].statistics.requests -= 1
        }
    }

    /// Each replica's counts so far, in the order of ``urls``.
    public var statistics: [ReplicaStatistics] { lock.withLock { states.map(\.statistics) } }

    /// The first URL that names the same server as an earlier one (ignoring a trailing `/` and
    /// `/v1`), or `nil`.
    public static func normalizedDuplicate(in urls: [String]) -> String? {
        var seen = Set<String>()
        for url in urls {
            var root = Substring(url)
            while root.hasSuffix("/") { root = root.dropLast() }
            if root.hasSuffix("/v1") { root = root.dropLast(3) }
            guard seen.insert(root.lowercased()).inserted else { return url }
        }
        return nil
    }
}

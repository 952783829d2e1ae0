import HorizonCommon

/// How long a replica that failed is left alone before requests go to it again.
///
/// The n-th consecutive fault (a fault while the replica is not already resting; a success
/// resets the count) rests it for `min(maximum, base · 2^(n−1))`, and at least as long as a
/// `Retry-After` it sent: with the defaults 1 s, 2 s, 4 s, … up to 60 s. Only a pool of two or
/// more replicas rests one; a single server is paced by ``RetryPolicy`` alone.
public struct ReplicaRest: Sendable, Equatable {
    /// The rest after a first fault.
    public var base: Duration
    /// The longest rest; doubling stops here.
    public var maximum: Duration

    public init(base: Duration = .seconds(1), maximum: Duration = .seconds(60)) {
        self.base = base
        self.maximum = maximum
    }

    /// The rest after the `consecutiveFaults`-th fault in a row (1-based).
    ///
    /// - Parameters:
    ///   - consecutiveFaults: faults since the last success, this one included (≥ 1).
    ///   - retryAfterSeconds: the replica's `Retry-After`, when it sent one.
    public func duration(afterConsecutiveFaults consecutiveFaults: Int, retryAfterSeconds: Double? = nil) -> Duration {
        let doublings = min(max(consecutiveFaults, 1) - 1, 30)
        let backOff = min(base * (1 << doublings), maximum)
        guard let retryAfterSeconds, retryAfterSeconds > 0 else { return backOff }
        return max(backOff, min(.seconds(retryAfterSeconds), maximum))
    }

    /// `{"base_seconds", "max_seconds"}`, as the manifest's `session_settings.replica_rest`.
    var manifestJSON: JSONValue {
        .object([("base_seconds", .double(Self.seconds(base)) ?? .null), ("max_seconds", .double(Self.seconds(maximum)) ?? .null)])
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }
}

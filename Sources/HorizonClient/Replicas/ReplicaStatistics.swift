import HorizonCommon
import HorizonTraces

/// What one replica did in a session: requests, completions, failures and tokens.
///
/// Over a session's replicas the completions add up to the lines written (each written line is
/// one successful attempt), and the tokens and tokens per second to the session's.
public struct ReplicaStatistics: Sendable, Equatable {
    /// The replica's base URL, as given.
    public var url: String
    /// Attempts sent to it that ended (a cancelled one is not counted): its completions, its
    /// other answers and its failed attempts.
    public var requests: Int = 0
    /// Attempts it answered with a completion.
    public var completions: Int = 0
    /// Attempts it answered with something other than a completion: the `/tokenize` calls of
    /// a probe run with ``PrefixEncoding/allTokenIDs``.
    public var otherAnswers: Int = 0
    /// Attempts that failed on it, in all and per ``ClientError/retryCause``.
    public var failedAttempts: Int = 0
    public var failuresByCause: [String: Int] = [:]
    /// Tokens of its completions (the server's counts, else log-prob entries).
    public var completionTokens: Int = 0
    /// Times it was rested after a fault (``ReplicaRest``).
    public var rests: Int = 0

    public init(url: String) { self.url = url }

    /// Its tokens per second of the session's wall time, so the replicas' rates add up to the
    /// session's; `nil` before any time has passed.
    public func tokensPerSecond(elapsed: Duration) -> Double? {
        let seconds = elapsed.seconds
        return seconds > 0 ? Double(completionTokens) / seconds : nil
    }

    /// The manifest's entry: `{url, requests, completions, other_answers, failed_attempts,
    /// failures_by_cause, completion_tokens, tokens_per_second, rests}`.
    func json(elapsed: Duration) -> JSONValue {
        [
            "url": .string(url),
            "requests": .integer(requests),
            "completions": .integer(completions),
            "other_answers": .integer(otherAnswers),
            "failed_attempts": .integer(failedAttempts),
            "failures_by_cause": .object(failuresByCause.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.integer($0.value)) }),
            "completion_tokens": .integer(completionTokens),
            "tokens_per_second": tokensPerSecond(elapsed: elapsed).flatMap { JSONValue.double(($0 * 1000).rounded() / 1000) } ?? .null,
            "rests": .integer(rests),
        ]
    }
}

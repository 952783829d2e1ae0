import Foundation
@testable import HorizonClient
import HorizonCommon
import HorizonTraces
import Testing

@Suite("Retry policy")
struct RetryPolicyTests {
    let policy = RetryPolicy(maximumAttempts: 5, initialDelay: .milliseconds(100), maximumDelay: .milliseconds(500))
    let serverError = ClientError(.httpStatus, "x", httpStatus: 503)

    @Test("delays double from the initial delay, capped, with jitter in [0.5, 1)")
    func exponential() throws {
        var generator = SplitMix64(seed: 9)
        let bases: [Duration] = [.milliseconds(100), .milliseconds(200), .milliseconds(400), .milliseconds(500)]
        for (attempt, base) in zip(1..., bases) {
            let delay = policy.delay(afterAttempt: attempt, failedWith: serverError, using: &generator)
            let d = try #require(delay)
            #expect(d >= base * 0.5 && d < base, "attempt \(attempt): \(d)")
        }
    }

    @Test("the last attempt and non-retryable errors get no delay")
    func givingUp() {
        var generator = SplitMix64(seed: 1)
        #expect(policy.delay(afterAttempt: 5, failedWith: serverError, using: &generator) == nil)
        for reason in [ClientError.Reason.malformedResponse, .notACompletion, .invalidConfiguration] {
            #expect(policy.delay(afterAttempt: 1, failedWith: ClientError(reason, "x"), using: &generator) == nil)
        }
        #expect(policy.delay(afterAttempt: 1, failedWith: ClientError(.httpStatus, "x", httpStatus: 400), using: &generator) == nil)
    }

    @Test("which failures are retryable", arguments: [
        (ClientError(.httpStatus, "HTTP 429", httpStatus: 429), true), (ClientError(.httpStatus, "HTTP 408", httpStatus: 408), true),
        (ClientError(.httpStatus, "HTTP 500", httpStatus: 500), true), (ClientError(.httpStatus, "HTTP 599", httpStatus: 599), true),
        (ClientError(.httpStatus, "HTTP 404", httpStatus: 404), false), (ClientError(.httpStatus, "HTTP 401", httpStatus: 401), false),
        (ClientError(.connectionLost, "connectionLost"), true), (ClientError(.unreachable, "unreachable"), true), (ClientError(.readTimeout, "readTimeout"), true),
        (ClientError(.deadlineExceeded, "deadlineExceeded"), true), (ClientError(.truncatedStream, "truncatedStream"), true), (ClientError(.connectTimeout, "connectTimeout"), true),
        (ClientError(.malformedResponse, "malformedResponse"), false), (ClientError(.notACompletion, "notACompletion"), false),
    ])
    func retryable(error: ClientError, expected: Bool) {
        #expect(error.isRetryable == expected)
    }

    @Test("Retry-After is honoured exactly, capped by maximumRetryAfter")
    func retryAfter() {
        var generator = SplitMix64(seed: 1)
        let asked = ClientError(.httpStatus, "", httpStatus: 429, retryAfterSeconds: 7)
        #expect(policy.delay(afterAttempt: 1, failedWith: asked, using: &generator) == .seconds(7))
        let tooLong = ClientError(.httpStatus, "", httpStatus: 429, retryAfterSeconds: 1e6)
        #expect(policy.delay(afterAttempt: 1, failedWith: tooLong, using: &generator) == policy.maximumRetryAfter)
    }

    @Test("the same seed gives the same delays")
    func seeded() {
        func delays(seed: UInt64) -> [Duration?] {
            var generator = SplitMix64(seed: seed)
            return (1...4).map { policy.delay(afterAttempt: $0, failedWith: serverError, using: &generator) }
        }
        #expect(delays(seed: 42) == delays(seed: 42))
        #expect(delays(seed: 42) != delays(seed: 43))
    }

    @Test("Retry-After headers: seconds, HTTP-dates, junk")
    func header() {
        let now = Date(timeIntervalSince1970: 1_445_412_480)  // Wed, 21 Oct 2015 07:28:00 GMT
        #expect(RetryAfter.seconds(fromHeader: "120") == 120)
        #expect(RetryAfter.seconds(fromHeader: " 0 ") == 0)
        #expect(RetryAfter.seconds(fromHeader: "Wed, 21 Oct 2015 07:28:30 GMT", now: now) == 30)
        #expect(RetryAfter.seconds(fromHeader: "Wed, 21 Oct 2015 07:00:00 GMT", now: now) == 0)
        #expect(RetryAfter.seconds(fromHeader: "-5") == nil)
        #expect(RetryAfter.seconds(fromHeader: "soon") == nil)
    }
}

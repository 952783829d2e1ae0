import Foundation

/// Keeps a session's counts and calls the progress callback, one call at a time.
///
/// Retries are reported from the sample tasks and finished samples from the writer, so the
/// counts and the callback are guarded by one lock; a callback never runs concurrently with
/// itself. `@unchecked Sendable` for that reason: all state is accessed under `lock`.
final class ProgressReporter: @unchecked Sendable {
    private let lock = NSLock()
    private let callback: (@Sendable (RunProgress) -> Void)?
    private let start = ContinuousClock.now
    private var state: RunProgress

    init(total: Int, resumed: Int, callback: (@Sendable (RunProgress) -> Void)?) {
        self.callback = callback
        state = RunProgress(
            completed: resumed, total: total, resumed: resumed, completionTokens: 0,
            elapsed: .zero, failedAttempts: 0, retries: 0
        )
    }

    /// The counts now.
    var snapshot: RunProgress {
        lock.withLock {
            var current = state
            current.elapsed = ContinuousClock.now - start
            return current
        }
    }

    /// Reports the state without a change (the session's first and last update).
    func report() { update { _ in } }

    func sampleWritten(tokens: Int) {
        update {
            $0.completed += 1
            $0.completionTokens += tokens
        }
    }

    func attemptFailed() {
        update { $0.failedAttempts += 1 }
    }

    func retryScheduled(_ note: RetryNote) {
        update {
            $0.failedAttempts += 1
            $0.retries += 1
            $0.retriesByCause[note.cause, default: 0] += 1
            $0.retry = note
        }
    }

    private func update(_ change: (inout RunProgress) -> Void) {
        lock.withLock {
            change(&state)
            state.elapsed = ContinuousClock.now - start
            callback?(state)
            state.retry = nil
        }
    }
}

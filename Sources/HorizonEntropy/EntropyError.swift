/// The error HorizonEntropy throws: an option value outside its domain.
///
/// The measures themselves never throw (bad log-probabilities are skipped by documented rules);
/// only settings a user typed can be wrong, so the message names the setting and its domain.
public struct EntropyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Reason: Sendable, Equatable {
        /// A top-p value outside (0, 1].
        case topPOutOfRange(Double)
        /// A min-p value outside [0, 1].
        case minPOutOfRange(Double)
        /// A vocabulary size below 1.
        case vocabularySizeTooSmall(Int)
        /// A window length below 1.
        case windowLengthTooSmall(Int)
        /// An EMA smoothing factor outside (0, 1].
        case smoothingFactorOutOfRange(Double)
    }

    /// What went wrong.
    public var reason: Reason

    public init(_ reason: Reason) {
        self.reason = reason
    }

    public var description: String {
        switch reason {
        case .topPOutOfRange(let value):
            "top-p must be in (0, 1], got \(value)"
        case .minPOutOfRange(let value):
            "min-p must be in [0, 1], got \(value)"
        case .vocabularySizeTooSmall(let value):
            "vocabulary size must be at least 1, got \(value)"
        case .windowLengthTooSmall(let value):
            "window length must be at least 1 token, got \(value)"
        case .smoothingFactorOutOfRange(let value):
            "EMA smoothing factor must be in (0, 1], got \(value)"
        }
    }
}

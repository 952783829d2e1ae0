/// What ``TraceReader`` hands its consumer for each sample, in input order.
public enum TraceReadItem<Output: Sendable>: Sendable {
    /// A valid trace, as the reader's `transform` turned it.
    case trace(Output)
    /// An invalid line or a duplicate sample (only when ``TraceReadOptions/skipInvalid``).
    case invalid(TraceError)
}

extension TraceReadItem: Equatable where Output: Equatable {}

/// Which way of moving makes a metric worse.
public enum ChangeDirection: String, Codable, Sendable, CaseIterable {
    /// A rise is worse (Branching Factor, answer entropy: the output got less stable).
    case rise
    /// A drop is worse (accuracy, agreement, maj@k).
    case drop

    /// The change re-signed so that positive means worse.
    ///
    /// - Parameter change: `current − baseline`, in the metric's unit.
    /// - Returns: `change` for ``rise``, `−change` for ``drop``.
    /// - Complexity: O(1).
    public func worsening(_ change: Double) -> Double {
        switch self {
        case .rise: return change
        case .drop: return -change
        }
    }
}

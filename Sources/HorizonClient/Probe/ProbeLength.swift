import HorizonCommon

/// How much of a trace's thinking a truncation probe keeps.
public enum ProbeLength: Sendable, Hashable, CustomStringConvertible {
    /// This many thinking tokens (capped at the trace's thinking length).
    case tokens(Int)
    /// This fraction (0…1) of the trace's own thinking length.
    case fraction(Double)

    /// The thinking tokens kept for a trace whose thinking is `thinkingLength` tokens long:
    /// `min(n, thinkingLength)` for ``tokens(_:)``, `f · thinkingLength` rounded to nearest (ties
    /// away from zero) for ``fraction(_:)``.
    public func keptTokens(thinkingLength: Int) -> Int {
        switch self {
        case .tokens(let n): return min(max(0, n), thinkingLength)
        case .fraction(let f): return min(thinkingLength, Int((f * Double(thinkingLength)).rounded(.toNearestOrAwayFromZero)))
        }
    }

    /// `tokens` or `fraction`, as probe lines record the unit.
    public var unit: String {
        switch self {
        case .tokens: "tokens"
        case .fraction: "fraction"
        }
    }

    /// The requested value as JSON (an integer or a fraction).
    var json: JSONValue {
        switch self {
        case .tokens(let n): return .integer(n)
        case .fraction(let f): return .double(f) ?? .null
        }
    }

    public var description: String {
        switch self {
        case .tokens(let n): "\(n) tokens"
        case .fraction(let f): "\(f) of the thinking"
        }
    }
}

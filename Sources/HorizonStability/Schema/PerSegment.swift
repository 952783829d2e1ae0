/// One value for the whole output and one for each span: the shape of every per-segment field
/// of the analysis (`{"overall": …, "thinking": …, "answer": …}`).
///
/// ```swift
/// let lengths = PerSegment { segment in segment == .overall ? 120 : 60 }
/// lengths[.thinking]   // 60
/// ```
///
/// With an optional `Value`, a `nil` segment is absent from the JSON (not `null`), as the
/// hand-written triples it replaced wrote it, and an absent key reads back as `nil`.
public struct PerSegment<Value> {
    public var overall: Value
    public var thinking: Value
    public var answer: Value

    public init(overall: Value, thinking: Value, answer: Value) {
        self.overall = overall
        self.thinking = thinking
        self.answer = answer
    }

    /// The value of each segment, computed in ``Segment/allCases`` order.
    public init(_ value: (Segment) throws -> Value) rethrows {
        self.init(overall: try value(.overall), thinking: try value(.thinking), answer: try value(.answer))
    }

    public subscript(segment: Segment) -> Value {
        get {
            switch segment {
            case .overall: overall
            case .thinking: thinking
            case .answer: answer
            }
        }
        set {
            switch segment {
            case .overall: overall = newValue
            case .thinking: thinking = newValue
            case .answer: answer = newValue
            }
        }
    }

    public func map<Other>(_ transform: (Value) throws -> Other) rethrows -> PerSegment<Other> {
        try PerSegment<Other> { try transform(self[$0]) }
    }
}

extension PerSegment: Sendable where Value: Sendable {}
extension PerSegment: Equatable where Value: Equatable {}
extension PerSegment: Hashable where Value: Hashable {}

extension PerSegment where Value: ExpressibleByNilLiteral {
    /// Every segment `nil`.
    public init() { self.init(overall: nil, thinking: nil, answer: nil) }
}

extension PerSegment where Value: RangeReplaceableCollection {
    /// Every segment empty.
    public init() { self.init(overall: Value(), thinking: Value(), answer: Value()) }
}

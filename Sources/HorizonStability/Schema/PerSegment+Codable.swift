extension PerSegment: Encodable where Value: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Segment.self)
        for segment in Segment.allCases {
            let value = self[segment]
            if let optional = value as? any AbsentWhenNil, optional.isNil { continue }
            try container.encode(value, forKey: segment)
        }
    }
}

extension PerSegment: Decodable where Value: Decodable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Segment.self)
        self = try PerSegment { segment in
            if !container.contains(segment), let optional = Value.self as? any AbsentWhenNil.Type {
                return optional.absent as! Value
            }
            return try container.decode(Value.self, forKey: segment)
        }
    }
}

extension Segment: CodingKey {}

/// An optional, seen through a generic parameter: lets ``PerSegment`` leave out a `nil` value
/// where synthesized coding would write `null`.
protocol AbsentWhenNil {
    var isNil: Bool { get }
    static var absent: Self { get }
}

extension Optional: AbsentWhenNil {
    var isNil: Bool { self == nil }
    static var absent: Self { nil }
}

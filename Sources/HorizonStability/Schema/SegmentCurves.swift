/// One kind of curve, for the whole output and within each span.
public struct SegmentCurves: Codable, Sendable, Equatable {
    public var overall: [CurvePoint] = []
    public var thinking: [CurvePoint] = []
    public var answer: [CurvePoint] = []
    public init(overall: [CurvePoint] = [], thinking: [CurvePoint] = [], answer: [CurvePoint] = []) {
        self.overall = overall
        self.thinking = thinking
        self.answer = answer
    }
}

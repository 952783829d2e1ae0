/// A value at one k (maj@k, pass@k, G-Pass@k, answer variability at K).
public struct MetricAtK: Codable, Sendable, Equatable {
    public var k: Int
    public var value: Double
    public var ci: ConfidenceInterval?
    public init(k: Int, value: Double, ci: ConfidenceInterval? = nil) {
        self.k = k
        self.value = value
        self.ci = ci
    }
}

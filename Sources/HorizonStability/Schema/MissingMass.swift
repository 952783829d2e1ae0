/// Mean and maximum per-token missing mass (1 − the returned top-k probabilities' sum).
public struct MissingMass: Codable, Sendable, Equatable {
    public var mean: Double
    public var max: Double
    public init(mean: Double, max: Double) {
        self.mean = mean
        self.max = max
    }
}

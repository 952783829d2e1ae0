/// One point of a BF-over-position curve.
public struct CurvePoint: Codable, Sendable, Equatable {
    /// Token position (for windows: the window's first token), 0-based.
    public var position: Int
    public var bf: Double
    /// Samples that reached this position, summed over problems.
    public var samples: Int
    /// Problems that contributed to this point.
    public var problems: Int
    public init(position: Int, bf: Double, samples: Int, problems: Int) {
        self.position = position
        self.bf = bf
        self.samples = samples
        self.problems = problems
    }
}

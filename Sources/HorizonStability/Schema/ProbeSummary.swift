public struct ProbeSummary: Codable, Sendable, Equatable {
    public var truncation: [TruncationPoint] = []
    public var resample: [ResamplePoint] = []
    public init(truncation: [TruncationPoint] = [], resample: [ResamplePoint] = []) {
        self.truncation = truncation
        self.resample = resample
    }
}

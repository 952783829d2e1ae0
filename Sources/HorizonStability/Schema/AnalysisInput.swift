public struct AnalysisInput: Codable, Sendable, Equatable {
    public var path: String
    public var bytes: Int
    public init(path: String, bytes: Int) {
        self.path = path
        self.bytes = bytes
    }
}

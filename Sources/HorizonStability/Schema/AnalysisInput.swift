/// One file `analyze` read.
public struct AnalysisInput: Codable, Sendable, Equatable {
    /// What a file held.
    public enum Role: String, Codable, Sendable, Hashable {
        case traces
        case probes
    }

    public var path: String
    public var bytes: Int
    /// `probes` for a probe file (`--probes`); absent for trace files, as in files from before
    /// probes were recorded as inputs.
    public var role: Role?

    public init(path: String, bytes: Int, role: Role = .traces) {
        self.path = path
        self.bytes = bytes
        self.role = role == .traces ? nil : role
    }
}

/// Which run a side of the comparison is: its label, model and the horizon that measured it.
public struct RunIdentity: Codable, Sendable, Equatable {
    public var label: String
    public var model: String?
    public var horizonVersion: String

    enum CodingKeys: String, CodingKey {
        case label, model, horizonVersion = "horizon_version"
    }

    public init(label: String, model: String? = nil, horizonVersion: String) {
        self.label = label
        self.model = model
        self.horizonVersion = horizonVersion
    }
}

/// Results of the paper's mid-generation experiment at one cut position t.
public struct ResamplePoint: Codable, Sendable, Equatable {
    public var position: Int
    public var samples: Int
    public var problems: Int
    /// BF of the continuations (BF@t).
    public var bf: Double?
    public var bfCI: ConfidenceInterval?
    public var majAccuracy: Double?
    public var majAccuracyCI: ConfidenceInterval?
    public var agreement: Double?

    enum CodingKeys: String, CodingKey {
        case position, samples, problems, bf, bfCI = "bf_ci", majAccuracy = "maj_accuracy"
        case majAccuracyCI = "maj_accuracy_ci", agreement
    }

    public init(position: Int, samples: Int, problems: Int, bf: Double? = nil, bfCI: ConfidenceInterval? = nil,
                majAccuracy: Double? = nil, majAccuracyCI: ConfidenceInterval? = nil, agreement: Double? = nil) {
        self.position = position
        self.samples = samples
        self.problems = problems
        self.bf = bf
        self.bfCI = bfCI
        self.majAccuracy = majAccuracy
        self.majAccuracyCI = majAccuracyCI
        self.agreement = agreement
    }
}

/// One threshold per metric family, with the documented defaults (docs/ci.md).
///
/// | family | option | default | why |
/// |---|---|---|---|
/// | BF | `--max-bf-rise` | `10%` | BF lives on [1, ∞) and varies by model; relative keeps one limit meaningful |
/// | accuracy | `--max-accuracy-drop` | `0.02` | two points of accuracy |
/// | agreement | `--max-agreement-drop` | `0.05` | agreement moves more than accuracy between runs |
/// | answer entropy | `--max-entropy-rise` | `0.1` | nats; absolute, because a stable baseline sits near 0 |
/// | maj@k | `--max-maj-drop` | `0.02` | as accuracy |
public struct GateThresholds: Sendable, Equatable {
    public var bfRise: Threshold
    public var accuracyDrop: Threshold
    public var agreementDrop: Threshold
    public var answerEntropyRise: Threshold
    public var majDrop: Threshold

    public init(
        bfRise: Threshold = .relative(0.10),
        accuracyDrop: Threshold = .absolute(0.02),
        agreementDrop: Threshold = .absolute(0.05),
        answerEntropyRise: Threshold = .absolute(0.10),
        majDrop: Threshold = .absolute(0.02)
    ) {
        self.bfRise = bfRise
        self.accuracyDrop = accuracyDrop
        self.agreementDrop = agreementDrop
        self.answerEntropyRise = answerEntropyRise
        self.majDrop = majDrop
    }

    /// The threshold that applies to every metric of `family`.
    public subscript(family: MetricFamily) -> Threshold {
        get {
            switch family {
            case .bf: return bfRise
            case .accuracy: return accuracyDrop
            case .agreement: return agreementDrop
            case .answerEntropy: return answerEntropyRise
            case .maj: return majDrop
            }
        }
        set {
            switch family {
            case .bf: bfRise = newValue
            case .accuracy: accuracyDrop = newValue
            case .agreement: agreementDrop = newValue
            case .answerEntropy: answerEntropyRise = newValue
            case .maj: majDrop = newValue
            }
        }
    }
}

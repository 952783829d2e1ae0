@_exported import HorizonAnswers
@_exported import HorizonCommon
@_exported import HorizonClient
@_exported import HorizonEntropy
@_exported import HorizonGate
@_exported import HorizonReport
@_exported import HorizonSegments
@_exported import HorizonStability
@_exported import HorizonTraces

/// The tool's version, written into every analysis and report.
public let horizonVersion = "0.1.0"

// The library product: every stage, re-exported, as swift-collections' `Collections` does.
@_exported import HorizonAnswers
@_exported import HorizonCommon
@_exported import HorizonClient
@_exported import HorizonEntropy
@_exported import HorizonGate
@_exported import HorizonReport
@_exported import HorizonSegments
@_exported import HorizonStability
@_exported import HorizonTraces

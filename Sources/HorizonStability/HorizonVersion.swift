/// The tool's version, written into every analysis and report.
public let horizonVersion = "0.1.0"

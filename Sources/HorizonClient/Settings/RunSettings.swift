/// How a resumable run (``SamplingRun``, ``ProbeRun``) works locally: its seed, how many requests
/// it keeps in flight, where it writes, and whether it may start over.
public struct RunSettings: Sendable, Equatable {
    /// The run seed; every request's seed is derived from it and the request's identity
    /// (``SampleSeed``), never from the order of work or the replica that serves it.
    public var seed: UInt64
    /// Requests in flight at once, over all replicas.
    public var concurrency: Int
    /// The JSONL output; the manifest goes beside it as `OUT.manifest.json`.
    public var outputPath: String
    /// Start over when the existing output was written with other settings (deletes it).
    public var force: Bool
    /// The command line that started the run, recorded in the manifest.
    public var commandLine: [String]

    /// The most requests a run keeps in flight; each holds a connection, so the open-file limit
    /// must allow about twice as many descriptors (``OpenFileLimit``).
    public static let maximumConcurrency = 1024

    public init(seed: UInt64 = 0, concurrency: Int = 4, outputPath: String, force: Bool = false, commandLine: [String] = []) {
        self.seed = seed
        self.concurrency = concurrency
        self.outputPath = outputPath
        self.force = force
        self.commandLine = commandLine
    }

    /// Checks the settings before anything is sent or written.
    ///
    /// - Throws: ``ClientError`` with ``ClientError/Reason/invalidConfiguration``.
    public func validate() throws(ClientError) {
        guard (1...Self.maximumConcurrency).contains(concurrency) else {
            throw ClientError(.invalidConfiguration, "concurrency must be in 1...\(Self.maximumConcurrency) (got \(concurrency))")
        }
        guard !outputPath.isEmpty else { throw ClientError(.invalidConfiguration, "the output path is empty") }
    }
}

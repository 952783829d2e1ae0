import Testing

/// A suite trait that runs one ``LlamaServer`` around all tests of a suite.
///
/// ```swift
/// @Suite(.serialized, .enabled(if: LlamaServer.isAvailable), .llamaServer(MarkovTestModel.base.servedModel))
/// struct ServerTests {
///     @Test func answers() async throws {
///         let server = try #require(LlamaServer.current)
///         ...
///     }
/// }
/// ```
///
/// The server starts before the suite's first test and stops after its last one, also when a
/// test fails or throws; inside, ``LlamaServer/current`` is the running server. Combine it with
/// `.enabled(if: LlamaServer.isAvailable)` so a clone without `.venv` skips the suite visibly
/// instead of failing it, and with `.serialized` so tests do not interleave requests.
public struct LlamaServerScope: SuiteTrait, TestScoping {
    /// The models the server serves; the first is its default.
    public var models: [LlamaServer.Model]

    /// One server for the whole suite, not one per test.
    public var isRecursive: Bool { false }

    public func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        let server = try await LlamaServer.start(models)
        defer { server.stop() }
        try await LlamaServer.$current.withValue(server) { try await function() }
    }
}

extension Trait where Self == LlamaServerScope {
    /// Runs one llama-cpp-python server serving `models` around the suite (see ``LlamaServerScope``).
    public static func llamaServer(_ models: LlamaServer.Model...) -> Self {
        LlamaServerScope(models: models)
    }
}

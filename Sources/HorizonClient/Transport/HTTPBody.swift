import NIOCore

/// A response body as an asynchronous sequence of byte chunks, whatever library produced it.
///
/// A body is read once; its chunks have the sizes the network delivered, so a consumer must not
/// assume a chunk holds whole lines or whole events. Chunks are SwiftNIO `ByteBuffer`s, the
/// storage the bytes were read into: a consumer reads them in place instead of copying each.
public struct HTTPBody: AsyncSequence, Sendable {
    public typealias Element = ByteBuffer
    public typealias Failure = any Error

    /// Produces the function that yields the next chunk, `nil` at the end.
    private let makeNextChunk: @Sendable () -> () async throws -> ByteBuffer?

    /// A body whose chunks come from `makeNextChunk()`'s returned function.
    ///
    /// - Parameter makeNextChunk: called once per iteration to set up the underlying reader.
    public init(_ makeNextChunk: @escaping @Sendable () -> () async throws -> ByteBuffer?) {
        self.makeNextChunk = makeNextChunk
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        fileprivate let nextChunk: () async throws -> ByteBuffer?

        public mutating func next() async throws -> ByteBuffer? { try await nextChunk() }
    }

    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(nextChunk: makeNextChunk()) }

    /// Reads the whole body.
    ///
    /// - Parameter limit: the most bytes accepted.
    /// - Returns: the bytes.
    /// - Throws: ``ClientError`` with ``ClientError/Reason/malformedResponse`` past `limit`, or
    ///   whatever reading throws.
    public func collect(upTo limit: Int) async throws -> [UInt8] {
        var bytes: [UInt8] = []
        for try await chunk in self {
            chunk.withUnsafeReadableBytes { bytes.append(contentsOf: $0.assumingMemoryBound(to: UInt8.self)) }
            guard bytes.count <= limit else {
                throw ClientError(.malformedResponse, "response body larger than \(limit) bytes")
            }
        }
        return bytes
    }
}

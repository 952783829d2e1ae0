import Testing
@testable import HorizonTraces

/// How much `horizon split` buffers per shard file: 1 MiB while 256 MiB covers every shard,
/// 256 MiB shared beyond that, and a 64 KiB floor.
@Suite struct ShardFileWriterTests {
    @Test(arguments: [
        (1, 1 << 20), (64, 1 << 20), (256, 1 << 20), (257, (256 << 20) / 257), (512, 512 << 10),
        (4096, 64 << 10), (5000, 64 << 10), (100_000, 64 << 10),
    ])
    func blockSizeStaysWithinTheBudget(shards: Int, expected: Int) {
        #expect(ShardFileWriter.blockSize(shards: shards) == expected)
    }
}

import HorizonStability
import Testing

/// `Shard`: the documented FNV-1a 64 hash and `I/N` parsing.
@Suite("shard")
struct ShardTests {
    /// The FNV specification's published FNV-1a 64 values (draft-eastlake-fnv, test vectors).
    @Test("FNV-1a 64 of UTF-8 bytes matches the published vectors", arguments: [
        ("", 0xcbf2_9ce4_8422_2325 as UInt64), ("a", 0xaf63_dc4c_8601_ec8c), ("foobar", 0x8594_4171_f739_67e8),
    ])
    func hashVectors(id: String, expected: UInt64) {
        #expect(Shard.hash(id) == expected)
    }

    @Test("every problem is in exactly one shard, the one its hash names")
    func partition() throws {
        let ids = (0..<200).map { "problem-\($0)" } + ["", "é", "数学-1"]
        for count in [1, 2, 3, 7] {
            for id in ids {
                let owners = (0..<count).filter { Shard(index: $0, count: count)!.contains(problemID: id) }
                #expect(owners == [Int(Shard.hash(id) % UInt64(count))])
            }
        }
    }

    @Test("I/N parses 0-based; anything else is refused", arguments: [
        ("0/1", Shard(index: 0, count: 1)), ("3/4", Shard(index: 3, count: 4)), ("4/4", nil), ("-1/4", nil),
        ("1/0", nil), ("1", nil), ("a/b", nil), ("1/2/3", nil), ("", nil),
    ])
    func parsing(text: String, expected: Shard?) {
        #expect(Shard(parsing: text) == expected)
    }
}

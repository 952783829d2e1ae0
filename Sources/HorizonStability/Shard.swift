/// One of `count` disjoint parts of a problem set: the problems whose id hashes to `index`.
///
/// The hash is FNV-1a 64 (offset basis 0xcbf29ce484222325, prime 0x100000001b3) of the id's
/// UTF-8 bytes, taken modulo `count`: stable across machines, runs and versions, so shard 3 of 8
/// holds the same problems wherever it runs, and every sample of a problem is in one shard.
///
/// ```swift
/// let shard = Shard(parsing: "2/8")!    // index 2 of 0...7
/// shard.contains(problemID: "gsm-17")
/// ```
public struct Shard: Sendable, Hashable, Codable, CustomStringConvertible {
    /// 0-based, below ``count``.
    public var index: Int
    public var count: Int

    /// The whole set: one shard.
    public static let whole = Shard(uncheckedIndex: 0, count: 1)

    /// The name part files record for the hash, so a later change of rule cannot merge silently.
    public static let hashName = "fnv1a64"

    /// `nil` unless `0 <= index < count`.
    public init?(index: Int, count: Int) {
        guard count >= 1, (0..<count).contains(index) else { return nil }
        self.init(uncheckedIndex: index, count: count)
    }

    /// Parses `I/N`, 0-based (`0/4` … `3/4`); `nil` for anything else.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else { return nil }
        self.init(index: index, count: count)
    }

    private init(uncheckedIndex index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// Whether the problem belongs to this shard.
    public func contains(problemID: String) -> Bool {
        count == 1 || Self.index(of: problemID, count: count) == index
    }

    /// The index of the shard of `count` that holds the problem (`horizon split` writes its
    /// lines to that shard's file).
    public static func index(of problemID: String, count: Int) -> Int {
        Int(hash(problemID) % UInt64(count))
    }

    /// FNV-1a 64 of the UTF-8 bytes.
    public static func hash(_ problemID: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in problemID.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }

    public var description: String { "\(index)/\(count)" }
}

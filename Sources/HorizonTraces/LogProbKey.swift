import HorizonCommon

/// The keys of the objects inside log-probabilities (a chat entry, a candidate), which the
/// parser meets millions of times per file.
enum LogProbKey {
    case id, token, logprob, bytes, topLogprobs, other
}

extension JSONCursor {
    /// Reads a member's key and the `:` after it, recognising the log-probability keys.
    ///
    /// The common spellings are recognised from one or two 8-byte loads compared with
    /// constants, instead of scanning the key and comparing it byte by byte; anything else
    /// (escaped keys, other keys, the end of the line near) takes the general path.
    ///
    /// - Complexity: O(1) for the known keys, O(key length) otherwise.
    @inline(__always) mutating func readLogProbKey() throws(JSONSyntaxError) -> LogProbKey {
        // Nothing here throws or builds a message: anything unusual (no quote, another key, a
        // space before the colon, the end of the line near) takes the general path, which
        // reads the key again and reports what is wrong. That keeps this small enough to be
        // inlined into the loops over candidates.
        if peek() == ASCII.quote, position &+ 17 <= end {
            let raw = UnsafeRawPointer(base)
            let word = raw.loadUnaligned(fromByteOffset: position + 1, as: UInt64.self)
            let sixBytes: UInt64 = 0xFFFF_FFFF_FFFF
            var key = LogProbKey.other
            var length = 0
            if word & sixBytes == 0x22_6E65_6B6F_74 {  // token"
                (key, length) = (.token, 6)
            } else if word == 0x2262_6F72_7067_6F6C {  // logprob"
                (key, length) = (.logprob, 8)
            } else if word & sixBytes == 0x22_7365_7479_62 {  // bytes"
                (key, length) = (.bytes, 6)
            } else if word & 0xFF_FFFF == 0x22_6469 {  // id"
                (key, length) = (.id, 3)
            } else if word == 0x7067_6F6C_5F70_6F74,  // top_logp
                raw.loadUnaligned(fromByteOffset: position + 9, as: UInt64.self) & 0xFF_FFFF_FFFF == 0x22_7362_6F72  // robs"
            {
                (key, length) = (.topLogprobs, 13)
            }
            if key != .other, base[position &+ 1 &+ length] == ASCII.colon {
                position &+= 2 &+ length
                return key
            }
        }
        return try readAnyLogProbKey()
    }

    /// The general path of ``readLogProbKey()``.
    @inline(never) private mutating func readAnyLogProbKey() throws(JSONSyntaxError) -> LogProbKey {
        let key = try readKey()
        if matches(key, "id") { return .id }
        if matches(key, "token") { return .token }
        if matches(key, "logprob") { return .logprob }
        if matches(key, "bytes") { return .bytes }
        if matches(key, "top_logprobs") { return .topLogprobs }
        return .other
    }
}

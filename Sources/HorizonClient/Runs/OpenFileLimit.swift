import Foundation

/// The process's open-file limit (`RLIMIT_NOFILE`), raised when a run needs more descriptors.
///
/// Each request in flight holds a connection, and a connection pool keeps some idle ones for a
/// few seconds, so a run of concurrency C is given room for `2·C + 64` descriptors (the rest: the
/// output, the manifest, the event loops). Many systems start processes with a soft limit of
/// 1024 and a much higher hard limit, which an unprivileged process may raise its soft limit to.
public enum OpenFileLimit {
    /// What a raise did: the soft limit before and after.
    public struct Change: Sendable, Equatable {
        public var from: UInt64
        public var to: UInt64
    }

    /// The descriptors a run of `concurrency` requests in flight is given room for.
    public static func needed(forConcurrency concurrency: Int) -> UInt64 {
        UInt64(max(concurrency, 0)) * 2 + 64
    }

    /// Raises the soft limit to the hard limit when it is below what `concurrency` needs.
    ///
    /// - Returns: the change, or `nil` when the soft limit was already enough.
    /// - Throws: ``ClientError`` with ``ClientError/Reason/invalidConfiguration`` when even the
    ///   hard limit is too low, naming both limits and what to do.
    @discardableResult
    public static func raise(toServe concurrency: Int) throws(ClientError) -> Change? {
        let needed = needed(forConcurrency: concurrency)
        var limit = rlimit()
        guard getrlimit(RLIMIT_NOFILE_VALUE, &limit) == 0 else {
            throw ClientError(.fileSystem, "cannot read the open-file limit: \(String(cString: strerror(errno)))")
        }
        let soft = UInt64(limit.rlim_cur), hard = UInt64(limit.rlim_max)
        if soft >= needed { return nil }
        guard hard >= needed else {
            throw ClientError(
                .invalidConfiguration,
                "concurrency \(concurrency) needs about \(needed) open files, but the limit is \(soft) (hard limit \(hard)); "
                    + "raise the hard limit (`ulimit -Hn`, systemd's LimitNOFILE, a container's --ulimit nofile) or lower the concurrency")
        }
        limit.rlim_cur = limit.rlim_max
        guard setrlimit(RLIMIT_NOFILE_VALUE, &limit) == 0 else {
            throw ClientError(
                .invalidConfiguration,
                "cannot raise the open-file limit from \(soft) to \(hard): \(String(cString: strerror(errno))); lower the concurrency")
        }
        return Change(from: soft, to: hard)
    }
}

#if canImport(Glibc)
// Glibc imports RLIMIT_NOFILE as an enum case of `__rlimit_resource`.
private let RLIMIT_NOFILE_VALUE = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
#else
private let RLIMIT_NOFILE_VALUE = RLIMIT_NOFILE
#endif

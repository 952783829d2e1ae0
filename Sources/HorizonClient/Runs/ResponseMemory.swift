internal import CLibcExtras

/// How the process's allocator treats the megabyte buffers a run allocates per response.
///
/// A response with top-20 log-probs is over a megabyte, and a run holds several buffers of that
/// size per request in flight (the body, its entries' text, the trace line). With glibc's
/// defaults such buffers are mapped on their own at first, and freed memory beyond a few
/// megabytes goes back to the kernel, so buffers keep arriving as fresh pages, each faulted in
/// and cleared: several percent of `horizon sample`'s time on loopback (docs/benchmarks.md).
/// Keeping them in the heap and its freed memory for reuse costs at most what the run's peak
/// already held. Elsewhere than glibc this does nothing.
enum ResponseMemory {
    /// Buffers up to this size come from the heap rather than from their own mapping (glibc's
    /// largest allowed value on 64-bit systems).
    static let heapLimit: Int32 = 32 << 20
    /// Free memory at the top of the heap kept for reuse before any is returned.
    static let keptFreeMemory: Int32 = 512 << 20

    /// Sets glibc's `M_MMAP_THRESHOLD` and `M_TRIM_THRESHOLD` (`mallopt(3)`) for the process.
    ///
    /// - Returns: whether the allocator took both settings (never elsewhere than glibc).
    @discardableResult
    static func keepLargeBuffers() -> Bool {
        horizon_malloc_keep_large_buffers(heapLimit, keptFreeMemory) == 1
    }
}

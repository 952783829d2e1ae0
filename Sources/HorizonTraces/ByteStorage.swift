import Foundation

/// Bytes that batches of lines point into: a read-only mapping of a whole regular file, or
/// a buffer filled from a stream. The batches cut from it share it by reference; it is
/// unmapped or freed when the last of them is done.
///
/// `@unchecked Sendable`: the bytes are never written once the storage is handed out
/// (workers only read them), and ``discardPages(in:)`` only tells the kernel that mapped
/// pages may be dropped, which does not change what they read as.
final class ByteStorage: @unchecked Sendable {
    let base: UnsafePointer<UInt8>
    /// The number of bytes of data (a mapping may extend a little beyond, zero-filled).
    let count: Int
    private let mappedLength: Int?

    /// Maps the `size` bytes of the regular file open at `descriptor`, or returns `nil` if
    /// the system refuses. The bytes after the end of the file up to the end of its last
    /// page read as zeros.
    init?(mapping descriptor: Int32, size: Int) {
        guard size > 0, let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0),
            address != MAP_FAILED
        else { return nil }
        _ = madvise(address, size, MADV_SEQUENTIAL)
        base = UnsafePointer(address.assumingMemoryBound(to: UInt8.self))
        count = size
        mappedLength = size
    }

    /// Takes ownership of `count` initialized bytes at `pointer`, allocated with
    /// `UnsafeMutableRawPointer.allocate(byteCount:alignment:)`.
    init(adopting pointer: UnsafeMutableRawPointer, count: Int) {
        base = UnsafePointer(pointer.assumingMemoryBound(to: UInt8.self))
        self.count = count
        mappedLength = nil
    }

    deinit {
        if let mappedLength {
            munmap(UnsafeMutableRawPointer(mutating: base), mappedLength)
        } else {
            UnsafeMutableRawPointer(mutating: base).deallocate()
        }
    }

    /// The system's page size.
    static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    /// For a mapping: lets the kernel drop the pages lying wholly inside `range` from this
    /// process (they stay in the page cache), so that reading a large file does not make
    /// the process's memory grow to the file's size. Does nothing for a buffer.
    func discardPages(in range: Range<Int>) {
        guard mappedLength != nil else { return }
        let page = Self.pageSize
        let start = (range.lowerBound + page - 1) / page * page
        let end = range.upperBound / page * page
        guard start < end else { return }
        _ = madvise(UnsafeMutableRawPointer(mutating: base + start), end - start, MADV_DONTNEED)
    }
}

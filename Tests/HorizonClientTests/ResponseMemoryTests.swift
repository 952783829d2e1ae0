@testable import HorizonClient
import Testing

@Suite("Response memory")
struct ResponseMemoryTests {
    @Test("glibc takes both allocator settings (its mmap threshold is at most 32 MiB)")
    func glibcTakesTheSettings() {
        #if canImport(Glibc)
        #expect(ResponseMemory.keepLargeBuffers())
        #else
        #expect(!ResponseMemory.keepLargeBuffers())
        #endif
    }
}

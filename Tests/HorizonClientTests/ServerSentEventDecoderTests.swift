@testable import HorizonClient
import NIOCore
import Testing

@Suite("Server-sent events")
struct ServerSentEventDecoderTests {
    private func decode(_ chunks: [String]) -> [String] {
        var decoder = ServerSentEventDecoder()
        return chunks.flatMap { events(feeding: Array($0.utf8), to: &decoder) }
    }

    /// The events `decoder` completes with `chunk`, as text.
    private func events(feeding chunk: some Collection<UInt8>, to decoder: inout ServerSentEventDecoder) -> [String] {
        var events: [String] = []
        try? decoder.feed(chunk) { bytes, count in
            #expect(bytes[count] == 0, "the event's data is NUL-terminated")
            events.append(String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self))
        }
        return events
    }

    @Test("events split at every possible point decode the same")
    func splitAnywhere() {
        let stream = "data: {\"a\":1}\n\n: keep-alive\n\nevent: x\ndata: é\ndata: two\r\n\r\ndata:[DONE]\r\r"
        let whole = decode([stream])
        #expect(whole == ["{\"a\":1}", "é\ntwo", "[DONE]"])
        let bytes = Array(stream.utf8)
        for cut in 1..<bytes.count {
            var decoder = ServerSentEventDecoder()
            let events = events(feeding: bytes[..<cut], to: &decoder) + events(feeding: bytes[cut...], to: &decoder)
            #expect(events == whole, "cut at \(cut)")
        }
    }

    @Test("ByteBuffer chunks read in place, from any reader index, decode as arrays do")
    func byteBufferChunks() {
        let stream = "data: {\"a\":1}\n\n: keep-alive\n\nevent: x\ndata: é\ndata: two\r\n\r\ndata:[DONE]\r\r"
        let whole = decode([stream])
        // As the transport hands them over: views into buffers whose reader index is not 0.
        var buffer = ByteBuffer(string: "HTTP/1.1 framing before the body" + stream)
        buffer.moveReaderIndex(forwardBy: "HTTP/1.1 framing before the body".utf8.count)
        for cut in 1..<buffer.readableBytes {
            var decoder = ServerSentEventDecoder()
            let first = buffer.getSlice(at: buffer.readerIndex, length: cut)!
            let rest = buffer.getSlice(at: buffer.readerIndex + cut, length: buffer.readableBytes - cut)!
            let events = events(feeding: first.readableBytesView, to: &decoder) + events(feeding: rest.readableBytesView, to: &decoder)
            #expect(events == whole, "cut at \(cut)")
        }
    }

    @Test("an event not ended by a blank line is dropped")
    func unfinishedEvent() {
        #expect(decode(["data: 1\n\ndata: {\"cut"]) == ["1"])
        #expect(decode(["data: 1\n\ndata: 2\n"]) == ["1"])
    }

    @Test("only one leading space is removed; a bare data line is an empty event")
    func fieldValues() {
        #expect(decode(["data:  two spaces\n\n"]) == [" two spaces"])
        #expect(decode(["data\n\n"]) == [""])
        #expect(decode(["id: 3\nretry: 10\n\n"]) == [])
    }
}

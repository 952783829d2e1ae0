@testable import HorizonClient
import Testing

@Suite("Server-sent events")
struct ServerSentEventDecoderTests {
    private func decode(_ chunks: [String]) -> [String] {
        var decoder = ServerSentEventDecoder()
        return chunks.flatMap { decoder.feed(Array($0.utf8)) }
    }

    @Test("events split at every possible point decode the same")
    func splitAnywhere() {
        let stream = "data: {\"a\":1}\n\n: keep-alive\n\nevent: x\ndata: é\ndata: two\r\n\r\ndata:[DONE]\r\r"
        let whole = decode([stream])
        #expect(whole == ["{\"a\":1}", "é\ntwo", "[DONE]"])
        let bytes = Array(stream.utf8)
        for cut in 1..<bytes.count {
            var decoder = ServerSentEventDecoder()
            let events = decoder.feed(bytes[..<cut]) + decoder.feed(bytes[cut...])
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

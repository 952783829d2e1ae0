/// Splits a server-sent event stream (the WHATWG "text/event-stream" format) into the data of
/// its events, fed chunk by chunk.
///
/// Lines end with LF, CRLF or CR; `data:` lines of one event are joined with LF; a blank line ends
/// the event; comments (`:`) and other fields are ignored. An event the stream does not finish
/// with a blank line is dropped, as the format requires, so a cut-off stream never yields half
/// an event.
///
/// ```swift
/// var decoder = ServerSentEventDecoder()
/// decoder.feed(Array("data: {\"a\":1}\n\ndata: [DO".utf8))  // ["{\"a\":1}"]
/// decoder.feed(Array("NE]\n\n".utf8))                      // ["[DONE]"]
/// ```
struct ServerSentEventDecoder {
    private var line: [UInt8] = []
    private var data: [UInt8] = []
    private var hasData = false
    private var lastByteWasCR = false

    /// Feeds the next chunk and returns the data of every event it completed, in order.
    ///
    /// - Complexity: O(n) in the chunk length.
    mutating func feed(_ chunk: some Sequence<UInt8>) -> [String] {
        var events: [String] = []
        for byte in chunk {
            if byte == UInt8(ascii: "\n") && lastByteWasCR {
                lastByteWasCR = false
                continue
            }
            lastByteWasCR = byte == UInt8(ascii: "\r")
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                if let event = endLine() { events.append(event) }
            } else {
                line.append(byte)
            }
        }
        return events
    }

    /// Processes a finished line; returns an event's data when the line was blank.
    private mutating func endLine() -> String? {
        defer { line.removeAll(keepingCapacity: true) }
        if line.isEmpty {
            guard hasData else { return nil }
            let event = String(decoding: data, as: UTF8.self)
            data.removeAll(keepingCapacity: true)
            hasData = false
            return event
        }
        let colon = line.firstIndex(of: UInt8(ascii: ":")) ?? line.endIndex
        guard line[..<colon].elementsEqual("data".utf8) else { return nil }
        var valueStart = colon < line.endIndex ? colon + 1 : colon
        if valueStart < line.endIndex, line[valueStart] == UInt8(ascii: " ") { valueStart += 1 }
        if hasData { data.append(UInt8(ascii: "\n")) }
        data.append(contentsOf: line[valueStart...])
        hasData = true
        return nil
    }
}

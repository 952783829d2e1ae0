import Foundation
import HorizonCommon

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
/// decoder.feed(Array("data: {\"a\":1}\n\ndata: [DO".utf8)) { print(String(decoding: UnsafeBufferPointer(start: $0, count: $1), as: UTF8.self)) }
/// // {"a":1}
/// ```
///
/// Lines that lie whole in a chunk are read where they lie; only a line cut by a chunk boundary
/// is copied, and each event's data once, into a buffer that is reused.
struct ServerSentEventDecoder {
    /// The start of a line cut by the previous chunk's end.
    private var pendingLine: [UInt8] = []
    /// The current event's data lines, joined by LF.
    private var data: [UInt8] = []
    private var hasData = false
    private var lastByteWasCR = false

    /// Feeds the next chunk and hands the data of every event it completes, in order, to
    /// `onEvent` as `(bytes, count)`, where `bytes[count]` is a readable NUL (what
    /// `JSONCursor(document:count:)` needs). The bytes are valid only during the call.
    ///
    /// - Complexity: O(n) in the chunk length.
    mutating func feed(
        _ chunk: some Collection<UInt8>,
        onEvent: (UnsafePointer<UInt8>, Int) throws(ClientError) -> Void
    ) throws(ClientError) {
        let result: Result<Void, ClientError>? = chunk.withContiguousStorageIfAvailable { buffer in
            Result { () throws(ClientError) in try feed(buffer, onEvent: onEvent) }
        }
        if let result {
            try result.get()
        } else {
            let copy = Array(chunk)
            try copy.withUnsafeBufferPointer { (buffer) throws(ClientError) in try feed(buffer, onEvent: onEvent) }
        }
    }

    private mutating func feed(
        _ chunk: UnsafeBufferPointer<UInt8>,
        onEvent: (UnsafePointer<UInt8>, Int) throws(ClientError) -> Void
    ) throws(ClientError) {
        guard !chunk.isEmpty else { return }
        var start = 0
        if lastByteWasCR, start < chunk.count, chunk[start] == ASCII.newline { start += 1 }
        lastByteWasCR = false
        while let end = Self.lineEnd(in: chunk, from: start) {
            let line = UnsafeBufferPointer(rebasing: chunk[start..<end])
            if pendingLine.isEmpty {
                try endLine(line, onEvent: onEvent)
            } else {
                pendingLine.append(contentsOf: line)
                let whole = pendingLine
                pendingLine.removeAll(keepingCapacity: true)
                try whole.withUnsafeBufferPointer { (whole) throws(ClientError) in try endLine(whole, onEvent: onEvent) }
            }
            var next = end + 1
            if chunk[end] == ASCII.carriageReturn {
                if next == chunk.count {
                    lastByteWasCR = true
                } else if chunk[next] == ASCII.newline {
                    next += 1
                }
            }
            start = next
        }
        pendingLine.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[start...]))
    }

    /// The offset of the first LF or CR at or after `start`, found with `memchr` (lines are
    /// long: an event with top-20 log-probs is over a kilobyte).
    private static func lineEnd(in chunk: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < chunk.count, let base = chunk.baseAddress else { return nil }
        let rest = UnsafeRawPointer(base + start)
        let length = chunk.count - start
        let lineFeed = memchr(rest, Int32(ASCII.newline), length).map { UnsafeRawPointer($0) - rest }
        // A CR ends a line too; look for one only before the LF (servers rarely send any).
        let carriageReturn = memchr(rest, Int32(ASCII.carriageReturn), lineFeed ?? length).map { UnsafeRawPointer($0) - rest }
        return (carriageReturn ?? lineFeed).map { start + $0 }
    }

    /// Processes a finished line; a blank one ends the event.
    private mutating func endLine(
        _ line: UnsafeBufferPointer<UInt8>,
        onEvent: (UnsafePointer<UInt8>, Int) throws(ClientError) -> Void
    ) throws(ClientError) {
        if line.isEmpty {
            guard hasData else { return }
            let count = data.count
            data.append(0)
            defer {
                data.removeAll(keepingCapacity: true)
                hasData = false
            }
            try data.withUnsafeBufferPointer { (buffer) throws(ClientError) in try onEvent(buffer.baseAddress!, count) }
            return
        }
        let colon = line.firstIndex(of: ASCII.colon) ?? line.endIndex
        guard line[..<colon].elementsEqual("data".utf8) else { return }
        var valueStart = colon < line.endIndex ? colon + 1 : colon
        if valueStart < line.endIndex, line[valueStart] == ASCII.space { valueStart += 1 }
        if hasData { data.append(ASCII.newline) }
        data.append(contentsOf: UnsafeBufferPointer(rebasing: line[valueStart...]))
        hasData = true
    }
}

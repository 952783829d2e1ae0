import HorizonCommon
import HorizonClient
import Testing

@Suite("JSON value")
struct JSONValueTests {
    @Test("key order and number literals survive a round trip")
    func roundTrip() throws {
        let text = #"{"z":1,"a":[1.50,-0.0,1e-7,-3.4028234663852886e+38],"m":{"b":true,"a":null},"s":"x"}"#
        let value = try json(text)
        #expect(value.jsonText == text)
        #expect(value.objectMembers?.map(\.key) == ["z", "a", "m", "s"])
        #expect(value["a"]?.arrayValue?[0] == .number("1.50"))
        #expect(value["a"]?.arrayValue?[0].doubleValue == 1.5)
    }

    @Test("escapes decode, surrogate pairs join, and serialization re-escapes only what JSON needs")
    func strings() throws {
        let value = try json(#"["a\"b\\c\/d\n\t\r\b\f", "\u00e9\u4e2d", "\ud83d\ude00", "\ud800x", "é中😀"]"#)
        let strings = value.arrayValue?.compactMap { $0.stringValue } ?? []
        try #require(strings.count == 5)
        #expect(strings[0] == "a\"b\\c/d\n\t\r\u{08}\u{0C}")
        #expect(strings[1] == "é中")
        #expect(strings[2] == "😀")
        #expect(strings[3] == "\u{FFFD}x")
        #expect(strings[4] == "é中😀")
        #expect(JSONValue.string("a\"\\\n\u{01}é").jsonText == #""a\"\\\n\u0001é""#)
        // Whatever a string holds, its serialization parses back to it and has no raw newline.
        for s in strings {
            let bytes = JSONValue.string(s).serialized()
            #expect(!bytes.contains(UInt8(ascii: "\n")))
            #expect(try JSONValue(parsing: bytes) == .string(s))
        }
    }

    @Test("invalid documents are refused with the byte offset", arguments: [
        (#"{"a":1"#, 6), (#"{"a" 1}"#, 5), ("[1,]", 3), ("01", 1), ("1.", 2), ("-", 1), ("tru", 3),
        (#""\x""#, 2), ("\"a\nb\"", 2), ("[1] x", 4), ("", 0), (#"{"a":1,}"#, 7), ("[1]\u{0}", 3),
    ])
    func invalid(text: String, offset: Int) {
        do {
            _ = try JSONValue(parsing: Array(text.utf8))
            Issue.record("parsed \(text)")
        } catch {
            #expect(error.offset == offset, "\(text): \(error)")
            #expect(error.description.hasPrefix("invalid JSON at byte \(offset): "))
        }
    }

    @Test("NaN and ±Infinity are kept as number literals (the grammar's one extension); misspellings are refused")
    func nonFiniteWords() throws {
        let value = try json("[NaN, -Infinity, Infinity, 1e400]")
        #expect(value.jsonText == "[NaN,-Infinity,Infinity,1e400]")
        let numbers = value.arrayValue?.map { $0.doubleValue } ?? []
        #expect(numbers.count == 4 && numbers[0]?.isNaN == true)
        #expect(Array(numbers.dropFirst()) == [-.infinity, .infinity, .infinity])
        for text in ["[-NaN]", "[Inf]", "[-Infinit]", "[nan]"] {
            #expect(throws: JSONSyntaxError.self, "\(text)") { try json(text) }
        }
    }

    @Test("line feeds are whitespace in a document, never inside a string")
    func lineFeeds() throws {
        #expect(try json("{\n\"a\":\r\n[1,\n2]\n}\n").jsonText == #"{"a":[1,2]}"#)
        #expect(throws: JSONSyntaxError.self) { try json("\"a\nb\"") }
    }

    @Test("nesting deeper than the limit is refused, at the limit accepted")
    func depth() throws {
        let deep = String(repeating: "[", count: 10) + String(repeating: "]", count: 10)
        #expect(try JSONValue(parsing: Array(deep.utf8), maximumDepth: 10) != .null)
        #expect(throws: JSONSyntaxError.self) { try JSONValue(parsing: Array(deep.utf8), maximumDepth: 9) }
    }

    @Test("subscript sets in place, appends, and removes; overlay replaces at the original position")
    func editing() throws {
        var value: JSONValue = ["a": 1, "b": 2]
        value["a"] = "x"
        value["c"] = true
        value["b"] = nil
        #expect(value.jsonText == #"{"a":"x","c":true}"#)
        let merged = (try json(#"{"model":"m","top_k":40,"n":1}"#)).overlaid(with: try json(#"{"top_k":0,"repeat_penalty":1}"#))
        #expect(merged.jsonText == #"{"model":"m","top_k":0,"n":1,"repeat_penalty":1}"#)
    }

    @Test("a repeated key keeps its last value")
    func duplicateKey() throws {
        #expect(try json(#"{"a":1,"b":2,"a":3}"#).jsonText == #"{"a":3,"b":2}"#)
    }

    @Test("pretty printing parses back to the same value")
    func pretty() throws {
        let value = try json(#"{"a":[1,{"b":[]}],"c":{},"d":"x"}"#)
        let pretty = value.prettyPrinted()
        #expect(pretty.contains("\n  \"a\": [\n    1,"))
        #expect(try JSONValue(parsing: Array(pretty.utf8)) == value)
    }

    @Test("numbers from doubles use the shortest round-trip spelling; non-finite values are refused")
    func doubles() {
        #expect(JSONValue.double(1) == .number("1.0"))
        #expect(JSONValue.double(-1.6094379425048828) == .number("-1.6094379425048828"))
        #expect(JSONValue.double(.infinity) == nil)
        #expect(JSONValue.double(.nan) == nil)
        #expect(JSONValue.number("3.0").intValue == 3)
        #expect(JSONValue.number("3.5").intValue == nil)
    }
}

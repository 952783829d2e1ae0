import HorizonSegments
import Testing

@Suite struct MatchSubjectTests {
    @Test(arguments: [
        ([0x61, 0xE2, 0x88, 0x9A], true),   // "a√"
        ([0x61, 0xE2, 0x88], false),        // "a" + the first two bytes of "√"
        ([0xE2], false),                    // a lone lead byte: a token that split a character
        ([0x88, 0x9A], false),              // continuation bytes without their lead
        ([0xC0, 0xAF], false),              // overlong "/"
        ([0xED, 0xA0, 0x80], false),        // a UTF-16 surrogate
        ([], true),
    ] as [([UInt8], Bool)])
    func validityIsCheckedOnce(bytes: [UInt8], valid: Bool) {
        #expect(MatchSubject(bytes: bytes).isValidUTF8 == valid)
    }

    @Test func textOfARangeDecodesInvalidBytesAsReplacement() {
        let subject = MatchSubject(bytes: [0x61, 0xE2, 0x88, 0x9A, 0x62, 0xE2])
        #expect(subject.text(in: 0..<5) == "a√b")
        #expect(subject.text(in: 4..<6) == "b\u{FFFD}")
        #expect(subject.count == 6)
    }

    @Test func stringSubjectsHoldTheirUTF8() {
        let subject = MatchSubject("x√")
        #expect(subject.bytes == [0x78, 0xE2, 0x88, 0x9A])
        #expect(subject.isValidUTF8)
        #expect(subject == MatchSubject(bytes: [0x78, 0xE2, 0x88, 0x9A]))
    }
}

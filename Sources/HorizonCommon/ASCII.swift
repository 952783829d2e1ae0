/// The bytes JSON's syntax is made of. (`public` with `package` members for cross-module
/// inlining, as ``JSONCursor``.)
public enum ASCII {
    @inlinable package static var tab: UInt8 { 0x09 }
    @inlinable package static var newline: UInt8 { 0x0A }
    @inlinable package static var carriageReturn: UInt8 { 0x0D }
    @inlinable package static var space: UInt8 { 0x20 }
    @inlinable package static var quote: UInt8 { 0x22 }
    @inlinable package static var plus: UInt8 { 0x2B }
    @inlinable package static var comma: UInt8 { 0x2C }
    @inlinable package static var minus: UInt8 { 0x2D }
    @inlinable package static var dot: UInt8 { 0x2E }
    @inlinable package static var slash: UInt8 { 0x2F }
    @inlinable package static var zero: UInt8 { 0x30 }
    @inlinable package static var nine: UInt8 { 0x39 }
    @inlinable package static var colon: UInt8 { 0x3A }
    @inlinable package static var upperI: UInt8 { 0x49 }
    @inlinable package static var upperN: UInt8 { 0x4E }
    @inlinable package static var openBracket: UInt8 { 0x5B }
    @inlinable package static var backslash: UInt8 { 0x5C }
    @inlinable package static var closeBracket: UInt8 { 0x5D }
    @inlinable package static var b: UInt8 { 0x62 }
    @inlinable package static var e: UInt8 { 0x65 }
    @inlinable package static var f: UInt8 { 0x66 }
    @inlinable package static var l: UInt8 { 0x6C }
    @inlinable package static var n: UInt8 { 0x6E }
    @inlinable package static var r: UInt8 { 0x72 }
    @inlinable package static var t: UInt8 { 0x74 }
    @inlinable package static var u: UInt8 { 0x75 }
    @inlinable package static var openBrace: UInt8 { 0x7B }
    @inlinable package static var closeBrace: UInt8 { 0x7D }
}

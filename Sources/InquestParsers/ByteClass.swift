/// A read-only view of a record's bytes. Unchecked in release builds, so every access is
/// guarded by an explicit index comparison in the scanners.
typealias Bytes = UnsafeBufferPointer<UInt8>

/// ASCII byte constants and classes used by the scanners (no Character/String on hot paths).
enum ASCII {
    static let tab: UInt8 = 0x09
    static let newline: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let quote: UInt8 = 0x22
    static let hash: UInt8 = 0x23
    static let plus: UInt8 = 0x2B
    static let comma: UInt8 = 0x2C
    static let minus: UInt8 = 0x2D
    static let dot: UInt8 = 0x2E
    static let slash: UInt8 = 0x2F
    static let colon: UInt8 = 0x3A
    static let lessThan: UInt8 = 0x3C
    static let equals: UInt8 = 0x3D
    static let greaterThan: UInt8 = 0x3E
    static let at: UInt8 = 0x40
    static let openBracket: UInt8 = 0x5B
    static let backslash: UInt8 = 0x5C
    static let closeBracket: UInt8 = 0x5D
    static let underscore: UInt8 = 0x5F
    static let openBrace: UInt8 = 0x7B
    static let closeBrace: UInt8 = 0x7D
    static let openParen: UInt8 = 0x28
    static let closeParen: UInt8 = 0x29

    @inline(__always) static func isSpace(_ byte: UInt8) -> Bool {
        byte <= space && (byte == space || byte &- tab < 5)
    }

    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    @inline(__always) static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }

    @inline(__always) static func isUpper(_ byte: UInt8) -> Bool { byte &- 0x41 < 26 }

    @inline(__always) static func lowered(_ byte: UInt8) -> UInt8 { isUpper(byte) ? byte | 0x20 : byte }

    /// Bytes allowed in a `key` of logfmt/syslog `key=value` pairs.
    @inline(__always) static func isKeyByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || isDigit(byte) || byte == underscore || byte == dot || byte == minus || byte == at
    }
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// Index of the first non-space byte at or after `index`, or `count`.
    @inline(__always) func skipSpaces(from index: Int) -> Int {
        var i = index
        while i < count && ASCII.isSpace(self[i]) { i += 1 }
        return i
    }

    /// Index of the first byte equal to `byte` at or after `index` within `end`, or nil.
    @inline(__always) func firstIndex(of byte: UInt8, from index: Int, to end: Int) -> Int? {
        guard index < end, let base = baseAddress else { return nil }
        guard let found = memchrBytes(base + index, byte, end - index) else { return nil }
        return found - base
    }

    /// Whether the whole buffer is spaces/tabs/CR.
    var isBlank: Bool {
        for byte in self where !ASCII.isSpace(byte) { return false }
        return true
    }

    /// Decodes `range` as UTF-8, repairing invalid sequences with U+FFFD.
    @inline(__always) func string(_ start: Int, _ end: Int) -> String {
        guard start < end, let base = baseAddress else { return "" }
        return String(decoding: UnsafeBufferPointer(start: base + start, count: end - start), as: UTF8.self)
    }

    /// A sub-view without copying.
    @inline(__always) func slice(_ start: Int, _ end: Int) -> Bytes {
        guard start < end, let base = baseAddress else { return Bytes(start: nil, count: 0) }
        return Bytes(start: base + start, count: end - start)
    }
}

extension StaticString {
    /// The literal's UTF-8 bytes (static storage, valid for the program's lifetime).
    var bytes: Bytes { Bytes(start: utf8Start, count: utf8CodeUnitCount) }
}

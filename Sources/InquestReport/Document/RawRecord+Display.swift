import Foundation

extension RawRecord {
    /// The original bytes (nil only if a hand-edited document has broken base64).
    public var bytes: [UInt8]? {
        switch encoding {
        case .utf8: Array(data.utf8)
        case .base64: Data(base64Encoded: data).map { Array($0) }
        }
    }

    /// The bytes as text for reading: UTF-8, with every byte that is not part of valid UTF-8
    /// written as `\xNN`, then made inert by ``ReportSanitizer/multiline(_:)``.
    public var displayText: String {
        guard let bytes else { return "(unreadable base64)" }
        return ReportSanitizer.multiline(Self.escapingInvalidUTF8(bytes))
    }

    /// UTF-8 text with each invalid byte written `\xNN`.
    static func escapingInvalidUTF8(_ bytes: [UInt8]) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var output = ""
        var index = 0
        while index < bytes.count {
            let length = validSequenceLength(bytes, at: index)
            if length > 0, let text = String(validating: bytes[index..<index + length], as: UTF8.self) {
                output += text
                index += length
            } else {
                let digits = Array("0123456789ABCDEF")
                output += "\\x" + String(digits[Int(bytes[index] >> 4)]) + String(digits[Int(bytes[index] & 0xF)])
                index += 1
            }
        }
        return output
    }

    /// Length of the UTF-8 sequence starting at `index` if its lead and continuation bytes are
    /// well-formed, else 0 (final validation is left to `String(validating:)`).
    static func validSequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        let length: Int
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return 0
        }
        guard index + length <= bytes.count else { return 0 }
        for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 { return 0 }
        return length
    }
}

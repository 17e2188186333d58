import Foundation

/// Normalises trace and span ids to lower-case hex.
enum TraceID {
    /// Reads an id written as hex (any case) or as base64 of `byteCount` bytes (protobuf JSON
    /// mapping). Hex of exactly `2 × byteCount` digits wins; then base64 of `byteCount` bytes;
    /// then any even-length hex (64-bit Jaeger/Zipkin trace ids). Empty text gives nil.
    static func normalize(_ text: String, byteCount: Int, path: String) throws(ParseError) -> String? {
        if text.isEmpty { return nil }
        let isHex = text.utf8.allSatisfy { Self.isHexDigit($0) }
        if isHex && text.utf8.count == 2 * byteCount { return text.lowercased() }
        if let bytes = Data(base64Encoded: text), bytes.count == byteCount {
            return bytes.map { Self.hexPair($0) }.joined()
        }
        if isHex && text.utf8.count % 2 == 0 || isHex && text.utf8.count <= 2 * byteCount {
            return text.lowercased()
        }
        throw .invalidID(path: path, text: text)
    }

    /// Like ``normalize(_:byteCount:path:)`` but an id that is all zeros also gives nil (no parent).
    static func normalizeParent(_ text: String, path: String) throws(ParseError) -> String? {
        guard let id = try normalize(text, byteCount: 8, path: path) else { return nil }
        return id.utf8.allSatisfy { $0 == UInt8(ascii: "0") } ? nil : id
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66)
    }

    private static func hexPair(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
    }
}

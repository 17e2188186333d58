/// One SMTP reply: its code and its lines' text (a multi-line reply, `250-…` then `250 …`,
/// has several).
struct SMTPReply: Sendable, Hashable {
    var code: Int
    var lines: [String]

    /// The lines joined by spaces, for messages.
    var text: String { lines.joined(separator: " ") }

    /// The EHLO extensions it lists (first word of each line after the greeting, upper-cased),
    /// with their parameters: `AUTH` → `["PLAIN", "LOGIN"]`.
    var extensions: [String: [String]] {
        var result: [String: [String]] = [:]
        for line in lines.dropFirst() {
            let words = line.split(separator: " ").map { $0.uppercased() }
            guard let name = words.first else { continue }
            result[name] = Array(words.dropFirst())
        }
        return result
    }

    /// Reads one reply line: `(code, isLast, text)`, or nil when it is not `DDD`, `DDD text` or `DDD-text`.
    static func parseLine(_ line: String) -> (code: Int, isLast: Bool, text: String)? {
        let bytes = Array(line.utf8)
        guard bytes.count >= 3, bytes[0...2].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let code = Int(String(decoding: bytes[0...2], as: UTF8.self))
        else { return nil }
        if bytes.count == 3 { return (code, true, "") }
        guard bytes[3] == UInt8(ascii: " ") || bytes[3] == UInt8(ascii: "-") else { return nil }
        return (code, bytes[3] == UInt8(ascii: " "), String(decoding: bytes[4...], as: UTF8.self))
    }
}

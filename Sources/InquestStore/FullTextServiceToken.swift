/// How an event's service is written into the full-text index's `service` column: one token,
/// `s` followed by the hex of its ASCII-lowercased UTF-8 (`payment` → `s7061796D656E74`).
///
/// Why not the name itself: service names are common words (`payment`, `search`), and indexed
/// as words they would add every event of that service to the doclist of that word, which free
/// text also reads — a phrase with `payment` went from 22 to 35 ms on 1M bench events. As one
/// token of their own they share nothing with the message words, and the match is exactly the
/// filter's `service = ? COLLATE NOCASE` (SQLite's `lower` and NOCASE both fold ASCII only).
enum FullTextServiceToken {
    /// The SQL expression that indexes `service` (NULL stays NULL: no token).
    static let indexedExpression = "'s' || hex(lower(service))"

    /// Longer names are not narrowed by the index (their token would be unwieldy); they still match.
    static let maximumNameBytes = 256

    /// The token for a service name as a filter writes it, or nil when it is too long.
    static func token(for name: String) -> String? {
        guard name.utf8.count <= maximumNameBytes else { return nil }
        let digits = Array("0123456789ABCDEF".utf8)
        var token: [UInt8] = [UInt8(ascii: "s")]
        token.reserveCapacity(1 + name.utf8.count * 2)
        for byte in name.utf8 {
            let folded = (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
            token.append(digits[Int(folded >> 4)])
            token.append(digits[Int(folded & 0x0F)])
        }
        return String(decoding: token, as: UTF8.self)
    }
}

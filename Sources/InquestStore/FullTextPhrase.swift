import GRDB

/// The SQL function `inquest_phrase(message, attributes, phrase, prefix)`: 1 when the tokens of
/// `phrase` appear consecutively, in order, in `message` or in `attributes` (each column on its
/// own, as FTS5 phrases do); with `prefix` = 1 the last token only has to start a token.
///
/// The full-text index keeps no positions (`detail=none`, about half the indexing time of
/// `detail=full` on 1M events), so phrase order is checked here, on the rows the index returned
/// for all the phrase's tokens. ASCII text (nearly every log line) is scanned as bytes without
/// allocating; other text goes through ``FullTextTokenizer``.
enum FullTextPhrase {
    static let function = DatabaseFunction("inquest_phrase", argumentCount: 4, pure: true) { values in
        guard let phrase = String.fromDatabaseValue(values[2]) else { return false }
        let isPrefix = (Int.fromDatabaseValue(values[3]) ?? 0) != 0
        let wanted = FullTextTokenizer.tokens(phrase)
        for column in [values[0], values[1]] {
            guard let text = String.fromDatabaseValue(column) else { continue }
            if matches(text, wanted, prefix: isPrefix) { return true }
        }
        return false
    }

    /// Whether the tokens of `text` contain `wanted` as a run.
    static func matches(_ text: String, _ wanted: [String], prefix: Bool) -> Bool {
        guard !wanted.isEmpty else { return true }
        var text = text
        let fast = text.withUTF8 { bytes -> Bool? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            return containsASCII(bytes, wanted.map { Array($0.utf8) }, prefix: prefix)
        }
        if let fast { return fast }
        return contains(FullTextTokenizer.tokens(text), wanted, prefix: prefix)
    }

    /// Whether `wanted` occurs as a run in `tokens`.
    static func contains(_ tokens: [String], _ wanted: [String], prefix: Bool) -> Bool {
        guard !wanted.isEmpty else { return true }
        guard tokens.count >= wanted.count else { return false }
        let last = wanted.count - 1
        for start in 0...(tokens.count - wanted.count) {
            var matched = true
            for offset in 0..<wanted.count {
                let token = tokens[start + offset]
                let ok = (prefix && offset == last) ? token.hasPrefix(wanted[offset]) : token == wanted[offset]
                if !ok {
                    matched = false
                    break
                }
            }
            if matched { return true }
        }
        return false
    }

    /// The byte version of ``contains(_:_:prefix:)`` for ASCII text: tokens are runs of ASCII
    /// letters and digits, compared case-insensitively with the (already folded) wanted tokens.
    static func containsASCII(_ text: UnsafeBufferPointer<UInt8>, _ wanted: [[UInt8]], prefix: Bool) -> Bool {
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(32)
        var index = 0
        let count = text.count
        while index < count {
            while index < count && !isTokenByte(text[index]) { index += 1 }
            let start = index
            while index < count && isTokenByte(text[index]) { index += 1 }
            if index > start { ranges.append(start..<index) }
        }
        guard ranges.count >= wanted.count else { return false }
        let last = wanted.count - 1
        for first in 0...(ranges.count - wanted.count) {
            var matched = true
            for offset in 0..<wanted.count where !tokenMatches(
                text, ranges[first + offset], wanted[offset], prefix: prefix && offset == last
            ) {
                matched = false
                break
            }
            if matched { return true }
        }
        return false
    }

    private static func tokenMatches(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ wanted: [UInt8], prefix: Bool) -> Bool {
        if prefix ? range.count < wanted.count : range.count != wanted.count { return false }
        for offset in 0..<wanted.count {
            var byte = text[range.lowerBound + offset]
            if byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
            if byte != wanted[offset] { return false }
        }
        return true
    }

    private static func isTokenByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }
}

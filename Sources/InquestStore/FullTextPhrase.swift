import GRDB

/// The SQL function `inquest_phrase(message, attributes, phrase, prefix)`: 1 when the tokens of
/// `phrase` appear consecutively, in order, in `message` or in `attributes` (each column on its
/// own, as FTS5 phrases do); with `prefix` = 1 the last token only has to start a token.
///
/// The full-text index keeps no positions (`detail=none`, about half the indexing time of
/// `detail=full` on 1M events), so phrase order is checked here, on the rows the index returned
/// for all the phrase's tokens. See ``FullTextTokenizer``.
enum FullTextPhrase {
    static let function = DatabaseFunction("inquest_phrase", argumentCount: 4, pure: true) { values in
        guard let phrase = String.fromDatabaseValue(values[2]) else { return false }
        let isPrefix = (Int.fromDatabaseValue(values[3]) ?? 0) != 0
        let wanted = FullTextTokenizer.tokens(phrase)
        for column in [values[0], values[1]] {
            guard let text = String.fromDatabaseValue(column) else { continue }
            if contains(FullTextTokenizer.tokens(text), wanted, prefix: isPrefix) { return true }
        }
        return false
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
}

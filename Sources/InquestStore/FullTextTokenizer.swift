import Foundation

/// Splits text into tokens the way the full-text index's `unicode61` tokenizer does: maximal
/// runs of letters, numbers and private-use characters, case-folded, with diacritics removed.
///
/// The index is built with `detail=none` (it records which rows hold a token, not where), so
/// the store checks word order itself: a phrase, or a word that the tokenizer splits
/// (`req-42`, `10.0.0.1`), matches the index on all its tokens, then ``FullTextPhrase``
/// verifies the order on each candidate row with these tokens.
enum FullTextTokenizer {
    /// The folded tokens of `text`, in order.
    static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            guard !current.isEmpty else { return }
            tokens.append(fold(String(current)))
            current.removeAll(keepingCapacity: true)
        }
        for scalar in text.unicodeScalars {
            if isTokenCharacter(scalar) {
                current.append(scalar)
            } else {
                flush()
            }
        }
        flush()
        return tokens
    }

    /// Lower case without diacritics; ASCII takes a fast path.
    static func fold(_ token: String) -> String {
        if token.utf8.allSatisfy({ $0 < 0x80 }) { return token.lowercased() }
        return token.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    /// Letters (L*), numbers (N*) and private use (Co), as unicode61 without `tokenchars`.
    static func isTokenCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A)
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .privateUse:
            return true
        default:
            return false
        }
    }
}

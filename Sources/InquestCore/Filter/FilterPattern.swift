/// A value to match: exact text, or a glob where an unquoted `*` matches any run of characters.
public struct FilterPattern: Sendable, Hashable {
    /// A run of literal text or a wildcard.
    public enum Piece: Sendable, Hashable {
        /// Text matched as is.
        case literal(String)
        /// `*`: any run of characters, including none.
        case wildcard
    }

    /// The pieces in order; adjacent literals are merged and never empty.
    public let pieces: [Piece]

    /// Builds a pattern from pieces, merging adjacent literals and dropping empty ones.
    public init(pieces: [Piece]) {
        var merged: [Piece] = []
        for piece in pieces {
            switch (piece, merged.last) {
            case (.literal(let text), _) where text.isEmpty:
                continue
            case (.literal(let text), .literal(let previous)?):
                merged[merged.count - 1] = .literal(previous + text)
            case (.wildcard, .wildcard?):
                continue
            default:
                merged.append(piece)
            }
        }
        self.pieces = merged
    }

    /// An exact value (no wildcard).
    public static func exact(_ text: String) -> FilterPattern { FilterPattern(pieces: [.literal(text)]) }

    /// A glob where every `*` in `text` is a wildcard.
    public static func glob(_ text: String) -> FilterPattern {
        var pieces: [Piece] = []
        for (index, part) in text.split(separator: "*", omittingEmptySubsequences: false).enumerated() {
            if index > 0 { pieces.append(.wildcard) }
            pieces.append(.literal(String(part)))
        }
        return FilterPattern(pieces: pieces)
    }

    /// The text when the pattern has no wildcard, else nil.
    public var exactText: String? {
        if pieces.isEmpty { return "" }
        if pieces.count == 1, case .literal(let text) = pieces[0] { return text }
        return nil
    }

    /// True when the pattern contains a wildcard.
    public var isGlob: Bool { exactText == nil }

    /// True when the pattern matches nothing but the empty string.
    public var isEmpty: Bool { pieces.isEmpty }
}

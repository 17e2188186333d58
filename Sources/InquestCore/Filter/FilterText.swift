/// A free-text search word or phrase.
public enum FilterText: Sendable, Hashable {
    /// A bare word, e.g. `timeout`.
    case word(String)
    /// A word or phrase followed by `*`, e.g. `time*`: any token starting with it.
    case prefix(String)
    /// A quoted phrase, e.g. `"connection reset"`: the words in that order.
    case phrase(String)

    /// The searched text without quotes or `*`.
    public var text: String {
        switch self {
        case .word(let text), .prefix(let text), .phrase(let text): text
        }
    }
}

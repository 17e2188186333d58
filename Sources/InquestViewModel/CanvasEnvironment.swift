import InquestCore

/// What the reducer needs from outside: the clock, the zone, the filter language, the
/// user and the key bindings. Tests pass fixed values.
public struct CanvasEnvironment: Sendable {
    public var now: Timestamp
    public var localOffsetSeconds: Int64
    /// Returns the problem of a filter text, or nil when it parses.
    public var validateFilter: @Sendable (String) -> FilterProblem?
    /// The positive free-text terms of a (valid) filter, for highlighting and `n`/`N`.
    public var highlightTerms: @Sendable (String) -> [String]
    /// Author of notes and owner of new investigations.
    public var userName: String
    public var keymap: Keymap

    public init(
        now: Timestamp,
        localOffsetSeconds: Int64 = 0,
        validateFilter: @escaping @Sendable (String) -> FilterProblem? = { _ in nil },
        highlightTerms: @escaping @Sendable (String) -> [String] = CanvasEnvironment.plainWords,
        userName: String = "",
        keymap: Keymap = .defaults
    ) {
        self.now = now
        self.localOffsetSeconds = localOffsetSeconds
        self.validateFilter = validateFilter
        self.highlightTerms = highlightTerms
        self.userName = userName
        self.keymap = keymap
    }

    /// A stand-in for the filter language's terms: words that are not `field:value`,
    /// comparisons, operators or negated, with quotes and parentheses removed.
    public static let plainWords: @Sendable (String) -> [String] = { text in
        text.split(whereSeparator: { $0 == " " || $0 == "\t" }).compactMap { token -> String? in
            let word = String(token).filter { $0 != "(" && $0 != ")" && $0 != "\"" }
            if word.isEmpty || word == "AND" || word == "OR" || word == "NOT" { return nil }
            if word.hasPrefix("-") || word.contains(where: { ":<>=".contains($0) }) { return nil }
            return word.hasSuffix("*") ? String(word.dropLast()) : word
        }.filter { !$0.isEmpty }
    }
}

/// A log template: a message with its variable parts as `<*>`, mined while ingesting (see the
/// `TemplateMiner` in InquestParsers) and stored with a stable id. The id is assigned at creation
/// and kept when the text widens; a template absorbed into another keeps its row with
/// ``mergedInto`` set, and its events read as the other's.
public struct LogTemplate: Sendable, Hashable {
    /// The text of a variable part.
    public static let wildcard = "<*>"

    public var id: Int64
    /// Constants and `<*>`, in order; never empty strings and never containing white space.
    public var tokens: [String]
    /// Events given this template (by the miner that holds it, or, as stored, events stored with it).
    public var count: Int64
    /// Set when this template was absorbed into another: that template's id.
    public var mergedInto: Int64?

    public init(id: Int64, tokens: [String], count: Int64, mergedInto: Int64? = nil) {
        self.id = id
        self.tokens = tokens
        self.count = count
        self.mergedInto = mergedInto
    }

    /// A template from its stored text (tokens are split back on spaces).
    public init(id: Int64, text: String, count: Int64, mergedInto: Int64? = nil) {
        self.init(id: id, tokens: text.split(separator: " ").map(String.init), count: count, mergedInto: mergedInto)
    }

    /// The template as text: tokens joined by one space.
    public var text: String { tokens.joined(separator: " ") }
}

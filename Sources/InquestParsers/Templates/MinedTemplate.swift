/// One template as the miner holds it: a stable id, its tokens (constants and `<*>`) and how
/// many messages it was given. The id is assigned at creation and kept when the text widens;
/// when another template is absorbed into this one, the absorbed id reads as this one's
/// (``TemplateMiner/canonicalID(of:)``).
public struct MinedTemplate: Sendable, Equatable {
    public var id: Int64
    public var tokens: [String]
    public var count: Int64
    /// Set when this template was absorbed into another: that template's id.
    public var mergedInto: Int64?

    public init(id: Int64, tokens: [String], count: Int64, mergedInto: Int64? = nil) {
        self.id = id
        self.tokens = tokens
        self.count = count
        self.mergedInto = mergedInto
    }

    /// The template as text: tokens joined by one space, variable parts as `<*>`.
    public var text: String { tokens.joined(separator: " ") }
}

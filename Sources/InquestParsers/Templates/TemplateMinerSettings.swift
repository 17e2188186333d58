/// The one setting of a ``TemplateMiner`` for every input (no per-system tuning).
public struct TemplateMinerSettings: Sendable, Equatable {
    /// A message joins a template when at least this share of the template's constant tokens
    /// equal the message's tokens at the same places (Drain's similarity, over constants only).
    public var similarity: Double
    /// How many leading tokens (after the token count) pick the leaf of the prefix tree; a token
    /// holding `<*>` descends the `<*>` branch.
    public var prefixDepth: Int
    /// Plain words (no digits) where a message differs from a template are taken as a variable
    /// only once this many distinct words (or word tuples) were seen there: `user=root` and
    /// `user=guest` stay two templates, the sixth user name makes it `user=<*>`. Below that,
    /// a differing word is a different event (`from NEW to RUNNING`, `stored as bytes`/`values`).
    public var distinctWordsForVariable: Int
    /// Live templates at most; past it, a message that fits none joins the catch-all template of
    /// its token count (all `<*>`), so memory stays bounded.
    public var maximumTemplates: Int
    /// Masked messages remembered with their template, so a repeated shape skips the tree.
    public var shapeCacheSize: Int

    public init(similarity: Double = 0.6, prefixDepth: Int = 2, distinctWordsForVariable: Int = 4,
                maximumTemplates: Int = 20_000, shapeCacheSize: Int = 65_536) {
        self.similarity = similarity
        self.prefixDepth = prefixDepth
        self.distinctWordsForVariable = distinctWordsForVariable
        self.maximumTemplates = maximumTemplates
        self.shapeCacheSize = shapeCacheSize
    }
}

/// A tag and how many events carry it.
public struct TagCount: Sendable, Hashable {
    /// The tag text.
    public var tag: String
    /// Events carrying the tag.
    public var count: Int

    public init(tag: String, count: Int) {
        self.tag = tag
        self.count = count
    }
}

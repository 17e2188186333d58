/// A tag and how many events carry it.
public struct TagCount: Sendable, Hashable {
    public var tag: String
    public var count: Int

    public init(tag: String, count: Int) {
        self.tag = tag
        self.count = count
    }
}

/// A tag on an event: its text, who tagged and when.
public struct EventTag: Sendable, Hashable, Codable {
    public var eventID: Int64
    public var tag: String
    public var taggedBy: String
    public var taggedAt: Timestamp

    public init(eventID: Int64, tag: String, taggedBy: String, taggedAt: Timestamp) {
        self.eventID = eventID
        self.tag = tag
        self.taggedBy = taggedBy
        self.taggedAt = taggedAt
    }
}

/// A star on an event: who starred it and when.
public struct EventStar: Sendable, Hashable, Codable {
    public var eventID: Int64
    public var starredBy: String
    public var starredAt: Timestamp

    public init(eventID: Int64, starredBy: String, starredAt: Timestamp) {
        self.eventID = eventID
        self.starredBy = starredBy
        self.starredAt = starredAt
    }
}

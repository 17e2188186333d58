import InquestCore

/// Everything the details pane shows of one event.
public struct EventDetail: Sendable, Hashable {
    public var event: Event
    /// Investigations this event is linked to.
    public var links: [EventLink]
    /// Notes that reference this event.
    public var notes: [Note]
    public var isStarred: Bool
    public var tags: [String]

    public init(event: Event, links: [EventLink] = [], notes: [Note] = [], isStarred: Bool = false, tags: [String] = []) {
        self.event = event
        self.links = links
        self.notes = notes
        self.isStarred = isStarred
        self.tags = tags
    }
}

/// The details pane: the selected event's detail and the scroll offset.
public struct DetailState: Sendable, Hashable {
    public var detail: EventDetail?
    /// First visible line of the details text.
    public var scroll: Int

    public init(detail: EventDetail? = nil, scroll: Int = 0) {
        self.detail = detail
        self.scroll = scroll
    }
}

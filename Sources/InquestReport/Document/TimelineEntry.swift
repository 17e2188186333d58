import InquestCore

/// One event of a report's timeline, with why it is there: the event itself as its one
/// serialised form (``EventRecord``, without raw bytes: the appendix carries those), plus what
/// only a report has. In JSON the record's members sit beside the entry's own (`ref`, `time`,
/// `tags`, ...), so an entry reads as one flat object.
public struct TimelineEntry: Sendable, Hashable {
    /// 1-based position in the timeline: the anchor footnotes and the appendix point at (`E3`).
    public var ref: Int
    /// The event's time in UTC and the document's zone (the record has its nanoseconds too).
    public var time: ReportTime
    /// The event (``EventRecord/eventID`` is its id in the exporting store).
    public var event: EventRecord
    /// Tags on the event, alphabetically.
    public var tags: [String]
    /// Linked to this investigation as evidence.
    public var linked: Bool
    /// Starred by someone.
    public var starred: Bool
    /// Cited by a note (or a note is about it).
    public var cited: Bool
    /// A metric anomaly event (a `metric` event with anomaly attributes).
    public var anomaly: Bool
    /// Who linked it, when and why; nil when not linked.
    public var link: ReportLink?

    public init(
        ref: Int, time: ReportTime, event: EventRecord, tags: [String], linked: Bool, starred: Bool, cited: Bool,
        anomaly: Bool, link: ReportLink?
    ) {
        self.ref = ref
        self.time = time
        self.event = event
        self.tags = tags
        self.linked = linked
        self.starred = starred
        self.cited = cited
        self.anomaly = anomaly
        self.link = link
    }

    /// The event's id in the exporting store.
    public var eventID: Int64 { event.eventID }
}

extension TimelineEntry: Codable {
    enum CodingKeys: String, CodingKey {
        case ref, time, tags, linked, starred, cited, anomaly, link
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        ref = try container.decode(Int.self, forKey: .ref)
        time = try container.decode(ReportTime.self, forKey: .time)
        // Version 1 documents had no `timestampNs` in an entry; its `time` has the same nanoseconds.
        event = try EventRecord(from: decoder, timestampNs: time.ns)
        tags = try container.decode([String].self, forKey: .tags)
        linked = try container.decode(Bool.self, forKey: .linked)
        starred = try container.decode(Bool.self, forKey: .starred)
        cited = try container.decode(Bool.self, forKey: .cited)
        anomaly = try container.decode(Bool.self, forKey: .anomaly)
        link = try container.decodeIfPresent(ReportLink.self, forKey: .link)
    }

    public func encode(to encoder: any Encoder) throws {
        try event.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(ref, forKey: .ref)
        try container.encode(time, forKey: .time)
        try container.encode(tags, forKey: .tags)
        try container.encode(linked, forKey: .linked)
        try container.encode(starred, forKey: .starred)
        try container.encode(cited, forKey: .cited)
        try container.encode(anomaly, forKey: .anomaly)
        try container.encodeIfPresent(link, forKey: .link)
    }
}

/// Why and by whom an event was linked to the investigation.
public struct ReportLink: Sendable, Hashable, Codable {
    public var by: String
    public var at: ReportTime
    public var reason: String?

    public init(by: String, at: ReportTime, reason: String?) {
        self.by = by
        self.at = at
        self.reason = reason
    }
}

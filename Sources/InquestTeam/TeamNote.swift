import InquestCore

/// A note as the team database holds it: the note (its `eventID` is nil, ids are local to each
/// store) and the dedupe key of the event it is about, which each reader matches to its own
/// store's event.
public struct TeamNote: Sendable, Hashable {
    public var note: Note
    public var eventKey: String?

    public init(note: Note, eventKey: String?) {
        self.note = note
        self.eventKey = eventKey
    }
}

/// An event linked to a team investigation: its record as the first investigator shared it
/// (with the raw record, so a teammate without those logs still sees it), and the link.
public struct SharedEvidence: Sendable, Hashable {
    public var record: EventRecord
    public var linkedBy: String
    public var linkedAt: Timestamp
    public var reason: String?

    public init(record: EventRecord, linkedBy: String, linkedAt: Timestamp, reason: String?) {
        self.record = record
        self.linkedBy = linkedBy
        self.linkedAt = linkedAt
        self.reason = reason
    }
}

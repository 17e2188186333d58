import GRDB
import InquestCore

extension InquestStore {
    /// Links an event to an investigation as evidence (relinking replaces who/when/reason).
    /// Touches the investigation's `updatedAt`.
    @discardableResult
    public func link(
        eventID: Int64, toInvestigation investigationID: Int64, reason: String? = nil,
        by author: String = CurrentUser.name, at time: Timestamp = .now()
    ) throws -> EventLink {
        let link = EventLink(investigationID: investigationID, eventID: eventID, linkedBy: author, linkedAt: time, reason: reason)
        try wrap("linking event \(eventID) to investigation \(investigationID)") {
            try writer.write { db in
                try Self.requireInvestigation(investigationID, db)
                try Self.requireEvent(eventID, db)
                try db.execute(
                    sql: """
                        INSERT INTO event_link (investigation_id, event_id, linked_by, linked_at, reason) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (investigation_id, event_id) DO UPDATE SET
                          linked_by = excluded.linked_by, linked_at = excluded.linked_at, reason = excluded.reason
                        """,
                    arguments: [investigationID, eventID, author, time.nanoseconds, reason])
                try Self.touchInvestigation(investigationID, time, db)
                try Self.bumpRevision(db)
            }
        }
        return link
    }

    /// Removes a link; returns false when there was none.
    @discardableResult
    public func unlink(eventID: Int64, fromInvestigation investigationID: Int64) throws -> Bool {
        try wrap("unlinking event \(eventID) from investigation \(investigationID)") {
            try writer.write { db in
                try db.execute(
                    sql: "DELETE FROM event_link WHERE investigation_id = ? AND event_id = ?", arguments: [investigationID, eventID])
                guard db.changesCount > 0 else { return false }
                try Self.touchInvestigation(investigationID, .now(), db)
                try Self.bumpRevision(db)
                return true
            }
        }
    }

    /// The links of an investigation, in event time order.
    public func links(investigationID: Int64) throws -> [EventLink] {
        try wrap("listing links of investigation \(investigationID)") {
            try writer.read { db in
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT l.investigation_id, l.event_id, l.linked_by, l.linked_at, l.reason
                        FROM event_link l JOIN event ON event.id = l.event_id
                        WHERE l.investigation_id = ? ORDER BY event.ts, event.id
                        """,
                    arguments: [investigationID]
                ).map(EventLink.init(row:))
            }
        }
    }

    /// Summaries of the events linked to an investigation, ascending (time, id), decorated like a window.
    public func linkedEvents(investigationID: Int64) throws -> [EventSummary] {
        try wrap("listing events of investigation \(investigationID)") {
            try writer.read { db in
                var summaries = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT \(EventSummary.selection) FROM event_link JOIN event ON event.id = event_link.event_id
                        WHERE event_link.investigation_id = ? ORDER BY event.ts, event.id
                        """,
                    arguments: [investigationID]
                ).map(EventSummary.init(row:))
                try Self.decorate(&summaries, db)
                return summaries
            }
        }
    }
}

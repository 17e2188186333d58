import Foundation
import GRDB
import InquestCore

extension InquestStore {
    /// Full events for the given ids, in (time, id) order; ids that do not exist are skipped.
    /// Used to print a page of a window with every field (`inquest query --format jsonl`).
    public func events(ids: [Int64]) throws -> [Event] {
        guard !ids.isEmpty else { return [] }
        return try wrap("reading \(ids.count) events") {
            try writer.read { db in
                var events: [Event] = []
                events.reserveCapacity(ids.count)
                // Chunks keep the statement under SQLite's variable limit.
                for start in stride(from: 0, to: ids.count, by: 500) {
                    let chunk = Array(ids[start..<min(start + 500, ids.count)])
                    let placeholders = databaseQuestionMarks(count: chunk.count)
                    let rows = try Row.fetchAll(
                        db,
                        sql: "SELECT \(Event.selection) FROM event WHERE id IN (\(placeholders)) ORDER BY ts, id",
                        arguments: StatementArguments(chunk)
                    )
                    events += try [Event](rows: rows, in: db)
                }
                return events
            }
        }
    }

    /// The investigations an event is linked to, oldest link first.
    public func links(eventID: Int64) throws -> [EventLink] {
        try wrap("listing links of event \(eventID)") {
            try writer.read { db in
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT investigation_id, event_id, linked_by, linked_at, reason
                        FROM event_link WHERE event_id = ? ORDER BY linked_at, investigation_id
                        """,
                    arguments: [eventID]
                ).map(EventLink.init(row:))
            }
        }
    }
}

extension InquestStore {
    /// The id of the stored event with this dedupe key, or nil (an event shared by a teammate
    /// that this store does not have).
    public func eventID(dedupeKey: DedupeKey) throws -> Int64? {
        try wrap("finding an event by dedupe key") {
            try writer.read { db in
                try Int64.fetchOne(db, sql: "SELECT id FROM event WHERE dedupe_key = ?", arguments: [Data(dedupeKey.bytes)])
            }
        }
    }
}

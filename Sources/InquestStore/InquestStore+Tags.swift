import Foundation
import GRDB
import InquestCore

extension InquestStore {
    /// Tags an event (surrounding blanks trimmed; an existing tag is kept as is).
    public func addTag(_ tag: String, eventID: Int64, by author: String = CurrentUser.name, at time: Timestamp = .now()) throws {
        let tag = try Self.normalized(tag)
        try wrap("tagging event \(eventID) with \(tag.debugDescription)") {
            try writer.write { db in
                try Self.requireEvent(eventID, db)
                try db.execute(
                    sql: "INSERT OR IGNORE INTO event_tag (event_id, tag, tagged_by, tagged_at) VALUES (?, ?, ?, ?)",
                    arguments: [eventID, tag, author, time.nanoseconds])
                if db.changesCount > 0 { try Self.bumpRevision(db) }
            }
        }
    }

    /// Removes a tag from an event; returns false when it did not have it.
    @discardableResult
    public func removeTag(_ tag: String, eventID: Int64) throws -> Bool {
        let tag = try Self.normalized(tag)
        return try wrap("untagging event \(eventID)") {
            try writer.write { db in
                try db.execute(sql: "DELETE FROM event_tag WHERE event_id = ? AND tag = ?", arguments: [eventID, tag])
                guard db.changesCount > 0 else { return false }
                try Self.bumpRevision(db)
                return true
            }
        }
    }

    /// The tags of one event, alphabetically.
    public func tags(eventID: Int64) throws -> [String] {
        try wrap("reading tags of event \(eventID)") {
            try writer.read { db in
                try String.fetchAll(db, sql: "SELECT tag FROM event_tag WHERE event_id = ? ORDER BY tag", arguments: [eventID])
            }
        }
    }

    /// Every tag in use with the number of events carrying it, alphabetically.
    public func allTags() throws -> [TagCount] {
        try wrap("listing tags") {
            try writer.read { db in
                try Row.fetchAll(db, sql: "SELECT tag, count(*) AS n FROM event_tag GROUP BY tag ORDER BY tag")
                    .map { TagCount(tag: $0["tag"], count: $0["n"]) }
            }
        }
    }

    static func normalized(_ tag: String) throws -> String {
        let trimmed = tag.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            throw StoreError.invalidValue(field: "tag", value: tag, reason: "a tag needs at least one visible character")
        }
        return trimmed
    }
}

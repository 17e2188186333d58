import GRDB
import InquestCore

extension InquestStore {
    /// Stars an event (starring a starred event keeps the first star).
    public func star(eventID: Int64, by author: String = CurrentUser.name, at time: Timestamp = .now()) throws {
        try wrap("starring event \(eventID)") {
            try writer.write { db in try Self.star(eventID, author, time, db) }
        }
    }

    /// Removes a star (no-op when not starred).
    public func unstar(eventID: Int64) throws {
        try wrap("unstarring event \(eventID)") {
            try writer.write { db in try Self.unstar(eventID, db) }
        }
    }

    /// Flips the star in one transaction; returns whether the event is now starred.
    @discardableResult
    public func toggleStar(eventID: Int64, by author: String = CurrentUser.name, at time: Timestamp = .now()) throws -> Bool {
        try wrap("toggling the star of event \(eventID)") {
            try writer.write { db in
                if try Self.isStarred(eventID, db) {
                    try Self.unstar(eventID, db)
                    return false
                }
                try Self.star(eventID, author, time, db)
                return true
            }
        }
    }

    /// Whether an event is starred.
    public func isStarred(eventID: Int64) throws -> Bool {
        try wrap("reading the star of event \(eventID)") {
            try writer.read { db in try Self.isStarred(eventID, db) }
        }
    }

    private static func isStarred(_ eventID: Int64, _ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM star WHERE event_id = ?)", arguments: [eventID]) ?? false
    }

    private static func star(_ eventID: Int64, _ author: String, _ time: Timestamp, _ db: Database) throws {
        try requireEvent(eventID, db)
        try db.execute(
            sql: "INSERT OR IGNORE INTO star (event_id, starred_by, starred_at) VALUES (?, ?, ?)",
            arguments: [eventID, author, time.nanoseconds])
        if db.changesCount > 0 { try bumpRevision(db) }
    }

    private static func unstar(_ eventID: Int64, _ db: Database) throws {
        try db.execute(sql: "DELETE FROM star WHERE event_id = ?", arguments: [eventID])
        if db.changesCount > 0 { try bumpRevision(db) }
    }
}

import Foundation
import GRDB
import InquestCore

extension InquestStore {
    /// Dead letters, oldest first, `limit` at a time starting after `afterID` (keyset paging).
    public func deadLetters(afterID: Int64 = 0, limit: Int = 100) throws -> [DeadLetter] {
        try wrap("listing dead letters") {
            try writer.read { db in
                try Row.fetchAll(
                    db, sql: "SELECT \(DeadLetter.selection) FROM dead_letter WHERE id > ? ORDER BY id LIMIT ?",
                    arguments: [afterID, max(0, limit)]
                ).map(DeadLetter.init(row:))
            }
        }
    }

    /// One dead letter, or nil.
    public func deadLetter(id: Int64) throws -> DeadLetter? {
        try wrap("reading dead letter \(id)") {
            try writer.read { db in
                try Row.fetchOne(db, sql: "SELECT \(DeadLetter.selection) FROM dead_letter WHERE id = ?", arguments: [id])
                    .map(DeadLetter.init(row:))
            }
        }
    }

    /// Number of dead letters.
    public func deadLetterCount() throws -> Int {
        try wrap("counting dead letters") {
            try writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM dead_letter") ?? 0 }
        }
    }

    /// Deletes one dead letter (after it was fixed or accepted as lost).
    public func deleteDeadLetter(id: Int64) throws {
        try wrap("deleting dead letter \(id)") {
            try writer.write { db in
                try db.execute(sql: "DELETE FROM dead_letter WHERE id = ?", arguments: [id])
                guard db.changesCount > 0 else { throw StoreError.notFound(what: "dead letter", id: id) }
                try Self.bumpRevision(db)
            }
        }
    }

    /// Deletes every dead letter, or those of one source; returns how many were deleted.
    @discardableResult
    public func purgeDeadLetters(source: String? = nil) throws -> Int {
        try wrap("purging dead letters") {
            try writer.write { db in
                if let source {
                    try db.execute(sql: "DELETE FROM dead_letter WHERE source = ?", arguments: [source])
                } else {
                    try db.execute(sql: "DELETE FROM dead_letter")
                }
                let deleted = db.changesCount
                if deleted > 0 { try Self.bumpRevision(db) }
                return deleted
            }
        }
    }

    /// Records one more failed attempt at a dead letter; returns the new count.
    @discardableResult
    public func incrementDeadLetterAttempts(id: Int64) throws -> Int {
        try wrap("updating dead letter \(id)") {
            try writer.write { db in
                try db.execute(sql: "UPDATE dead_letter SET attempts = attempts + 1 WHERE id = ?", arguments: [id])
                guard db.changesCount > 0 else { throw StoreError.notFound(what: "dead letter", id: id) }
                try Self.bumpRevision(db)
                return try Int.fetchOne(db, sql: "SELECT attempts FROM dead_letter WHERE id = ?", arguments: [id]) ?? 0
            }
        }
    }

    /// Stores a dead letter; one already stored for the same source and location gets the new
    /// reason and bytes and its attempts increased, so re-ingesting a file does not duplicate it.
    static func upsertDeadLetter(_ deadLetter: DeadLetter, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO dead_letter (source, location, reason, raw, first_seen, attempts) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (source, location) DO UPDATE SET
                  reason = excluded.reason, raw = excluded.raw, attempts = attempts + excluded.attempts
                """,
            arguments: [
                deadLetter.source, deadLetter.location, deadLetter.reason, Data(deadLetter.raw),
                deadLetter.firstSeen.nanoseconds, max(1, deadLetter.attempts),
            ])
    }
}

import Foundation
import GRDB
import InquestCore

/// The writes `inquest import` makes, all inside the one transaction that
/// ``InquestStore/importing(_:)`` opens: if the importer throws, nothing is stored.
///
/// Each insert reports whether it changed anything, so the importer can tell a first import
/// from a repeated one (which must change nothing).
public struct ImportTransaction {
    let db: Database
    let path: String

    /// This store's identity (see ``InquestStore/storeID()``).
    public func storeID() throws -> String { try InquestStore.storeID(db) }

    /// Inserts the events whose dedupe key is not stored yet; returns how many were new.
    public func insertEvents(_ events: [Event]) throws -> Int {
        try EventInsertion.insert(EncodedEvents(events), in: db, path: path).inserted
    }

    /// The local id of the event with this dedupe key.
    public func eventID(dedupeKey: DedupeKey) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT id FROM event WHERE dedupe_key = ?", arguments: [Data(dedupeKey.bytes)])
    }

    /// The local row recorded for an origin key by an earlier import, or — when the key names
    /// this very store — that row itself if it still exists.
    public func localID(entity: String, originKey: String, table: String) throws -> Int64? {
        func exists(_ id: Int64) throws -> Bool {
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(table) WHERE id = ?)", arguments: [id]) ?? false
        }
        if let recorded = try Int64.fetchOne(
            db, sql: "SELECT local_id FROM exchange_origin WHERE entity = ? AND origin_key = ?", arguments: [entity, originKey]) {
            if try exists(recorded) { return recorded }
            // The local copy was deleted since: forget it, so the import creates it again.
            try db.execute(sql: "DELETE FROM exchange_origin WHERE entity = ? AND origin_key = ?", arguments: [entity, originKey])
        }
        let prefix = "\(try storeID()):\(entity):"
        guard originKey.hasPrefix(prefix), let id = Int64(originKey.dropFirst(prefix.count)) else { return nil }
        return try exists(id) ? id : nil
    }

    /// Records that `localID` is the local copy of the row named `originKey`.
    public func recordOrigin(entity: String, originKey: String, localID: Int64) throws {
        try db.execute(
            sql: "INSERT OR REPLACE INTO exchange_origin (entity, origin_key, local_id) VALUES (?, ?, ?)",
            arguments: [entity, originKey, localID])
    }

    /// The stored investigation, or nil.
    public func investigation(id: Int64) throws -> Investigation? {
        try Row.fetchOne(db, sql: "SELECT \(Investigation.selection) FROM investigation WHERE id = ?", arguments: [id])
            .map(Investigation.init(row:))
    }

    /// Inserts an investigation exactly as given (its times included; `id` ignored); returns its id.
    public func insertInvestigation(_ investigation: Investigation) throws -> Int64 {
        try InquestStore.validate(investigation)
        let values = try investigation.columnValues()
        try db.execute(
            sql: "INSERT INTO investigation (\(Investigation.columnList)) VALUES (\(databaseQuestionMarks(count: values.count)))",
            arguments: StatementArguments(values))
        return db.lastInsertedRowID
    }

    /// Overwrites every field of a stored investigation exactly as given (times included).
    public func replaceInvestigation(_ investigation: Investigation, id: Int64) throws {
        try InquestStore.validate(investigation)
        let values = try investigation.columnValues()
        let assignments = Investigation.columnList.split(separator: ",")
            .map { "\($0.trimmingCharacters(in: .whitespacesAndNewlines)) = ?" }.joined(separator: ", ")
        try db.execute(sql: "UPDATE investigation SET \(assignments) WHERE id = ?", arguments: StatementArguments(values + [id]))
    }

    /// Records where an imported investigation came from (first import only).
    public func recordOrigin(_ origin: InvestigationOrigin) throws {
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO investigation_origin (investigation_id, origin_key, source_database, source_host,
                  source_user, original_id, format, imported_at, imported_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                origin.investigationID, origin.originKey, origin.sourceDatabase, origin.sourceHost, origin.sourceUser,
                origin.originalID, origin.format, origin.importedAt.nanoseconds, origin.importedBy,
            ])
    }

    /// The stored note, or nil.
    public func note(id: Int64) throws -> Note? {
        try Row.fetchOne(db, sql: "SELECT \(Note.selection) FROM note WHERE id = ?", arguments: [id]).map(Note.init(row:))
    }

    /// Inserts a note exactly as given (`id` ignored); returns its id.
    public func insertNote(_ note: Note) throws -> Int64 {
        try db.execute(
            sql: "INSERT INTO note (investigation_id, event_id, author, body, created_at, edited_at) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [
                note.investigationID, note.eventID, note.author, note.body, note.createdAt.nanoseconds, note.editedAt.nanoseconds,
            ])
        return db.lastInsertedRowID
    }

    /// Replaces a stored note's body and edit time.
    public func replaceNoteBody(id: Int64, body: String, editedAt: Timestamp) throws {
        try db.execute(sql: "UPDATE note SET body = ?, edited_at = ? WHERE id = ?", arguments: [body, editedAt.nanoseconds, id])
    }

    /// Links an event unless already linked; returns whether it was new.
    public func insertLink(_ link: EventLink) throws -> Bool {
        try db.execute(
            sql: "INSERT OR IGNORE INTO event_link (investigation_id, event_id, linked_by, linked_at, reason) VALUES (?, ?, ?, ?, ?)",
            arguments: [link.investigationID, link.eventID, link.linkedBy, link.linkedAt.nanoseconds, link.reason])
        return db.changesCount > 0
    }

    /// Stars an event unless starred; returns whether it was new.
    public func insertStar(_ star: EventStar) throws -> Bool {
        try db.execute(
            sql: "INSERT OR IGNORE INTO star (event_id, starred_by, starred_at) VALUES (?, ?, ?)",
            arguments: [star.eventID, star.starredBy, star.starredAt.nanoseconds])
        return db.changesCount > 0
    }

    /// Copies an audit entry recorded elsewhere (its id is ignored); returns the new row's id.
    /// The entry keeps its own time and actor: it is history, not a change made here.
    public func insertAuditEntry(_ entry: AuditEntry) throws -> Int64 {
        try db.execute(
            sql: """
                INSERT INTO audit (at, actor, entity, action, investigation_id, event_id, note_id, detail, before, after)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                entry.at.nanoseconds, entry.actor, entry.entity.rawValue, entry.action.rawValue, entry.investigationID,
                entry.eventID, entry.noteID, entry.detail, entry.before, entry.after,
            ])
        return db.lastInsertedRowID
    }

    /// Tags an event unless it has the tag; returns whether it was new.
    public func insertTag(_ tag: EventTag) throws -> Bool {
        let text = try InquestStore.normalized(tag.tag)
        try db.execute(
            sql: "INSERT OR IGNORE INTO event_tag (event_id, tag, tagged_by, tagged_at) VALUES (?, ?, ?, ?)",
            arguments: [tag.eventID, text, tag.taggedBy, tag.taggedAt.nanoseconds])
        return db.changesCount > 0
    }
}

extension InquestStore {
    /// Runs `body` in ONE write transaction (an import): everything it writes is committed
    /// together, or — when it throws — nothing is. The change revision is bumped when
    /// `body` returns true (something changed).
    public func importing<T>(_ body: (ImportTransaction) throws -> (result: T, changed: Bool)) throws -> T {
        let path = self.path
        do {
            return try writer.write { db in
                let outcome = try body(ImportTransaction(db: db, path: path))
                if outcome.changed { try Self.bumpRevision(db) }
                return outcome.result
            }
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            throw StoreError.database(operation: "import", path: path, reason: Self.reason(error))
        }
    }
}

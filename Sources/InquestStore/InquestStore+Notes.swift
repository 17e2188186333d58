import GRDB
import InquestCore

extension InquestStore {
    /// Adds a note to an investigation (optionally about one event) and returns it with its id.
    /// Touches the investigation's `updatedAt`. An empty author becomes ``CurrentUser/name``.
    @discardableResult
    public func addNote(
        investigationID: Int64, eventID: Int64? = nil, body: String, author: String = CurrentUser.name,
        at time: Timestamp = .now()
    ) throws -> Note {
        var note = Note(
            investigationID: investigationID, eventID: eventID, author: author.isEmpty ? CurrentUser.name : author,
            body: body, createdAt: time)
        note.id = try wrap("adding a note to investigation \(investigationID)") {
            try writer.write { db in
                try Self.requireInvestigation(investigationID, db)
                if let eventID { try Self.requireEvent(eventID, db) }
                try db.execute(
                    sql: "INSERT INTO note (investigation_id, event_id, author, body, created_at, edited_at) VALUES (?, ?, ?, ?, ?, ?)",
                    arguments: [investigationID, eventID, note.author, body, time.nanoseconds, time.nanoseconds])
                let id = db.lastInsertedRowID
                try Self.touchInvestigation(investigationID, time, db)
                try Self.bumpRevision(db)
                return id
            }
        }
        return note
    }

    /// Replaces a note's body; sets `editedAt` and touches the investigation. Returns the note.
    @discardableResult
    public func editNote(id: Int64, body: String, at time: Timestamp = .now()) throws -> Note {
        try wrap("editing note \(id)") {
            try writer.write { db in
                try db.execute(sql: "UPDATE note SET body = ?, edited_at = ? WHERE id = ?", arguments: [body, time.nanoseconds, id])
                guard db.changesCount > 0,
                      let row = try Row.fetchOne(db, sql: "SELECT \(Note.selection) FROM note WHERE id = ?", arguments: [id])
                else { throw StoreError.notFound(what: "note", id: id) }
                let note = Note(row: row)
                try Self.touchInvestigation(note.investigationID, time, db)
                try Self.bumpRevision(db)
                return note
            }
        }
    }

    /// Deletes a note and touches its investigation.
    public func deleteNote(id: Int64) throws {
        try wrap("deleting note \(id)") {
            try writer.write { db in
                guard let investigationID = try Int64.fetchOne(
                    db, sql: "SELECT investigation_id FROM note WHERE id = ?", arguments: [id])
                else { throw StoreError.notFound(what: "note", id: id) }
                try db.execute(sql: "DELETE FROM note WHERE id = ?", arguments: [id])
                try Self.touchInvestigation(investigationID, .now(), db)
                try Self.bumpRevision(db)
            }
        }
    }

    /// One note, or nil.
    public func note(id: Int64) throws -> Note? {
        try wrap("reading note \(id)") {
            try writer.read { db in
                try Row.fetchOne(db, sql: "SELECT \(Note.selection) FROM note WHERE id = ?", arguments: [id]).map(Note.init(row:))
            }
        }
    }

    /// The notes of an investigation, oldest first.
    public func notes(investigationID: Int64) throws -> [Note] {
        try wrap("listing notes of investigation \(investigationID)") {
            try writer.read { db in
                try Row.fetchAll(
                    db, sql: "SELECT \(Note.selection) FROM note WHERE investigation_id = ? ORDER BY created_at, id",
                    arguments: [investigationID]
                ).map(Note.init(row:))
            }
        }
    }

    /// The notes about one event (from any investigation), oldest first.
    public func notes(eventID: Int64) throws -> [Note] {
        try wrap("listing notes of event \(eventID)") {
            try writer.read { db in
                try Row.fetchAll(
                    db, sql: "SELECT \(Note.selection) FROM note WHERE event_id = ? ORDER BY created_at, id",
                    arguments: [eventID]
                ).map(Note.init(row:))
            }
        }
    }

    /// Sets an investigation's `updated_at` (after a note or link changed).
    static func touchInvestigation(_ id: Int64, _ time: Timestamp, _ db: Database) throws {
        try db.execute(
            sql: "UPDATE investigation SET updated_at = max(updated_at, ?) WHERE id = ?", arguments: [time.nanoseconds, id])
    }
}

import Foundation
import GRDB
import InquestCore

extension InquestStore {
    /// Stores a new investigation (its `id` is ignored) and returns it with its id.
    /// An empty owner becomes ``CurrentUser/name``.
    @discardableResult
    public func createInvestigation(_ investigation: Investigation) throws -> Investigation {
        var stored = investigation
        if stored.owner.isEmpty { stored.owner = CurrentUser.name }
        try Self.validate(stored)
        let values = try stored.columnValues()
        let placeholders = Array(repeating: "?", count: values.count).joined(separator: ", ")
        stored.id = try wrap("creating investigation \(stored.title.debugDescription)") {
            try writer.write { db in
                try db.execute(
                    sql: "INSERT INTO investigation (\(Investigation.columnList)) VALUES (\(placeholders))",
                    arguments: StatementArguments(values))
                try Self.bumpRevision(db)
                return db.lastInsertedRowID
            }
        }
        return stored
    }

    /// Saves every field of an existing investigation; sets `updatedAt` to now, and
    /// `resolvedAt` to now when it becomes resolved without one. Returns what was stored.
    @discardableResult
    public func updateInvestigation(_ investigation: Investigation) throws -> Investigation {
        guard let id = investigation.id else {
            throw StoreError.invalidValue(field: "investigation.id", value: "nil", reason: "create the investigation first")
        }
        var stored = investigation
        stored.updatedAt = Timestamp.now()
        if stored.status == .resolved, stored.resolvedAt == nil { stored.resolvedAt = stored.updatedAt }
        try Self.validate(stored)
        let values = try stored.columnValues()
        let assignments = Investigation.columnList.split(separator: ",")
            .map { "\($0.trimmingCharacters(in: .whitespacesAndNewlines)) = ?" }.joined(separator: ", ")
        try wrap("updating investigation \(id)") {
            try writer.write { db in
                try db.execute(
                    sql: "UPDATE investigation SET \(assignments) WHERE id = ?",
                    arguments: StatementArguments(values + [id]))
                guard db.changesCount > 0 else { throw StoreError.notFound(what: "investigation", id: id) }
                try Self.bumpRevision(db)
            }
        }
        return stored
    }

    /// One investigation, or nil.
    public func investigation(id: Int64) throws -> Investigation? {
        try wrap("reading investigation \(id)") {
            try writer.read { db in
                try Row.fetchOne(db, sql: "SELECT \(Investigation.selection) FROM investigation WHERE id = ?", arguments: [id])
                    .map(Investigation.init(row:))
            }
        }
    }

    /// All investigations, most recently updated first, with their link and note counts.
    public func investigations() throws -> [InvestigationSummary] {
        try wrap("listing investigations") {
            try writer.read { db in
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT \(Investigation.selection),
                          (SELECT count(*) FROM event_link WHERE investigation_id = investigation.id) AS link_count,
                          (SELECT count(*) FROM note WHERE investigation_id = investigation.id) AS note_count
                        FROM investigation ORDER BY updated_at DESC, id DESC
                        """
                ).map { row in
                    InvestigationSummary(
                        investigation: try Investigation(row: row), linkedEventCount: row["link_count"],
                        noteCount: row["note_count"])
                }
            }
        }
    }

    /// Deletes an investigation with its notes and links (the events stay).
    public func deleteInvestigation(id: Int64) throws {
        try wrap("deleting investigation \(id)") {
            try writer.write { db in
                try db.execute(sql: "DELETE FROM investigation WHERE id = ?", arguments: [id])
                guard db.changesCount > 0 else { throw StoreError.notFound(what: "investigation", id: id) }
                try Self.bumpRevision(db)
            }
        }
    }

    static func validate(_ investigation: Investigation) throws {
        if investigation.title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw StoreError.invalidValue(field: "investigation.title", value: investigation.title, reason: "a title is required")
        }
        if let start = investigation.windowStart, let end = investigation.windowEnd, start > end {
            throw StoreError.invalidValue(
                field: "investigation window", value: "\(start)...\(end)", reason: "the window starts after it ends")
        }
    }

    /// Throws ``StoreError/notFound(what:id:)`` unless the investigation exists.
    static func requireInvestigation(_ id: Int64, _ db: Database) throws {
        guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM investigation WHERE id = ?)", arguments: [id]) == true else {
            throw StoreError.notFound(what: "investigation", id: id)
        }
    }

    /// Throws ``StoreError/notFound(what:id:)`` unless the event exists.
    static func requireEvent(_ id: Int64, _ db: Database) throws {
        guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM event WHERE id = ?)", arguments: [id]) == true else {
            throw StoreError.notFound(what: "event", id: id)
        }
    }
}

import Foundation
import InquestCore
import PostgresNIO

extension TeamDatabase {
    /// Applies `change` in one transaction, once: the change's id is recorded with it, and a
    /// change whose id is already recorded changes nothing. Returns the id the change created
    /// (an investigation's or a note's), also when it was applied before.
    @discardableResult
    public func apply(_ change: TeamChange) async throws(TeamError) -> Int64? {
        let logger = self.logger
        return try await withTransaction("applying a team change") { connection in
            let claimed = try await connection.query(
                "INSERT INTO applied_change (change_id) VALUES (\(change.id)) ON CONFLICT (change_id) DO NOTHING RETURNING change_id",
                logger: logger
            ).collect()
            guard !claimed.isEmpty else {
                return try await Self.resultID(of: change.id, connection, logger)
            }
            for event in change.citedEvents { try await Self.share(event, connection, logger) }
            let result = try await Self.perform(change, connection, logger)
            if let result {
                try await connection.query(
                    "UPDATE applied_change SET result_id = \(result) WHERE change_id = \(change.id)", logger: logger)
            }
            return result
        }
    }

    /// Whether the database has recorded a change with this id.
    public func hasApplied(changeID: UUID) async throws(TeamError) -> Bool {
        let logger = self.logger
        return try await withConnection("reading applied changes") { connection in
            try await !connection.query("SELECT 1 FROM applied_change WHERE change_id = \(changeID)", logger: logger)
                .collect().isEmpty
        }
    }

    static func resultID(of changeID: UUID, _ connection: PostgresConnection, _ logger: Logger) async throws -> Int64? {
        for try await id in try await connection.query(
            "SELECT result_id FROM applied_change WHERE change_id = \(changeID)", logger: logger
        ).decode(Int64?.self) {
            return id
        }
        return nil
    }

    private static func perform(_ change: TeamChange, _ connection: PostgresConnection, _ logger: Logger) async throws -> Int64? {
        let time = change.madeAt.nanoseconds
        switch change.kind {
        case .createInvestigation(let investigation):
            return try await insertInvestigation(investigation, at: time, connection, logger)
        case .updateInvestigation(let reference, let values, let fields):
            let id = try await resolve(reference, connection, logger)
            try await updateInvestigation(id, values: values, fields: fields, at: time, connection, logger)
            return nil
        case .addNote(let reference, let event, let body):
            let id = try await resolve(reference, connection, logger)
            if let event { try await share(event, connection, logger) }
            let noteID = try await firstInt64(connection.query(
                """
                INSERT INTO note (investigation_id, event_key, body, created_at, edited_at)
                VALUES (\(id), \(event?.dedupeKey), \(body), \(time), \(time)) RETURNING id
                """, logger: logger))
            try await touch(id, at: time, connection, logger)
            return noteID
        case .editNote(let noteID, let body):
            let investigation = try await firstInt64(connection.query(
                "UPDATE note SET body = \(body), edited_at = \(time) WHERE id = \(noteID) RETURNING investigation_id",
                logger: logger))
            guard let investigation else { throw TeamError.server("note \(noteID) does not exist") }
            try await touch(investigation, at: time, connection, logger)
            return nil
        case .link(let reference, let event, let reason):
            let id = try await resolve(reference, connection, logger)
            try await share(event, connection, logger)
            try await connection.query(
                """
                INSERT INTO event_link (investigation_id, event_key, linked_at, reason)
                VALUES (\(id), \(event.dedupeKey), \(time), \(reason)) ON CONFLICT DO NOTHING
                """, logger: logger)
            try await touch(id, at: time, connection, logger)
            return nil
        case .unlink(let reference, let eventKey):
            let id = try await resolve(reference, connection, logger)
            try await connection.query(
                "DELETE FROM event_link WHERE investigation_id = \(id) AND event_key = \(eventKey)", logger: logger)
            try await touch(id, at: time, connection, logger)
            return nil
        case .star(let event):
            try await share(event, connection, logger)
            try await connection.query(
                "INSERT INTO star (event_key, starred_at) VALUES (\(event.dedupeKey), \(time)) ON CONFLICT DO NOTHING",
                logger: logger)
            return nil
        case .unstar(let eventKey):
            try await connection.query("DELETE FROM star WHERE event_key = \(eventKey)", logger: logger)
            return nil
        case .addTag(let event, let tag):
            try await share(event, connection, logger)
            try await connection.query(
                "INSERT INTO event_tag (event_key, tag, tagged_at) VALUES (\(event.dedupeKey), \(tag), \(time)) ON CONFLICT DO NOTHING",
                logger: logger)
            return nil
        case .removeTag(let eventKey, let tag):
            try await connection.query("DELETE FROM event_tag WHERE event_key = \(eventKey) AND tag = \(tag)", logger: logger)
            return nil
        case .saveView(let reference, let name, let filter):
            let id = try await resolve(reference, connection, logger)
            return try await firstInt64(connection.query(
                """
                INSERT INTO saved_view (investigation_id, name, filter, created_at) VALUES (\(id), \(name), \(filter), \(time))
                ON CONFLICT (investigation_id, name) DO UPDATE SET filter = EXCLUDED.filter RETURNING id
                """, logger: logger))
        }
    }

    /// The investigation id a reference names (a change that refers to an investigation created
    /// by another change finds the id that change got); throws
    /// ``TeamError/investigationNotFound(_:)`` when there is no such investigation.
    private static func resolve(_ reference: InvestigationReference, _ connection: PostgresConnection, _ logger: Logger) async throws -> Int64 {
        let id: Int64
        switch reference {
        case .id(let given):
            id = given
        case .createdBy(let changeID):
            guard let created = try await resultID(of: changeID, connection, logger) else {
                throw TeamError.server("the investigation created by change \(changeID) is not in the team database")
            }
            id = created
        }
        guard try await !connection.query("SELECT 1 FROM investigation WHERE id = \(id)", logger: logger).collect().isEmpty else {
            throw TeamError.investigationNotFound(id)
        }
        return id
    }

    /// Writes an event's record once (the first sharer's copy stays; every copy of one dedupe
    /// key is the same record).
    private static func share(_ event: EventRecord, _ connection: PostgresConnection, _ logger: Logger) async throws {
        guard DedupeKey(hex: event.dedupeKey) != nil else {
            throw TeamError.server("event \(event.eventID): dedupe key \(event.dedupeKey.debugDescription) is not 32 hex digits")
        }
        var record = event
        let raw = record.rawBase64.flatMap { Data(base64Encoded: $0) } ?? Data()
        record.rawBase64 = nil
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = JSONKeySpelling.snakeCaseEncoding
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(record), as: UTF8.self)
        try await connection.query(
            """
            INSERT INTO evidence_event (dedupe_key, timestamp_ns, record, raw)
            VALUES (\(event.dedupeKey), \(event.timestampNs), \(json)::jsonb, \(raw)) ON CONFLICT (dedupe_key) DO NOTHING
            """, logger: logger)
    }

    /// Moves an investigation's `updated_at` forward (a note or link changed).
    private static func touch(_ id: Int64, at time: Int64, _ connection: PostgresConnection, _ logger: Logger) async throws {
        let rows = try await connection.query(
            "UPDATE investigation SET updated_at = greatest(updated_at, \(time)) WHERE id = \(id) RETURNING id", logger: logger
        ).collect()
        guard !rows.isEmpty else { throw TeamError.investigationNotFound(id) }
    }

    static func firstInt64(_ rows: PostgresRowSequence) async throws -> Int64? {
        for try await value in rows.decode(Int64.self) { return value }
        return nil
    }
}

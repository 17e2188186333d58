import Foundation
import InquestCore
import PostgresNIO

extension TeamDatabase {
    static let investigationColumns = """
        i.id, i.title, i.summary, i.status, i.severity, i.owner, i.created_at, i.updated_at, i.resolved_at,
        i.window_start, i.window_end, i.affected_services::text AS affected_services, i.root_cause, i.impact, i.resolution
        """

    /// Every investigation, most recently updated first, with its link and note counts.
    public func investigations() async throws(TeamError) -> [InvestigationSummary] {
        let logger = self.logger
        return try await withConnection("listing team investigations") { connection in
            let rows = try await connection.query(
                PostgresQuery(unsafeSQL: """
                    SELECT \(Self.investigationColumns),
                      (SELECT count(*) FROM event_link l WHERE l.investigation_id = i.id) AS link_count,
                      (SELECT count(*) FROM note n WHERE n.investigation_id = i.id) AS note_count
                    FROM investigation i ORDER BY i.updated_at DESC, i.id DESC
                    """), logger: logger)
            var summaries: [InvestigationSummary] = []
            for try await row in rows {
                let investigation = try Self.investigation(row)
                let columns = row.makeRandomAccess()
                let links = try columns["link_count"].decode(Int64.self, context: .default)
                let notes = try columns["note_count"].decode(Int64.self, context: .default)
                summaries.append(InvestigationSummary(investigation: investigation, linkedEventCount: Int(links), noteCount: Int(notes)))
            }
            return summaries
        }
    }

    /// One investigation, or nil.
    public func investigation(id: Int64) async throws(TeamError) -> Investigation? {
        let logger = self.logger
        return try await withConnection("reading team investigation \(id)") { connection in
            var binds = PostgresBindings()
            binds.append(id)
            for try await row in try await connection.query(
                PostgresQuery(unsafeSQL: "SELECT \(Self.investigationColumns) FROM investigation i WHERE i.id = $1", binds: binds),
                logger: logger)
            {
                return try Self.investigation(row)
            }
            return nil
        }
    }

    /// The notes of an investigation, oldest first.
    public func notes(investigationID: Int64) async throws(TeamError) -> [TeamNote] {
        let logger = self.logger
        return try await withConnection("listing notes of team investigation \(investigationID)") { connection in
            var notes: [TeamNote] = []
            for try await (id, investigation, key, author, body, created, edited) in try await connection.query(
                """
                SELECT id, investigation_id, event_key, author, body, created_at, edited_at FROM note
                WHERE investigation_id = \(investigationID) ORDER BY created_at, id
                """, logger: logger
            ).decode((Int64, Int64, String?, String, String, Int64, Int64).self) {
                let note = Note(
                    id: id, investigationID: investigation, author: author, body: body,
                    createdAt: Timestamp(nanoseconds: created), editedAt: Timestamp(nanoseconds: edited))
                notes.append(TeamNote(note: note, eventKey: key))
            }
            return notes
        }
    }

    /// The events linked to an investigation, in time order, with their records and raw bytes.
    public func evidence(investigationID: Int64) async throws(TeamError) -> [SharedEvidence] {
        let logger = self.logger
        return try await withConnection("listing evidence of team investigation \(investigationID)") { connection in
            var evidence: [SharedEvidence] = []
            for try await (record, raw, linkedBy, linkedAt, reason) in try await connection.query(
                """
                SELECT e.record::text, e.raw, l.linked_by, l.linked_at, l.reason
                FROM event_link l JOIN evidence_event e ON e.dedupe_key = l.event_key
                WHERE l.investigation_id = \(investigationID) ORDER BY e.timestamp_ns, e.dedupe_key
                """, logger: logger
            ).decode((String, Data, String, Int64, String?).self) {
                evidence.append(SharedEvidence(
                    record: try Self.record(json: record, raw: raw), linkedBy: linkedBy,
                    linkedAt: Timestamp(nanoseconds: linkedAt), reason: reason))
            }
            return evidence
        }
    }

    /// The dedupe keys of the events linked to an investigation (what its link count counts),
    /// without their records.
    public func linkedEventKeys(investigationID: Int64) async throws(TeamError) -> Set<String> {
        let logger = self.logger
        return try await withConnection("listing links of team investigation \(investigationID)") { connection in
            var keys: Set<String> = []
            for try await key in try await connection.query(
                "SELECT event_key FROM event_link WHERE investigation_id = \(investigationID)", logger: logger
            ).decode(String.self) {
                keys.insert(key)
            }
            return keys
        }
    }

    /// The investigations an event (by dedupe key) is linked to: investigation id, who, when, why.
    public func links(eventKey: String) async throws(TeamError) -> [(investigationID: Int64, linkedBy: String, linkedAt: Timestamp, reason: String?)] {
        let logger = self.logger
        return try await withConnection("listing the links of an event") { connection in
            var links: [(investigationID: Int64, linkedBy: String, linkedAt: Timestamp, reason: String?)] = []
            for try await (id, by, at, reason) in try await connection.query(
                "SELECT investigation_id, linked_by, linked_at, reason FROM event_link WHERE event_key = \(eventKey) ORDER BY linked_at",
                logger: logger
            ).decode((Int64, String, Int64, String?).self) {
                links.append((id, by, Timestamp(nanoseconds: at), reason))
            }
            return links
        }
    }

    /// The notes about an event (by dedupe key), from every investigation, oldest first.
    public func notes(eventKey: String) async throws(TeamError) -> [TeamNote] {
        let logger = self.logger
        return try await withConnection("listing the notes of an event") { connection in
            var notes: [TeamNote] = []
            for try await (id, investigation, author, body, created, edited) in try await connection.query(
                """
                SELECT id, investigation_id, author, body, created_at, edited_at FROM note
                WHERE event_key = \(eventKey) ORDER BY created_at, id
                """, logger: logger
            ).decode((Int64, Int64, String, String, Int64, Int64).self) {
                let note = Note(
                    id: id, investigationID: investigation, author: author, body: body,
                    createdAt: Timestamp(nanoseconds: created), editedAt: Timestamp(nanoseconds: edited))
                notes.append(TeamNote(note: note, eventKey: eventKey))
            }
            return notes
        }
    }

    /// Whether an event (by dedupe key) is starred.
    public func isStarred(eventKey: String) async throws(TeamError) -> Bool {
        let logger = self.logger
        return try await withConnection("reading a star") { connection in
            try await !connection.query("SELECT 1 FROM star WHERE event_key = \(eventKey)", logger: logger).collect().isEmpty
        }
    }

    /// The dedupe keys of every starred event.
    public func starredEventKeys() async throws(TeamError) -> Set<String> {
        let logger = self.logger
        return try await withConnection("listing team stars") { connection in
            var keys: Set<String> = []
            for try await key in try await connection.query("SELECT event_key FROM star", logger: logger).decode(String.self) {
                keys.insert(key)
            }
            return keys
        }
    }

    /// The tags of an event (by dedupe key), sorted.
    public func tags(eventKey: String) async throws(TeamError) -> [String] {
        let logger = self.logger
        return try await withConnection("listing team tags") { connection in
            var tags: [String] = []
            for try await tag in try await connection.query(
                "SELECT tag FROM event_tag WHERE event_key = \(eventKey) ORDER BY tag", logger: logger
            ).decode(String.self) {
                tags.append(tag)
            }
            return tags
        }
    }

    /// The saved views of an investigation by name: name → filter text.
    public func savedViews(investigationID: Int64) async throws(TeamError) -> [String: String] {
        let logger = self.logger
        return try await withConnection("listing saved views") { connection in
            var views: [String: String] = [:]
            for try await (name, filter) in try await connection.query(
                "SELECT name, filter FROM saved_view WHERE investigation_id = \(investigationID)", logger: logger
            ).decode((String, String).self) {
                views[name] = filter
            }
            return views
        }
    }

    static func investigation(_ row: PostgresRow) throws -> Investigation {
        let columns = row.makeRandomAccess()
        func column<T: PostgresDecodable>(_ name: String, _ type: T.Type) throws -> T {
            try columns[name].decode(T.self, context: .default)
        }
        let status = try column("status", String.self)
        let severity = try column("severity", String.self)
        guard let parsedStatus = Investigation.Status(rawValue: status) else { throw TeamError.unexpectedRow("investigation.status: \(status)") }
        guard let parsedSeverity = Investigation.IncidentSeverity(rawValue: severity) else {
            throw TeamError.unexpectedRow("investigation.severity: \(severity)")
        }
        let services = try column("affected_services", String.self)
        let serviceList = (try? JSONDecoder().decode([String].self, from: Data(services.utf8))) ?? []
        return Investigation(
            id: try column("id", Int64.self), title: try column("title", String.self), summary: try column("summary", String.self),
            status: parsedStatus, severity: parsedSeverity, owner: try column("owner", String.self),
            createdAt: Timestamp(nanoseconds: try column("created_at", Int64.self)),
            updatedAt: Timestamp(nanoseconds: try column("updated_at", Int64.self)),
            resolvedAt: try column("resolved_at", Int64?.self).map(Timestamp.init(nanoseconds:)),
            windowStart: try column("window_start", Int64?.self).map(Timestamp.init(nanoseconds:)),
            windowEnd: try column("window_end", Int64?.self).map(Timestamp.init(nanoseconds:)),
            affectedServices: serviceList, rootCause: try column("root_cause", String.self),
            impact: try column("impact", String.self), resolution: try column("resolution", String.self))
    }

    static func record(json: String, raw: Data) throws -> EventRecord {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = JSONKeySpelling.snakeCaseDecoding
        var record = try decoder.decode(EventRecord.self, from: Data(json.utf8))
        record.rawBase64 = raw.base64EncodedString()
        return record
    }
}

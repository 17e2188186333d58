import Foundation
import InquestCore
import InquestExchange
import PostgresNIO

extension TeamDatabase {
    /// The database's identity (`team-` and the UUID of `team_identity`): the source named by the
    /// bundles written from it, and the prefix of their origin keys.
    public func identity() async throws(TeamError) -> String {
        let logger = self.logger
        return try await withConnection("reading the team database's identity") { connection in
            for try await id in try await connection.query("SELECT team_id FROM team_identity", logger: logger).decode(UUID.self) {
                return "team-" + id.uuidString.lowercased()
            }
            throw TeamError.unexpectedRow("team_identity: no row")
        }
    }

    /// Team investigation `id` as a bundle (the one model `inquest bundle`, `import` and the
    /// exports read): the investigation, its notes, links, the stars and tags of its events, its
    /// audit trail, and the events it links or its notes are about or cite, with their raw records
    /// as first shared; citations name the events by their number in the bundle. Event ids are numbered in the bundle (1, 2, … in time order; the importer
    /// matches events by dedupe key); the audit trail names events by nothing (the team knows
    /// them by key). Carries no context events: the team database holds only evidence.
    public func bundle(investigationID id: Int64, provenance: BundleWriter.Provenance = .current()) async throws(TeamError) -> InvestigationBundle {
        guard let investigation = try await self.investigation(id: id) else { throw TeamError.investigationNotFound(id) }
        let source = try await identity()
        let notes = try await self.notes(investigationID: id)
        let evidence = try await self.evidence(investigationID: id)
        let notedOrCited = Set(notes.compactMap(\.eventKey) + notes.flatMap { TeamCitation.keys(in: $0.note.body) })
        let noted = try await evidenceRecords(keys: Array(notedOrCited))
        var byKey: [String: EventRecord] = [:]
        for record in evidence.map(\.record) + noted { byKey[record.dedupeKey] = record }
        var eventIDs: [String: Int64] = [:]
        let events = byKey.values.sorted { ($0.timestampNs, $0.dedupeKey) < ($1.timestampNs, $1.dedupeKey) }.enumerated().map { index, record in
            var numbered = record
            numbered.eventID = Int64(index + 1)
            eventIDs[record.dedupeKey] = numbered.eventID
            return numbered
        }
        let keys = Array(eventIDs.keys)
        let bundledNotes = notes.map { shared in
            var note = shared.note
            note.eventID = shared.eventKey.flatMap { eventIDs[$0] }
            note.body = TeamCitation.local(note.body) { eventIDs[$0] }
            return BundledNote(originKey: "\(source):note:\(note.id ?? 0)", note: note)
        }
        let links = evidence.compactMap { shared in
            eventIDs[shared.record.dedupeKey].map {
                EventLink(investigationID: id, eventID: $0, linkedBy: shared.linkedBy, linkedAt: shared.linkedAt, reason: shared.reason)
            }
        }
        let marks = try await self.marks(keys: keys)
        let audit = try await auditTrail(investigationID: id).map { entry in
            BundledAuditEntry(
                originKey: "\(source):audit:\(entry.id)", atNs: entry.at.nanoseconds, actor: entry.actor, entity: entry.entity.rawValue,
                action: entry.action.rawValue, investigationID: entry.investigationID, eventID: nil, noteID: entry.noteID,
                detail: entry.detail, before: entry.before, after: entry.after)
        }
        let manifest = BundleManifest(
            createdAtNs: provenance.now.nanoseconds, createdBy: provenance.user, sourceHost: provenance.host,
            sourceDatabase: url.description, sourceStoreID: source, investigationID: id,
            investigationOriginKey: "\(source):investigation:\(id)", contextNs: 0, contextCapped: false, maxContextEvents: 0,
            sections: [:])
        return InvestigationBundle(
            manifest: manifest, investigation: investigation, notes: bundledNotes, links: links,
            stars: marks.stars.compactMap { star in eventIDs[star.key].map { EventStar(eventID: $0, starredBy: star.by, starredAt: star.at) } },
            tags: marks.tags.compactMap { tag in
                eventIDs[tag.key].map { EventTag(eventID: $0, tag: tag.tag, taggedBy: tag.by, taggedAt: tag.at) }
            },
            audit: audit, events: events)
    }

    /// The shared records of the events with these dedupe keys.
    public func evidenceRecords(keys: [String]) async throws(TeamError) -> [EventRecord] {
        guard !keys.isEmpty else { return [] }
        let logger = self.logger
        return try await withConnection("reading shared events") { connection in
            var records: [EventRecord] = []
            for try await (record, raw) in try await connection.query(
                "SELECT record::text, raw FROM evidence_event WHERE dedupe_key = ANY(\(keys)) ORDER BY timestamp_ns, dedupe_key",
                logger: logger
            ).decode((String, Data).self) {
                records.append(try Self.record(json: record, raw: raw))
            }
            return records
        }
    }

    /// The stars and tags of the events with these dedupe keys: by whom and when.
    func marks(keys: [String]) async throws(TeamError)
        -> (stars: [(key: String, by: String, at: Timestamp)], tags: [(key: String, tag: String, by: String, at: Timestamp)])
    {
        guard !keys.isEmpty else { return ([], []) }
        let logger = self.logger
        return try await withConnection("reading stars and tags") { connection in
            var stars: [(key: String, by: String, at: Timestamp)] = []
            for try await (key, by, at) in try await connection.query(
                "SELECT event_key, starred_by, starred_at FROM star WHERE event_key = ANY(\(keys)) ORDER BY starred_at, event_key",
                logger: logger
            ).decode((String, String, Int64).self) {
                stars.append((key, by, Timestamp(nanoseconds: at)))
            }
            var tags: [(key: String, tag: String, by: String, at: Timestamp)] = []
            for try await (key, tag, by, at) in try await connection.query(
                "SELECT event_key, tag, tagged_by, tagged_at FROM event_tag WHERE event_key = ANY(\(keys)) ORDER BY tagged_at, event_key, tag",
                logger: logger
            ).decode((String, String, String, Int64).self) {
                tags.append((key, tag, by, Timestamp(nanoseconds: at)))
            }
            return (stars, tags)
        }
    }
}

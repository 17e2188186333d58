import Foundation
import InquestCore
import InquestStore

/// Merges an ``InvestigationBundle`` into a store in ONE transaction.
///
/// - Events are matched by dedupe key: those already stored are reused, the others inserted.
/// - The investigation and its notes are matched by their origin key (the key they had in the
///   store they were first created in, recorded here on first import): the first import
///   creates them, a later one updates them only where the file's copy is newer
///   (`updatedAt` / `editedAt`), so importing the same file twice changes nothing.
/// - Links, stars and tags are added when missing; ids are remapped throughout, including the
///   event citations (`[[event:ID]]`) in note bodies.
/// - The investigation is marked with where it came from (``InvestigationOrigin``).
public struct BundleImporter: Sendable {
    /// Who imports and when (injected so tests are deterministic).
    public var importer: String
    public var now: Timestamp
    /// `inquest-bundle` or `investigation-export`, recorded in the origin.
    public var format: String

    public init(importer: String = CurrentUser.name, now: Timestamp = .now(), format: String = BundleCodec.format) {
        self.importer = importer
        self.now = now
        self.format = format
    }

    /// Imports `bundle` into `store`; nothing is written when it throws.
    public func importBundle(_ bundle: InvestigationBundle, into store: InquestStore) throws -> ImportSummary {
        var events: [Event] = []
        for (index, record) in bundle.events.enumerated() {
            let event: Event
            do {
                event = try record.event()
            } catch {
                throw ExchangeError.invalidField(section: "events", index: index, field: error.field, value: error.value)
            }
            if let problem = AttributesCheck.problem(in: event.attributesJSON) {
                throw ExchangeError.invalidAttributes(index: index, id: record.eventID, reason: problem)
            }
            events.append(event)
        }
        do {
            return try store.importing { transaction in
                let summary = try merge(bundle, events: events, transaction)
                return (summary, !summary.changedNothing)
            }
        } catch let error as ExchangeError {
            throw error
        } catch {
            throw ExchangeError.store("import failed and was rolled back: \(error)")
        }
    }

    private func merge(_ bundle: InvestigationBundle, events: [Event], _ transaction: ImportTransaction) throws -> ImportSummary {
        let newEvents = try transaction.insertEvents(events)
        var eventIDs: [Int64: Int64] = [:]
        for (bundled, event) in zip(bundle.events, events) {
            guard let local = try transaction.eventID(dedupeKey: event.dedupeKey) else {
                throw ExchangeError.store("event \(bundled.eventID) (key \(bundled.dedupeKey)) was not stored")
            }
            eventIDs[bundled.eventID] = local
        }
        func mapEvent(_ id: Int64) throws -> Int64 {
            guard let local = eventIDs[id] else { throw ExchangeError.store("event \(id) is not in the file") }
            return local
        }
        var (summary, investigationID) = try mergeInvestigation(bundle, transaction)
        summary.eventsNew = newEvents
        summary.eventsExisting = events.count - newEvents
        for bundled in bundle.notes {
            var note = bundled.note
            note.investigationID = investigationID
            note.eventID = try note.eventID.map(mapEvent)
            note.body = CitationRemap.rewrite(note.body, eventIDs)
            if let local = try transaction.localID(entity: "note", originKey: bundled.originKey, table: "note"),
               let existing = try transaction.note(id: local) {
                if note.editedAt > existing.editedAt {
                    try transaction.replaceNoteBody(id: local, body: note.body, editedAt: note.editedAt)
                    summary.notesUpdated += 1
                } else {
                    summary.notesExisting += 1
                }
            } else {
                let local = try transaction.insertNote(note)
                try transaction.recordOrigin(entity: "note", originKey: bundled.originKey, localID: local)
                summary.notesNew += 1
            }
        }
        for var link in bundle.links {
            link.investigationID = investigationID
            link.eventID = try mapEvent(link.eventID)
            if try transaction.insertLink(link) { summary.linksNew += 1 } else { summary.linksExisting += 1 }
        }
        for var star in bundle.stars {
            star.eventID = try mapEvent(star.eventID)
            if try transaction.insertStar(star) { summary.starsNew += 1 }
        }
        for var tag in bundle.tags {
            tag.eventID = try mapEvent(tag.eventID)
            if try transaction.insertTag(tag) { summary.tagsNew += 1 }
        }
        summary.auditNew = try mergeAudit(bundle, investigationID: investigationID, eventIDs: eventIDs, transaction)
        return summary
    }

    /// Copies the source's audit trail (entries not copied before), ids remapped; an entry about
    /// an event or note the file does not carry keeps no reference to it. The store's own
    /// triggers have meanwhile recorded what this import created, by whom and when.
    private func mergeAudit(
        _ bundle: InvestigationBundle, investigationID: Int64, eventIDs: [Int64: Int64], _ transaction: ImportTransaction
    ) throws -> Int {
        var noteIDs: [Int64: Int64] = [:]
        for bundled in bundle.notes {
            if let sourceID = bundled.note.id,
               let local = try transaction.localID(entity: "note", originKey: bundled.originKey, table: "note") {
                noteIDs[sourceID] = local
            }
        }
        var added = 0
        for (index, bundled) in bundle.audit.enumerated() {
            if try transaction.localID(entity: "audit", originKey: bundled.originKey, table: "audit") != nil { continue }
            guard let entity = AuditEntry.Entity(rawValue: bundled.entity) else {
                throw ExchangeError.invalidField(section: "audit", index: index, field: "entity", value: bundled.entity)
            }
            guard let action = AuditEntry.Action(rawValue: bundled.action) else {
                throw ExchangeError.invalidField(section: "audit", index: index, field: "action", value: bundled.action)
            }
            let entry = AuditEntry(
                id: 0, at: Timestamp(nanoseconds: bundled.atNs), actor: bundled.actor, entity: entity, action: action,
                investigationID: bundled.investigationID == nil ? nil : investigationID,
                eventID: bundled.eventID.flatMap { eventIDs[$0] }, noteID: bundled.noteID.flatMap { noteIDs[$0] },
                detail: bundled.detail, before: bundled.before, after: bundled.after)
            let local = try transaction.insertAuditEntry(entry)
            try transaction.recordOrigin(entity: "audit", originKey: bundled.originKey, localID: local)
            added += 1
        }
        return added
    }

    /// Finds the local copy by origin key (creating it, with its origin, on first import).
    private func mergeInvestigation(
        _ bundle: InvestigationBundle, _ transaction: ImportTransaction
    ) throws -> (ImportSummary, Int64) {
        let key = bundle.manifest.investigationOriginKey
        var incoming = bundle.investigation
        incoming.id = nil
        if let local = try transaction.localID(entity: "investigation", originKey: key, table: "investigation"),
           let existing = try transaction.investigation(id: local) {
            if incoming.updatedAt > existing.updatedAt {
                try transaction.replaceInvestigation(incoming, id: local)
                return (ImportSummary(investigationID: local, investigation: "updated"), local)
            }
            return (ImportSummary(investigationID: local, investigation: "unchanged"), local)
        }
        let local = try transaction.insertInvestigation(incoming)
        try transaction.recordOrigin(entity: "investigation", originKey: key, localID: local)
        try transaction.recordOrigin(
            InvestigationOrigin(
                investigationID: local, originKey: key, sourceDatabase: bundle.manifest.sourceDatabase,
                sourceHost: bundle.manifest.sourceHost, sourceUser: bundle.manifest.createdBy,
                originalID: bundle.manifest.investigationID, format: format, importedAt: now, importedBy: importer))
        return (ImportSummary(investigationID: local, investigation: "created"), local)
    }
}

import Foundation
import InquestCore
import InquestReport

/// Turns a JSON export (``InvestigationDocument``, `inquest export --format json`) into an
/// ``InvestigationBundle`` so that one importer handles both.
///
/// What an export cannot carry, and what the import does instead:
/// - raw bytes exist only for linked events (the appendix); other timeline events are imported
///   with empty raw bytes (they are still matched by dedupe key when the store has them);
/// - no context events beyond the timeline;
/// - who starred or tagged an event is taken from the audit records, else the exporter;
/// - origin keys are built from the exporting store's path (`export:<path>:<entity>:<id>`; audit
///   records, which have no ids, by a hash of their content): re-importing the same export is
///   idempotent, but an export does not recognise a bundle of the same investigation.
public enum ExportDocumentReader {
    /// The `format` recorded in an origin for imported exports.
    public static let format = "investigation-export"

    /// Decodes a JSON export; `path` names the file in errors.
    public static func decode(_ data: Data, path: String) throws -> InvestigationDocument {
        do {
            return try ReportJSON.decode(data)
        } catch let ReportError.unsupportedSchemaVersion(found, supported) {
            throw ExchangeError.unsupportedVersion(path: path, found: found, supported: supported)
        } catch {
            throw ExchangeError.malformed(path: path, where: "the export", reason: "\(error)")
        }
    }

    /// The bundle equivalent of `document`.
    public static func bundle(from document: InvestigationDocument, path: String) throws -> InvestigationBundle {
        let header = document.header
        let source = document.export.source
        let prefix = "export:\(source)"
        guard let status = Investigation.Status(rawValue: header.status) else {
            throw ExchangeError.invalidField(section: "header", index: 0, field: "status", value: header.status)
        }
        guard let severity = Investigation.IncidentSeverity(rawValue: header.severity) else {
            throw ExchangeError.invalidField(section: "header", index: 0, field: "severity", value: header.severity)
        }
        let window = header.window.flatMap { $0.derived ? nil : $0 }
        let investigation = Investigation(
            id: header.investigationID, title: header.title, summary: header.summary, status: status, severity: severity,
            owner: header.owner, createdAt: header.created.at.timestamp, updatedAt: header.updated.at.timestamp,
            resolvedAt: header.resolved?.at.timestamp, windowStart: window?.start.timestamp, windowEnd: window?.end.timestamp,
            affectedServices: header.affectedServices, rootCause: header.rootCause, impact: header.impact,
            resolution: header.resolution)
        let raws = Dictionary(document.appendix.map { ($0.eventID, $0) }, uniquingKeysWith: { first, _ in first })
        let events = try document.timeline.enumerated().map { index, entry in
            try event(entry, raw: raws[entry.eventID], index: index)
        }
        let exporter = (document.export.exportedBy, document.export.exportedAt.timestamp)
        func creator(_ entity: String, _ eventID: Int64, _ detail: String?) -> (String, Timestamp) {
            document.audit.last { $0.entity == entity && $0.action == "create" && $0.eventID == eventID && (detail == nil || $0.detail == detail) }
                .map { ($0.actor, $0.at.timestamp) } ?? exporter
        }
        let links = document.timeline.compactMap { entry in
            entry.link.map {
                EventLink(investigationID: header.investigationID, eventID: entry.eventID, linkedBy: $0.by, linkedAt: $0.at.timestamp, reason: $0.reason)
            }
        }
        let stars = document.timeline.filter(\.starred).map { entry in
            let (by, at) = creator("star", entry.eventID, nil)
            return EventStar(eventID: entry.eventID, starredBy: by, starredAt: at)
        }
        let tags = document.timeline.flatMap { entry in
            entry.tags.map { tag in
                let (by, at) = creator("tag", entry.eventID, tag)
                return EventTag(eventID: entry.eventID, tag: tag, taggedBy: by, taggedAt: at)
            }
        }
        let notes = document.notes.map { note in
            BundledNote(
                originKey: "\(prefix):note:\(note.noteID)",
                note: Note(
                    id: note.noteID, investigationID: header.investigationID, eventID: note.aboutEventID, author: note.author,
                    body: note.body, createdAt: note.created.timestamp, editedAt: note.edited.timestamp))
        }
        let audit = document.audit.map { record in
            BundledAuditEntry(
                originKey: "\(prefix):audit:\(auditHash(record))", atNs: record.at.ns, actor: record.actor, entity: record.entity,
                action: record.action,
                investigationID: ["investigation", "note", "link"].contains(record.entity) ? header.investigationID : nil,
                eventID: record.eventID, noteID: record.noteID, detail: record.detail, before: record.before, after: record.after)
        }
        let manifest = BundleManifest(
            createdAtNs: document.export.exportedAt.ns, createdBy: document.export.exportedBy, sourceHost: "unknown",
            sourceDatabase: source, sourceStoreID: prefix, investigationID: header.investigationID,
            investigationOriginKey: "\(prefix):investigation:\(header.investigationID)", contextNs: 0, contextCapped: false,
            maxContextEvents: 0, sections: [:])
        let bundle = InvestigationBundle(
            manifest: manifest, investigation: investigation, notes: notes, links: links, stars: stars, tags: tags,
            audit: audit, events: events)
        try BundleReferences.check(bundle)
        return bundle
    }

    /// The entry's event as a bundle carries it, with its raw bytes from the appendix (none when
    /// the event has no appendix record).
    private static func event(_ entry: TimelineEntry, raw: RawRecord?, index: Int) throws -> EventRecord {
        func invalid(_ field: String, _ value: String) -> ExchangeError {
            .invalidField(section: "timeline", index: index, field: field, value: value)
        }
        var bytes: [UInt8] = []
        if let raw {
            switch raw.encoding {
            case .utf8: bytes = Array(raw.data.utf8)
            case .base64:
                guard let data = Data(base64Encoded: raw.data) else { throw invalid("appendix.data", String(raw.data.prefix(40))) }
                bytes = [UInt8](data)
            }
        }
        do {
            return EventRecord(try entry.event.event(raw: bytes), eventID: entry.eventID)
        } catch {
            throw invalid(error.field, error.value)
        }
    }

    /// A stable name for an audit record (they carry no id): the SHA-256 of its fields.
    private static func auditHash(_ record: AuditRecord) -> String {
        let fields: [String] = [
            "\(record.at.ns)", record.actor, record.entity, record.action, record.eventID.map(String.init) ?? "",
            record.noteID.map(String.init) ?? "", record.detail ?? "", record.before ?? "", record.after ?? "",
        ]
        return String(SHA256.hex(of: Array(fields.joined(separator: "\u{1F}").utf8)).prefix(32))
    }
}

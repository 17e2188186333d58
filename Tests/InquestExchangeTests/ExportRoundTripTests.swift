import Foundation
import InquestCore
import InquestReport
import InquestStore
import Testing
@testable import InquestExchange

@Suite("JSON export → import → export gives the same document")
struct ExportRoundTripTests {
    private static let clock = ReportClock(timeZone: TimeZone(identifier: "Europe/Berlin") ?? .gmt)

    private func export(_ store: InquestStore, _ id: Int64) throws -> InvestigationDocument {
        try InvestigationDocumentBuilder(
            store: store, clock: Self.clock, exportedBy: "exporter", now: Timestamp(nanoseconds: ExchangeFixtures.base)
        ).build(investigationID: id)
    }

    /// The document without what names a store: export provenance, row ids (events are named by
    /// their dedupe key instead), the density (it counts every event of the exporting store) and
    /// the audit entries the import itself added (by `importer`).
    private func portable(_ document: InvestigationDocument, importer: String? = nil) -> InvestigationDocument {
        var copy = document
        let keys = Dictionary(document.timeline.map { ($0.eventID, $0.event.dedupeKey) }, uniquingKeysWith: { first, _ in first })
        func name(_ id: Int64?) -> Int64? { id.map { Int64(truncatingIfNeeded: (keys[$0] ?? "").hashValue) } }
        copy.export = ReportExportInfo(
            exportedAt: document.export.exportedAt, exportedBy: "", generator: "", zone: document.export.zone, source: "")
        copy.header.investigationID = 0
        copy.timeline = document.timeline.map { entry in
            var entry = entry
            entry.event.eventID = 0
            return entry
        }
        copy.footnotes = document.footnotes.map { ReportFootnote(number: $0.number, eventID: name($0.eventID) ?? 0, timelineRef: $0.timelineRef) }
        copy.notes = document.notes.map { note in
            var note = note
            note.noteID = 0
            note.aboutEventID = name(note.aboutEventID)
            note.body = ""
            note.segments = note.segments.map { segment in
                segment.isCitation ? NoteSegment(text: "cite", eventID: name(segment.eventID), footnote: segment.footnote) : segment
            }
            return note
        }
        copy.appendix = document.appendix.map { RawRecord(ref: $0.ref, eventID: 0, encoding: $0.encoding, data: $0.data, byteCount: $0.byteCount) }
        copy.density = DensityChart(bucketWidthNs: 0, buckets: [])
        copy.audit = document.audit.filter { $0.actor != importer }.map { record in
            var record = record
            record.eventID = name(record.eventID)
            record.noteID = nil
            return record
        }
        return copy
    }

    @Test func exportImportExportGivesTheSameDocument() throws {
        // Given the JSON export of an investigation
        let (source, id) = try ExchangeFixtures.sourceStore()
        let first = try export(source, id)
        let json = try ReportJSON.render(first)
        // When it is imported into an empty store (by carol) and exported again
        let target = try InquestStore.inMemory(
            audit: AuditIdentity(actor: "carol", clock: { Timestamp(nanoseconds: ExchangeFixtures.base + 900) }))
        let summary = try ExchangeFile.importFile(Data(json.utf8), path: "x.json", into: target, importer: "carol")
        let second = try export(target, summary.investigationID)
        // Then the documents agree on everything but provenance, ids, density and carol's import entries
        #expect(summary.investigation == "created" && summary.linksNew == 2 && summary.notesNew == 2)
        let (a, b) = (portable(first), portable(second, importer: "carol"))
        #expect(a.header == b.header)
        #expect(a.timeline == b.timeline)
        #expect(a.notes == b.notes)
        #expect(a.footnotes == b.footnotes)
        #expect(a.appendix == b.appendix)
        #expect(a.audit == b.audit)
        #expect(a == b)
        #expect(try target.origin(investigationID: summary.investigationID)?.format == "investigation-export")
    }

    @Test func importingTheSameExportTwiceChangesNothing() throws {
        let (source, id) = try ExchangeFixtures.sourceStore()
        let json = Data(try ReportJSON.render(try export(source, id)).utf8)
        let target = try InquestStore.inMemory()
        let first = try ExchangeFile.importFile(json, path: "x.json", into: target)
        let token = try target.changeToken()

        let second = try ExchangeFile.importFile(json, path: "x.json", into: target)

        #expect(second.changedNothing && second.investigationID == first.investigationID)
        #expect(try target.changeToken() == token)
    }

    @Test func refusesADamagedExportAndAnUnknownSchemaVersion() throws {
        let (source, id) = try ExchangeFixtures.sourceStore()
        let json = try ReportJSON.render(try export(source, id))
        let target = try InquestStore.inMemory()

        #expect(throws: ExchangeError.self) {
            try ExchangeFile.importFile(Data(json.utf8.prefix(json.utf8.count / 2)), path: "x.json", into: target)
        }
        let future = json.replacingOccurrences(of: "\"schema_version\" : 2", with: "\"schema_version\" : 7")
        #expect(future != json)
        #expect(throws: ExchangeError.unsupportedVersion(path: "x.json", found: 7, supported: 2)) {
            try ExchangeFile.importFile(Data(future.utf8), path: "x.json", into: target)
        }
        #expect(try target.investigations().isEmpty && target.stats().totalEvents == 0)
    }
}

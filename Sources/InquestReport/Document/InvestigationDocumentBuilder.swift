import Foundation
import InquestCore
import InquestStore

/// Reads one investigation and everything its report shows from the store into an
/// ``InvestigationDocument``. Time, user and zone are injected, so a document built twice from
/// the same store with the same inputs is identical.
///
/// What goes into the timeline: the linked events, the starred events inside the window, and
/// every event a note cites (`[[event:ID]]`) or is about. The window is the investigation's
/// when set, else the span of its linked and cited events.
public struct InvestigationDocumentBuilder: Sendable {
    public let store: InquestStore
    public let clock: ReportClock
    public let exportedBy: String
    public let now: Timestamp
    public let generator: String
    /// Buckets of the density chart.
    public let densityBuckets: Int
    /// At most this many starred events are added from the window (linked ones always are).
    public let starredLimit: Int

    public init(
        store: InquestStore, clock: ReportClock, exportedBy: String, now: Timestamp, generator: String = "inquest",
        densityBuckets: Int = 48, starredLimit: Int = 500
    ) {
        self.store = store
        self.clock = clock
        self.exportedBy = exportedBy
        self.now = now
        self.generator = generator
        self.densityBuckets = max(1, densityBuckets)
        self.starredLimit = max(0, starredLimit)
    }

    /// The document of the investigation with this id.
    public func build(investigationID: Int64) throws(ReportError) -> InvestigationDocument {
        guard let investigation = try read("reading investigation \(investigationID)", { try store.investigation(id: investigationID) })
        else { throw .investigationNotFound(reference: String(investigationID)) }
        let links = try read("reading links") { try store.links(investigationID: investigationID) }
        let notes = try read("reading notes") { try store.notes(investigationID: investigationID) }

        let citedIDs = Self.citedEventIDs(notes)
        let linkedIDs = links.map(\.eventID)
        let evidence = try read("reading linked and cited events") { try store.events(ids: Array(Set(linkedIDs + citedIDs))) }
        let window = Self.window(of: investigation, evidence: evidence)
        let starred = try starredEvents(in: window)
        let timelineEvents = try read("reading starred events") {
            try store.events(ids: Array(Set(linkedIDs + citedIDs + starred)))
        }
        let timeline = try makeTimeline(timelineEvents, links: links, cited: Set(citedIDs))
        let refByEvent = Dictionary(timeline.map { ($0.eventID, $0.ref) }, uniquingKeysWith: { first, _ in first })
        let footnotes = citedIDs.enumerated().map { index, id in
            ReportFootnote(number: index + 1, eventID: id, timelineRef: refByEvent[id])
        }
        let footnoteByEvent = Dictionary(footnotes.map { ($0.eventID, $0.number) }, uniquingKeysWith: { first, _ in first })
        let trail = try read("reading the audit trail") { try store.auditTrail(investigationID: investigationID) }
        let authorship = ReportAuthorship(trail: trail)

        return InvestigationDocument(
            export: ReportExportInfo(
                exportedAt: clock.time(now), exportedBy: exportedBy, generator: generator, zone: clock.zone(at: now),
                source: store.path),
            header: header(investigation, window: window, authorship: authorship),
            timeline: timeline,
            notes: notes.map { reportNote($0, footnotes: footnoteByEvent, lastEditedBy: $0.id.flatMap { authorship.noteEditors[$0] }) },
            footnotes: footnotes,
            density: try density(over: window),
            appendix: Self.appendix(timelineEvents, timeline: timeline),
            audit: trail.map(auditRecord))
    }

    // MARK: - Pieces

    /// Event ids cited by the notes (about-event first, then body citations), first citation first.
    static func citedEventIDs(_ notes: [Note]) -> [Int64] {
        var seen = Set<Int64>()
        var ids: [Int64] = []
        for note in notes {
            for id in (note.eventID.map { [$0] } ?? []) + EventCitation.citedEventIDs(in: note.body)
            where seen.insert(id).inserted {
                ids.append(id)
            }
        }
        return ids
    }

    static func window(of investigation: Investigation, evidence: [Event]) -> (start: Timestamp, end: Timestamp, derived: Bool)? {
        let times = evidence.map(\.timestamp)
        // A window derived from the evidence gets a margin (a tenth of its span, at least a
        // minute) on the open sides, so the first and last events are not on the chart's edges.
        // Saturating: evidence at the ends of the time range is further apart than Int64 reaches.
        let span = Timestamp.span(from: times.min() ?? .earliest, to: times.max() ?? .earliest)
        let margin = max(span / 10, 60_000_000_000)
        let start = investigation.windowStart ?? times.min().map { $0.advanced(saturating: -margin) }
        let end = investigation.windowEnd ?? times.max().map { $0.advanced(saturating: margin) }
        guard let start, let end, start <= end else { return nil }
        return (start, end, investigation.windowStart == nil || investigation.windowEnd == nil)
    }

    func starredEvents(in window: (start: Timestamp, end: Timestamp, derived: Bool)?) throws(ReportError) -> [Int64] {
        guard let window, starredLimit > 0 else { return [] }
        let filter = FilterSQLCompiler.compile(Filter(expression: .term(.starred)), now: now)
        var ids: [Int64] = []
        var anchor = WindowAnchor.atOrAfter(window.start)
        while ids.count < starredLimit {
            let page = try read("reading starred events") { try store.window(filter, anchor: anchor, limit: 200) }
            for summary in page where summary.timestamp <= window.end && ids.count < starredLimit { ids.append(summary.id) }
            guard let last = page.last, page.count == 200, last.timestamp <= window.end else { break }
            anchor = .after(last.cursor)
        }
        return ids
    }

    func makeTimeline(_ events: [Event], links: [EventLink], cited: Set<Int64>) throws(ReportError) -> [TimelineEntry] {
        let linkByEvent = Dictionary(links.map { ($0.eventID, $0) }, uniquingKeysWith: { first, _ in first })
        var entries: [TimelineEntry] = []
        for event in events {
            guard let id = event.id else { continue }
            let tags = try read("reading tags of event \(id)") { try store.tags(eventID: id) }
            let starred = try read("reading the star of event \(id)") { try store.isStarred(eventID: id) }
            let link = linkByEvent[id]
            entries.append(
                TimelineEntry(
                    ref: entries.count + 1, time: clock.time(event.timestamp),
                    event: EventRecord(event, eventID: id, includingRaw: false), tags: tags,
                    linked: link != nil, starred: starred, cited: cited.contains(id), anomaly: Self.isAnomaly(event),
                    link: link.map { ReportLink(by: $0.linkedBy, at: clock.time($0.linkedAt), reason: $0.reason) }))
        }
        return entries
    }

    func header(
        _ investigation: Investigation, window: (start: Timestamp, end: Timestamp, derived: Bool)?, authorship: ReportAuthorship
    ) -> ReportHeader {
        ReportHeader(
            investigationID: investigation.id ?? 0, title: investigation.title, summary: investigation.summary,
            status: investigation.status.rawValue, severity: investigation.severity.rawValue, owner: investigation.owner,
            window: window.map { ReportWindow(start: clock.time($0.start), end: clock.time($0.end), derived: $0.derived) },
            affectedServices: investigation.affectedServices, rootCause: investigation.rootCause,
            impact: investigation.impact, resolution: investigation.resolution,
            created: ReportStamp(at: clock.time(investigation.createdAt), by: authorship.creator),
            updated: ReportStamp(at: clock.time(investigation.updatedAt), by: authorship.lastChanger),
            resolved: investigation.resolvedAt.map { ReportStamp(at: clock.time($0), by: authorship.resolver) })
    }

    func reportNote(_ note: Note, footnotes: [Int64: Int], lastEditedBy: String?) -> ReportNote {
        let segments = EventCitation.pieces(of: note.body).map { piece -> NoteSegment in
            switch piece {
            case let .text(text): NoteSegment(text: text)
            case let .citation(id, written): NoteSegment(text: written, eventID: id, footnote: footnotes[id])
            }
        }
        return ReportNote(
            noteID: note.id ?? 0, author: note.author, created: clock.time(note.createdAt), edited: clock.time(note.editedAt),
            lastEditedBy: lastEditedBy, aboutEventID: note.eventID, aboutFootnote: note.eventID.flatMap { footnotes[$0] },
            body: note.body, segments: segments)
    }

    func density(over window: (start: Timestamp, end: Timestamp, derived: Bool)?) throws(ReportError) -> DensityChart {
        guard var window else { return DensityChart(bucketWidthNs: 0, buckets: []) }
        // A window wider than Int64 nanoseconds (evidence at both ends of the time range) is
        // charted over its latest 292 years.
        window.start = Timestamp.bucketableStart(window.start, end: window.end)
        let anomalyFilter = FilterSQLCompiler.compile(Self.anomalyFilter, now: now)
        let all = try read("computing event density") {
            try store.histogram(.everything, from: window.start, to: window.end, buckets: densityBuckets)
        }
        let anomalies = try read("computing anomaly density") {
            try store.histogram(anomalyFilter, from: window.start, to: window.end, buckets: densityBuckets)
        }
        let width = all.count > 1 ? Timestamp.span(from: all[0].start, to: all[1].start)
            : Timestamp.span(from: window.start, to: window.end).addingSaturating(1)
        let buckets = all.enumerated().map { index, bucket in
            DensityBucket(
                start: clock.time(bucket.start), total: bucket.total, errors: bucket.errors,
                anomalies: anomalies.indices.contains(index) ? anomalies[index].total : 0)
        }
        return DensityChart(bucketWidthNs: width, buckets: buckets)
    }

    static func appendix(_ events: [Event], timeline: [TimelineEntry]) -> [RawRecord] {
        let eventsByID = Dictionary(events.compactMap { event in event.id.map { ($0, event) } }, uniquingKeysWith: { first, _ in first })
        return timeline.filter(\.linked).compactMap { entry in
            guard let event = eventsByID[entry.eventID] else { return nil }
            if let text = String(validating: event.raw, as: UTF8.self) {
                return RawRecord(ref: entry.ref, eventID: entry.eventID, encoding: .utf8, data: text, byteCount: event.raw.count)
            }
            return RawRecord(
                ref: entry.ref, eventID: entry.eventID, encoding: .base64, data: Data(event.raw).base64EncodedString(),
                byteCount: event.raw.count)
        }
    }

    func auditRecord(_ entry: AuditEntry) -> AuditRecord {
        AuditRecord(
            at: clock.time(entry.at), actor: entry.actor, entity: entry.entity.rawValue, action: entry.action.rawValue,
            eventID: entry.eventID, noteID: entry.noteID, detail: entry.detail, before: entry.before, after: entry.after)
    }

    // MARK: - Helpers

    /// The filter selecting metric anomaly events (the ingest's anomaly detector writes
    /// `peak_score`): `source:metric peak_score:*`, built as nodes rather than parsed.
    public static let anomalyFilter = Filter(expression: .all([
        .term(.sourceKind(.metric)), .term(.attribute(key: "peak_score", .equal, .text(.glob("*")))),
    ]))

    static func isAnomaly(_ event: Event) -> Bool {
        guard event.sourceKind == .metric,
              let object = try? JSONSerialization.jsonObject(with: Data(event.attributesJSON.utf8)) as? [String: Any]
        else { return false }
        return object["peak_score"] != nil
    }

    func read<T>(_ operation: String, _ body: () throws -> T) throws(ReportError) -> T {
        do {
            return try body()
        } catch let error as ReportError {
            throw error
        } catch {
            throw .store(operation: operation, reason: "\(error)")
        }
    }
}

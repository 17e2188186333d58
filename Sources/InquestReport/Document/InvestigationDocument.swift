/// The single model every report format renders from: one investigation, its evidence, its
/// notes with their event citations resolved to footnotes, event density over its window and
/// the raw records of its linked events.
///
/// The JSON form (``ReportJSON``) is the `json` export and is described by
/// `schemas/investigation-export.v2.schema.json`. Changes within a schema version are
/// additive only (new optional members); anything else bumps ``schemaVersion``.
///
/// Versions 1 and 2 are this one model spelled two ways, chosen by the coder's key strategy
/// (``JSONKeySpelling``): version 2 snake_case (`schema_version`, `trace_id`), version 1 the
/// property names (`schemaVersion`, `traceID`, `schemas/investigation-export.v1.schema.json`).
/// This build writes version 2 and reads both.
public struct InvestigationDocument: Sendable, Hashable, Codable {
    /// The version of the document layout this build writes.
    public static let currentSchemaVersion = 2
    /// The versions this build reads (1 differs from 2 in key spelling only).
    public static let readableSchemaVersions: ClosedRange<Int> = 1...2
    /// The `$id` of the JSON Schema describing this version.
    public static let schemaID = "https://inquest.invalid/schemas/investigation-export.v2.schema.json"

    /// Layout version; readers refuse versions they do not know.
    public var schemaVersion: Int
    /// Who and what wrote the document, and in which zone its local times are.
    public var export: ReportExportInfo
    /// Title, status, write-up fields and the change history of the investigation itself.
    public var header: ReportHeader
    /// Linked, starred (within the window) and cited events, in (time, id) order.
    public var timeline: [TimelineEntry]
    /// The notes, oldest first.
    public var notes: [ReportNote]
    /// One footnote per distinct event cited by the notes, numbered in order of first citation.
    public var footnotes: [ReportFootnote]
    /// Event counts over the window, with errors and anomalies.
    public var density: DensityChart
    /// The raw input records of the linked events, in timeline order.
    public var appendix: [RawRecord]
    /// Every recorded change to the investigation, its notes, links, and the stars and tags of
    /// its events, oldest first (empty for stores without an audit trail).
    public var audit: [AuditRecord]

    public init(
        schemaVersion: Int = InvestigationDocument.currentSchemaVersion,
        export: ReportExportInfo,
        header: ReportHeader,
        timeline: [TimelineEntry],
        notes: [ReportNote],
        footnotes: [ReportFootnote],
        density: DensityChart,
        appendix: [RawRecord],
        audit: [AuditRecord]
    ) {
        self.schemaVersion = schemaVersion
        self.export = export
        self.header = header
        self.timeline = timeline
        self.notes = notes
        self.footnotes = footnotes
        self.density = density
        self.appendix = appendix
        self.audit = audit
    }

    /// The timeline entry with this 1-based reference number, if any.
    public func entry(ref: Int) -> TimelineEntry? {
        guard ref >= 1, ref <= timeline.count else { return nil }
        return timeline[ref - 1]
    }

    /// The timeline entry of a store event id, if the event is in the timeline.
    public func entry(eventID: Int64) -> TimelineEntry? {
        timeline.first { $0.eventID == eventID }
    }
}

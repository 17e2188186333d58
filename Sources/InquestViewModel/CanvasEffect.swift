import InquestCore

/// Work the runtime performs for the reducer; results come back as ``CanvasAction``s
/// carrying the same request id.
public enum CanvasEffect: Sendable, Hashable {
    /// Load up to `limit` events of the query from the anchor, ascending → `windowLoaded`.
    case loadWindow(requestID: Int, query: TimelineQuery, anchor: WindowAnchor, limit: Int)
    /// Count the query's events and find its time range → `countLoaded`.
    case loadCount(requestID: Int, query: TimelineQuery)
    /// Count events per bucket of `[from, to)` split into `buckets` equal parts → `histogramLoaded`.
    case loadHistogram(requestID: Int, query: TimelineQuery, from: Timestamp, to: Timestamp, buckets: Int)
    /// → `investigationsLoaded`.
    case loadInvestigations(requestID: Int)
    /// → `detailLoaded`.
    case loadDetail(requestID: Int, eventID: Int64)
    /// → `notesLoaded`, then `noteEditsLoaded`.
    case loadNotes(requestID: Int, investigationID: Int64)
    /// → `auditTrailLoaded`.
    case loadAuditTrail(requestID: Int, investigationID: Int64)
    /// Writes; on success the runtime sends `storeChanged`, on failure `effectFailed`.
    case setStar(eventID: Int64, starred: Bool)
    case addTag(eventID: Int64, tag: String)
    case removeTag(eventID: Int64, tag: String)
    case link(eventID: Int64, investigationID: Int64)
    case unlink(eventID: Int64, investigationID: Int64)
    /// → `investigationSaved(id:)` then `storeChanged`.
    case createInvestigation(InvestigationDraft)
    /// → `investigationSaved(id:)` then `storeChanged`.
    case updateInvestigation(id: Int64, InvestigationDraft)
    case saveNote(NoteDraft)
    /// Write a report of the investigation in `format` (`md`, `json`, `html`, `pdf`) to `path`,
    /// or next to the database when nil → `exportFinished`.
    case exportInvestigation(investigationID: Int64, format: String, path: String?)
    /// Suspend the screen, run `$EDITOR` on the text → `editorFinished`.
    case openExternalEditor(initialText: String, noteID: Int64?, investigationID: Int64, eventID: Int64?)
    /// Restore the terminal and exit.
    case quit
    /// Read every feed's health row (the health overlay).
    case loadFeedHealth(requestID: Int)
    /// List the stored metric series → `seriesListLoaded`.
    case loadSeriesList(requestID: Int)
    /// Read the samples of `series` in `range` → `seriesExcerptLoaded`.
    case loadSeriesExcerpt(requestID: Int, series: MetricSeriesInfo, range: Range<Timestamp>)
}

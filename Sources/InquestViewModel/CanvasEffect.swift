import InquestCore

/// Work the runtime performs for the reducer; results come back as ``CanvasAction``s
/// carrying the same request id.
public enum CanvasEffect: Sendable, Hashable {
    /// Load up to `limit` events of the query from the anchor, ascending → `windowLoaded`.
    case loadWindow(requestID: Int, query: TimelineQuery, anchor: WindowAnchor, limit: Int)
    /// Load the query's events around `cursor` (up to half of `limit` before it, the rest at or
    /// after it), ascending → `windowLoaded`; keeps the reader's place when the query changes.
    case loadWindowAround(requestID: Int, query: TimelineQuery, centre: WindowCentre, limit: Int)
    /// Count the query's events and find its time range → `countLoaded`.
    case loadCount(requestID: Int, query: TimelineQuery)
    /// Count events per bucket of `[from, to)` split into `buckets` equal parts → `histogramLoaded`.
    case loadHistogram(requestID: Int, query: TimelineQuery, from: Timestamp, to: Timestamp, buckets: Int)
    /// → `investigationsLoaded`.
    case loadInvestigations(requestID: Int)
    /// Find an event's time by id → `eventLocated`.
    case locateEvent(requestID: Int, eventID: Int64)
    /// → `detailLoaded`.
    case loadDetail(requestID: Int, eventID: Int64)
    /// → `notesLoaded`, then `noteEditsLoaded`.
    case loadNotes(requestID: Int, investigationID: Int64)
    /// → `auditTrailLoaded`.
    case loadAuditTrail(requestID: Int, investigationID: Int64)
    /// → `subscriptionsLoaded`: the notification subscriptions that can deliver the investigation's changes.
    case loadSubscriptions(requestID: Int, investigationID: Int64)
    /// Switches one subscription on or off for an investigation (`:notify`), then → `subscriptionsLoaded`.
    case toggleSubscription(requestID: Int, subscriptionID: Int64, investigationID: Int64)
    /// Writes; on success the runtime sends `storeChanged`, on failure `effectFailed`.
    case setStar(eventID: Int64, starred: Bool)
    case addTag(eventID: Int64, tag: String)
    case removeTag(eventID: Int64, tag: String)
    case link(eventID: Int64, investigationID: Int64)
    case unlink(eventID: Int64, investigationID: Int64)
    /// → `investigationSaved(id:)` then `storeChanged`.
    case createInvestigation(InvestigationDraft)
    /// The fields of `original` (as the form opened) that differ in the draft →
    /// `investigationSaved(id:)` then `storeChanged`.
    case updateInvestigation(id: Int64, InvestigationDraft, original: InvestigationDraft)
    case saveNote(NoteDraft)
    /// Write a report of the investigation in `format` (`md`, `json`, `html`, `pdf`) to `path`,
    /// or next to the database when nil → `exportFinished`.
    case exportInvestigation(investigationID: Int64, format: String, path: String?)
    /// Suspend the screen, run `$EDITOR` on the text → `editorFinished`.
    case openExternalEditor(initialText: String, noteID: Int64?, investigationID: Int64, eventID: Int64?)
    /// Put text on the clipboard through the terminal (OSC 52) → `copiedToClipboard`, or
    /// `effectFailed` when the clipboard is off or the text too long.
    case copyToClipboard(text: String, label: String)
    /// Copy `inquest --db PATH --event ID` for this event (the runtime knows the store's path).
    case copyEventLink(eventID: Int64)
    /// Load the theme named (the user's theme directory first, then the bundled ones) and draw
    /// with it → `themeSwitched`, or `effectFailed` saying why (not found, a bad file).
    case switchTheme(name: String)
    /// Restore the terminal and exit.
    case quit
    /// Read every feed's health row (the health overlay).
    case loadFeedHealth(requestID: Int)
    /// List the stored metric series → `seriesListLoaded`.
    case loadSeriesList(requestID: Int)
    /// Read the samples of `series` in `range` → `seriesExcerptLoaded`.
    case loadSeriesExcerpt(requestID: Int, series: MetricSeriesInfo, range: Range<Timestamp>)
    /// Count the query's events in a window by the request's dimensions (or its spans per
    /// service) → `breakdownLoaded`.
    case loadBreakdown(requestID: Int, BreakdownRequest)
    /// Rank suspect services at `time`, or at the start of the latest error burst when nil
    /// → `suspectsRanked` or `suspectsFailed`. Slow: runs off the load queue, superseded
    /// requests are skipped.
    case rankSuspects(requestID: Int, at: Timestamp?)
    /// Link up to `limit` of the query's events (oldest first) to the investigation, with
    /// `reason` on each link → `eventsLinked`, then `storeChanged`.
    case linkEvents(query: TimelineQuery, investigationID: Int64, reason: String, limit: Int)
    /// Read the store's filter history, saved views and tag names → `filterMemoryLoaded`.
    case loadFilterMemory
    /// Remember an applied filter in the store's history.
    case recordFilter(String)
    /// Save a view under its name (replacing one of the same name).
    case saveView(SavedView)
    /// Delete the saved view of that name.
    case deleteView(name: String)
}

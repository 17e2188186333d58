import InquestCore

/// Something that happened: a key, a resize, a load finishing, the store changing.
/// Named after the event, not the intent.
public enum CanvasAction: Sendable, Hashable {
    /// The canvas opened; the reducer asks for its first data.
    case started
    case keyPressed(KeyPress)
    /// A mouse button was pressed or the wheel turned (only when mouse reporting is on).
    case mousePressed(MouseEvent)
    /// Text was pasted in one piece (a bracketed paste), sanitised (``PastedText/sanitized(_:)``):
    /// one edit of the focused text field, never keys.
    case pasted(String)
    case terminalResized(width: Int, height: Int)
    /// A window of events arrived (ascending), with whether it touches either end.
    case windowLoaded(requestID: Int, rows: [EventSummary], anchor: WindowAnchor, reachedStart: Bool, reachedEnd: Bool)
    /// The number and time range of events matching the query.
    case countLoaded(requestID: Int, count: Int, oldest: Timestamp?, newest: Timestamp?)
    case histogramLoaded(requestID: Int, from: Timestamp, to: Timestamp, buckets: [HistogramBucket])
    case investigationsLoaded(requestID: Int, [InvestigationSummary])
    /// The time and id of an event asked for by id (nil when the store has no such event).
    case eventLocated(requestID: Int, eventID: Int64, cursor: EventCursor?)
    /// The canvas was opened on one event (`--event ID`): show it in its context.
    case openedOnEvent(Int64)
    /// The selected event's detail (nil when it no longer exists).
    case detailLoaded(requestID: Int, EventDetail?)
    case notesLoaded(requestID: Int, investigationID: Int64, [Note])
    /// The latest audit entry of each note of an investigation (sent after `notesLoaded`).
    case noteEditsLoaded(investigationID: Int64, [Int64: AuditEntry])
    /// The latest change to each investigation's fields (sent after `investigationsLoaded`).
    case investigationEditsLoaded([Int64: AuditEntry])
    /// An investigation's audit trail, for the `:log` overlay.
    case auditTrailLoaded(requestID: Int, investigationID: Int64, [AuditEntry])
    /// The notification subscriptions of an investigation, for the `:notify` overlay.
    case subscriptionsLoaded(requestID: Int, investigationID: Int64, [NotificationSubscription])
    /// An investigation was created or updated; select it.
    case investigationSaved(id: Int64)
    /// Another process (or this one) wrote to the store.
    case storeChanged
    /// An effect failed; the message is for the status line.
    case effectFailed(String)
    /// `$EDITOR` finished; nil when the user aborted or the editor failed.
    case editorFinished(noteID: Int64?, investigationID: Int64, eventID: Int64?, text: String?)
    /// The runtime switched to the theme `:theme NAME` asked for.
    case themeSwitched(name: String)
    /// Text went to the clipboard; `label` says what (`the message of event #42`).
    case copiedToClipboard(label: String)
    /// A report was written; `paths` are the files (the report first, then e.g. its chart).
    case exportFinished(investigationID: Int64, paths: [String])
    /// Time passes (about once a second) for relative times.
    case tick(now: Timestamp)
    /// The watcher's feed health was read (for the health overlay).
    case feedHealthLoaded(requestID: Int, [FeedHealth])
    /// The rows of the breakdown overlay (see ``CanvasEffect/loadBreakdown(requestID:_:)``).
    case breakdownLoaded(requestID: Int, BreakdownResult)
    /// The suspects at `time` were ranked (for the suspects overlay), best first.
    case suspectsRanked(requestID: Int, time: Timestamp, [Suspect])
    /// The suspects could not be ranked; the message says why.
    case suspectsFailed(requestID: Int, String)
    /// `linkEvents` linked `count` events; `capped` when the query selected more than its limit.
    case eventsLinked(investigationID: Int64, count: Int, capped: Bool)
    /// The ingest of the files the canvas was opened on stored a batch, moved on or ended.
    case ingestProgressed(BackgroundIngestState)
    /// The stored metric series were listed (for the series overlay).
    case seriesListLoaded(requestID: Int, [MetricSeriesInfo])
    /// A series' samples over the range asked for arrived (the series overlay's chart).
    case seriesExcerptLoaded(requestID: Int, MetricSeriesExcerpt)
    /// The store's filter history (least recently used first), saved views and tag names, for
    /// the filter bar's `↑`/`↓`, `:view` and `:` completion.
    case filterMemoryLoaded(history: [String], views: [SavedView], tags: [String])
    /// The team database was reached or lost, or the outbox for it grew or shrank.
    case teamLinkChanged(TeamLinkState)
}

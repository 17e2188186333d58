import Foundation
import InquestAnalysis
import InquestCore
import InquestStore
import InquestTeam
import InquestViewModel

/// Performs one view-model effect against the store, synchronously, and returns the
/// actions that report its result. The runtime calls it on its effect thread; the canvas
/// benchmark calls it inline to measure keypress-to-frame without a terminal.
/// `.openExternalEditor`, the clipboard and `.quit` belong to the UI thread and return nothing here.
public struct CanvasEffectExecutor: Sendable {
    private let store: InquestStore
    /// The team database's side, when the canvas works on one (the investigation layer).
    private let team: TeamEffectExecutor?

    /// With `team`, the investigation layer's effects go to the team database (see ``TeamEffectExecutor``).
    public init(store: InquestStore, team: TeamSync? = nil) {
        self.store = store
        self.team = team.map(TeamEffectExecutor.init(sync:))
    }

    /// Runs `effect`; a cancelled `cancellation` cuts its timeline, count, histogram or breakdown
    /// read short, which then throws ``StoreError/interrupted(operation:)`` (its result is
    /// superseded: there is nothing to report).
    public func execute(_ effect: CanvasEffect, cancellation: QueryCancellation? = nil) throws -> [CanvasAction] {
        if let team, let actions = try team.execute(effect) { return actions }
        var actions: [CanvasAction] = []
        let now = Timestamp.now()
        switch effect {
        case .loadWindow(let requestID, let query, let anchor, let limit):
            let sql = FilterSQLCompiler.compile(query, now: now)
            // One extra row tells whether the window touches the end it grows towards.
            let rows = try store.window(sql, anchor: anchor, limit: limit + 1, cancellation: cancellation)
            var trimmed = rows
            var reachedStart = false
            var reachedEnd = false
            switch anchor {
            case .oldest:
                reachedStart = true
                reachedEnd = rows.count <= limit
                if rows.count > limit { trimmed.removeLast() }
            case .newest:
                reachedEnd = true
                reachedStart = rows.count <= limit
                if rows.count > limit { trimmed.removeFirst() }
            case .atOrAfter, .after:
                reachedEnd = rows.count <= limit
                if rows.count > limit { trimmed.removeLast() }
            case .before:
                reachedStart = rows.count <= limit
                if rows.count > limit { trimmed.removeFirst() }
            }
            actions.append(.windowLoaded(requestID: requestID, rows: trimmed, anchor: anchor, reachedStart: reachedStart, reachedEnd: reachedEnd))
        case .loadWindowAround(let requestID, let query, let centre, let limit):
            actions.append(try windowAround(requestID: requestID, query: query, centre: centre, limit: limit, now: now, cancellation: cancellation))
        case .loadCount(let requestID, let query):
            let sql = FilterSQLCompiler.compile(query, now: now)
            let extent = try store.extent(sql, cancellation: cancellation)
            actions.append(.countLoaded(
                requestID: requestID, count: extent.count,
                oldest: extent.timeRange?.lowerBound, newest: extent.timeRange?.upperBound))
        case .loadHistogram(let requestID, let query, let from, let to, let buckets):
            let sql = FilterSQLCompiler.compile(query, now: now)
            let result = try store.histogram(sql, from: from, to: to, buckets: buckets, cancellation: cancellation)
            actions.append(.histogramLoaded(requestID: requestID, from: from, to: to, buckets: result))
        case .loadInvestigations(let requestID):
            let items = try store.investigations()
            actions.append(.investigationsLoaded(requestID: requestID, items))
            actions.append(.investigationEditsLoaded(try lastEdits(of: items)))
        case .loadFeedHealth(let requestID):
            actions.append(.feedHealthLoaded(requestID: requestID, try store.feedHealth()))
        case .loadSeriesList(let requestID):
            actions.append(.seriesListLoaded(requestID: requestID, try store.seriesList()))
        case .loadSeriesExcerpt(let requestID, let series, let range):
            let samples = try store.samples(series: series.id, range: range)
            actions.append(.seriesExcerptLoaded(requestID: requestID, MetricSeriesExcerpt(series: series, range: range, samples: samples)))
        case .loadBreakdown(let requestID, let request):
            actions.append(.breakdownLoaded(requestID: requestID, try breakdown(request, now: now, cancellation: cancellation)))
        case .locateEvent(let requestID, let eventID):
            let cursor = try store.event(id: eventID).map { EventCursor(timestamp: $0.timestamp, id: eventID) }
            actions.append(.eventLocated(requestID: requestID, eventID: eventID, cursor: cursor))
        case .loadDetail(let requestID, let eventID):
            guard let event = try store.event(id: eventID) else {
                actions.append(.detailLoaded(requestID: requestID, nil))
                return actions
            }
            let template = try event.templateID.flatMap { try store.template(of: $0) }
            // With a team database, the event's links, notes and star are the team's.
            let shared = team?.annotations(of: event, eventID: eventID)
            let detail = EventDetail(
                event: event,
                links: try shared?.links ?? store.links(eventID: eventID),
                notes: try shared?.notes ?? store.notes(eventID: eventID),
                isStarred: try shared?.starred ?? store.isStarred(eventID: eventID),
                tags: try store.tags(eventID: eventID),
                trace: try TraceTreeLoader.tree(of: event, store: store),
                template: template?.template, templateEventCount: template?.events ?? 0,
                series: try SeriesExcerptLoader.excerpt(of: event, store: store)
            )
            actions.append(.detailLoaded(requestID: requestID, detail))
        case .loadNotes(let requestID, let investigationID):
            let notes = try store.notes(investigationID: investigationID)
            actions.append(.notesLoaded(requestID: requestID, investigationID: investigationID, notes))
            actions.append(.noteEditsLoaded(investigationID: investigationID, try lastEdits(of: notes)))
        case .loadAuditTrail(let requestID, let investigationID):
            actions.append(.auditTrailLoaded(requestID: requestID, investigationID: investigationID, try store.auditTrail(investigationID: investigationID)))
        case .loadSubscriptions(let requestID, let investigationID):
            actions.append(.subscriptionsLoaded(requestID: requestID, investigationID: investigationID, try store.subscriptions(investigationID: investigationID)))
        case .toggleSubscription(let requestID, let subscriptionID, let investigationID):
            try store.toggleSubscription(id: subscriptionID, investigationID: investigationID)
            actions.append(.subscriptionsLoaded(requestID: requestID, investigationID: investigationID, try store.subscriptions(investigationID: investigationID)))
        case .setStar(let eventID, let starred):
            if starred {
                try store.star(eventID: eventID)
            } else {
                try store.unstar(eventID: eventID)
            }
        case .addTag(let eventID, let tag):
            try store.addTag(tag, eventID: eventID)
        case .removeTag(let eventID, let tag):
            _ = try store.removeTag(tag, eventID: eventID)
        case .link(let eventID, let investigationID):
            try store.link(eventID: eventID, toInvestigation: investigationID)
        case .unlink(let eventID, let investigationID):
            _ = try store.unlink(eventID: eventID, fromInvestigation: investigationID)
        case .createInvestigation(let draft):
            var investigation = Investigation(title: draft.title)
            draft.apply(to: &investigation)
            let saved = try store.createInvestigation(investigation)
            if let id = saved.id { actions.append(.investigationSaved(id: id)) }
        case .updateInvestigation(let id, let draft, _):
            guard var investigation = try store.investigation(id: id) else { return actions }
            draft.apply(to: &investigation)
            _ = try store.updateInvestigation(investigation)
            actions.append(.investigationSaved(id: id))
        case .saveNote(let draft):
            if let id = draft.id {
                _ = try store.editNote(id: id, body: draft.body)
            } else {
                try store.addNote(investigationID: draft.investigationID, eventID: draft.eventID, body: draft.body)
            }
        case .exportInvestigation(let investigationID, let format, let path):
            let paths = try CanvasExport(store: store, environment: ProcessInfo.processInfo.environment)
                .write(investigationID: investigationID, formatName: format, path: path, now: now)
            actions.append(.exportFinished(investigationID: investigationID, paths: paths))
        case .rankSuspects(let requestID, let time):
            actions.append(rankSuspects(requestID: requestID, at: time))
        case .linkEvents(let query, let investigationID, let reason, let limit):
            let sql = FilterSQLCompiler.compile(query, now: now)
            let events = try store.window(sql, anchor: .oldest, limit: limit + 1)
            for event in events.prefix(limit) {
                try store.link(eventID: event.id, toInvestigation: investigationID, reason: reason)
            }
            actions.append(.eventsLinked(investigationID: investigationID, count: min(events.count, limit), capped: events.count > limit))
        case .loadFilterMemory:
            actions.append(.filterMemoryLoaded(history: try store.filterHistory(), views: try store.savedViews(), tags: try store.allTags().map(\.tag)))
        case .recordFilter(let text):
            try store.recordFilter(text)
        case .saveView(let view):
            try store.saveView(view)
        case .deleteView(let name):
            try store.deleteView(named: name)
        case .openExternalEditor, .quit, .copyToClipboard, .copyEventLink, .switchTheme:
            // Handled on the UI thread by the runtime.
            break
        }
        return actions
    }

    /// The overlay's rows: counts, the compare with the window just before, or the spans per service.
    private func breakdown(_ request: BreakdownRequest, now: Timestamp, cancellation: QueryCancellation?) throws -> BreakdownResult {
        let sql = FilterSQLCompiler.compile(request.query, now: now)
        switch request.mode {
        case .counts:
            return .counts(try store.breakdown(sql, by: request.dimensions, in: request.window, limit: request.limit, cancellation: cancellation))
        case .compare:
            return .compare(try store.comparison(sql, by: request.dimensions, in: request.window, limit: request.limit, cancellation: cancellation))
        case .traces:
            return .traces(try store.traceBreakdown(in: request.window))
        }
    }

    /// Up to half of `limit` events before `cursor` and the rest at or after it (its own event
    /// first when it matches), with one extra row each way to tell whether an end was reached.
    private func windowAround(
        requestID: Int, query: TimelineQuery, centre: WindowCentre, limit: Int, now: Timestamp, cancellation: QueryCancellation?
    ) throws -> CanvasAction {
        let sql = FilterSQLCompiler.compile(query, now: now)
        let beforeAnchor: WindowAnchor
        let afterAnchor: WindowAnchor
        switch centre {
        case .event(let cursor):
            // The event itself comes first after the rows before it.
            beforeAnchor = .before(cursor)
            afterAnchor = .after(EventCursor(timestamp: cursor.timestamp, id: cursor.id - 1))
        case .time(let time):
            beforeAnchor = .before(.start(of: time))
            afterAnchor = .atOrAfter(time)
        }
        let wantedBefore = max(1, limit / 2)
        var before = try store.window(sql, anchor: beforeAnchor, limit: wantedBefore + 1, cancellation: cancellation)
        let reachedStart = before.count <= wantedBefore
        if !reachedStart { before.removeFirst() }
        let wantedAfter = max(1, limit - before.count)
        var after = try store.window(sql, anchor: afterAnchor, limit: wantedAfter + 1, cancellation: cancellation)
        let reachedEnd = after.count <= wantedAfter
        if !reachedEnd { after.removeLast() }
        return .windowLoaded(requestID: requestID, rows: before + after, anchor: afterAnchor, reachedStart: reachedStart, reachedEnd: reachedEnd)
    }

    /// Ranks the suspects at `time` (or at the latest error burst); a failure is a result the
    /// overlay shows, not an effect failure.
    private func rankSuspects(requestID: Int, at time: Timestamp?) -> CanvasAction {
        let analysis = SuspectAnalysis()
        do throws(AnalysisError) {
            let at: Timestamp
            if let time { at = time } else { at = try analysis.incidentTime(in: store) }
            return .suspectsRanked(requestID: requestID, time: at, try analysis.suspects(in: store, at: at))
        } catch {
            switch error {
            case .noIncidentTime:
                return .suspectsFailed(requestID: requestID, "No error events to start from — select an event and press S again")
            case .storeUnreadable:
                return .suspectsFailed(requestID: requestID, "\(error)")
            }
        }
    }

    /// The latest audit entry of each note (notes without one are left out).
    private func lastEdits(of notes: [Note]) throws -> [Int64: AuditEntry] {
        try store.lastEdits(noteIDs: notes.compactMap(\.id))
    }

    /// The latest change to each investigation's own fields.
    private func lastEdits(of items: [InvestigationSummary]) throws -> [Int64: AuditEntry] {
        try store.lastEdits(investigationIDs: items.compactMap(\.investigation.id))
    }
}

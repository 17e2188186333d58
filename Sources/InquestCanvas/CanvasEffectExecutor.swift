import Foundation
import InquestCore
import InquestStore
import InquestTeam
import InquestViewModel

/// Performs one view-model effect against the store, synchronously, and returns the
/// actions that report its result. The runtime calls it on its effect thread; the canvas
/// benchmark calls it inline to measure keypress-to-frame without a terminal.
/// `.openExternalEditor` and `.quit` belong to the UI thread and return nothing here.
public struct CanvasEffectExecutor: Sendable {
    private let store: InquestStore
    /// The team database's side, when the canvas works on one (the investigation layer).
    private let team: TeamEffectExecutor?

    /// With `team`, the investigation layer's effects go to the team database (see ``TeamEffectExecutor``).
    public init(store: InquestStore, team: TeamSync? = nil) {
        self.store = store
        self.team = team.map(TeamEffectExecutor.init(sync:))
    }

    public func execute(_ effect: CanvasEffect) throws -> [CanvasAction] {
        if let team, let actions = try team.execute(effect) { return actions }
        var actions: [CanvasAction] = []
        let now = Timestamp.now()
        switch effect {
        case .loadWindow(let requestID, let query, let anchor, let limit):
            let sql = FilterSQLCompiler.compile(query, now: now)
            // One extra row tells whether the window touches the end it grows towards.
            let rows = try store.window(sql, anchor: anchor, limit: limit + 1)
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
        case .loadCount(let requestID, let query):
            let sql = FilterSQLCompiler.compile(query, now: now)
            let extent = try store.extent(sql)
            actions.append(.countLoaded(
                requestID: requestID, count: extent.count,
                oldest: extent.timeRange?.lowerBound, newest: extent.timeRange?.upperBound))
        case .loadHistogram(let requestID, let query, let from, let to, let buckets):
            let sql = FilterSQLCompiler.compile(query, now: now)
            let result = try store.histogram(sql, from: from, to: to, buckets: buckets)
            actions.append(.histogramLoaded(requestID: requestID, from: from, to: to, buckets: result))
        case .loadInvestigations(let requestID):
            let items = try store.investigations()
            actions.append(.investigationsLoaded(requestID: requestID, items))
            actions.append(.investigationEditsLoaded(try lastEdits(of: items)))
        case .loadFeedHealth(let requestID):
            actions.append(.feedHealthLoaded(requestID: requestID, try store.feedHealth()))
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
                template: template?.template, templateEventCount: template?.events ?? 0
            )
            actions.append(.detailLoaded(requestID: requestID, detail))
        case .loadNotes(let requestID, let investigationID):
            let notes = try store.notes(investigationID: investigationID)
            actions.append(.notesLoaded(requestID: requestID, investigationID: investigationID, notes))
            actions.append(.noteEditsLoaded(investigationID: investigationID, try lastEdits(of: notes)))
        case .loadAuditTrail(let requestID, let investigationID):
            actions.append(.auditTrailLoaded(requestID: requestID, investigationID: investigationID, try store.auditTrail(investigationID: investigationID)))
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
        case .updateInvestigation(let id, let draft):
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
        case .openExternalEditor, .quit:
            // Handled on the UI thread by the runtime.
            break
        }
        return actions
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

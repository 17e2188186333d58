import Foundation
import InquestCore
import InquestStore
import InquestViewModel
import Logging

/// Runs the reducer's store effects on a background thread, off the UI path, and posts the
/// results back as actions. Loads superseded by a newer load of the same kind are skipped
/// (the reducer would ignore their results anyway), so fast scrolling never queues work.
final class EffectRunner: @unchecked Sendable {
    private let store: InquestStore
    private let inbox: ActionInbox
    private let logger: Logger
    private let condition = NSCondition()
    private var queue: [CanvasEffect] = []
    private var stopped = false
    private var thread: Thread?
    private var lastToken: ChangeToken?
    private var lastPoll = ContinuousClock.now

    init(store: InquestStore, inbox: ActionInbox, logger: Logger) {
        self.store = store
        self.inbox = inbox
        self.logger = logger
    }

    func start() {
        lastToken = try? store.changeToken()
        let thread = Thread { [self] in self.loop() }
        thread.name = "inquest.effects"
        self.thread = thread
        thread.start()
    }

    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }

    func submit(_ effects: [CanvasEffect]) {
        guard !effects.isEmpty else { return }
        condition.lock()
        for effect in effects {
            if let kind = Self.coalescingKind(effect) {
                queue.removeAll { Self.coalescingKind($0) == kind }
            }
            queue.append(effect)
        }
        condition.broadcast()
        condition.unlock()
    }

    /// Effects of one kind where only the newest matters.
    private static func coalescingKind(_ effect: CanvasEffect) -> String? {
        switch effect {
        case .loadWindow: "window"
        case .loadCount: "count"
        case .loadHistogram: "histogram"
        case .loadInvestigations: "investigations"
        case .loadDetail: "detail"
        case .loadNotes: "notes"
        default: nil
        }
    }

    private func loop() {
        while true {
            condition.lock()
            while queue.isEmpty && !stopped {
                // Wake every 250 ms to notice other processes' writes.
                if !condition.wait(until: Date().addingTimeInterval(0.25)) { break }
            }
            if stopped {
                condition.unlock()
                return
            }
            let next = queue.isEmpty ? nil : queue.removeFirst()
            condition.unlock()
            if let next {
                perform(next)
            }
            pollForChanges()
        }
    }

    /// Posts `storeChanged` when any process committed something the canvas shows.
    private func pollForChanges() {
        let now = ContinuousClock.now
        guard now - lastPoll >= .milliseconds(250) else { return }
        lastPoll = now
        guard let token = try? store.changeToken() else { return }
        if token != lastToken {
            lastToken = token
            inbox.post(.storeChanged)
        }
    }

    private func perform(_ effect: CanvasEffect) {
        do {
            try execute(effect)
            if Self.coalescingKind(effect) == nil {
                // A write of ours: show it now rather than at the next poll.
                lastToken = try? store.changeToken()
                inbox.post(.storeChanged)
            }
        } catch {
            logger.error("effect failed", metadata: ["error": "\(error)"])
            inbox.post(.effectFailed("\(error)"))
        }
    }

    private func execute(_ effect: CanvasEffect) throws {
        let now = Timestamp.now()
        switch effect {
        case .loadWindow(let requestID, let query, let anchor, let limit):
            let sql = try StoreQuery.sql(for: query, now: now)
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
            inbox.post(.windowLoaded(requestID: requestID, rows: trimmed, anchor: anchor, reachedStart: reachedStart, reachedEnd: reachedEnd))
        case .loadCount(let requestID, let query):
            let sql = try StoreQuery.sql(for: query, now: now)
            let count = try store.count(sql)
            let range = try store.timeRange(sql)
            inbox.post(.countLoaded(requestID: requestID, count: count, oldest: range?.lowerBound, newest: range?.upperBound))
        case .loadHistogram(let requestID, let query, let from, let to, let buckets):
            let sql = try StoreQuery.sql(for: query, now: now)
            let result = try store.histogram(sql, from: from, to: to, buckets: buckets)
            inbox.post(.histogramLoaded(requestID: requestID, from: from, to: to, buckets: result))
        case .loadInvestigations(let requestID):
            inbox.post(.investigationsLoaded(requestID: requestID, try store.investigations()))
        case .loadDetail(let requestID, let eventID):
            guard let event = try store.event(id: eventID) else {
                inbox.post(.detailLoaded(requestID: requestID, nil))
                return
            }
            let detail = EventDetail(
                event: event,
                links: try store.links(eventID: eventID),
                notes: try store.notes(eventID: eventID),
                isStarred: try store.isStarred(eventID: eventID),
                tags: try store.tags(eventID: eventID)
            )
            inbox.post(.detailLoaded(requestID: requestID, detail))
        case .loadNotes(let requestID, let investigationID):
            inbox.post(.notesLoaded(requestID: requestID, investigationID: investigationID, try store.notes(investigationID: investigationID)))
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
            if let id = saved.id { inbox.post(.investigationSaved(id: id)) }
        case .updateInvestigation(let id, let draft):
            guard var investigation = try store.investigation(id: id) else { return }
            draft.apply(to: &investigation)
            _ = try store.updateInvestigation(investigation)
            inbox.post(.investigationSaved(id: id))
        case .saveNote(let draft):
            if let id = draft.id {
                _ = try store.editNote(id: id, body: draft.body)
            } else {
                try store.addNote(investigationID: draft.investigationID, eventID: draft.eventID, body: draft.body)
            }
        case .openExternalEditor, .quit:
            // Handled on the UI thread by the runtime.
            break
        }
    }
}

extension InvestigationDraft {
    func apply(to investigation: inout Investigation) {
        investigation.title = title
        investigation.status = status
        investigation.severity = severity
        investigation.owner = owner
        investigation.rootCause = rootCause
        investigation.impact = impact
    }
}

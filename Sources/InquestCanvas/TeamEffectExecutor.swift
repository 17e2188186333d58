import Foundation
import InquestCore
import InquestStore
import InquestTeam
import InquestViewModel

/// The effects of the investigation layer run against the team database when the canvas has
/// one: investigations, notes, links, stars, tags and the audit trail come from and go to it;
/// everything else (the timeline, details of the event itself, exports) stays on the local
/// store. Writes go through ``TeamSync`` (the outbox first), so a change made offline waits and
/// the status line says so. Events are matched between the two by dedupe key: a team note about
/// an event this store has shows with the local event's id.
///
/// A read the database cannot answer because it is unreachable is not an error to show: the
/// canvas keeps what it last loaded, the status line turns to "team offline, N pending", and the
/// listener's reconnect reloads everything (``TeamLiveUpdates``).
struct TeamEffectExecutor: Sendable {
    let sync: TeamSync
    var store: InquestStore { sync.store }
    var team: TeamDatabase { sync.database }

    /// The actions reporting `effect`'s result, or nil when the effect is not the team's.
    func execute(_ effect: CanvasEffect) throws -> [CanvasAction]? {
        do {
            return try run(effect)
        } catch let error as TeamError {
            guard case .unreachable(let reason) = error else { throw CanvasError.team(error.message) }
            return [.teamLinkChanged(TeamLinkState(isOnline: false, pending: (try? sync.pendingCount()) ?? 0, reason: reason))]
        }
    }

    private func run(_ effect: CanvasEffect) throws -> [CanvasAction]? {
        switch effect {
        case .loadInvestigations(let requestID):
            let items = try read { try await $0.investigations() }
            return [.investigationsLoaded(requestID: requestID, items), .investigationEditsLoaded([:])]
        case .loadNotes(let requestID, let investigationID):
            let notes = try read { try await $0.notes(investigationID: investigationID) }.map(localNote)
            return [.notesLoaded(requestID: requestID, investigationID: investigationID, notes), .noteEditsLoaded(investigationID: investigationID, [:])]
        case .loadAuditTrail(let requestID, let investigationID):
            let trail = try read { try await $0.auditTrail(investigationID: investigationID) }
            return [.auditTrailLoaded(requestID: requestID, investigationID: investigationID, trail)]
        case .createInvestigation(let draft):
            var investigation = Investigation(title: draft.title)
            draft.apply(to: &investigation)
            let outcome = try submit(.createInvestigation(investigation))
            var actions = [CanvasAction.teamLinkChanged(link(after: outcome))]
            if case .applied(let id?) = outcome { actions.append(.investigationSaved(id: id)) }
            return actions
        case .updateInvestigation(let id, let draft, let original):
            // Only what this user changed in the form travels (no read: it works offline, and a
            // field a teammate set meanwhile is not overwritten with the value the form opened on).
            var before = Investigation(title: original.title)
            original.apply(to: &before)
            var after = before
            draft.apply(to: &after)
            let fields = InvestigationField.changed(from: before, to: after)
            guard !fields.isEmpty else { return [.investigationSaved(id: id)] }
            let outcome = try submit(.updateInvestigation(.id(id), values: after, fields: fields))
            return [.teamLinkChanged(link(after: outcome)), .investigationSaved(id: id)]
        case .saveNote(let draft):
            let change: TeamChange
            if let id = draft.id {
                change = .editNote(noteID: id, body: draft.body) { try? record($0) }
            } else {
                change = .addNote(.id(draft.investigationID), event: try draft.eventID.map(record), body: draft.body) { try? record($0) }
            }
            return [.teamLinkChanged(link(after: try submit(change)))]
        case .link(let eventID, let investigationID):
            return [.teamLinkChanged(link(after: try submit(.link(.id(investigationID), event: try record(eventID), reason: nil))))]
        case .unlink(let eventID, let investigationID):
            return [.teamLinkChanged(link(after: try submit(.unlink(.id(investigationID), eventKey: try record(eventID).dedupeKey))))]
        case .setStar(let eventID, let starred):
            // Kept locally too: the timeline's star flags are read from the local store.
            if starred { try store.star(eventID: eventID) } else { try store.unstar(eventID: eventID) }
            let event = try record(eventID)
            return [.teamLinkChanged(link(after: try submit(starred ? .star(event) : .unstar(eventKey: event.dedupeKey))))]
        case .addTag(let eventID, let tag):
            try store.addTag(tag, eventID: eventID)
            return [.teamLinkChanged(link(after: try submit(.addTag(try record(eventID), tag: tag))))]
        case .removeTag(let eventID, let tag):
            _ = try store.removeTag(tag, eventID: eventID)
            return [.teamLinkChanged(link(after: try submit(.removeTag(eventKey: try record(eventID).dedupeKey, tag: tag))))]
        default:
            return nil
        }
    }

    /// The team's links and notes of a local event, for its details (empty when offline).
    func annotations(of event: Event, eventID: Int64) -> (links: [EventLink], notes: [Note], starred: Bool)? {
        let key = event.dedupeKey.hex
        return try? read { team in
            let links = try await team.links(eventKey: key).map {
                EventLink(investigationID: $0.investigationID, eventID: eventID, linkedBy: $0.linkedBy, linkedAt: $0.linkedAt, reason: $0.reason)
            }
            let notes = try await team.notes(eventKey: key).map { shared -> Note in
                var note = localNote(shared)
                note.eventID = eventID
                return note
            }
            return (links, notes, try await team.isStarred(eventKey: key))
        }
    }

    /// `body`'s answer from the team database; its ``TeamError`` as thrown (see ``execute(_:)``).
    private func read<T: Sendable>(_ body: @escaping @Sendable (TeamDatabase) async throws -> T) throws -> T {
        let team = self.team
        return try BlockingAsync.run { try await body(team) }
    }

    private func submit(_ kind: TeamChange.Kind) throws -> TeamSync.Outcome {
        try submit(TeamChange(kind: kind))
    }

    private func submit(_ change: TeamChange) throws -> TeamSync.Outcome {
        let sync = self.sync
        let outcome = try BlockingAsync.run { try await sync.submit(change) }
        if case .refused(let reason) = outcome { throw CanvasError.team("the team database refused the change: \(reason)") }
        return outcome
    }

    private func link(after outcome: TeamSync.Outcome) -> TeamLinkState {
        switch outcome {
        case .pending(let pending, let reason): TeamLinkState(isOnline: false, pending: pending, reason: reason)
        default: TeamLinkState(isOnline: true, pending: (try? sync.pendingCount()) ?? 0)
        }
    }

    /// The record of a local event, to share it.
    private func record(_ eventID: Int64) throws -> EventRecord {
        guard let event = try store.event(id: eventID) else { throw CanvasError.team("event #\(eventID) is not in the store") }
        return EventRecord(event, eventID: eventID)
    }

    /// A team note as the notes pane shows it: about the local event with its dedupe key, if this
    /// store has it, and citing by local id the events this store has.
    private func localNote(_ shared: TeamNote) -> Note {
        var note = shared.note
        note.eventID = shared.eventKey.flatMap(localID)
        note.body = TeamCitation.local(note.body, eventID: localID)
        return note
    }

    private func localID(_ key: String) -> Int64? { sync.localEventID(key) }
}

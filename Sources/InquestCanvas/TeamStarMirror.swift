import Foundation
import InquestCore
import InquestStore
import InquestTeam

/// Copies the team's stars onto this store's events, so a teammate's star shows as the
/// timeline's ★ (the timeline's flags are read from the local store, as its rows are). A star
/// notice stars or unstars the local event with that dedupe key, if the store has it; on each
/// (re)connect every team star is copied, so stars made while this canvas was closed or offline
/// show too. Unstars made meanwhile are not replayed on connect: a local star stays until a
/// notice removes it or the user does.
struct TeamStarMirror: Sendable {
    let sync: TeamSync

    /// Applies a star or unstar announced by `notice`; false when it is not about a star of an
    /// event this store has, or nothing changed.
    @discardableResult
    func apply(_ notice: TeamChangeNotice) throws -> Bool {
        guard notice.entity == .star, let key = notice.eventKey, let eventID = sync.localEventID(key) else { return false }
        let starred = try sync.store.isStarred(eventID: eventID)
        switch notice.action {
        case .create where !starred:
            try sync.store.star(eventID: eventID, by: notice.actor, at: notice.at)
        case .delete where starred:
            try sync.store.unstar(eventID: eventID)
        default:
            return false
        }
        return true
    }

    /// Stars every local event the team has starred; returns how many were newly starred.
    @discardableResult
    func copyAll() async throws -> Int {
        var copied = 0
        for key in try await sync.database.starredEventKeys() {
            guard let eventID = sync.localEventID(key), try !sync.store.isStarred(eventID: eventID) else { continue }
            try sync.store.star(eventID: eventID, by: "team")
            copied += 1
        }
        return copied
    }
}

extension TeamSync {
    /// This store's id of the event with dedupe key `key` (hex), if it has it.
    func localEventID(_ key: String) -> Int64? {
        DedupeKey(hex: key).flatMap { try? store.eventID(dedupeKey: $0) }
    }
}

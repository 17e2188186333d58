import Foundation
import InquestCore
import InquestStore
import Synchronization

/// Sends an investigator's changes to the team database through the local store's outbox:
/// every change is first kept in the outbox (so nothing typed is lost), then the outbox is sent
/// in order, each change in its own transaction and recorded there by id, and removed here once
/// the database has it. A change cut off between the two is sent again and applied once. While
/// the database is unreachable the changes wait; ``flush()`` sends them when it is back.
public final class TeamSync: Sendable {
    public let database: TeamDatabase
    public let store: InquestStore
    /// How the outbox names this team database (its URL without the password).
    public let team: String
    private let lock = AsyncSerialLock()
    /// Set when sending found the database unreachable, cleared by a flush that reaches it:
    /// while set, ``submit(_:)`` only keeps the change (a write does not wait for a connect
    /// timeout each time); ``flush()`` always tries.
    private let offline = Atomic<Bool>(false)

    public init(database: TeamDatabase, store: InquestStore) {
        self.database = database
        self.store = store
        self.team = database.url.description
    }

    /// What became of a submitted change.
    public enum Outcome: Sendable, Hashable {
        /// The database has it; the id it created (an investigation's or a note's), if any.
        case applied(createdID: Int64?)
        /// It waits in the outbox (the database is unreachable) with `pending` others.
        case pending(pending: Int, reason: String)
        /// The database refused it (it is kept in the outbox, set aside).
        case refused(String)
    }

    /// What one ``flush()`` did.
    public struct FlushResult: Sendable, Hashable {
        public var sent: Int = 0
        public var refused: Int = 0
        public var pending: Int = 0
        /// Why sending stopped early (the database became unreachable), if it did.
        public var stoppedBecause: String?
        /// The ids created by the changes sent, by change id.
        public var createdIDs: [UUID: Int64] = [:]
        /// Why each refused change was refused, by change id.
        public var refusals: [UUID: String] = [:]
    }

    /// Keeps `change` in the outbox, then sends the outbox in order.
    @discardableResult
    public func submit(_ change: TeamChange) async throws -> Outcome {
        try store.enqueueTeamChange(changeID: change.id.uuidString, team: team, payload: try change.encoded(), at: change.madeAt)
        if offline.load(ordering: .acquiring) {
            return .pending(pending: try pendingCount(), reason: "the team database was unreachable")
        }
        let result = await flush()
        if let reason = result.refusals[change.id] { return .refused(reason) }
        if let reason = result.stoppedBecause, try store.pendingTeamChanges(team: team, limit: Int.max)
            .contains(where: { $0.changeID == change.id.uuidString })
        {
            return .pending(pending: result.pending, reason: reason)
        }
        return .applied(createdID: result.createdIDs[change.id])
    }

    /// Sends every waiting change, oldest first, until the outbox is empty or the database is
    /// unreachable. One flush at a time (a second waits), so the order holds.
    @discardableResult
    public func flush() async -> FlushResult {
        let result = (try? await lock.withLock { await self.sendPending() }) ?? FlushResult()
        offline.store(result.stoppedBecause != nil, ordering: .releasing)
        return result
    }

    /// Whether the last attempt found the database unreachable.
    public var isOffline: Bool { offline.load(ordering: .acquiring) }

    /// How many changes wait in the outbox.
    public func pendingCount() throws -> Int {
        try store.pendingTeamChangeCount(team: team)
    }

    private func sendPending() async -> FlushResult {
        var result = FlushResult()
        while true {
            let batch: [TeamOutboxEntry]
            do {
                batch = try store.pendingTeamChanges(team: team, limit: 100)
            } catch {
                result.stoppedBecause = "\(error)"
                break
            }
            if batch.isEmpty { break }
            for entry in batch {
                let change: TeamChange
                do {
                    change = try TeamChange(decoding: entry.payload)
                } catch {
                    try? store.refuseTeamChange(seq: entry.seq, reason: "unreadable change: \(error)")
                    result.refused += 1
                    continue
                }
                do {
                    let created = try await database.apply(change)
                    try store.removeTeamChange(seq: entry.seq)
                    result.sent += 1
                    if let created { result.createdIDs[change.id] = created }
                } catch let error as TeamError {
                    if error.waits {
                        try? store.recordTeamChangeFailure(seq: entry.seq, reason: error.message)
                        result.stoppedBecause = error.message
                        result.pending = (try? store.pendingTeamChangeCount(team: team)) ?? 0
                        return result
                    }
                    try? store.refuseTeamChange(seq: entry.seq, reason: error.message)
                    result.refused += 1
                    result.refusals[change.id] = error.message
                } catch {
                    result.stoppedBecause = "\(error)"
                    result.pending = (try? store.pendingTeamChangeCount(team: team)) ?? 0
                    return result
                }
            }
        }
        result.pending = (try? store.pendingTeamChangeCount(team: team)) ?? 0
        return result
    }
}

extension TeamError {
    /// Whether a change that met this error waits in the outbox to be sent again (the database
    /// is unreachable or not yet migrated) rather than being refused.
    var waits: Bool {
        switch self {
        case .unreachable, .notMigrated: true
        default: false
        }
    }
}

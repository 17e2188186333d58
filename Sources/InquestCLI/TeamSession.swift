import Foundation
import InquestCore
import InquestStore
import InquestTeam

/// What a team command works with: the local store (for its outbox and its events), the team
/// database and the sync between them.
struct TeamSession: Sendable {
    let store: InquestStore
    let database: TeamDatabase
    let sync: TeamSync

    init(team: TeamOptions, store options: StoreOptions) throws {
        let url = try team.requireURL()
        store = try options.open()
        database = TeamDatabase(url: url)
        sync = TeamSync(database: database, store: store)
    }

    /// Nil when the team database answers (its migrations are applied if missing), else why not.
    func offlineReason() async -> String? {
        do {
            try await database.migrate()
            await database.close()
            return nil
        } catch {
            await database.close()
            return error.message
        }
    }

    /// Sends `change` through the outbox and says what became of it (one line); returns the id
    /// the change created, if it was applied.
    @discardableResult
    func submit(_ change: TeamChange, describing what: String) async throws -> Int64? {
        let outcome = try await sync.submit(change)
        await database.close()
        switch outcome {
        case .applied(let created):
            print(created.map { "\(what) #\($0)" } ?? what)
            return created
        case .pending(let pending, let reason):
            print("team offline, \(pending) pending: \(what) waits in the outbox (\(reason))")
            return nil
        case .refused(let reason):
            throw CLIFailure("\(what) refused: \(reason)")
        }
    }

    /// The record of local event `id`, with its raw record, to share as evidence.
    func record(ofEvent id: Int64) throws -> EventRecord {
        guard let event = try store.event(id: id) else { throw CLIFailure("no event #\(id) in \(store.path)") }
        return EventRecord(event, eventID: id)
    }
}

import ArgumentParser
import Foundation
import InquestCore
import InquestStore
import InquestTeam

/// `inquest team ...`: the team database (PostgreSQL) that investigators share. Writes go
/// through the local store's outbox, so a change made while the database is unreachable waits
/// there ("team offline, N pending") and `inquest team sync` (or the next write) sends it.
struct TeamCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "team",
        abstract: "Work on the shared team database: migrate, status, sync, create, note, set, link, evidence, audit, listen.",
        discussion: """
            The team database is given by --team postgres://USER@HOST:PORT/DATABASE, else $INQUEST_TEAM, \
            else the first line of ~/.config/inquest/team. Authors are database roles. Changes made while it \
            is unreachable are kept in the local store (--db) and sent in order, once each, when it returns.
            """,
        subcommands: [
            Migrate.self, Status.self, Sync.self, Create.self, AddNote.self, SetFields.self, Link.self, Evidence.self, Audit.self, Listen.self,
        ]
    )

    struct Migrate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Apply the team database's migrations (needs a role that may create tables).")
        @OptionGroup var team: TeamOptions

        func run() throws {
            let url = try team.requireURL()
            let applied = try BlockingAsync.run {
                return try await TeamDatabase.using(url: url) { database in
                    try await Self.failing { try await database.migrate() }
                }
            }
            print(applied.isEmpty ? "\(url): up to date" : applied.map { "applied \($0)" }.joined(separator: "\n"))
        }

        /// Runs `body`, turning a ``TeamError`` into the CLI's one-line failure.
        static func failing<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
            do {
                return try await body()
            } catch let error as TeamError {
                throw CLIFailure(error.message)
            }
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Say whether the team database is reachable and what waits in the outbox.")
        @OptionGroup var team: TeamOptions
        @OptionGroup var store: StoreOptions

        func run() throws {
            let session = try TeamSession(team: team, store: store)
            let offlineReason = try BlockingAsync.run { await session.offlineReason() }
            let pending = try session.sync.pendingCount()
            let refused = try session.store.refusedTeamChanges(team: session.sync.team)
            print(offlineReason.map { "team offline, \(pending) pending (\($0))" } ?? "team online: \(session.sync.team), \(pending) pending")
            for entry in refused {
                print("refused \(entry.changeID) from \(entry.createdAt.iso8601): \(entry.lastError ?? "")")
            }
        }
    }

    struct Sync: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Send the changes waiting in the outbox, in order.")
        @OptionGroup var team: TeamOptions
        @OptionGroup var store: StoreOptions

        func run() throws {
            let session = try TeamSession(team: team, store: store)
            let result = try BlockingAsync.run { await session.sync.flush() }
            print("sent \(result.sent), refused \(result.refused), \(result.pending) pending")
            if let reason = result.stoppedBecause {
                throw CLIFailure("team offline, \(result.pending) pending: \(reason)")
            }
        }
    }
}

import Foundation
import InquestCore
import InquestExchange
import InquestStore
import InquestTeam

/// `inquest bundle`, `export` and `import` when a team database is configured: the same files
/// as from a local store, read from or written to the team's investigation layer. A team
/// investigation is read as one ``InvestigationBundle`` (``TeamDatabase/bundle(investigationID:provenance:)``),
/// which `bundle` writes as it is and `export` imports into a store in memory to build the
/// report from, so every format renders through the one report builder. `import` sends a file's
/// investigation to the team as changes through the outbox (``TeamBundleImport``).
enum TeamExchange {
    /// The bundle of the team investigation `reference` names (its id, `#id`, or exact title).
    static func bundle(_ reference: String, url: TeamURL) throws -> InvestigationBundle {
        try BlockingAsync.run {
            try await TeamDatabase.using(url: url) { database in
                try await TeamCommand.Migrate.failing {
                    let id = try await TeamExchange.resolve(reference, in: database)
                    return try await database.bundle(investigationID: id)
                }
            }
        }
    }

    /// The id of the team investigation `reference` names.
    static func resolve(_ reference: String, in database: TeamDatabase) async throws -> Int64 {
        let trimmed = reference.trimmingCharacters(in: .whitespaces)
        let digits = trimmed.hasPrefix("#") ? String(trimmed.dropFirst()) : trimmed
        if let id = Int64(digits), try await database.investigation(id: id) != nil { return id }
        let matches = try await database.investigations().filter { $0.investigation.title == trimmed }
        guard matches.count == 1, let id = matches[0].investigation.id else {
            throw CLIFailure("no investigation \(reference.debugDescription) in the team database \(database.url)")
        }
        return id
    }

    /// `bundle` imported into an empty store in memory, and the investigation's id there (what
    /// the report builder reads).
    static func scratchStore(holding bundle: InvestigationBundle) throws -> (store: InquestStore, investigationID: Int64) {
        let store = try InquestStore.inMemory()
        _ = try BundleImporter(format: BundleCodec.format).importBundle(bundle, into: store)
        guard let id = try store.investigations().first?.investigation.id else {
            throw CLIFailure("the team investigation #\(bundle.manifest.investigationID) could not be read into a store")
        }
        return (store, id)
    }

    /// Sends the investigation in `data` (a bundle or a JSON export) to the team database and
    /// returns the lines that say what became of it.
    static func importFile(_ data: Data, path: String, session: TeamSession) throws -> [String] {
        let (bundle, _) = try ExchangeFile.read(data, path: path)
        let identity = try BlockingAsync.run {
            try await TeamCommand.Migrate.failing { try await session.database.identity() }
        }
        let plan = TeamBundleImport(bundle: bundle, teamIdentity: identity)
        let changes = plan.changes()
        let outcomes = try BlockingAsync.run { () async throws -> [TeamSync.Outcome] in
            var outcomes: [TeamSync.Outcome] = []
            for change in changes { outcomes.append(try await session.sync.submit(change)) }
            await session.database.close()
            return outcomes
        }
        var applied = 0, pending = 0
        var lines: [String] = []
        for outcome in outcomes {
            switch outcome {
            case .applied: applied += 1
            case .pending: pending += 1
            case .refused(let reason): lines.append("refused: \(reason)")
            }
        }
        let investigation: String
        if plan.isFromThisTeam {
            investigation = "team investigation #\(bundle.manifest.investigationID) (the file came from this team database)"
        } else if case .applied(let id?) = outcomes.first {
            investigation = "team investigation #\(id)"
        } else {
            investigation = "a new team investigation"
        }
        lines.insert("\(investigation): \(changes.count) changes, \(applied) sent (a change sent before is applied once), \(pending) pending", at: 0)
        return lines
    }
}

import Foundation
import GRDB
import InquestCore

extension InquestStore {
    /// Keeps a change for the team database `team` at the end of the outbox and returns it.
    /// Enqueuing the same `changeID` twice keeps the first (a retried write adds nothing).
    @discardableResult
    public func enqueueTeamChange(changeID: String, team: String, payload: Data, at time: Timestamp = .now()) throws -> TeamOutboxEntry {
        try wrap("keeping a team change in the outbox") {
            try writer.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO team_outbox (change_id, team, payload, created_at) VALUES (?, ?, ?, ?)
                        ON CONFLICT (change_id) DO NOTHING
                        """,
                    arguments: [changeID, team, payload, time.nanoseconds])
                guard let row = try Row.fetchOne(
                    db, sql: "SELECT \(TeamOutboxEntry.selection) FROM team_outbox WHERE change_id = ?", arguments: [changeID])
                else { throw StoreError.notFound(what: "team outbox change", id: 0) }
                return TeamOutboxEntry(row: row)
            }
        }
    }

    /// The oldest `limit` changes waiting for `team`, in the order they were made (refused ones left out).
    public func pendingTeamChanges(team: String, limit: Int = 100) throws -> [TeamOutboxEntry] {
        try wrap("reading the team outbox") {
            try writer.read { db in
                try Row.fetchAll(
                    db, sql: "SELECT \(TeamOutboxEntry.selection) FROM team_outbox WHERE team = ? AND refused_at IS NULL ORDER BY seq LIMIT ?",
                    arguments: [team, max(0, limit)]
                ).map(TeamOutboxEntry.init(row:))
            }
        }
    }

    /// How many changes wait for `team` (refused ones left out).
    public func pendingTeamChangeCount(team: String) throws -> Int {
        try wrap("counting the team outbox") {
            try writer.read { db in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM team_outbox WHERE team = ? AND refused_at IS NULL", arguments: [team]) ?? 0
            }
        }
    }

    /// Removes a change the team database has taken.
    public func removeTeamChange(seq: Int64) throws {
        try wrap("removing a sent team change") {
            try writer.write { db in
                try db.execute(sql: "DELETE FROM team_outbox WHERE seq = ?", arguments: [seq])
            }
        }
    }

    /// Records a failed attempt to send a change (it stays first in line).
    public func recordTeamChangeFailure(seq: Int64, reason: String) throws {
        try wrap("recording a failed team change") {
            try writer.write { db in
                try db.execute(
                    sql: "UPDATE team_outbox SET attempts = attempts + 1, last_error = ? WHERE seq = ?", arguments: [reason, seq])
            }
        }
    }
}

extension InquestStore {
    /// Sets a change aside that the team database refused: it is kept (with the reason) and no
    /// longer sent.
    public func refuseTeamChange(seq: Int64, reason: String, at time: Timestamp = .now()) throws {
        try wrap("setting a refused team change aside") {
            try writer.write { db in
                try db.execute(
                    sql: "UPDATE team_outbox SET attempts = attempts + 1, last_error = ?, refused_at = ? WHERE seq = ?",
                    arguments: [reason, time.nanoseconds, seq])
            }
        }
    }

    /// The changes the team database refused, oldest first.
    public func refusedTeamChanges(team: String) throws -> [TeamOutboxEntry] {
        try wrap("reading refused team changes") {
            try writer.read { db in
                try Row.fetchAll(
                    db, sql: "SELECT \(TeamOutboxEntry.selection) FROM team_outbox WHERE team = ? AND refused_at IS NOT NULL ORDER BY seq",
                    arguments: [team]
                ).map(TeamOutboxEntry.init(row:))
            }
        }
    }
}

extension TeamOutboxEntry {
    static let selection = "seq, change_id, team, payload, created_at, attempts, last_error"

    init(row: Row) {
        self.init(
            seq: row["seq"], changeID: row["change_id"], team: row["team"], payload: row["payload"] as Data? ?? Data(),
            createdAt: Timestamp(nanoseconds: row["created_at"]), attempts: row["attempts"], lastError: row["last_error"])
    }
}

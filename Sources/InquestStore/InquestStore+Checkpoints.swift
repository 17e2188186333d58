import GRDB
import InquestCore

extension InquestStore {
    /// The stored resume position of an input, or nil when it was never ingested.
    public func checkpoint(key: String) throws -> Checkpoint? {
        try wrap("reading checkpoint \(key)") {
            try writer.read { db in
                try String.fetchOne(db, sql: "SELECT position FROM checkpoint WHERE key = ?", arguments: [key])
                    .map { Checkpoint(key: key, position: $0) }
            }
        }
    }

    /// All checkpoints, by key.
    public func checkpoints() throws -> [Checkpoint] {
        try wrap("listing checkpoints") {
            try writer.read { db in
                try Row.fetchAll(db, sql: "SELECT key, position FROM checkpoint ORDER BY key").map {
                    Checkpoint(key: $0["key"], position: $0["position"])
                }
            }
        }
    }

    static func saveCheckpoint(_ checkpoint: Checkpoint, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO checkpoint (key, position, updated_at) VALUES (?, ?, ?)
                ON CONFLICT (key) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at
                """,
            arguments: [checkpoint.key, checkpoint.position, Timestamp.now().nanoseconds])
    }
}

import GRDB
import InquestCore

extension InquestStore {
    /// A dead letter that now parses: stores `events` (skipping dedupe-key duplicates) and deletes
    /// the dead letter in ONE transaction, so a crash leaves either the dead letter or the events,
    /// never neither. Throws ``StoreError/notFound(what:id:)`` (storing nothing) when the dead
    /// letter is gone, e.g. replayed by another process meanwhile.
    @discardableResult
    public func resolveDeadLetter(id: Int64, with events: [Event]) throws -> AppendResult {
        let path = self.path
        return try wrap("replaying dead letter \(id)") {
            try writer.write { db in
                try db.execute(sql: "DELETE FROM dead_letter WHERE id = ?", arguments: [id])
                guard db.changesCount > 0 else { throw StoreError.notFound(what: "dead letter", id: id) }
                let result = try Self.insert(EventBatch(events: events), in: db, path: path)
                try Self.bumpRevision(db)
                return result
            }
        }
    }
}

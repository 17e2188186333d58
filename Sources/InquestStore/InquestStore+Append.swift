import GRDB
import InquestCore

extension InquestStore {
    /// Stores a batch in ONE write transaction: its events (skipping dedupe-key duplicates), its
    /// dead letters (an existing one with the same source and location gets its attempts
    /// incremented), its metric samples and spans (skipping those already stored) and its checkpoint. If anything fails, nothing of the batch is stored.
    ///
    /// The full-text index is not updated here; see ``indexFullText(maxRows:)``.
    @discardableResult
    public func append(_ batch: EventBatch) throws -> AppendResult {
        if batch.events.isEmpty && batch.deadLetters.isEmpty && batch.checkpoint == nil && batch.samples.isEmpty && batch.spans.isEmpty
            && batch.templates.isEmpty {
            return AppendResult(inserted: 0, duplicates: 0, firstID: nil, lastID: nil, deadLetters: 0)
        }
        let path = self.path
        return try wrap("append of \(batch.events.count) events") {
            try writer.write { db in try Self.insert(batch, in: db, path: path) }
        }
    }

    /// The body of ``append(_:)``, inside the caller's transaction (shared with the lease-guarded append).
    static func insert(_ batch: EventBatch, in db: Database, path: String) throws -> AppendResult {
        try Self.upsertTemplates(batch.templates, db)
        let outcome = batch.events.isEmpty ? EventInsertion.Outcome() : try EventInsertion.insert(batch.events, in: db, path: path)
        try Self.countTemplates(batch.events, inserted: outcome, db)
        for deadLetter in batch.deadLetters {
            try Self.upsertDeadLetter(deadLetter, db)
        }
        let samplesInserted = try Self.insertSamples(batch.samples, db)
        let spansInserted = try Self.insertSpans(batch.spans, db)
        if let checkpoint = batch.checkpoint {
            try Self.saveCheckpoint(checkpoint, db)
        }
        if outcome.inserted > 0 || !batch.deadLetters.isEmpty || samplesInserted > 0 || spansInserted > 0 {
            try Self.bumpRevision(db)
        }
        return AppendResult(
            inserted: outcome.inserted, duplicates: outcome.duplicates,
            firstID: outcome.firstID, lastID: outcome.lastID, deadLetters: batch.deadLetters.count,
            samplesInserted: samplesInserted, spansInserted: spansInserted)
    }
}

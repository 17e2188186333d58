import GRDB

extension InquestStore {
    /// How much WAL a bulk append lets grow before a commit checkpoints it (see ``deferWALCheckpoints()``):
    /// about 3M bench events. The WAL is a temporary copy on disk of what was stored, truncated to
    /// `journal_size_limit` by the checkpoint after the ingest.
    static let bulkWALBytes = 1 << 30

    /// Lets this store's commits leave up to ``bulkWALBytes`` in the WAL before checkpointing, instead
    /// of the usual 64 MiB; ``checkpointWAL()`` ends it. For a bulk append that should make its
    /// events browsable as soon as possible: a checkpoint copies every page a second time, from the
    /// WAL into the database file, and the commit that runs it holds up the next batch. Readers see
    /// committed rows whether they sit in the WAL or in the file.
    ///
    /// On 1M bench events (six runs each, interleaved): stored in 2.45 s (median) instead of
    /// 2.65 s, with the same CPU in all; the copying happens in ``checkpointWAL()``, beside the
    /// full-text indexing. A larger input still checkpoints every ``bulkWALBytes``. One
    /// checkpoint in the middle of an ingest costs about what the many small ones did (it also
    /// waits for the disk: the file is synced after it): 2M events stored in 5.2–6.6 s with a
    /// 512 MiB WAL, 5.1–6.0 s with the usual 64 MiB, and 4.2–5.0 s with none in the middle
    /// (three rounds, interleaved).
    ///
    /// Only this store's writer connection changes; other processes keep their own setting.
    public func deferWALCheckpoints() throws {
        try wrap("deferring WAL checkpoints") {
            try writer.writeWithoutTransaction { db in
                let pageSize = try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 4096
                try db.execute(sql: "PRAGMA wal_autocheckpoint = \(max(Self.walAutocheckpointPages, Self.bulkWALBytes / max(512, pageSize)))")
            }
        }
    }

    /// Restores the usual checkpoint interval and copies what the WAL holds into the database file
    /// (a passive checkpoint: it never waits for readers, and what a reader still needs is copied
    /// by a later commit). Without it, a large WAL would be checkpointed by whichever process
    /// commits next, a canvas saving a note for instance.
    public func checkpointWAL() throws {
        try wrap("checkpointing the WAL") {
            try writer.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA wal_autocheckpoint = \(Self.walAutocheckpointPages)")
                if writer is DatabasePool { _ = try db.checkpoint(.passive) }
            }
        }
    }
}

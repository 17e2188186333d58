import GRDB
import InquestCore

extension InquestStore {
    /// Takes or renews the lease of `feed` for `owner` until `now + ttl`: granted when nobody
    /// holds it, when `owner` already does, or when the holder's lease expired (a dead watcher).
    /// One transaction, so two watchers asking at once cannot both get it.
    ///
    /// `replacing` names a holder the caller knows to be dead (a crashed process on this host):
    /// its lease is taken at once instead of after its expiry, if it still holds it.
    public func claimLease(feed: String, owner: String, now: Timestamp, ttl: Duration, replacing deadHolder: String? = nil) throws -> FeedLeaseClaim {
        let expires = Timestamp(nanoseconds: now.nanoseconds &+ ttlNanoseconds(ttl))
        return try wrap("claiming the lease of feed \(feed)") {
            try writer.write { db in
                if let row = try Row.fetchOne(db, sql: "SELECT owner, expires_at FROM feed_lease WHERE feed = ?", arguments: [feed]) {
                    let holder: String = row["owner"]
                    let holderExpiry: Int64 = row["expires_at"]
                    if holder != owner && holderExpiry > now.nanoseconds && holder != deadHolder {
                        return .heldBy(owner: holder, expiresAt: Timestamp(nanoseconds: holderExpiry))
                    }
                    let acquiredAt = holder == owner ? nil : now.nanoseconds
                    try db.execute(
                        sql: "UPDATE feed_lease SET owner = ?, expires_at = ?, acquired_at = coalesce(?, acquired_at) WHERE feed = ?",
                        arguments: [owner, expires.nanoseconds, acquiredAt, feed])
                } else {
                    try db.execute(
                        sql: "INSERT INTO feed_lease (feed, owner, acquired_at, expires_at) VALUES (?, ?, ?, ?)",
                        arguments: [feed, owner, now.nanoseconds, expires.nanoseconds])
                }
                return .acquired(expiresAt: expires)
            }
        }
    }

    /// Gives the lease of `feed` up if `owner` holds it (a clean stop), so another watcher can take it at once.
    public func releaseLease(feed: String, owner: String) throws {
        try wrap("releasing the lease of feed \(feed)") {
            try writer.write { db in
                try db.execute(sql: "DELETE FROM feed_lease WHERE feed = ? AND owner = ?", arguments: [feed, owner])
            }
        }
    }

    /// The current holder of `feed`'s lease and its expiry, or nil.
    public func leaseHolder(feed: String) throws -> (owner: String, expiresAt: Timestamp)? {
        try wrap("reading the lease of feed \(feed)") {
            try writer.read { db in
                try Row.fetchOne(db, sql: "SELECT owner, expires_at FROM feed_lease WHERE feed = ?", arguments: [feed]).map {
                    (owner: $0["owner"] as String, expiresAt: Timestamp(nanoseconds: $0["expires_at"]))
                }
            }
        }
    }

    /// ``append(_:)`` for a feed: stores the batch only if `owner` holds the unexpired lease of
    /// `feed` at `now`, checked in the batch's own transaction; otherwise stores nothing and
    /// throws ``StoreError/leaseNotHeld(feed:holder:)``. This is what keeps a watcher that lost
    /// its lease (paused, partitioned from its clock) from writing next to the one that took over.
    @discardableResult
    public func append(_ batch: EventBatch, feed: String, leaseOwner owner: String, now: Timestamp) throws -> AppendResult {
        let path = self.path
        return try wrap("append of \(batch.events.count) events for feed \(feed)") {
            try writer.write { db in
                let row = try Row.fetchOne(db, sql: "SELECT owner, expires_at FROM feed_lease WHERE feed = ?", arguments: [feed])
                let holder: String = row?["owner"] ?? ""
                let expiry: Int64 = row?["expires_at"] ?? 0
                guard holder == owner, expiry > now.nanoseconds else {
                    throw StoreError.leaseNotHeld(feed: feed, holder: holder)
                }
                return try Self.insert(batch, in: db, path: path)
            }
        }
    }

    private func ttlNanoseconds(_ ttl: Duration) -> Int64 {
        let (seconds, attoseconds) = ttl.components
        return seconds &* 1_000_000_000 &+ attoseconds / 1_000_000_000
    }
}

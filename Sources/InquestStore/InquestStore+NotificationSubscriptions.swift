import Foundation
import GRDB
import InquestCore

extension InquestStore {
    /// Stores a new subscription (its `id` is ignored; an empty owner becomes the audit actor) and
    /// returns it with its id. Changes made from now on are queued for it.
    @discardableResult
    public func addSubscription(_ subscription: NotificationSubscription) throws -> NotificationSubscription {
        var stored = subscription
        if stored.owner.isEmpty { stored.owner = audit.actor }
        guard !stored.kinds.isEmpty else {
            throw StoreError.invalidValue(field: "events", value: "", reason: "name at least one kind of change")
        }
        let settings = try stored.settingsColumn()
        stored.id = try wrap("adding a \(stored.channel.kind) subscription") {
            try writer.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO notify_subscription (owner, channel, target, investigation_id, events, settings, enabled, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        stored.owner, stored.channel.kind, stored.channel.target, stored.investigationID, stored.eventsColumn(),
                        settings, stored.enabled, stored.createdAt.nanoseconds,
                    ])
                let id = db.lastInsertedRowID
                for investigation in stored.mutedInvestigations {
                    try Self.mute(db, subscription: id, investigation: investigation, by: stored.owner, at: stored.createdAt)
                }
                try Self.bumpRevision(db)
                return id
            }
        }
        return stored
    }

    /// Every subscription, oldest first; with `investigationID`, those that can deliver its
    /// changes (all-investigation ones, muted or not, and its own).
    public func subscriptions(investigationID: Int64? = nil) throws -> [NotificationSubscription] {
        try wrap("reading notification subscriptions") {
            try writer.read { db in
                var condition = "1"
                var arguments = StatementArguments()
                if let investigationID {
                    condition = "(investigation_id IS NULL OR investigation_id = ?)"
                    arguments += [investigationID]
                }
                return try Row.fetchAll(
                    db, sql: "SELECT \(NotificationSubscription.selection) FROM notify_subscription WHERE \(condition) ORDER BY id",
                    arguments: arguments
                ).map { try NotificationSubscription(row: $0) }
            }
        }
    }

    /// One subscription, or nil.
    public func subscription(id: Int64) throws -> NotificationSubscription? {
        try wrap("reading notification subscription \(id)") {
            try writer.read { db in
                try Row.fetchOne(
                    db, sql: "SELECT \(NotificationSubscription.selection) FROM notify_subscription WHERE id = ?", arguments: [id]
                ).map { try NotificationSubscription(row: $0) }
            }
        }
    }

    /// Deletes a subscription with its queued messages and dead letters.
    public func removeSubscription(id: Int64) throws {
        try wrap("removing notification subscription \(id)") {
            try writer.write { db in
                try db.execute(sql: "DELETE FROM notify_subscription WHERE id = ?", arguments: [id])
                guard db.changesCount > 0 else { throw StoreError.notFound(what: "notification subscription", id: id) }
                try Self.bumpRevision(db)
            }
        }
    }

    /// Turns a subscription on or off (off: nothing more is queued for it; queued messages stay).
    public func setSubscription(id: Int64, enabled: Bool) throws {
        try wrap("switching notification subscription \(id)") {
            try writer.write { db in
                try db.execute(sql: "UPDATE notify_subscription SET enabled = ? WHERE id = ?", arguments: [enabled, id])
                guard db.changesCount > 0 else { throw StoreError.notFound(what: "notification subscription", id: id) }
                try Self.bumpRevision(db)
            }
        }
    }

    /// Silences (or, with `muted: false`, restores) a subscription for one investigation.
    public func setSubscription(id: Int64, muted: Bool, investigationID: Int64) throws {
        try wrap("muting notification subscription \(id) for investigation \(investigationID)") {
            try writer.write { db in
                guard try Bool.fetchOne(db, sql: "SELECT 1 FROM notify_subscription WHERE id = ?", arguments: [id]) != nil else {
                    throw StoreError.notFound(what: "notification subscription", id: id)
                }
                if muted {
                    try Self.mute(db, subscription: id, investigation: investigationID, by: audit.actor, at: audit.now())
                } else {
                    try db.execute(
                        sql: "DELETE FROM notify_mute WHERE subscription_id = ? AND investigation_id = ?", arguments: [id, investigationID])
                }
                try Self.bumpRevision(db)
            }
        }
    }

    /// Flips whether a subscription delivers one investigation's changes: a subscription of that
    /// investigation alone is switched on or off; one of every investigation is muted or unmuted
    /// for it. Returns the subscription as it is after.
    @discardableResult
    public func toggleSubscription(id: Int64, investigationID: Int64) throws -> NotificationSubscription {
        guard let current = try subscription(id: id) else { throw StoreError.notFound(what: "notification subscription", id: id) }
        if current.investigationID == investigationID {
            try setSubscription(id: id, enabled: !current.enabled)
        } else {
            try setSubscription(id: id, muted: !current.mutedInvestigations.contains(investigationID), investigationID: investigationID)
        }
        guard let after = try subscription(id: id) else { throw StoreError.notFound(what: "notification subscription", id: id) }
        return after
    }

    private static func mute(_ db: Database, subscription: Int64, investigation: Int64, by actor: String, at time: Timestamp) throws {
        try db.execute(
            sql: "INSERT OR IGNORE INTO notify_mute (subscription_id, investigation_id, muted_by, muted_at) VALUES (?, ?, ?, ?)",
            arguments: [subscription, investigation, actor, time.nanoseconds])
    }
}

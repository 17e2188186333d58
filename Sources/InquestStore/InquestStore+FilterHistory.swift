import GRDB
import InquestCore

extension InquestStore {
    /// How many filters the history keeps; the least recently used go first.
    public static let filterHistoryLimit = 200

    /// The filters applied in this store, least recently used first, at most `limit` (the newest).
    public func filterHistory(limit: Int = filterHistoryLimit) throws -> [String] {
        try wrap("reading the filter history") {
            try writer.read { db in
                try String.fetchAll(db, sql: """
                    SELECT text FROM (SELECT text, used_at FROM filter_history ORDER BY used_at DESC, text LIMIT ?)
                    ORDER BY used_at, text
                    """, arguments: [max(0, limit)])
            }
        }
    }

    /// Records that a filter was applied (again) now; keeps the newest ``filterHistoryLimit``.
    public func recordFilter(_ text: String, at time: Timestamp = .now()) throws {
        guard !text.isEmpty else { return }
        try wrap("recording a filter in the history") {
            try writer.write { db in
                // Strictly increasing use times, so two filters applied in the same nanosecond
                // (or with a clock going back) keep their order.
                let latest = try Int64.fetchOne(db, sql: "SELECT MAX(used_at) FROM filter_history") ?? Int64.min
                let usedAt = max(time.nanoseconds, latest == Int64.max ? latest : latest + 1)
                try db.execute(sql: """
                    INSERT INTO filter_history (text, used_at) VALUES (?, ?)
                    ON CONFLICT(text) DO UPDATE SET used_at = excluded.used_at
                    """, arguments: [text, usedAt])
                try db.execute(sql: """
                    DELETE FROM filter_history WHERE text NOT IN
                      (SELECT text FROM filter_history ORDER BY used_at DESC LIMIT ?)
                    """, arguments: [Self.filterHistoryLimit])
            }
        }
    }

    /// Every saved view, by name.
    public func savedViews() throws -> [SavedView] {
        try wrap("reading the saved views") {
            try writer.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT name, filter, linked_investigation_id, only_opened, time_mode FROM saved_view ORDER BY name
                    """).map { row in
                    SavedView(name: row["name"], filter: row["filter"], linkedInvestigationID: row["linked_investigation_id"], onlyOpened: row["only_opened"], timeMode: row["time_mode"])
                }
            }
        }
    }

    /// Saves a view under its name, replacing one of the same name.
    public func saveView(_ view: SavedView, at time: Timestamp = .now()) throws {
        try wrap("saving the view \(view.name)") {
            try writer.write { db in
                try db.execute(sql: """
                    INSERT OR REPLACE INTO saved_view (name, filter, linked_investigation_id, only_opened, time_mode, saved_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [view.name, view.filter, view.linkedInvestigationID, view.onlyOpened, view.timeMode, time.nanoseconds])
            }
        }
    }

    /// Deletes a saved view; returns false when there was none of that name.
    @discardableResult
    public func deleteView(named name: String) throws -> Bool {
        try wrap("deleting the view \(name)") {
            try writer.write { db in
                try db.execute(sql: "DELETE FROM saved_view WHERE name = ?", arguments: [name])
                return db.changesCount > 0
            }
        }
    }
}

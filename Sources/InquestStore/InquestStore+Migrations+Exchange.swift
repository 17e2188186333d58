import Foundation
import GRDB

extension InquestStore {
    /// Tables for `inquest bundle` / `inquest import` (InquestExchange).
    ///
    /// - `store_identity`: a random id for this store, so that an investigation can be named
    ///   across stores (`<store id>:investigation:<id>`) whatever the file is called or where it moves.
    /// - `exchange_origin`: for every imported investigation, note and audit entry, the key it had
    ///   in the store it was first created in; re-importing finds the local row by that key
    ///   instead of creating another (idempotent import).
    /// - `investigation_origin`: where an imported investigation came from and who imported it.
    static func registerExchangeMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v11-exchange-origin") { db in
            try db.execute(sql: """
                CREATE TABLE store_identity (
                  id INTEGER PRIMARY KEY CHECK (id = 1),
                  store_id TEXT NOT NULL
                );
                CREATE TABLE exchange_origin (
                  entity TEXT NOT NULL,
                  origin_key TEXT NOT NULL,
                  local_id INTEGER NOT NULL,
                  PRIMARY KEY (entity, origin_key)
                ) WITHOUT ROWID;
                CREATE INDEX exchange_origin_by_local ON exchange_origin(entity, local_id);
                CREATE TABLE investigation_origin (
                  investigation_id INTEGER PRIMARY KEY REFERENCES investigation(id) ON DELETE CASCADE,
                  origin_key TEXT NOT NULL,
                  source_database TEXT NOT NULL,
                  source_host TEXT NOT NULL,
                  source_user TEXT NOT NULL,
                  original_id INTEGER NOT NULL,
                  format TEXT NOT NULL,
                  imported_at INTEGER NOT NULL,
                  imported_by TEXT NOT NULL
                );
                """)
            try db.execute(
                sql: "INSERT INTO store_identity (id, store_id) VALUES (1, ?)",
                arguments: [UUID().uuidString.lowercased()])
        }
    }
}

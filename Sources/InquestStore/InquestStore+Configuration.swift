import GRDB

extension InquestStore {
    /// How long a writer waits for another process's write transaction before giving up.
    static let busyTimeoutSeconds: Double = 5

    /// Connection settings shared by the writer and the readers.
    ///
    /// Pragmas go in `prepareDatabase` because `synchronous` cannot change inside a transaction.
    /// `page_size` only takes effect on a new, empty file (before the pool switches it to WAL).
    static func makeConfiguration() -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(busyTimeoutSeconds)
        configuration.label = "inquest"
        configuration.prepareDatabase { db in
            try db.execute(sql: """
                PRAGMA page_size = 8192;
                PRAGMA synchronous = NORMAL;
                PRAGMA cache_size = -65536;
                PRAGMA temp_store = MEMORY;
                PRAGMA mmap_size = 268435456;
                PRAGMA journal_size_limit = 67108864;
                """)
        }
        return configuration
    }

    /// A short text for an underlying error, for ``StoreError`` messages.
    static func reason(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            return "\(error.resultCode)" + (error.message.map { ": \($0)" } ?? "")
        }
        if let error = error as? StoreError { return error.description }
        return "\(error)"
    }

    /// Runs `body`, turning any GRDB error into ``StoreError/database(operation:path:reason:)``.
    func wrap<T>(_ operation: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.database(operation: operation, path: path, reason: Self.reason(error))
        }
    }
}

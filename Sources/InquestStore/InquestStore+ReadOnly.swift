import Foundation
import GRDB
import Logging

extension InquestStore {
    /// How a read-only store opens its file.
    enum ReadOnlyAccess: Equatable {
        /// `mode=ro`: reads alongside writers through the WAL, whose `-wal`/`-shm` files SQLite
        /// may create when the directory is writable.
        case shared
        /// `mode=ro&immutable=1`: reads the file alone, creating and locking nothing. Only right
        /// when nobody can write it: a directory or file we cannot write, with no WAL beside it.
        case immutable
    }

    /// Opens the existing store at `path` only to read it (query, stats, export): no file is
    /// created, nothing is migrated or indexed, and it works on a read-only directory or file and
    /// on a full disk. Text filters search what the index already holds.
    public static func openForReading(path: String, logger: Logger = InquestStore.silentLogger) throws -> InquestStore {
        _ = processSettings
        guard FileManager.default.fileExists(atPath: path) else {
            throw StoreError.cannotOpen(path: path, reason: "no store here; ingest into it first (or check --db / $INQUEST_DB)")
        }
        let access = readOnlyAccess(forStore: path)
        do {
            return try openReadOnly(path: path, access: access, logger: logger)
        } catch where access == .shared && !FileManager.default.fileExists(atPath: path + "-wal") {
            // Creating the `-shm` file failed (a full disk): with no WAL to read, the file alone is the store.
            logger.debug("reading the store as immutable", metadata: ["path": "\(path)", "reason": "\(error)"])
            return try openReadOnly(path: path, access: .immutable, logger: logger)
        }
    }

    /// `.immutable` when neither the directory nor the file can be written and no WAL lies beside
    /// the file (nobody can be writing it), else `.shared`.
    static func readOnlyAccess(forStore path: String) -> ReadOnlyAccess {
        let directory = (path as NSString).deletingLastPathComponent
        let writable = access(directory.isEmpty ? "." : directory, W_OK) == 0 && access(path, W_OK) == 0
        if writable || FileManager.default.fileExists(atPath: path + "-wal") { return .shared }
        return .immutable
    }

    /// The `file:` URI SQLite opens `path` by, read-only (`%`, `?` and `#` escaped).
    static func readOnlyURI(_ path: String, access: ReadOnlyAccess) -> String {
        var escaped = ""
        for character in path.unicodeScalars {
            switch character {
            case "%": escaped += "%25"
            case "?": escaped += "%3f"
            case "#": escaped += "%23"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return "file:" + escaped + (access == .immutable ? "?mode=ro&immutable=1" : "?mode=ro")
    }

    static func openReadOnly(path: String, access: ReadOnlyAccess, logger: Logger) throws -> InquestStore {
        let indexPath = FullTextIndex.path(forStore: path)
        let indexAccess = FileManager.default.fileExists(atPath: indexPath + "-wal") ? ReadOnlyAccess.shared : access
        var configuration = Configuration()
        configuration.readonly = true
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(busyTimeoutSeconds)
        configuration.label = "inquest.readonly"
        let attachIndex = FileManager.default.fileExists(atPath: indexPath)
        configuration.prepareDatabase { db in
            // The filter's regular expressions (`/re/`) need `regexp()` on every connection.
            db.add(function: FilterSQLRegex.function)
            try db.execute(sql: "PRAGMA cache_size = -16384; PRAGMA temp_store = MEMORY; PRAGMA mmap_size = 0;")
            if attachIndex {
                try db.execute(
                    sql: "ATTACH DATABASE ? AS \(FullTextIndex.attachedSchema)",
                    arguments: [readOnlyURI(indexPath, access: indexAccess)])
            }
        }
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: readOnlyURI(path, access: access), configuration: configuration)
            let current = try queue.read { db in try migrator.hasCompletedMigrations(db) }
            guard current else {
                throw StoreError.cannotOpen(
                    path: path, reason: "the store needs an upgrade this command cannot write; open it once with write access (e.g. `inquest` to browse it)")
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.cannotOpen(path: path, reason: "cannot open it to read: \(reason(error))")
        }
        return InquestStore(readingWith: queue, path: path, logger: logger)
    }
}

import Foundation
import InquestStore

/// What SQLite alone takes to store the rows an ingest stored: the `sqlite3` shell copies the
/// ingested `event` rows and their compressed raw blocks into an empty database with the same
/// schema and the store's own connection settings (``InquestStore/connectionPragmas``, then
/// WAL), 5,000 rows (and a matching share of the blocks) per transaction like `inquest ingest`. No parsing, no binding from Swift,
/// no full-text index: a lower bound for any ingest that keeps the issue's event model (raw
/// record, unique dedupe key, time index) in SQLite rows.
///
/// This is the one place outside `InquestStore` that writes SQL: it measures SQLite itself,
/// through its own shell, and never touches a store the app reads.
struct SQLiteFloor {
    static let shell = "/usr/bin/sqlite3"
    static let rowsPerTransaction = 5_000

    /// Seconds to copy the rows of `source`, or nil when the shell is missing or fails.
    static func seconds(copyingEventsOf source: String, rows: Int) -> Double? {
        guard FileManager.default.isExecutableFile(atPath: shell) else { return nil }
        guard let schema = try? BenchSupport.run(shell, [source, ".schema event", ".schema raw_block"]), schema.status == 0,
              schema.output.contains("CREATE TABLE event") else { return nil }
        let blocks = (try? BenchSupport.run(shell, [source, "SELECT coalesce(max(id), 0) FROM raw_block"]))
            .flatMap { Int($0.output.trimmingCharacters(in: .whitespacesAndNewlines)) } ?? 0
        let transactions = max(1, (rows + rowsPerTransaction - 1) / rowsPerTransaction)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("inquest-floor-\(getpid())")
        try? FileManager.default.removeItem(at: directory)
        guard (try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)) != nil else { return nil }
        defer { try? FileManager.default.removeItem(at: directory) }
        var script = """
            \(InquestStore.connectionPragmas)
            PRAGMA journal_mode = WAL;
            \(schema.output)
            ATTACH '\(source.replacingOccurrences(of: "'", with: "''"))' AS src;

            """
        for index in 0..<transactions {
            let start = index * rowsPerTransaction
            let (firstBlock, lastBlock) = (blocks * index / transactions, blocks * (index + 1) / transactions)
            script += "BEGIN; INSERT INTO raw_block SELECT * FROM src.raw_block WHERE id > \(firstBlock) AND id <= \(lastBlock); "
                + "INSERT INTO event SELECT * FROM src.event WHERE id > \(start) AND id <= \(start + rowsPerTransaction); COMMIT;\n"
        }
        let scriptURL = directory.appendingPathComponent("copy.sql")
        guard (try? script.write(to: scriptURL, atomically: true, encoding: .utf8)) != nil,
              let result = try? BenchSupport.run(shell, [directory.appendingPathComponent("floor.db").path, ".read \(scriptURL.path)"]),
              result.status == 0
        else { return nil }
        return result.seconds
    }
}

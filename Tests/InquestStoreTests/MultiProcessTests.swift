import Foundation
import Synchronization
import InquestCore
import Testing
@testable import InquestStore

@Suite("Several processes on one file")
struct MultiProcessTests {
    static let sqlite3 = "/usr/bin/sqlite3"

    /// A `sqlite3` script of `count` separate write transactions (autocommit inserts), each one
    /// event with a 16-byte dedupe key `child-NNNNNNNNNN` that cannot collide with the test's.
    private func childScript(count: Int) -> String {
        var script = ".timeout 5000\n"
        for n in 0..<count {
            script += """
                INSERT INTO event (ts, ts_text, time_quality, source_kind, source_name, severity, message, raw, dedupe_key) \
                VALUES (\(n * 7), '', 0, 'log', 'child', 1, 'child row \(n)', X'00', CAST(printf('child-%010d', \(n)) AS BLOB));

                """
        }
        return script
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: MultiProcessTests.sqlite3), "sqlite3 not installed (apt-get install sqlite3); CI installs it"))
    func aSecondProcessWritesWhileTheStoreAppends() throws {
        let directory = try StoreFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/inquest.db"
        let store = try InquestStore.open(path: path)
        let childRows = 1_000
        let scriptPath = directory + "/child.sql"
        try childScript(count: childRows).write(toFile: scriptPath, atomically: true, encoding: .utf8)

        // Given a second OS process inserting rows one transaction at a time
        let child = Process()
        child.executableURL = URL(fileURLWithPath: Self.sqlite3)
        child.arguments = [path]
        child.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: scriptPath))
        let errors = Pipe()
        child.standardError = errors
        child.standardOutput = FileHandle.nullDevice
        try child.run()

        // When the store appends batches at the same time, until the child is done (at least 40)
        var inserted = 0
        var overlapped = false
        var batchNumber = 0
        while batchNumber < 40 || child.isRunning {
            overlapped = overlapped || child.isRunning
            let events = (0..<250).map { StoreFixtures.event(batchNumber * 250 + $0, ts: Int64(batchNumber * 250 + $0)) }
            inserted += try store.append(EventBatch(
                events: events, checkpoint: Checkpoint(key: "test", position: "\(batchNumber)"))).inserted
            _ = try store.window(.everything, anchor: .newest, limit: 50)
            batchNumber += 1
        }
        child.waitUntilExit()
        let childErrors = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)

        // Then both sets of rows are all there and nobody saw SQLITE_BUSY
        #expect(overlapped, "the child finished before the store wrote: nothing was concurrent")
        #expect(child.terminationStatus == 0)
        #expect(childErrors.isEmpty, "sqlite3 reported: \(childErrors)")
        #expect(inserted == batchNumber * 250)
        let childFilter = FilterSQL(whereClause: "event.source_name = ?", arguments: [.text("child")], usesFullText: false)
        #expect(try store.count(childFilter) == childRows)
        #expect(try store.count(.everything) == inserted + childRows)
        #expect(try store.changeToken().lastEventID == Int64(inserted + childRows))
        #expect(try store.checkpoint(key: "test")?.position == "\(batchNumber - 1)")
    }

    @Test func severalOpenersOfANewFileAllGetTheSchema() throws {
        let directory = try StoreFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/new/inquest.db"
        let failures = LockedCounts()

        DispatchQueue.concurrentPerform(iterations: 4) { index in
            do {
                let store = try InquestStore.open(path: path)
                try store.append(EventBatch(events: [StoreFixtures.event(index, ts: Int64(index))]))
            } catch {
                print("opener \(index) failed: \(error)")
                failures.add(1)
            }
        }

        #expect(failures.total == 0)
        #expect(try InquestStore.open(path: path).count(.everything) == 4)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: MultiProcessTests.sqlite3), "sqlite3 not installed (apt-get install sqlite3); CI installs it"))
    func twoStoresIndexingTheSameFileIndexEveryRowOnce() throws {
        let directory = try StoreFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/inquest.db"
        let first = try InquestStore.open(path: path)
        let second = try InquestStore.open(path: path)
        try first.append(EventBatch(events: (0..<30_000).map { StoreFixtures.event($0, ts: Int64($0), message: "word\($0 % 3)") }))

        let counts = LockedCounts()
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            let store = index == 0 ? first : second
            counts.add((try? store.indexFullText()) ?? -1_000_000)
        }

        #expect(counts.total == 30_000)
        #expect(try first.fullTextBacklog() == 0)
        #expect(try second.count(StoreFixtures.text("word1")) == 10_000)
        // No row was indexed twice (a contentless index would return it twice) or missed.
        let matches = try first.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM fts.event_fts WHERE event_fts MATCH 'word0 OR word1 OR word2'")
        }
        #expect(matches == 30_000)
    }
}

/// A counter shared by concurrent test workers.
final class LockedCounts: Sendable {
    private let sum = Mutex(0)

    func add(_ value: Int) { sum.withLock { $0 += value } }

    var total: Int { sum.withLock { $0 } }
}

import Foundation
import Testing

extension EndToEnd {
    /// Commands that only read work on a store in a read-only directory (a read-only bind mount:
    /// the tests run as root, where chmod does not stop writes).
    @Suite struct ReadOnlyStoreEndToEndTests {
        /// Runs a command, returning its exit status (nil when it cannot run).
        static func run(_ command: String, _ arguments: [String]) -> Int32? {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: command)
            process.arguments = arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            guard (try? process.run()) != nil else { return nil }
            process.waitUntilExit()
            return process.terminationStatus
        }

        /// Whether this machine lets the tests make a read-only bind mount.
        static let canMountReadOnly: Bool = {
            guard let source = try? BinaryRunner.temporaryDirectory(), let target = try? BinaryRunner.temporaryDirectory() else { return false }
            defer {
                _ = run("/bin/umount", [target.path])
                try? FileManager.default.removeItem(at: source)
                try? FileManager.default.removeItem(at: target)
            }
            return mountReadOnly(source.path, at: target.path)
        }()

        static func mountReadOnly(_ source: String, at target: String) -> Bool {
            run("/bin/mount", ["--bind", source, target]) == 0
                && run("/bin/mount", ["-o", "remount,bind,ro", target]) == 0
                && !FileManager.default.createFile(atPath: target + "/probe", contents: Data())
        }

        @Test(.enabled(if: canMountReadOnly, "needs permission to make a read-only bind mount"))
        func queryAndStatsReadAStoreInAReadOnlyDirectory() throws {
            // Given a store seen through a read-only mount
            let source = try BinaryRunner.temporaryDirectory()
            let target = try BinaryRunner.temporaryDirectory()
            defer {
                _ = Self.run("/bin/umount", [target.path])
                try? FileManager.default.removeItem(at: source)
                try? FileManager.default.removeItem(at: target)
            }
            let log = source.appendingPathComponent("app.log")
            try Data("level=info msg=hello\nlevel=error msg=boom\n".utf8).write(to: log)
            let database = source.appendingPathComponent("store.db").path
            #expect(try BinaryRunner.run(["ingest", "--db", database, log.path]).status == 0)
            // A WAL that holds nothing is what a clean close leaves; without it the store is read
            // as immutable. A WAL that still holds pages stays (the store is read through it).
            for base in [database, database + "-fts"] {
                let size = (try? FileManager.default.attributesOfItem(atPath: base + "-wal"))?[.size] as? NSNumber
                if size?.intValue == 0 {
                    try? FileManager.default.removeItem(atPath: base + "-wal")
                    try? FileManager.default.removeItem(atPath: base + "-shm")
                }
            }
            #expect(Self.mountReadOnly(source.path, at: target.path))
            let readOnly = target.appendingPathComponent("store.db").path
            // When it is queried, counted and summarised
            let count = try BinaryRunner.run(["query", "--db", readOnly, "--count", ""])
            let text = try BinaryRunner.run(["query", "--db", readOnly, "boom"])
            let stats = try BinaryRunner.run(["stats", "--db", readOnly])
            // Then every command reads it
            #expect(count.status == 0, "\(count.stderr)")
            #expect(count.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "2")
            #expect(text.status == 0 && text.stdout.contains("boom"), "\(text.stderr)")
            #expect(stats.status == 0 && stats.stdout.contains("2 events"), "\(stats.stderr)")
        }
    }
}

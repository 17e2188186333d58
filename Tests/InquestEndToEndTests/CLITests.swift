import Foundation
import Testing

/// The CLI as a user runs it: real binary, real files, a fresh database each test.
@Suite struct CLITests {
    let directory: URL
    let database: String

    init() throws {
        directory = try BinaryRunner.temporaryDirectory()
        database = directory.appendingPathComponent("store.db").path
    }

    func write(_ name: String, _ text: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test func ingestStoresEventsAndReingestStoresNothingNew() throws {
        let file = try write("app.jsonl", """
        {"ts":"2026-11-20T10:00:00Z","level":"info","service":"api","msg":"started"}
        {"ts":"2026-11-20T10:00:01Z","level":"error","service":"api","msg":"boom"}
        not json at all
        {"ts":"2026-11-20T10:00:02Z","level":"warn","service":"web","msg":"slow"}

        """)
        let first = try BinaryRunner.run(["ingest", "--db", database, file])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("3 events stored"), "\(first.stdout)")
        #expect(first.stdout.contains("1 dead-lettered"), "\(first.stdout)")
        #expect(first.stdout.contains("app.jsonl:3"), "the dead letter's location is named: \(first.stdout)")

        let second = try BinaryRunner.run(["ingest", "--db", database, file])
        #expect(second.status == 0)
        #expect(second.stdout.contains("0 events stored"), "\(second.stdout)")
        #expect(second.stdout.contains("3 duplicates skipped"), "\(second.stdout)")

        let count = try BinaryRunner.run(["query", "--db", database, "--count", ""])
        #expect(count.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "3")
    }

    @Test func queryPrintsMatchesInTimeOrderAsJSONLines() throws {
        let file = try write("mixed.log", """
        time=2026-11-20T10:00:05Z level=error service=payment msg="card declined" trace_id=abc123
        time=2026-11-20T10:00:01Z level=info service=payment msg="charge ok"
        time=2026-11-20T10:00:03Z level=error service=checkout msg="pool exhausted"

        """)
        #expect(try BinaryRunner.run(["ingest", "--db", database, file]).status == 0)
        let result = try BinaryRunner.run(["query", "--db", database, "--format", "jsonl", "severity>=error"])
        #expect(result.status == 0, "\(result.stderr)")
        let objects = try result.stdout.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        #expect(objects.count == 2)
        #expect(objects.map { $0["message"] as? String } == ["pool exhausted", "card declined"])
        #expect(objects.last?["trace_id"] as? String == "abc123")
        #expect(objects.first?["time"] as? String == "2026-11-20T10:00:03.000000Z")
    }

    @Test func badFilterPointsAtTheColumn() throws {
        let result = try BinaryRunner.run(["query", "--db", database, "service:api (timeout"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("^"), "a caret marks the column: \(result.stderr)")
    }

    @Test func missingFileIsOneClearErrorAndNonZeroExit() throws {
        let result = try BinaryRunner.run(["ingest", "--db", database, directory.appendingPathComponent("nope.log").path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("nope.log: no such file"), "\(result.stderr)")
    }

    @Test func unopenableDatabaseIsOneClearError() throws {
        let file = try write("a.log", "x\n")
        let result = try BinaryRunner.run(["ingest", "--db", "/proc/forbidden/inquest.db", file])
        #expect(result.status != 0)
        #expect(result.stderr.contains("/proc/forbidden/inquest.db"), "\(result.stderr)")
    }

    @Test func standardInputIsIngestedWithDash() throws {
        let result = try BinaryRunner.run(["ingest", "--db", database, "-"], stdin: Data("<13>Nov 20 10:00:00 web-1 sshd[42]: Accepted publickey for amara\n".utf8))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("1 events stored"), "\(result.stdout)")
    }
}

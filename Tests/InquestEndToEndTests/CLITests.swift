import Foundation
import Testing

extension EndToEnd {
    /// The CLI as a user runs it: real binary, real files, a fresh database each test.
    @Suite struct CLITests: CLIFixture {
        let workspace: CLIWorkspace

        init() throws {
            workspace = try CLIWorkspace()
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
            #expect(second.stdout.contains("went on after line 4 (stored before), then 0 lines"), "only new bytes are read: \(second.stdout)")

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

        @Test func aBadCanvasFilterIsRejectedWhereItIsGiven() throws {
            let result = try BinaryRunner.run(["--db", database, "--filter", "service:api (timeout"])
            #expect(result.status != 0)
            #expect(result.stderr.contains("bad --filter"), "\(result.stderr)")
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

        @Test func parsingThreadsOutOfRangeIsOneClearError() throws {
            let file = try write("t.log", "time=2026-11-20T10:00:00Z msg=hello\n")
            let refused = try BinaryRunner.run(["ingest", "--db", database, "--parsing-threads", "0", file])
            #expect(refused.status != 0)
            #expect(refused.stderr.contains("--parsing-threads takes a number from 1 to 64"), "\(refused.stderr)")
            let single = try BinaryRunner.run(["ingest", "--db", database, "--parsing-threads", "1", file])
            #expect(single.status == 0, "\(single.stderr)")
            #expect(single.stdout.contains("1 events stored"), "\(single.stdout)")
        }

        @Test func standardInputIsIngestedWithDash() throws {
            let result = try BinaryRunner.run(["ingest", "--db", database, "-"], stdin: Data("<13>Nov 20 10:00:00 web-1 sshd[42]: Accepted publickey for amara\n".utf8))
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("1 events stored"), "\(result.stdout)")
        }
    }
}

extension EndToEnd {
    /// `inquest ingest` over the real public logs in ../shared/corpora (skipped without them).
    @Suite struct CorpusIngestTests {
        @Test(.enabled(if: BinaryRunner.corpora != nil, "../shared/corpora not found (set INQUEST_CORPORA); CI has it"))
        func loghubFilesIngestEveryLineAsOneEvent() throws {
            let corpora = try #require(BinaryRunner.corpora)
            let loghub = corpora.appendingPathComponent("loghub")
            let files = try FileManager.default.contentsOfDirectory(atPath: loghub.path)
                .compactMap { directory -> String? in
                    let file = loghub.appendingPathComponent(directory).appendingPathComponent("\(directory)_2k.log")
                    return FileManager.default.fileExists(atPath: file.path) ? file.path : nil
                }
                .sorted()
            #expect(files.count >= 5, "loghub files found: \(files)")
            let database = try BinaryRunner.temporaryDirectory().appendingPathComponent("corpus.db").path
            let result = try BinaryRunner.run(["ingest", "--db", database, "--year", "2026"] + files)
            #expect(result.status == 0, "\(result.stderr)")
            for file in files {
                let name = URL(fileURLWithPath: file).lastPathComponent
                let line = result.stdout.split(separator: "\n").first { $0.contains(name) }.map(String.init) ?? ""
                #expect(line.contains("2,000 lines, 2,000 events stored"), "\(line)")
                #expect(line.contains("0 dead-lettered"), "\(line)")
            }
            let count = try BinaryRunner.run(["query", "--db", database, "--count", ""])
            #expect(count.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == String(2_000 * files.count))
        }

        @Test(.enabled(if: BinaryRunner.corpora != nil, "../shared/corpora not found (set INQUEST_CORPORA); CI has it"))
        func apacheAccessLogAndKafkaStackTraces() throws {
            let corpora = try #require(BinaryRunner.corpora)
            let database = try BinaryRunner.temporaryDirectory().appendingPathComponent("corpus.db").path
            let access = corpora.appendingPathComponent("elastic-examples/apache_logs/apache_logs").path
            let kafka = corpora.appendingPathComponent("elastic-examples/kafka_monitoring/kafka1/logs/server.log.2016-12-19-20").path
            let beats = corpora.appendingPathComponent("elastic-beats/filebeat/tests/files/logs/es_startup_shutdown_due_to_exception.log").path
            let result = try BinaryRunner.run(["ingest", "--db", database, access, kafka, beats])
            #expect(result.status == 0, "\(result.stderr)")
            let lines = result.stdout.split(separator: "\n").map(String.init)
            #expect(lines.contains { $0.contains("apache_logs [access]: 10,000 lines, 10,000 events stored") }, "\(result.stdout)")
            // 456 physical lines, 30 of them stack-trace continuations folded into their record
            #expect(lines.contains { $0.contains("server.log.2016-12-19-20 [log4j]: 456 lines, 426 events stored") }, "\(result.stdout)")
            #expect(lines.contains { $0.contains("es_startup_shutdown_due_to_exception.log [json]") && $0.contains("62 events stored") && $0.contains("0 dead-lettered") }, "\(result.stdout)")
        }
    }
}

extension EndToEnd {
    /// Traces, CI reports and git history go through the same `inquest ingest`.
    @Suite struct DocumentIngestTests {
        @Test(.enabled(if: BinaryRunner.corpora != nil, "../shared/corpora not found (set INQUEST_CORPORA); CI has it"))
        func tracesReportsPayloadsAndGitLogBecomeEvents() throws {
            let corpora = try #require(BinaryRunner.corpora)
            let database = try BinaryRunner.temporaryDirectory().appendingPathComponent("docs.db").path
            let files = [
                "junit/dorny-test-reporter/java/pulsar-test-report.xml",
                "zipkin/zipkin-lens/testdata/messaging-kafka.json",
                "github-actions/octokit-webhooks/workflow_job/completed.failure.with-organization.payload.json",
                "git-history/prometheus-node_exporter/git-log-fuller-numstat_since-2024-01-01.txt",
            ].map { corpora.appendingPathComponent($0).path }
            let result = try BinaryRunner.run(["ingest", "--db", database] + files)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("[junit]"), "\(result.stdout)")
            #expect(result.stdout.contains("[zipkin]"))
            #expect(result.stdout.contains("[github]"))
            #expect(result.stdout.contains("[gitlog]: 9,227 lines, 426 events stored"), "\(result.stdout)")

            // The one failing pulsar test and the report summary, the failed job, the three error
            // spans and their trace's own event (an error: it has failed spans)
            let ci = try BinaryRunner.run(["query", "--db", database, "source:ci"])
            #expect(ci.stdout.contains("FAILED org.apache.pulsar.AddMissingPatchVersionTest.testVersionStrings"), "\(ci.stdout)")
            #expect(ci.stdout.contains("JUnit: 808 tests, 1 failed, 14 skipped"))
            #expect(ci.stdout.contains("job \"linters\" failed"))
            #expect(try BinaryRunner.run(["query", "--db", database, "--count", "source:trace severity>=error"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "4")
            #expect(try BinaryRunner.run(["query", "--db", database, "--count", "source:change"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "426")

            // Re-ingesting stores nothing new
            let again = try BinaryRunner.run(["ingest", "--db", database] + files)
            #expect(again.stdout.contains("total: 0 events stored"), "\(again.stdout)")
        }

        @Test func aBrokenDocumentIsKeptAsADeadLetter() throws {
            let directory = try BinaryRunner.temporaryDirectory()
            let database = directory.appendingPathComponent("docs.db").path
            let report = directory.appendingPathComponent("broken.xml")
            try Data("<testsuite name=\"x\"><testcase name=\"a\"><failure>".utf8).write(to: report)
            let result = try BinaryRunner.run(["ingest", "--db", database, report.path])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("1 dead-lettered"), "\(result.stdout)")
            let letters = try BinaryRunner.run(["dlq", "list", "--db", database])
            #expect(letters.stdout.contains("broken.xml"), "\(letters.stdout)")
        }
    }
}

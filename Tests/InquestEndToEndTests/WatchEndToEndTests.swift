import Foundation
import Testing

extension EndToEnd {
    /// `inquest watch` as a process: crash safety under SIGKILL, clean SIGTERM, leases between two
    /// processes, and a followed line reaching an open canvas.
    @Suite(.serialized) struct WatchEndToEndTests {
        let directory: URL
        let database: String
        let logs: URL
        let config: URL

        init() throws {
            directory = try BinaryRunner.temporaryDirectory()
            database = directory.appendingPathComponent("watch.db").path
            logs = directory.appendingPathComponent("logs")
            try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
            config = directory.appendingPathComponent("watch.yaml")
            try Data("""
                # followed by the end-to-end tests
                feeds:
                  - name: app
                    kind: file
                    paths: [\(logs.appendingPathComponent("app.log").path)]
                    format: plain
                    poll: 50ms
                """.utf8).write(to: config)
        }

        func watch(_ extra: [String] = []) throws -> WatchProcess {
            try WatchProcess(["--config", config.path, "--db", database] + extra, output: directory.appendingPathComponent("watch.out"))
        }

        func storedRaw() throws -> [String] {
            let result = try BinaryRunner.run(["query", "--db", database, "--format", "jsonl", "--limit", "1000000"])
            #expect(result.status == 0, "\(result.stderr)")
            return try result.stdout.split(separator: "\n").map { line in
                let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                return object?["raw"] as? String ?? ""
            }
        }

        func count() throws -> Int {
            Int(try BinaryRunner.run(["query", "--db", database, "--count"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
        }

        func watchLog() -> String {
            (try? String(contentsOfFile: directory.appendingPathComponent("watch.log").path, encoding: .utf8)) ?? ""
        }

        /// Polls `watch.log` (20 ms apart) until `text` occurs `count` times or `seconds` passed;
        /// the occurrences seen.
        func waitForLog(_ text: String, count: Int, seconds: Double) async throws -> Int {
            let deadline = Date().addingTimeInterval(seconds)
            var seen = watchLog().components(separatedBy: text).count - 1
            while seen < count, Date() < deadline {
                try await Task.sleep(for: .milliseconds(20))
                seen = watchLog().components(separatedBy: text).count - 1
            }
            return seen
        }

        /// Polls `inquest status --format jsonl` (100 ms apart) until its output contains `text`
        /// or `seconds` passed; the last output.
        func waitForStatus(containing text: String, seconds: Double) async throws -> String {
            let deadline = Date().addingTimeInterval(seconds)
            var output = try BinaryRunner.run(["status", "--db", database, "--format", "jsonl"]).stdout
            while !output.contains(text), Date() < deadline {
                try await Task.sleep(for: .milliseconds(100))
                output = try BinaryRunner.run(["status", "--db", database, "--format", "jsonl"]).stdout
            }
            return output
        }

        /// Polls the count (100 ms apart, suspending rather than blocking a test thread) until it is
        /// `expected` or `seconds` passed.
        func waitForCount(_ expected: Int, seconds: Double) async throws -> Int {
            let deadline = Date().addingTimeInterval(seconds)
            var current = try count()
            while current != expected, Date() < deadline {
                try await Task.sleep(for: .milliseconds(100))
                current = try count()
            }
            return current
        }

        @Test func fiftySigkillsWhileFollowingARotatingFileLoseAndDuplicateNothing() async throws {
            // Given a writer appending 12,000 lines (split mid-line, rotated half-way) over ~10 s
            let total = 12_000
            let writer = LineWriter(path: logs.appendingPathComponent("app.log").path, total: total)
            writer.start(chunk: 60, pauseMicroseconds: 50_000)

            // When the watcher is SIGKILLed at random points 50 times, each after it has started
            // (waiting for its log line rather than guessing a start-up time, which a loaded
            // two-core CI machine does not keep to)
            var random = SystemRandomNumberGenerator()
            for run in 1...50 {
                let watcher = try watch()
                let started = try await waitForLog("watcher started", count: run, seconds: 20)
                #expect(started >= run, "watcher \(run) had not started when it was killed")
                try await Task.sleep(for: .milliseconds(Int.random(in: 0...300, using: &random)))
                #expect(await watcher.stop(SIGKILL))
            }
            await writer.waitUntilFinished()

            // And then runs to the end and is stopped with SIGTERM
            let last = try watch()
            // (a generous deadline: a loaded two-core machine catches up slowly; a pass returns at once)
            let stored = try await waitForCount(total, seconds: 120)
            // (the signal can come right after start-up: the watcher must not lose it; how fast a
            // busy watcher stops is `inquest-bench sigterm`'s figure)
            let stopped = await last.stop(SIGTERM)
            #expect(stopped, "running: \(last.process.isRunning); watch.log ends: \(String(watchLog().suffix(1500)))")

            // Then every line is stored exactly once, and none was even read twice
            #expect(stored == total)
            let raws = try storedRaw()
            #expect(raws.count == total)
            #expect(Set(raws).count == total)
            #expect(Set(raws) == Set((1...total).map(LineWriter.line)))
            let log = watchLog()
            #expect(!log.contains("read again"), "a record was re-read after a restart")
            // Every kill hit a running watcher (checked before each kill above), so crashes were
            // exercised. The last watcher may be stopped before it logs its start when the killed
            // ones had already stored every line, so it is not counted.
            #expect(log.components(separatedBy: "watcher started").count - 1 >= 50)
        }

        @Test(needsTmux) func aLineAppendedToAFollowedFileShowsUpInAnOpenCanvas() async throws {
            try Data("2026-11-20T10:00:00Z INFO service started\n".utf8).write(to: logs.appendingPathComponent("app.log"))
            let watcher = try watch()
            defer { watcher.kill() }
            #expect(try await waitForCount(1, seconds: 10) == 1)
            guard let binary = BinaryRunner.binary else { throw BinaryRunner.MissingBinary() }
            let canvas = try TmuxSession(
                command: [binary.path, "--db", database], width: 140, height: 40,
                environment: ["XDG_CONFIG_HOME": directory.path, "HOME": directory.path, "USER": "e2e"])
            #expect(try canvas.waitFor("1 event ·").matched, "\(canvas.screen)")

            // When a line is appended to the followed file
            let handle = try FileHandle(forWritingTo: logs.appendingPathComponent("app.log"))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data("2026-11-20T10:00:01Z ERROR payment gateway timed out\n".utf8))
            try handle.close()

            // Then the open canvas shows it without a key press (generous timeout; ~0.5 s typical)
            let updated = try canvas.waitFor("2 events ·", seconds: 3)
            #expect(updated.matched, "\(updated.screen)")
            try canvas.send("F")
            #expect(try canvas.waitFor("payment gateway timed out", seconds: 3).matched, "\(canvas.screen)")
            try canvas.send("q")
        }

        @Test func sigtermStopsPromptlyAndMarksFeedsStopped() async throws {
            try Data("one\ntwo\n".utf8).write(to: logs.appendingPathComponent("app.log"))
            let watcher = try watch()
            #expect(try await waitForCount(2, seconds: 10) == 2)

            #expect(await watcher.stop(SIGTERM, seconds: 3), "the watcher did not exit after SIGTERM")
            #expect(watcher.process.terminationStatus == 0)
            let status = try BinaryRunner.run(["status", "--db", database, "--format", "jsonl"])
            #expect(status.stdout.contains("\"state\":\"stopped\""), "\(status.stdout)")
        }

        @Test func secondWatcherWaitsAndTakesOverWhenTheFirstHangs() async throws {
            try Data("first\n".utf8).write(to: logs.appendingPathComponent("app.log"))
            let first = try watch(["--lease-ttl", "1"])
            #expect(try await waitForCount(1, seconds: 10) == 1)
            let second = try watch(["--lease-ttl", "1"])
            // The second says it waits (polled, not a guessed start-up time)
            #expect(try await waitForLog("waiting for lease held by", count: 1, seconds: 20) == 1, "\(watchLog())")
            let waiting = try BinaryRunner.run(["status", "--db", database, "--format", "jsonl"]).stdout
            #expect(waiting.contains("\"owner\":\"\(ProcessInfo.processInfo.hostName):\(first.pid):"), "\(waiting)")

            // When the first hangs (SIGSTOP: alive but silent), its lease expires and the second takes over
            kill(first.pid, SIGSTOP)
            defer { kill(first.pid, SIGCONT) }
            let handle = try FileHandle(forWritingTo: logs.appendingPathComponent("app.log"))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data("second\n".utf8))
            try handle.close()
            #expect(try await waitForCount(2, seconds: 10) == 2)
            // Health rows are written every second, so the new owner's may follow its first batch.
            let taken = try await waitForStatus(containing: "\"owner\":\"\(ProcessInfo.processInfo.hostName):\(second.pid):", seconds: 10)
            #expect(taken.contains("\"owner\":\"\(ProcessInfo.processInfo.hostName):\(second.pid):"), "\(taken)")

            // And the first, woken up, finds its lease gone and writes nothing twice
            kill(first.pid, SIGCONT)
            #expect(try await waitForLog("lease lost", count: 1, seconds: 20) == 1, "\(watchLog())")
            #expect(try count() == 2)
            await second.stop(SIGTERM)
            await first.stop(SIGTERM)
        }
    }
}

extension EndToEnd {
    /// `inquest dlq replay` on the real binary: a record that still fails stays, with one more attempt.
    @Suite struct DeadLetterReplayEndToEndTests {
        @Test func replayKeepsWhatStillFailsAndCountsTheAttempt() throws {
            let directory = try BinaryRunner.temporaryDirectory()
            let database = directory.appendingPathComponent("dlq.db").path
            let file = directory.appendingPathComponent("app.jsonl")
            try Data("{\"time\":\"2026-11-20T10:00:00Z\",\"msg\":\"ok\"}\n{\"time\":\"2026-11-20T10:00:01Z\",\"msg\": nope}\n".utf8).write(to: file)
            #expect(try BinaryRunner.run(["ingest", "--db", database, file.path]).status == 0)

            let replay = try BinaryRunner.run(["dlq", "replay", "--db", database])
            #expect(replay.status == 0, "\(replay.stderr)")
            #expect(replay.stdout.hasPrefix("replayed 1 dead letters: 0 now parse (0 events stored), 1 still fail"), "\(replay.stdout)")
            let list = try BinaryRunner.run(["dlq", "list", "--db", database]).stdout
            #expect(list.contains("app.jsonl:2\t×2\t"), "\(list)")
        }
    }
}

import Foundation
import InquestCore
import InquestIngest
import InquestParsers
import InquestStore
import Testing

@Suite struct FileIngestorTests {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("inquest-ingest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    func write(_ name: String, _ text: String) throws -> String {
        try write(name, Array(text.utf8))
    }

    @Test func reingestingTheSameFileStoresNothingNew() throws {
        let store = try InquestStore.inMemory()
        let path = try write("app.jsonl", (0..<50).map { #"{"ts":"2026-11-20T10:00:\#(String(format: "%02d", $0))Z","level":"info","msg":"line \#($0)"}"# }.joined(separator: "\n") + "\n")
        let ingestor = FileIngestor(store: store, options: IngestOptions(batchSize: 7))
        let first = try ingestor.ingest(paths: [path])
        #expect(first.stored == 50)
        #expect(first.duplicates == 0)
        let second = try ingestor.ingest(paths: [path])
        #expect(second.stored == 0)
        // It goes on from the first ingest's checkpoint, at the end: nothing is read again.
        #expect(second.duplicates == 0)
        #expect(second.files.first?.bytes == 0)
        #expect(second.files.first?.resumedAfterLines == 50)
        #expect(try store.count(.everything) == 50)

        // A file appended to is read from where the last ingest stopped.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"ts":"2026-11-20T10:01:00Z","level":"info","msg":"appended"}"#.utf8 + [0x0A]))
        try handle.close()
        let third = try ingestor.ingest(paths: [path])
        #expect(third.stored == 1 && third.duplicates == 0)
        #expect(third.files.first?.physicalLines == 1)
        #expect(try store.count(.everything) == 51)
    }

    /// `--service` names the service of document events that carry none (a JUnit report, git
    /// history), as it does for log records; a service the document names is kept.
    @Test func defaultServiceFillsDocumentEventsWithoutOne() throws {
        let store = try InquestStore.inMemory()
        let report = try write("report.xml", """
            <?xml version="1.0"?>
            <testsuite name="unit" tests="2" failures="1" timestamp="2026-11-20T10:00:00Z">
              <testcase classname="a.B" name="ok" time="0.1"/>
              <testcase classname="a.B" name="bad" time="0.1"><failure message="boom">boom</failure></testcase>
            </testsuite>
            """)
        let summary = try FileIngestor(store: store, options: IngestOptions(defaultService: "checkout")).ingest(paths: [report])
        #expect(summary.stored == 2)
        let filter = FilterSQLCompiler.compile(try Filter.parse("service:checkout source:ci"), now: Timestamp(nanoseconds: 0))
        #expect(try store.count(filter) == 2)
        let again = try FileIngestor(store: store, options: IngestOptions(defaultService: "checkout")).ingest(paths: [report])
        #expect(again.stored == 0, "the service is not part of the dedupe key")
    }

    @Test func everyRecordsRawBytesReadBackExactlyAfterAFileIngest() throws {
        // Given a file store and a file of CRLF lines, non-ASCII text, bytes that are not UTF-8
        // and enough lines for several compressed raw blocks, stored in small batches
        let store = try InquestStore.open(path: directory.appendingPathComponent("raw.db").path)
        var lines: [[UInt8]] = [
            Array(#"{"ts":"2026-11-20T10:00:00Z","level":"info","msg":"crlf line"}\#r"#.utf8),
            Array(#"{"ts":"2026-11-20T10:00:01Z","level":"warn","msg":"naïve café 東京"}"#.utf8),
            Array(#"{"ts":"2026-11-20T10:00:02Z","level":"info","msg":"bad byte "#.utf8) + [0xFF] + Array(#""}"#.utf8),
        ]
        lines += (0..<4_000).map {
            Array(#"{"ts":"2026-11-20T10:01:00.\#(String(format: "%04d", $0))Z","level":"info","msg":"request \#($0) served with some padding"}"#.utf8)
        }
        let path = try write("raw.jsonl", Array(lines.joined(separator: [UInt8(ascii: "\n")])) + [UInt8(ascii: "\n")])

        // When it is ingested
        let summary = try FileIngestor(store: store, options: IngestOptions(batchSize: 700)).ingest(paths: [path])

        // Then every event's raw record is its line, byte for byte, without its line break (LF or CRLF)
        #expect(summary.stored == lines.count)
        let events = try store.events(from: Timestamp(nanoseconds: 0), through: Timestamp(nanoseconds: .max), limit: lines.count + 1)
        let expected = lines.map { $0.last == UInt8(ascii: "\r") ? Array($0.dropLast()) : $0 }
        let missing = Set(expected).subtracting(events.map(\.raw))
        #expect(events.count == lines.count)
        #expect(missing.map { String(decoding: $0, as: UTF8.self) }.sorted() == [])
    }

    @Test func recordsFromALivePipeAreStoredAsTheyComeNotWhenABatchFills() throws {
        // Given an ingest with the default batch size reading a named pipe (as `kubectl logs -f |
        // inquest ingest -` would give it), and far fewer lines than a batch written to it
        let store = try InquestStore.open(path: directory.appendingPathComponent("live.db").path)
        let piped = try PipedIngest(FileIngestor(store: store), pipe: directory.appendingPathComponent("live.pipe").path)
        func write(_ range: Range<Int>) {
            piped.writer.write(Data(range.map { #"{"ts":"2026-11-20T10:00:\#(String(format: "%02d", $0))Z","level":"warn","msg":"live \#($0)"}"# + "\n" }.joined().utf8))
        }

        // When 20 lines arrive, and later 10 more, with the pipe kept open
        write(0..<20)
        let firstStored = try PipedIngest.eventually { try store.count(.everything) == 20 }
        write(20..<30)
        let laterStored = try PipedIngest.eventually { try store.count(.everything) == 30 }

        // Then each group was stored while the pipe was still open, as JSON lines
        #expect(firstStored)
        #expect(laterStored)
        #expect(piped.isRunning, "the ingest is still reading the open pipe")
        let summary = try #require(try piped.closeAndWait())
        #expect(summary.stored == 30)
        #expect(summary.files.first?.format == "json")
    }

    @Test func aStackTraceFromALivePipeIsStoredOnceThePipeStaysQuiet() throws {
        // Given an ingest reading a named pipe, and a log4j record with its stack trace written
        // to it, the writer then pausing with the pipe still open (no next record to end it)
        let store = try InquestStore.open(path: directory.appendingPathComponent("trace.db").path)
        let ingestor = FileIngestor(store: store, options: IngestOptions(format: .log4j))
        let piped = try PipedIngest(ingestor, pipe: directory.appendingPathComponent("trace.pipe").path)
        piped.writer.write(Data("""
            2026-11-20 10:15:03,123 INFO  [main] com.example.App - started
            2026-11-20 10:15:04,456 ERROR [main] com.example.App - request failed
            java.lang.IllegalStateException: pool exhausted
            	at com.example.Pool.take(Pool.java:42)

            """.utf8))

        // When the pipe stays quiet, the held record is stored whole, while the pipe is still open
        let stored = try PipedIngest.eventually { try store.count(.everything) == 2 }
        #expect(stored)
        #expect(piped.isRunning, "the ingest is still reading the open pipe")
        let events = try store.events(ids: [1, 2])
        #expect(events.last?.message.contains("request failed") == true)
        #expect(events.last.map { String(decoding: $0.raw, as: UTF8.self).hasSuffix("at com.example.Pool.take(Pool.java:42)") } == true)

        // And a line that comes later starts a record of its own
        piped.writer.write(Data("2026-11-20 10:15:09,000 INFO  [main] com.example.App - recovered\n".utf8))
        let summary = try #require(try piped.closeAndWait())
        #expect(summary.stored == 3)
        #expect(summary.deadLettered == 0)
    }

    @Test func aPipeThatKeepsTheIngestWaitingIsIndexedAsItGoes() throws {
        // Given an ingest reading a named pipe, and more than one read's worth of lines written
        // to it, the writer then pausing with the pipe still open
        let store = try InquestStore.open(path: directory.appendingPathComponent("pipe.db").path)
        let lines = (0..<8_000).map {
            #"{"ts":"2026-11-20T10:00:00.\#(String(format: "%04d", $0))Z","level":"info","msg":"piped record \#($0) with padding to fill the reads quickly"}"#
        }
        let ingestor = FileIngestor(store: store, options: IngestOptions(batchSize: 100, chunkSize: 64 * 1024))
        let piped = try PipedIngest(ingestor, pipe: directory.appendingPathComponent("feed.pipe").path)
        piped.writer.write(Data((lines.joined(separator: "\n") + "\n").utf8))

        // When the ingest has stored what it could read, then the index catches up while the
        // ingest still waits for more input
        let caughtUp = try PipedIngest.eventually { try store.count(.everything) > 0 && store.fullTextBacklog() == 0 }
        #expect(caughtUp)
        #expect(piped.isRunning, "the ingest is still reading the open pipe")

        // And once the pipe closes, everything is stored and indexed
        let summary = try #require(try piped.closeAndWait())
        #expect(summary.stored == lines.count)
        #expect(try store.fullTextBacklog() == 0)
    }

    @Test func ingestEndsWithTheFullTextIndexComplete() throws {
        // A file store: the index has its own file and is written on a second thread while
        // batches (here of 100 rows) are stored.
        let store = try InquestStore.open(path: directory.appendingPathComponent("fts.db").path)
        let path = try write("many.jsonl", (0..<5_000).map {
            #"{"ts":"2026-11-20T10:00:00.\#(String(format: "%04d", $0))Z","level":"info","msg":"\#($0 % 10 == 0 ? "disk full" : "served") \#($0)"}"#
        }.joined(separator: "\n") + "\n")
        let summary = try FileIngestor(store: store, options: IngestOptions(batchSize: 100)).ingest(paths: [path])
        #expect(summary.stored == 5_000)
        #expect(try store.fullTextBacklog() == 0)
        #expect(summary.fullTextSeconds >= summary.storeSeconds)
        #expect(try store.count(FilterSQLCompiler.compile(try Filter.parse(#""disk full""#), now: Timestamp(nanoseconds: 0))) == 500)
        // Each stage's thread reports the CPU it used.
        #expect(summary.cpuSeconds.parsing > 0)
        #expect(summary.cpuSeconds.storing > 0)
        #expect(summary.cpuSeconds.fullText > 0)
    }

    @Test func ingestWithoutFullTextLeavesTheBacklog() throws {
        let store = try InquestStore.open(path: directory.appendingPathComponent("nofts.db").path)
        let path = try write("some.jsonl", (0..<30).map { #"{"ts":"2026-11-20T10:00:\#(String(format: "%02d", $0))Z","msg":"m \#($0)"}"# }.joined(separator: "\n") + "\n")
        _ = try FileIngestor(store: store, options: IngestOptions(indexFullText: false)).ingest(paths: [path])
        #expect(try store.fullTextBacklog() == 30)
    }

    @Test func badLinesAreDeadLetteredWithFileAndLineNotDropped() throws {
        let store = try InquestStore.inMemory()
        let path = try write("svc.jsonl", """
        {"ts":"2026-11-20T10:00:00Z","level":"info","msg":"ok"}
        {"ts":"2026-11-20T10:00:01Z","level":"error","msg":"cut off
        {"ts":"2026-11-20T10:00:02Z","level":"info","msg":"ok again"}

        """)
        let summary = try FileIngestor(store: store).ingest(paths: [path])
        #expect(summary.stored == 2)
        #expect(summary.deadLettered == 1)
        let letters = try store.deadLetters()
        #expect(letters.count == 1)
        #expect(letters.first?.location == "\(path):2")
        #expect(letters.first.map { String(decoding: $0.raw, as: UTF8.self) } == #"{"ts":"2026-11-20T10:00:01Z","level":"error","msg":"cut off"#)
        #expect(letters.first?.reason.isEmpty == false)
    }

    @Test func memoryStaysBoundedBecauseBatchesAreSmallAndChunksStream() throws {
        // A file far larger than the chunk size goes through in many chunks and batches
        // and arrives complete and in order.
        let store = try InquestStore.inMemory()
        let lines = (0..<5_000).map { "time=2026-11-20T10:\(String(format: "%02d", $0 / 100 % 60)):\(String(format: "%02d", $0 % 60))Z level=info msg=\"event \($0)\"" }
        let path = try write("big.logfmt", lines.joined(separator: "\n") + "\n")
        let summary = try FileIngestor(store: store, options: IngestOptions(batchSize: 333, chunkSize: 4096)).ingest(paths: [path])
        #expect(summary.stored == 5_000)
        #expect(summary.physicalLines == 5_000)
        #expect(try store.count(.everything) == 5_000)
    }

    @Test func aLineTooLongToParseIsDeadLetteredInPiecesAndKeptOnce() throws {
        // Given a file with a 40 MiB line between two records
        let limit = LogStreamParser.maxLineBytes
        let long = [UInt8](repeating: UInt8(ascii: "z"), count: 2 * limit + 1_000)
        let path = try write("huge.log", Array("time=2026-11-20T10:00:00Z msg=before\n".utf8) + long
            + Array("\ntime=2026-11-20T10:00:01Z msg=after\n".utf8))
        let store = try InquestStore.inMemory()

        // When it is ingested, then read again whole (a copy renamed over it is another file
        // to the checkpoint, so the second ingest reads it from its start)
        let first = try FileIngestor(store: store).ingest(paths: [path])
        let copy = path + ".copy"
        try FileManager.default.copyItem(atPath: path, toPath: copy)
        #expect(rename(copy, path) == 0)
        let second = try FileIngestor(store: store).ingest(paths: [path])

        // Then the records around it are stored, and the line is kept whole in three dead
        // letters, one per piece, each stored once
        #expect(first.stored == 2)
        #expect(first.deadLettered == 3)
        #expect(first.files.first?.failureReasons.count == 1)
        #expect(second.stored == 0)
        let letters = try store.deadLetters()
        #expect(letters.map(\.location) == ["\(path):2 piece 1", "\(path):2 piece 2", "\(path):2 piece 3"])
        #expect(letters.flatMap(\.raw) == long)
        #expect(letters.allSatisfy { $0.attempts == 2 })
    }

    @Test func aMissingInputIsAClearErrorAndAnEmptyDirectoryStoresNothing() throws {
        let store = try InquestStore.inMemory()
        #expect(throws: IngestError.self) { try FileIngestor(store: store).ingest(paths: [directory.appendingPathComponent("missing.log").path]) }
        let summary = try FileIngestor(store: store).ingest(paths: [directory.path])
        #expect(summary.files.isEmpty)
    }

    @Test func checkpointRecordsTheEndOffsetInTheSameTransaction() throws {
        let store = try InquestStore.inMemory()
        let text = "Nov 20 10:00:00 web-1 app[1]: INFO hello\nNov 20 10:00:01 web-1 app[1]: ERROR bye\n"
        let path = try write("host.syslog", text)
        _ = try FileIngestor(store: store, options: IngestOptions(assumedYear: 2026)).ingest(paths: [path])
        let resolved = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        let checkpoint = try store.checkpoint(key: "file:" + resolved)
        // The bytes read, then where the next ingest goes on: the end, after 2 lines.
        #expect(checkpoint?.position.hasPrefix("\(text.utf8.count) resume \(text.utf8.count) 2 ") == true, "\(checkpoint?.position ?? "none")")
    }

    @Test func timeZoneOptionAcceptsNamesOffsetsAndRejectsNonsense() throws {
        #expect(try IngestOptions.timeZone(named: "+01:00").secondsFromGMT() == 3600)
        #expect(try IngestOptions.timeZone(named: "-0730").secondsFromGMT() == -27000)
        #expect(try IngestOptions.timeZone(named: "UTC").secondsFromGMT() == 0)
        #expect(throws: IngestError.self) { try IngestOptions.timeZone(named: "Mars/Olympus") }
    }
}

@Suite struct FormatDetectionThroughIngestTests {
    @Test func aSyslogFileLargerThanTheSampleIsStillSyslog() throws {
        // The detector's sample ends mid-line; that partial line must not tip the vote to log4j.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("inquest-detect-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let line = "Nov 20 00:00:00 api-9 user-profile[52899]: INFO request handled user=u192556 status=200 latency_ms=27 trace_id=bffda40c9f031b0535cc4155\n"
        let path = directory.appendingPathComponent("big.syslog").path
        try Data(String(repeating: line, count: 1_000).utf8).write(to: URL(fileURLWithPath: path))
        let summary = try FileIngestor(store: try InquestStore.inMemory(), options: IngestOptions(assumedYear: 2026)).ingest(paths: [path])
        #expect(summary.files.first?.format == "syslog")
        #expect(summary.stored == 1_000)
    }
}

@Suite struct MetricSeriesIngestTests {
    @Test func oneExcursionInASeriesBecomesOneMetricEvent() throws {
        // Given a steady series (small noise) with one spike lasting five points
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("inquest-metrics-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var csv = "timestamp,value\n"
        for minute in 0..<600 {
            let value = (minute >= 400 && minute < 405) ? 500.0 : 40.0 + Double((minute * 7) % 5)
            csv += "2026-11-20 \(String(format: "%02d:%02d", minute / 60, minute % 60)):00,\(value)\n"
        }
        let path = directory.appendingPathComponent("latency.csv").path
        try Data(csv.utf8).write(to: URL(fileURLWithPath: path))

        // When it is ingested
        let store = try InquestStore.inMemory()
        let summary = try FileIngestor(store: store).ingest(paths: [path])

        // Then it is read as a metric series and the spike is one metric event at its start
        #expect(summary.files.first?.format == "metrics")
        let events = try store.window(FilterSQLCompiler.compile(try Filter.parse("source:metric"), now: .now()), anchor: .oldest, limit: 10)
        #expect(events.count == 1)
        #expect(events.first?.timestamp.iso8601 == "2026-11-20T06:40:00.000000Z")
        #expect(events.first?.severity ?? .debug >= .warning)
    }
}

/// An ingest reading a named pipe on a thread of its own, and the pipe's writing end.
private final class PipedIngest: Sendable {
    struct Failure: Error {
        var description: String
    }

    /// The ingest's result, set by its thread.
    private final class Outcome: @unchecked Sendable {
        let finished = DispatchSemaphore(value: 0)
        private let lock = NSLock()
        private var result: Result<IngestSummary, any Error>?

        func set(_ value: Result<IngestSummary, any Error>) {
            lock.lock()
            result = value
            lock.unlock()
            finished.signal()
        }

        var value: Result<IngestSummary, any Error>? {
            lock.lock()
            defer { lock.unlock() }
            return result
        }
    }

    let writer: FileHandle
    private let outcome = Outcome()

    /// Makes the pipe at `pipe`, starts `ingestor` on it and opens its writing end (which waits
    /// for the ingest to open the reading end).
    init(_ ingestor: FileIngestor, pipe: String) throws {
        guard mkfifo(pipe, 0o600) == 0 else { throw Failure(description: "mkfifo \(pipe): \(String(cString: strerror(errno)))") }
        let outcome = self.outcome
        Thread.detachNewThread {
            outcome.set(Result { try ingestor.ingest(paths: [pipe]) })
        }
        guard let writer = FileHandle(forWritingAtPath: pipe) else { throw Failure(description: "cannot open \(pipe) for writing") }
        self.writer = writer
    }

    /// Whether the ingest is still running.
    var isRunning: Bool { outcome.value == nil }

    /// Closes the pipe, waits for the ingest to end and returns its summary.
    func closeAndWait() throws -> IngestSummary? {
        try writer.close()
        outcome.finished.wait()
        return try outcome.value?.get()
    }

    /// Polls `condition` every 20 ms for up to 30 s; whether it became true.
    static func eventually(_ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            if try condition() { return true }
            usleep(20_000)
        }
        return false
    }
}

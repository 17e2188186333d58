import Foundation
import InquestTestSupport
import InquestCore
@testable import InquestIngest
import InquestParsers
import InquestStore
import Testing

/// A large file parsed in segments on several threads stores exactly what one parsing thread
/// stores: the same events in the same order, the same dead letters at the same file:line.
@Suite struct SegmentedIngestTests {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("inquest-segments-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ text: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// JSON lines with runs of records that have no time (so segments start inside such runs),
    /// bad lines, blank lines, CRLF endings, non-ASCII text and objects over several lines.
    static func jsonFile(records: Int) -> String {
        var text = ""
        for index in 0..<records {
            let second = String(format: "%02d", index % 60)
            let minute = String(format: "%02d", (index / 60) % 60)
            switch index % 97 {
            case 10..<40:
                text += #"{"level":"info","msg":"no time \#(index) é"}"# + "\n"
            case 50:
                text += "not json at all \(index)\n"
            case 60:
                text += "\n"
            case 70:
                text += #"{"ts":"2026-11-20T10:\#(minute):\#(second)Z","msg":"nested \#(index)","items":["# + "\n"
                text += #"  {"a":1},"# + "\n" + #"  {"b":2}"# + "\n" + "]}\n"
            case 80:
                text += #"{"ts":"2026-11-20T10:\#(minute):\#(second)Z","level":"warn","msg":"crlf \#(index)"}"# + "\r\n"
            default:
                text += #"{"ts":"2026-11-20T10:\#(minute):\#(second).\#(index % 1000)Z","level":"error","service":"svc\#(index % 7)","msg":"record \#(index) 界"}"# + "\n"
            }
        }
        return text
    }

    static func log4jFile(records: Int) -> String {
        var text = ""
        for index in 0..<records {
            let second = String(format: "%02d", index % 60)
            text += "2026-11-20 10:15:\(second),123 ERROR [main] com.example.Service - failure \(index)\n"
            if index % 3 == 0 {
                text += "java.lang.IllegalStateException: boom \(index)\n\tat com.example.A.b(A.java:10)\n\tat com.example.C.d(C.java:20)\n"
            }
        }
        return text
    }

    struct Stored: Equatable {
        var events: [Event]
        var deadLetters: [String]
        var checkpoints: [Checkpoint]
        var stored: Int
        var lines: Int
        var reasons: [String]
    }

    func ingest(_ path: String, threads: Int, segmentBytes: Int) throws -> Stored {
        let store = try InquestStore.inMemory()
        let options = IngestOptions(assumedYear: 2026, batchSize: 7, chunkSize: 4096, parsingThreads: threads, segmentBytes: segmentBytes)
        let summary = try FileIngestor(store: store, options: options).ingest(paths: [path])
        let count = try store.count(.everything)
        let events = try store.events(ids: (1...Int64(max(1, count))).map { $0 })
        var letters: [String] = []
        var after: Int64 = 0
        while true {
            let page = try store.deadLetters(afterID: after, limit: 100)
            guard let last = page.last?.id else { break }
            letters += page.map { "\($0.location) \($0.reason) \($0.raw)" }
            after = last
        }
        let file = try #require(summary.files.first)
        return Stored(
            events: events, deadLetters: letters, checkpoints: try store.checkpoints(), stored: summary.stored,
            lines: file.physicalLines, reasons: file.failureReasons.map { "\($0.reason) \($0.count) \($0.firstLocation)" })
    }

    @Test(arguments: [2, 3])
    func aJSONFileParsedInSegmentsStoresWhatOneThreadStores(threads: Int) throws {
        let path = try write("app.jsonl", Self.jsonFile(records: 3_000))
        let segments = try #require(FileSegments(input: try InputFile(path: path), format: .json, threads: threads, segmentBytes: 4096))
        #expect(segments.count > 20)
        let single = try ingest(path, threads: 1, segmentBytes: 4096)
        let parallel = try ingest(path, threads: threads, segmentBytes: 4096)
        #expect(single.stored > 2_500)
        #expect(single.deadLetters.count >= 30)
        #expect(single.events.contains { $0.message.hasPrefix("nested") && $0.raw.contains(0x0A) })
        #expect(parallel == single)
        // Not vacuous: some segments start with a record that has no time of its own, and such a
        // record has the time of the record before it, in the segment before (not the ingest time).
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let endOfNovember20 = Timestamp(seconds: 1_795_219_200, nanos: 0)  // 2026-11-21T00:00:00Z
        var timeless = 0
        for start in segments.starts.dropFirst() {
            let lineEnd = bytes[Int(start)...].firstIndex(of: 0x0A) ?? bytes.count
            let line = Array(bytes[Int(start)..<lineEnd])
            guard let index = parallel.events.firstIndex(where: { $0.raw == line }), index > 0 else { continue }
            guard parallel.events[index].timeQuality.contains(.missing) else { continue }
            timeless += 1
            #expect(parallel.events[index].timestamp == parallel.events[index - 1].timestamp)
            #expect(parallel.events[index].timestamp < endOfNovember20)
        }
        #expect(timeless >= 3)
    }

    @Test func aLog4jFileIsCutBeforeHeadersNeverInsideAStackTrace() throws {
        let path = try write("app.log", Self.log4jFile(records: 2_000))
        let segments = try #require(FileSegments(input: try InputFile(path: path), format: .log4j, threads: 2, segmentBytes: 4096))
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        for start in segments.starts.dropFirst() {
            #expect(bytes[Int(start) - 1] == 0x0A)
            #expect(bytes[Int(start)] == UInt8(ascii: "2"), "a segment starts at a header line")
        }
        let single = try ingest(path, threads: 1, segmentBytes: 4096)
        let parallel = try ingest(path, threads: 2, segmentBytes: 4096)
        #expect(single.stored == 2_000)
        #expect(parallel == single)
    }

    /// Real logs (an Apache access log, Kafka's log4j with stack traces, syslog, a GC log read as
    /// plain text) cut into many segments store what one thread stores.
    @Test(.enabled(if: SharedCorpus.isAvailable, SharedCorpus.skipReason), arguments: [
        "elastic-examples/apache_logs/apache_logs",
        "elastic-examples/kafka_monitoring/kafka1/logs/server.log.2016-12-19-20",
        "loghub/Linux/Linux_2k.log",
        "loghub/Zookeeper/Zookeeper_2k.log",
        "elastic-examples/kafka_monitoring/kafka1/logs/kafkaServer-gc.log",
    ])
    func realLogsParsedInSegmentsStoreWhatOneThreadStores(file: String) throws {
        let path = try SharedCorpus.path(file)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        let segmentBytes = max(4096, size / 24)
        let single = try ingest(path, threads: 1, segmentBytes: segmentBytes)
        let parallel = try ingest(path, threads: 3, segmentBytes: segmentBytes)
        #expect(single.stored > 100)
        #expect(parallel == single)
    }

    @Test func smallFilesStreamsAndOneThreadAreNotSegmented() throws {
        let path = try write("small.jsonl", Self.jsonFile(records: 50))
        #expect(FileSegments(input: try InputFile(path: path), format: .json, threads: 2, segmentBytes: 1 << 20) == nil)
        #expect(FileSegments(input: try InputFile(path: path), format: .json, threads: 1, segmentBytes: 64) == nil)
        #expect(FileSegments(input: try InputFile(path: path), format: .json, threads: 2, segmentBytes: 64) != nil)
    }
}

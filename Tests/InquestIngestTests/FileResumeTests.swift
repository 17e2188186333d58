import Foundation
import InquestCore
@testable import InquestIngest
import InquestStore
import Testing

/// An ingest stopped part-way (the canvas quitting) leaves a checkpoint the next ingest of the
/// same file goes on from: it reads only the bytes after it and the store ends up exactly as
/// after one whole ingest.
@Suite struct FileResumeTests {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("inquest-resume-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ text: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func options(threads: Int, cancellation: IngestCancellation? = nil) -> IngestOptions {
        var options = IngestOptions(assumedYear: 2026, batchSize: 7, chunkSize: 4096, parsingThreads: threads, segmentBytes: 4096)
        options.cancellation = cancellation
        return options
    }

    /// Every event (in id order) and dead letter of a store, as text to compare.
    func contents(of store: InquestStore) throws -> (events: [Event], deadLetters: [String]) {
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
        return (events, letters)
    }

    @Test(arguments: [1, 2])
    func aStoppedIngestGoesOnFromItsCheckpointAndStoresWhatOneIngestStores(threads: Int) throws {
        // Given a file with time-less runs, bad lines and multi-line records, ingested whole once
        let path = try write("app.jsonl", SegmentedIngestTests.jsonFile(records: 3_000))
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        let whole = try InquestStore.inMemory()
        _ = try FileIngestor(store: whole, options: options(threads: threads)).ingest(paths: [path])
        let expected = try contents(of: whole)

        // When another store's ingest of it is stopped part-way
        let store = try InquestStore.inMemory()
        let cancellation = IngestCancellation()
        #expect(throws: IngestError.self) {
            _ = try FileIngestor(store: store, options: options(threads: threads, cancellation: cancellation)).ingest(paths: [path]) { progress in
                if progress.bytesRead > Int64(size / 3) { cancellation.cancel() }
            }
        }
        let kept = try store.count(.everything)
        #expect(kept > 0 && kept < expected.events.count, "stopped part-way: \(kept) of \(expected.events.count)")

        // Then the next ingest reads only what follows the checkpoint
        let summary = try FileIngestor(store: store, options: options(threads: threads)).ingest(paths: [path])
        let file = try #require(summary.files.first)
        #expect(file.bytes < Int64(size) && file.bytes > 0, "read \(file.bytes) of \(size) bytes")
        #expect(file.duplicates < 50, "at most the records of one batch are read again: \(file.duplicates)")

        // and the store holds exactly what one whole ingest stores, dead letters' lines included
        let resumed = try contents(of: store)
        #expect(resumed.events == expected.events)
        #expect(resumed.deadLetters == expected.deadLetters)
        #expect(try store.checkpoints() == (try whole.checkpoints()))

        // and a third ingest reads nothing
        let again = try FileIngestor(store: store, options: options(threads: threads)).ingest(paths: [path])
        #expect(again.files.first?.bytes == 0)
        #expect(again.stored == 0)
    }

    @Test func anotherFileAtThePathIsReadFromItsStart() throws {
        let path = try write("app.jsonl", SegmentedIngestTests.jsonFile(records: 200))
        let store = try InquestStore.inMemory()
        _ = try FileIngestor(store: store, options: options(threads: 1)).ingest(paths: [path])
        // Replaced by a new, longer file renamed over it (a new inode): not resumed, read whole
        let written = try write("app.jsonl.new", SegmentedIngestTests.jsonFile(records: 300))
        #expect(rename(written, path) == 0)
        let replacement = path
        let summary = try FileIngestor(store: store, options: options(threads: 1)).ingest(paths: [replacement])
        let size = try #require(try FileManager.default.attributesOfItem(atPath: replacement)[.size] as? Int)
        #expect(summary.files.first?.bytes == Int64(size))
    }

    @Test func theCheckpointRoundTripsAndOlderFormsAreNotResumed() {
        let point = FileResumePoint(offset: 4_096, line: 77, device: 2049, inode: 123, format: .json, previousTime: Timestamp(nanoseconds: 42))
        #expect(FileResumePoint(encoded: point.encoded(bytesRead: 5_000)) == point)
        let timeless = FileResumePoint(offset: 0, line: 0, device: 1, inode: 2, format: .syslog, previousTime: nil)
        #expect(FileResumePoint(encoded: timeless.encoded(bytesRead: 0)) == timeless)
        #expect(FileResumePoint(encoded: "5000") == nil)
        #expect(FileResumePoint(encoded: "5000 resume 1 2 3 4 nosuchformat -") == nil)
    }
}

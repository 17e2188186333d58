import Foundation
import InquestCore
import InquestIngest
import InquestStore
import Testing

/// File ingest gives every log event a template id that survives re-opening and grows with new files.
@Suite struct TemplateIngestTests {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("inquest-templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ lines: [String]) throws -> String {
        let path = directory.appendingPathComponent(name).path
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func eventsOfOneShapeShareATemplateAcrossFilesAndStores() throws {
        let first = try write("a.log", (0..<40).map {
            "2026-11-20T10:00:\(String(format: "%02d", $0))Z INFO worker \($0 % 5) finished job \(1000 + $0)"
        } + ["2026-11-20T10:01:00Z ERROR disk full on /var/lib/data"])
        let second = try write("b.log", (0..<10).map {
            "2026-11-20T11:00:\(String(format: "%02d", $0))Z INFO worker \($0) finished job \(2000 + $0)"
        })
        let storePath = directory.appendingPathComponent("store.db").path
        do {
            let store = try InquestStore.open(path: storePath)
            _ = try FileIngestor(store: store).ingest(paths: [first])
        }
        let store = try InquestStore.open(path: storePath)
        _ = try FileIngestor(store: store).ingest(paths: [second])

        let events = try store.events(ids: Array(1...51))
        let ids = Set(events.compactMap(\.templateID))
        #expect(events.allSatisfy { $0.templateID != nil })
        #expect(ids.count == 2)
        let worker = try #require(try store.template(of: events[0].templateID ?? 0))
        #expect(worker.template.text.hasSuffix("finished job <*>"))
        #expect(worker.events == 50)
        #expect(try store.template(of: events[40].templateID ?? 0)?.events == 1)
    }
}

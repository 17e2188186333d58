import Foundation
import InquestCore
import InquestStore
import Testing
@testable import InquestExchange

/// Bundles written by released versions must keep importing, whatever the current writer
/// spells. `Tests/Fixtures/bundles/demo-v1.bundle` is `inquest bundle 1 --context 0` of the
/// demo store, written by format version 1 (camelCase keys: `traceId`, `timestampNs`...).
@Suite struct ReleasedBundleTests {
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/bundles")

    @Test func aVersion1BundleImportsWithEveryEventField() throws {
        // Given the demo investigation bundled by format version 1
        let data = try Data(contentsOf: Self.fixtures.appendingPathComponent("demo-v1.bundle"))
        // When it is read and imported into an empty store
        let bundle = try BundleCodec.decode(data, path: "demo-v1.bundle")
        let target = try InquestStore.inMemory()
        let summary = try ExchangeFixtures.importer.importBundle(bundle, into: target)
        // Then every section arrives, and the events keep their trace and request ids
        #expect(summary.investigation == "created")
        #expect(summary.eventsNew == 14 && summary.notesNew == 4 && summary.linksNew == 14)
        let events = try target.events(from: Timestamp(nanoseconds: 0), through: Timestamp(nanoseconds: .max), limit: 100)
        #expect(events.count == 14)
        #expect(events.contains { $0.traceID == "2b38c0509f1656313046170279393912" })
        #expect(events.contains { $0.requestID == "req-9599cf54" })
    }
}

import Foundation
import InquestCore
import InquestStore
import Testing
@testable import InquestExchange

/// Version 2 bundles spell every key snake_case; version 1 bundles (camelCase) still read, their
/// sections checked by re-encoding them in version 1's spelling.
@Suite struct BundleVersionTests {
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/bundles")

    @Test func writesVersion2WithSnakeCaseKeysAndReadsItBackUnchanged() throws {
        // Given a bundle of the source investigation
        let (source, id) = try ExchangeFixtures.sourceStore()
        let writer = BundleWriter(store: source, contextNanoseconds: ExchangeFixtures.minute, provenance: ExchangeFixtures.provenance)
        let bundle = try writer.bundle(investigationID: id)
        // When it is written and read back
        let data = try BundleCodec.encode(bundle)
        let text = String(decoding: data, as: UTF8.self)
        let read = try BundleCodec.decode(data, path: "v2.bundle")
        // Then the file is version 2, snake_case throughout, and reads back as the same value
        #expect(text.hasPrefix(#"{"format":"inquest-bundle","version":2,"manifest_sha256":"#))
        for key in ["trace_id", "span_id", "timestamp_ns", "raw_base64", "dedupe_key", "source_store_id",
                    "investigation_id", "event_id", "created_at_ns", "affected_services", "origin_key"] {
            #expect(text.contains("\"\(key)\":"), "missing \(key)")
        }
        for key in ["traceId", "traceID", "timestampNs", "investigationId", "investigationID", "eventID", "manifestSha256"] {
            #expect(!text.contains("\"\(key)\":"), "camelCase \(key) in a version 2 file")
        }
        // And events are written for people: severity and time quality by name
        #expect(text.contains(#""severity":"error""#) && text.contains(#""time_quality":["zoneAssumed"]"#))
        var expected = bundle
        expected.manifest.sections = read.manifest.sections
        #expect(read == expected)
        #expect(read.events.contains { $0.traceID == "trace-10" && $0.spanID == "span-10" })
    }

    @Test func reencodesAVersion1BundleInItsOwnSpelling() throws {
        // Given the released version 1 bundle
        let data = try Data(contentsOf: Self.fixtures.appendingPathComponent("demo-v1.bundle"))
        let bundle = try BundleCodec.decode(data, path: "demo-v1.bundle")
        // When its sections are encoded in version 1's spelling
        let sections = try BundleCodec.sectionBytes(of: bundle, version: 1)
        // Then each is byte for byte the section in the file (`Id` in events, `ID` in links)
        let text = String(decoding: data, as: UTF8.self)
        for (name, bytes, _) in sections {
            #expect(text.contains("\"\(name.rawValue)\":" + String(decoding: bytes, as: UTF8.self)), "section \(name)")
        }
        #expect(text.contains(#""traceId":"#) && text.contains(#""eventID":"#) && text.contains(#""severity":3"#))
    }
}

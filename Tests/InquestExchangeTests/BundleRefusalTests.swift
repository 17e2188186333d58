import Foundation
import InquestCore
import InquestStore
import Testing
@testable import InquestExchange

@Suite("Corrupt, truncated and foreign files are refused and change nothing")
struct BundleRefusalTests {
    /// A target store with data of its own, and what it looks like before any import.
    private func target() throws -> (InquestStore, ChangeToken, Int) {
        let store = try InquestStore.inMemory()
        try store.append(EventBatch(events: (0..<5).map { ExchangeFixtures.event($0, source: "mine.log") }))
        try store.createInvestigation(Investigation(title: "Mine", owner: "dave"))
        return (store, try store.changeToken(), try store.stats().totalEvents)
    }

    /// Decodes and imports `data`; returns the error it was refused with.
    private func refusal(_ data: Data, into store: InquestStore) -> (any Error)? {
        do {
            _ = try ExchangeFixtures.importer.importBundle(try BundleCodec.decode(data, path: "x.bundle"), into: store)
            return nil
        } catch {
            return error
        }
    }

    @Test func refusesEveryFlippedByteAndLeavesTheStoreUnchanged() throws {
        let (source, id) = try ExchangeFixtures.sourceStore()
        let data = try ExchangeFixtures.bundleData(source, id)
        let (store, token, count) = try target()
        // Every 7th byte of the file (all of it for the last newline's predecessor), flipped in bit 0 and bit 5
        var positions = Array(stride(from: 0, to: data.count - 1, by: 7))
        positions.append(data.count - 2)
        var accepted: [Int] = []
        for position in positions {
            for mask: UInt8 in [0x01, 0x20] {
                var damaged = data
                damaged[position] ^= mask
                if refusal(damaged, into: store) == nil { accepted.append(position) }
            }
        }
        #expect(refusal(data, into: try InquestStore.inMemory()) == nil, "the undamaged file is accepted")
        #expect(accepted.isEmpty, "flips accepted at \(accepted.prefix(10)) of \(data.count) bytes")
        #expect(try store.changeToken() == token)
        #expect(try store.stats().totalEvents == count)
        #expect(try store.investigations().map(\.investigation.title) == ["Mine"])
    }

    @Test func refusesATruncatedFileNamingTheProblem() throws {
        let (source, id) = try ExchangeFixtures.sourceStore()
        let data = try ExchangeFixtures.bundleData(source, id)
        let (store, token, _) = try target()
        for length in stride(from: 0, to: data.count - 2, by: max(1, data.count / 200)) {
            let error = refusal(data.prefix(length), into: store)
            #expect(error is ExchangeError, "a \(length)-byte prefix was accepted")
        }
        let error = try #require(refusal(data.prefix(data.count / 2), into: store) as? ExchangeError)
        #expect("\(error)".contains("truncated"))
        #expect(try store.changeToken() == token)
    }

    @Test func refusesAChecksumMismatchWithTheSectionName() throws {
        let (source, id) = try ExchangeFixtures.sourceStore()
        let text = String(decoding: try ExchangeFixtures.bundleData(source, id), as: UTF8.self)
        let tampered = text.replacingOccurrences(of: "First note", with: "Forged note")

        let error = try #require(refusal(Data(tampered.utf8), into: try InquestStore.inMemory()) as? ExchangeError)

        guard case let .checksumMismatch(_, section, _, _) = error else {
            Issue.record("expected a checksum mismatch, got \(error)")
            return
        }
        #expect(section == "notes")
    }

    @Test func refusesAWrongVersionAMissingSectionAndAForeignFormat() throws {
        let (source, id) = try ExchangeFixtures.sourceStore()
        let data = try ExchangeFixtures.bundleData(source, id)
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let store = try InquestStore.inMemory()

        object["version"] = 3
        #expect(refusal(try JSONSerialization.data(withJSONObject: object), into: store) as? ExchangeError
            == .unsupportedVersion(path: "x.bundle", found: 3, supported: 2))
        object["version"] = 2
        object["links"] = nil
        #expect(refusal(try JSONSerialization.data(withJSONObject: object), into: store) as? ExchangeError
            == .missingSection(path: "x.bundle", section: "links"))
        #expect(refusal(Data("{\"format\":\"zip\"}".utf8), into: store) as? ExchangeError
            == .unknownFormat(path: "x.bundle", found: "zip"))
        #expect(refusal(Data("[1,2]".utf8), into: store) is ExchangeError)
        #expect(try store.stats().totalEvents == 0)
    }
}

import Foundation
import InquestCore
import InquestStore
import Testing
@testable import InquestExchange

@Suite("Import refuses attributes the store cannot filter on")
struct ImportedAttributesTests {
    /// A decoded bundle of the fixture investigation whose first event's attributes are `attributes`.
    private func bundle(withAttributes attributes: String) throws -> InvestigationBundle {
        let (source, id) = try ExchangeFixtures.sourceStore()
        var bundle = try BundleCodec.decode(try ExchangeFixtures.bundleData(source, id), path: "b.json")
        bundle.events[0].attributes = attributes
        return bundle
    }

    @Test(arguments: ["not json at all", "[1,2]", "\"text\"", "{\"a\":1", String(repeating: "[", count: 2_000) + String(repeating: "]", count: 2_000)])
    func refusesAttributesThatAreNotAShallowJSONObject(attributes: String) throws {
        let bundle = try bundle(withAttributes: attributes)
        let target = try InquestStore.inMemory()
        let before = try target.changeToken()
        #expect {
            try ExchangeFixtures.importer.importBundle(bundle, into: target)
        } throws: { error in
            guard case .invalidAttributes(let index, let id, _)? = error as? ExchangeError else { return false }
            return index == 0 && id == bundle.events[0].eventID
        }
        #expect(try target.changeToken() == before, "nothing was written")
    }

    @Test func refusesObjectNestedDeeperThanTheLimit() throws {
        let depth = AttributesNesting.maximumDepth
        let deep = "{\"a\":" + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "}"
        let bundle = try bundle(withAttributes: deep)
        let error = #expect(throws: ExchangeError.self) { try ExchangeFixtures.importer.importBundle(bundle, into: try InquestStore.inMemory()) }
        #expect(error.map { "\($0)" }?.contains("events[0]") == true, "\(String(describing: error))")
    }

    @Test func acceptsAnObjectAtTheLimit() throws {
        let depth = AttributesNesting.maximumDepth - 1
        let deep = "{\"a\":" + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "}"
        let bundle = try bundle(withAttributes: deep)
        let summary = try ExchangeFixtures.importer.importBundle(bundle, into: try InquestStore.inMemory())
        #expect(summary.eventsNew == bundle.events.count)
    }
}

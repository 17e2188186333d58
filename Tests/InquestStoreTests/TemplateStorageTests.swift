import Foundation
import GRDB
import InquestCore
import Testing
@testable import InquestStore

@Suite("Storing log templates")
struct TemplateStorageTests {
    /// Events 0..<count with template ids from `ids`, as the ingest writer gives them.
    static func batch(_ range: Range<Int>, ids: (Int) -> Int64, templates: [LogTemplate]) -> EventBatch {
        var events = EncodedEvents(range.map { StoreFixtures.event($0, ts: Int64($0) * 1000) })
        events.assignTemplates(range.map(ids))
        var batch = EventBatch(events: events)
        batch.templates = templates
        return batch
    }

    @Test func storesTemplatesAndCountsOnlyNewEvents() throws {
        let store = try InquestStore.inMemory()
        let templates = [LogTemplate(id: 1, tokens: ["login", "<*>"], count: 0),
                         LogTemplate(id: 2, tokens: ["logout", "<*>"], count: 0)]
        let batch = Self.batch(0..<10, ids: { $0 < 7 ? 1 : 2 }, templates: templates)
        try store.append(batch)
        try store.append(batch)  // all duplicates: counts stay

        let stored = try store.templates()
        #expect(stored[1]?.text == "login <*>" && stored[1]?.count == 7)
        #expect(stored[2]?.count == 3)
        #expect(try store.events(ids: [1, 9]).map(\.templateID) == [1, 2])
    }

    @Test func countsFromStoredRowsWhenABatchIsPartlyDuplicate() throws {
        let store = try InquestStore.inMemory()
        let template = [LogTemplate(id: 5, tokens: ["x", "<*>"], count: 0)]
        try store.append(Self.batch(0..<4, ids: { _ in 5 }, templates: template))
        try store.append(Self.batch(2..<9, ids: { _ in 5 }, templates: []))
        #expect(try store.templates()[5]?.count == 9)
    }

    @Test func aMergedTemplateReadsAsItsSurvivorInFiltersAndDetails() throws {
        let store = try InquestStore.inMemory()
        try store.append(Self.batch(0..<3, ids: { _ in 1 }, templates: [LogTemplate(id: 1, tokens: ["user", "root"], count: 0)]))
        try store.append(Self.batch(3..<5, ids: { _ in 2 }, templates: [LogTemplate(id: 2, tokens: ["user", "guest"], count: 0)]))
        try store.append(Self.batch(5..<6, ids: { _ in 2 }, templates: [
            LogTemplate(id: 1, tokens: ["user", "root"], count: 0, mergedInto: 2),
            LogTemplate(id: 2, tokens: ["user", "<*>"], count: 0),
        ]))

        let read = try #require(try store.template(of: 1))
        #expect(read.template.id == 2 && read.template.text == "user <*>" && read.events == 6)
        #expect(try store.count(FilterSQLCompiler.compile(try Filter.parse("template:2"), now: .now())) == 6)
        #expect(try store.count(FilterSQLCompiler.compile(try Filter.parse("template:1"), now: .now())) == 3)
        #expect(try store.count(FilterSQLCompiler.compile(try Filter.parse(#"template:"user <*>""#), now: .now())) == 6)
        #expect(try store.count(FilterSQLCompiler.compile(try Filter.parse(#"template:"user root""#), now: .now())) == 0)
        #expect(try store.count(FilterSQLCompiler.compile(try Filter.parse("-template:2"), now: .now())) == 0)
    }

    @Test func eventsWithoutTemplatesStoreNull() throws {
        let store = try InquestStore.inMemory()
        try store.append(EventBatch(events: [StoreFixtures.event(1, ts: 1)]))
        #expect(try store.events(ids: [1]).first?.templateID == nil)
        #expect(try store.templates().isEmpty)
    }
}

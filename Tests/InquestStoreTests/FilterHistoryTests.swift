import InquestCore
@testable import InquestStore
import Testing

@Suite struct FilterHistoryTests {
    @Test func filtersAreKeptLeastRecentlyUsedFirstWithoutDuplicates() throws {
        let store = try InquestStore.inMemory()
        try store.recordFilter("sev:error", at: Timestamp(seconds: 10))
        try store.recordFilter("timeout", at: Timestamp(seconds: 20))
        try store.recordFilter("sev:error", at: Timestamp(seconds: 30))
        try store.recordFilter("", at: Timestamp(seconds: 40))
        #expect(try store.filterHistory() == ["timeout", "sev:error"])
        #expect(try store.filterHistory(limit: 1) == ["sev:error"])
    }

    @Test func theSameInstantKeepsTheOrderOfUse() throws {
        let store = try InquestStore.inMemory()
        let now = Timestamp(seconds: 5)
        for text in ["a", "b", "c"] { try store.recordFilter(text, at: now) }
        #expect(try store.filterHistory() == ["a", "b", "c"])
    }

    @Test func theHistoryIsCapped() throws {
        let store = try InquestStore.inMemory()
        for index in 0..<(InquestStore.filterHistoryLimit + 5) {
            try store.recordFilter("f\(index)", at: Timestamp(seconds: Int64(index)))
        }
        let history = try store.filterHistory()
        #expect(history.count == InquestStore.filterHistoryLimit)
        #expect(history.first == "f5")
    }

    @Test func viewsAreSavedReplacedListedAndDeleted() throws {
        let store = try InquestStore.inMemory()
        let view = SavedView(name: "errors", filter: "sev:error", linkedInvestigationID: 3, onlyOpened: true, timeMode: "local")
        try store.saveView(view)
        try store.saveView(SavedView(name: "all", filter: ""))
        #expect(try store.savedViews() == [SavedView(name: "all", filter: ""), view])
        var changed = view
        changed.filter = "sev:critical"
        try store.saveView(changed)
        #expect(try store.savedViews().last == changed)
        #expect(try store.deleteView(named: "errors"))
        #expect(try !store.deleteView(named: "errors"))
        #expect(try store.savedViews().map(\.name) == ["all"])
    }
}

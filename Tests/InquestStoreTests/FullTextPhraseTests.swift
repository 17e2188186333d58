import InquestCore
import Testing
@testable import InquestStore

/// Phrases, words the tokenizer splits, prefixes and case/diacritic folding, through the store.
@Suite("Phrases and split words")
struct FullTextPhraseTests {
    private func store(_ messages: [String], attributes: [String]? = nil) throws -> InquestStore {
        let store = try InquestStore.inMemory()
        let events = messages.enumerated().map { index, message in
            var event = StoreFixtures.event(index + 1, ts: Int64(index + 1), message: message)
            if let attributes { event.attributesJSON = attributes[index] }
            return event
        }
        try store.append(EventBatch(events: events))
        return store
    }

    private func count(_ store: InquestStore, _ text: String) throws -> Int {
        let filter = try Filter.parse(text)
        return try store.count(FilterSQLCompiler.compile(filter, now: Timestamp(seconds: 0)))
    }

    @Test func phrasesWordsThatSplitAndPrefixesMatchThroughTheStore() throws {
        let store = try store([
            "payment gateway timeout", "gateway payment mixup", "request req-c148907344 handled",
            "Connection RESET by péer",
        ])
        #expect(try count(store, #""payment gateway""#) == 1)
        #expect(try count(store, #""gateway payment""#) == 1)
        #expect(try count(store, "payment gateway") == 2, "two bare words are an AND, in any order")
        #expect(try count(store, "req-c148907344") == 1)
        #expect(try count(store, "req-c1489*") == 1)
        #expect(try count(store, "req-c9*") == 0)
        #expect(try count(store, #""reset by peer""#) == 1, "case and diacritics fold as in the index")
        #expect(try count(store, #"-"payment gateway""#) == 3)
        #expect(try count(store, #""payment gateway" OR "reset by""#) == 2)
    }

    @Test func aPhraseDoesNotSpanTheMessageAndTheAttributes() throws {
        let store = try store(["disk almost", "disk almost full"], attributes: [#"{"note":"full"}"#, "{}"])
        #expect(try count(store, #""almost full""#) == 1)
        #expect(try count(store, "almost full") == 2)
    }
}


import InquestCore
import Testing
@testable import InquestStore

/// The index keeps no positions (`detail=none`); phrase order is checked on each row.
@Suite("Phrases over a position-less index")
struct FullTextPhraseTests {
    @Test func tokenizesLikeUnicode61() {
        #expect(FullTextTokenizer.tokens("GET /api/v1?id=42 req-c1489") == ["get", "api", "v1", "id", "42", "req", "c1489"])
        #expect(FullTextTokenizer.tokens("Café ÉCHEC naïve") == ["cafe", "echec", "naive"])
        #expect(FullTextTokenizer.tokens("snake_case 10.0.0.1:80") == ["snake", "case", "10", "0", "0", "1", "80"])
        #expect(FullTextTokenizer.tokens(" ,;! ").isEmpty)
    }

    @Test func matchesRunsInOrderWithinOneColumn() {
        let tokens = FullTextTokenizer.tokens("opened connection to payment gateway at 10.16.205.129:8080")
        #expect(FullTextPhrase.contains(tokens, ["payment", "gateway"], prefix: false))
        #expect(!FullTextPhrase.contains(tokens, ["gateway", "payment"], prefix: false))
        #expect(!FullTextPhrase.contains(tokens, ["connection", "payment"], prefix: false))
        #expect(FullTextPhrase.contains(tokens, ["10", "16", "205"], prefix: false))
        #expect(FullTextPhrase.contains(tokens, ["payment", "gate"], prefix: true))
        #expect(!FullTextPhrase.contains(tokens, ["payment", "gate"], prefix: false))
        #expect(!FullTextPhrase.contains(["a"], ["a", "b"], prefix: false))
    }

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

@Suite("Phrase check on bytes")
struct FullTextPhraseBytesTests {
    @Test(arguments: [
        ("opened connection to PAYMENT Gateway at 10.0.0.1", "payment gateway", false),
        ("gateway payment", "payment gateway", false),
        ("payment gatewayed", "payment gateway", true),
        ("payment gatewayed", "payment gateway", false),
        ("x req-c1489 y", "req-c14", true),
        ("x req-c1489 y", "req-c14", false),
        ("Café ÉCHEC", "cafe echec", false),
        ("", "a b", false),
    ])
    func agreesWithTheTokenizerPath(text: String, phrase: String, prefix: Bool) {
        let wanted = FullTextTokenizer.tokens(phrase)
        let reference = FullTextPhrase.contains(FullTextTokenizer.tokens(text), wanted, prefix: prefix)
        #expect(FullTextPhrase.matches(text, wanted, prefix: prefix) == reference)
    }
}

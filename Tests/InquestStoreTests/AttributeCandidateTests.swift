import InquestCore
import Testing
@testable import InquestStore

/// Attribute equalities narrowed by the full-text index must find exactly what the JSON says.
@Suite("Attribute filters narrowed by the index")
struct AttributeCandidateTests {
    private func count(_ store: InquestStore, _ text: String) throws -> Int {
        try store.count(FilterSQLCompiler.compile(try Filter.parse(text), now: Timestamp(seconds: 0)))
    }

    @Test func findsTheSameRowsAsTheJSONAlone() throws {
        let store = try InquestStore.inMemory()
        let attributes = [
            #"{"status":504,"method":"GET"}"#, #"{"status":"504","method":"get"}"#, #"{"status":5040}"#,
            #"{"status":200,"note":"504"}"#, #"{"status":504.0}"#, #"{"path":"/a\"b","line":"x\ny"}"#, "{}",
        ]
        try store.append(EventBatch(events: attributes.enumerated().map { index, json in
            var event = StoreFixtures.event(index + 1, ts: Int64(index + 1), message: "request \(index)")
            event.attributesJSON = json
            return event
        }))
        #expect(try count(store, "status:504") == 3, "number, digits as a string, and 504.0")
        #expect(try count(store, "-status:504") == 4)
        #expect(try count(store, "method:GET") == 2)
        #expect(try count(store, "status:5040") == 1)
        #expect(try count(store, "note:504") == 1)
        #expect(try count(store, #"path:"/a\"b""#) == 1, "a value JSON escapes is not narrowed, and still found")
        #expect(FilterSQLAttribute.candidateQuery(.equal, .number(504, text: "504")) == #""504""#)
        #expect(FilterSQLAttribute.candidateQuery(.greater, .number(504, text: "504")) == nil)
        #expect(FilterSQLAttribute.candidateQuery(.equal, .number(1.5, text: "1.5")) == nil)
    }
}

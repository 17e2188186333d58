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
        let status = FilterSQLAttribute(key: "status")
        #expect(status.candidateQuery(.equal, .number(504, text: "504")) == #"attributes : "504""#)
        #expect(status.candidateQuery(.greater, .number(504, text: "504")) == nil)
        #expect(status.candidateQuery(.equal, .number(1.5, text: "1.5")) == nil)
    }

    /// Every JSON shape a lookup accepts is found, and a value the message mentions is not
    /// mistaken for an attribute.
    @Test func keyAndValueNarrowTogetherInEveryShape() throws {
        let store = try InquestStore.inMemory()
        let rows: [(String, String)] = [
            (#"{"http.status":504}"#, "flat dotted key"),
            (#"{"http":{"method":"GET","status":504}}"#, "nested, not the first member"),
            (#"{"http":{"status":"504"}}"#, "nested digits as text"),
            (#"{"latency_ms":504,"status":200}"#, "504 under another key"),
            (#"{"status":200}"#, "status 504 in the message only"),
            (#"{"user-agent":"curl","retry_after":3}"#, "separators inside keys"),
        ]
        try store.append(EventBatch(events: rows.enumerated().map { index, row in
            var event = StoreFixtures.event(index + 1, ts: Int64(index + 1), message: "upstream status 504 \(row.1)")
            event.attributesJSON = row.0
            return event
        }))
        #expect(try count(store, "http.status:504") == 3)
        #expect(try count(store, "status:504") == 0, "a flat lookup of status finds no top-level 504")
        #expect(try count(store, "latency_ms:504") == 1)
        #expect(try count(store, "user-agent:curl") == 1)
        #expect(try count(store, "retry_after:3") == 1)
        #expect(try count(store, "status:200") == 2)
        #expect(try count(store, "http.status:504 -http.method:GET") == 2)
    }
}

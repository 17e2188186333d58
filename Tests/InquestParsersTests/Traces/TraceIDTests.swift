import Testing

@testable import InquestParsers

@Suite("Trace id normalisation")
struct TraceIDTests {
    @Test(
        "reads hex of any case, base64 of the right length and short hex",
        arguments: [
            ("5B8EFFF798038103D269B633813FC60C", 16, "5b8efff798038103d269b633813fc60c"),
            ("W47/95gDgQPSabYzgT/GDA==", 16, "5b8efff798038103d269b633813fc60c"),
            ("7uGbfsPBsXU=", 8, "eee19b7ec3c1b175"),
            ("978883983d506fa5", 16, "978883983d506fa5"),
            ("a68c6983a6d81a2", 8, "a68c6983a6d81a2"),
        ])
    func normalises(text: String, byteCount: Int, expected: String) throws {
        #expect(try TraceID.normalize(text, byteCount: byteCount, path: "id") == expected)
    }

    @Test("an empty or all-zero parent id means no parent; junk names its path")
    func parents() throws {
        #expect(try TraceID.normalizeParent("", path: "p") == nil)
        #expect(try TraceID.normalizeParent("0000000000000000", path: "p") == nil)
        #expect(throws: ParseError.invalidID(path: "spans[2].parentSpanId", text: "not an id")) {
            try TraceID.normalizeParent("not an id", path: "spans[2].parentSpanId")
        }
    }
}

import InquestCore
import Testing
@testable import InquestParsers

@Suite("Attributes nested too deep to filter on are dead letters")
struct AttributesNestingTests {
    static func nestedArrays(_ depth: Int) -> String {
        String(repeating: "[", count: depth) + "1" + String(repeating: "]", count: depth)
    }

    @Test func aRecordWhoseArraysNestPastTheLimitIsAFailureAndItsNeighboursStay() {
        // 400 levels: past the attributes' limit, within the JSON parser's own (deeper input is
        // refused by the parser first, see JSONDepthTests).
        let text = """
            {"ts":"2026-11-20T10:00:00Z","msg":"before","latency_ms":5}
            {"ts":"2026-11-20T10:00:01Z","msg":"deep","a":\(Self.nestedArrays(400))}
            {"ts":"2026-11-20T10:00:02Z","msg":"after"}

            """
        let output = ParseHarness.parse(text, .json)
        #expect(output.events.map(\.message) == ["before", "after"])
        #expect(output.failures.count == 1)
        #expect(output.failures.first?.line == 2)
        #expect(output.failures.first?.error == .attributesTooDeep(depth: 401, maximum: AttributesNesting.maximumDepth))
    }

    @Test func attributesAtTheLimitAreKept() {
        // The attributes object is level 1, so a value may nest one level less than the limit.
        let depth = AttributesNesting.maximumDepth - 1
        let output = ParseHarness.parse("{\"msg\":\"ok\",\"a\":\(Self.nestedArrays(depth))}\n", .json)
        #expect(output.failures.isEmpty)
        #expect(output.events.count == 1)
    }

    @Test func bracketsInsideStringsDoNotCount() {
        #expect(AttributesNesting.depth(of: Array("{\"a\":\"[[[[\\\"]]\"}".utf8)) == 1)
        #expect(AttributesNesting.depth(of: Array("{\"a\":{\"b\":[1]}}".utf8)) == 3)
    }
}

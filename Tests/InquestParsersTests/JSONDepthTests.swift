import Foundation
import InquestCore
import Testing

@testable import InquestParsers

/// JSON records nested deep enough to overflow a recursive scanner (issue 13) come back as
/// located failures (dead letters), never as a crash, and in time linear in their size.
@Suite("JSON nesting depth")
struct JSONDepthTests {
    static func nested(_ depth: Int, key: String = "a") -> String {
        String(repeating: "{\"\(key)\":", count: depth) + "1" + String(repeating: "}", count: depth)
    }

    @Test func aRecordNested14000ObjectsDeepIsADeadLetterAndTheLineBeforeItIsKept() throws {
        // Given a valid record, then one nested 14,000 objects deep
        let text = #"{"msg":"before"}"# + "\n" + Self.nested(14_000) + "\n" + #"{"msg":"after"}"# + "\n"

        // When it is parsed
        let output = ParseHarness.parse(text, .json)

        // Then the deep record is a located failure and the others are events
        #expect(output.events.map(\.message) == ["before", "after"])
        #expect(output.failures.map(\.line) == [2])
        let limit = JSONRecordParser.maximumDepth
        #expect(output.failures.map(\.error) == [.jsonTooDeep(column: 1 + 5 * limit, limit: limit)])
        #expect(output.failures.first?.reason.contains("deeper than \(limit) levels") == true)
    }

    @Test func nestingUpToTheLimitParsesAndOneMoreLevelIsRefused() {
        let limit = JSONRecordParser.maximumDepth
        #expect(ParseHarness.parse(Self.nested(limit), .json).events.count == 1)
        #expect(ParseHarness.parse(Self.nested(limit + 1), .json).failures.count == 1)
        let arrays = "{\"a\":" + String(repeating: "[", count: limit) + String(repeating: "]", count: limit) + "}"
        #expect(ParseHarness.parse(arrays, .json).failures.map(\.error) == [.jsonTooDeep(column: 5 + limit, limit: limit)])
    }

    @Test func deepNestingWithLongKeysStaysFast() {
        // 12,000 levels of 100-character keys (1.2 MB) took 20 s and 7 GB when prefixes grew with depth.
        let line = Self.nested(12_000, key: String(repeating: "k", count: 100))
        let clock = ContinuousClock()
        let elapsed = clock.measure { #expect(ParseHarness.parse(line, .json).failures.count == 1) }
        #expect(elapsed < .seconds(2))
    }
}

import GRDB
import InquestCore
import InquestStore
import Testing

/// Random filters built from the language's pieces: whatever parses must run on SQLite, and
/// whatever fails must point at a column inside the input.
@Suite struct FilterSQLRobustnessTests {
    static let pieces = [
        "timeout", "pay*", "\"connection reset\"", "\"", "(", ")", "-", "NOT ", "OR ", "AND ", " ", " ", " ",
        "service:", "sev>=", "severity:", "host:", "source:", "tag:", "is:", "investigation:", "since:",
        "after:", "before:", "status:", "latency_ms>", "http.method:", "attr.\"k\":", "!=", ":", "<", "*",
        "checkout", "web-*", "error", "warning", "15m", "2026-11-20", "2026-11-20T10:05Z", "504", "2.5",
        "starred", "linked", "3", "true", "'", ";", "--", "%", "_", "\\", "NEAR(", "^", "é", "日本", "🔥",
    ]

    @Test func randomFiltersParseOrFailAtAColumnAndAlwaysRun() throws {
        let fixture = try FilterSQLFixture()
        var generator = SeededRandom(seed: 20_261_120)
        var parsed = 0
        var rejected = 0
        for _ in 0..<3_000 {
            let length = Int(generator.next() % 7) + 1
            var text = ""
            for _ in 0..<length { text += Self.pieces[Int(generator.next() % UInt64(Self.pieces.count))] }
            do {
                let filter = try Filter.parse(text)
                let sql = FilterSQLCompiler.compile(filter, now: FilterSQLFixture.lastEventTime)
                #expect(throws: Never.self, "filter: \(text)") { _ = try fixture.ids(sql) }
                parsed += 1
            } catch {
                #expect((1...(text.count + 1)).contains(error.column), "filter: \(text) → \(error)")
                rejected += 1
            }
        }
        // Both paths must be exercised for the test to mean anything.
        #expect(parsed > 300)
        #expect(rejected > 300)
    }
}

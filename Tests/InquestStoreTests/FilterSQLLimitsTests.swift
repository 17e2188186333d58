import GRDB
import InquestCore
import InquestStore
import Testing

/// The largest filters the parser accepts (its term and depth limits) must run on SQLite, whose
/// expression depth is limited to 1,000 and whose parser stack to 100 entries: 3,000 attribute
/// terms and 10,000 `NOT`s used to fail there with a hint to run integrity_check.
@Suite struct FilterSQLLimitsTests {
    static let terms = 256
    static let depth = 16

    @Test(arguments: [
        (0..<terms).map { "k\($0):v" }.joined(separator: " "),
        (0..<terms).map { "latency_ms>\($0)" }.joined(separator: " OR "),
        String(repeating: "NOT ", count: depth) + "k:v",
        String(repeating: "(k:v ", count: depth) + String(repeating: ")", count: depth),
        String(repeating: "-(k:v OR ", count: depth / 2) + "x" + String(repeating: ")", count: depth / 2),
        String(repeating: "(k:v OR NOT ", count: depth / 2) + "x" + String(repeating: ")", count: depth / 2),
    ])
    func theLargestAcceptedFiltersRun(text: String) throws {
        let fixture = try FilterSQLFixture()
        let sql = FilterSQLCompiler.compile(try Filter.parse(text), now: FilterSQLFixture.lastEventTime)
        #expect(throws: Never.self) { _ = try fixture.ids(sql) }
    }
}

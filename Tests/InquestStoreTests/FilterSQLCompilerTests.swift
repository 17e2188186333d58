import GRDB
import InquestCore
import InquestStore
import Testing

/// Runs compiled filters on the fixture store and checks which events they select.
@Suite struct FilterSQLCompilerTests {
    static let timeout: Set<Int64> = [3, 4, 11, 17, 18]
    static let payment: Set<Int64> = [2, 3, 8, 15]
    static let checkout: Set<Int64> = [1, 2, 3, 10, 14, 15, 17, 18]

    static let cases: [(String, [Int64])] = [
        // Free text (message and attributes, case- and accent-insensitive)
        ("timeout", [3, 4, 11, 17, 18]),
        ("TIMEOUT", [3, 4, 11, 17, 18]),
        ("time*", [3, 4, 11, 17, 18]),
        ("timeout -retry", [3, 11, 17, 18]),
        ("\"payment gateway\"", [2, 3, 15]),
        ("\"gateway payment\"", []),
        ("payment gateway", [2, 3, 15]),
        ("payment AND gateway", [2, 3, 15]),
        ("payment OR gateway", [2, 3, 8, 15]),
        ("cafe", [16]),
        ("alice", [8]),
        ("connection -reset", [15]),
        ("-connection -reset -timeout", allExcept(timeout.union([14, 15]))),
        ("NOT timeout", allExcept(timeout)),
        ("-(timeout OR payment)", allExcept(timeout.union(payment))),
        ("(payment gateway) OR deploy", [2, 3, 8, 11, 15]),
        ("timeout -(retry OR budget)", [3, 11, 17]),
        ("\"NEAR(timeout\"", [17]),
        // Services and hosts: case-insensitive, globs, NULL-safe negation
        ("service:checkout", [1, 2, 3, 10, 14, 15, 17, 18]),
        ("service:api-gateway", [4, 5]),
        ("service:API*", [4, 5]),
        ("service:*ship*", [19, 20]),
        ("-service:checkout", allExcept(checkout)),
        ("service!=checkout", allExcept(checkout)),
        ("host:web-1", [1, 2, 14, 15, 18]),
        ("host:web-*", [1, 2, 3, 12, 14, 15, 17, 18]),
        // Sources
        ("source:log", [1, 2, 3, 4, 5, 12, 13, 14, 15, 16, 17, 18, 19, 20]),
        ("source:metric", [6]),
        ("source:note", [11]),
        ("source:api.log", [4, 5]),
        ("source:API.LOG", [4, 5]),
        ("source:git*", [8, 9]),
        ("source:c*", [8, 9]),
        ("source:weird%name_.log", [16]),
        ("source:weird%*", [16]),
        ("source:weird_name*", []),
        // Severity on the integer column
        ("severity>=warning", [2, 3, 4, 6, 7, 9, 10, 13, 14, 17, 19]),
        ("sev>error", [10, 13]),
        ("severity<=info", [1, 5, 8, 11, 12, 15, 16, 18, 20]),
        ("sev<info", [12]),
        ("severity!=debug", allExcept([12])),
        ("severity:warning", [2, 6, 14, 19]),
        ("level:err", [3, 4, 7, 9, 17]),
        // Ids
        ("trace:t1", [1, 2]),
        ("trace_id:t2", [3, 4]),
        ("-trace:t1", allExcept([1, 2])),
        ("trace:t*", [1, 2, 3, 4, 7]),
        ("span:s9", [7]),
        ("request:r1", [1, 2]),
        ("req:r2", [3]),
        // Tags, stars, links
        ("tag:root-cause", [3]),
        ("tag:SYMPTOM", [4]),
        ("tag:r*", [3]),
        ("-tag:root-cause", allExcept([3])),
        ("is:starred", [3, 10]),
        ("-is:starred", allExcept([3, 10])),
        ("is:linked", [3, 4, 13]),
        ("investigation:1", [3, 4]),
        ("investigation:2", [13]),
        ("investigation:9", []),
        // Attributes
        ("status:504", [3, 4]),
        ("status:\"504\"", [4]),
        ("status:200", [1, 2, 5, 18]),
        ("status!=200", allExcept([1, 2, 5, 18])),
        ("latency_ms>1000", [2, 3]),
        ("latency_ms<1000", [1, 6]),
        ("latency_ms>=900.5", [2, 3, 6]),
        ("http.method:GET", [1]),
        ("http.method:post", [2]),
        ("http.method:*", [1, 2]),
        ("attr.\"weird key\":\"x y\"", [7]),
        ("\"weird key\":x*", [7]),
        ("cached:true", [5]),
        ("retry:true", [4]),
        ("cached:false", []),
        ("-cached:true", allExcept([5])),
        ("ratio:0.93", [12]),
        ("author:AL*", [8]),
        ("attr.severity:page", [10]),
        ("path:/var/lib/*", [13]),
        ("status:5*", [3, 4]),
        ("status:*", [1, 2, 3, 4, 5, 18]),
        ("service:*", allExcept([9, 11])),
        // Time (now is the last event, 10:19Z)
        ("since:5m", [15, 16, 17, 18, 19, 20]),
        ("since:1h", allIDs),
        ("before:5m", Array(1...14)),
        ("after:2026-11-20T10:05Z", Array(6...20)),
        ("before:2026-11-20T10:02Z", [1, 2]),
        ("after:2026-11-20T10:02Z before:2026-11-20T10:04Z", [3, 4]),
        ("after:2026-11-20T10:02:00Z until:2026-11-20T10:04:00.000000001Z", [3, 4, 5]),
        ("after:2026-11-20T11:00+01:00", allIDs),
        ("after:2026-11-20", allIDs),
        ("before:2026-11-20", []),
        ("-since:5m", Array(1...14)),
        // Combinations
        ("service:checkout sev>=error timeout", [3, 17]),
        ("(service:cart OR service:shipping) -sev:info", [6, 12, 19]),
        ("timeout OR service:cart", [3, 4, 6, 11, 12, 17, 18]),
        ("timeout OR is:starred", [3, 4, 10, 11, 17, 18]),
        ("payment -service:payment since:15m", [15]),
        ("-(service:checkout OR status:200)", allExcept(checkout.union([5]))),
        ("", allIDs),
    ]

    static func allExcept(_ ids: Set<Int64>) -> [Int64] { FilterSQLFixture.allExcept(ids) }
    static var allIDs: [Int64] { FilterSQLFixture.allIDs }

    @Test(arguments: cases)
    func selectsExpectedEvents(filter: String, expected: [Int64]) throws {
        let fixture = try FilterSQLFixture()
        let selected = try fixture.ids(filter)
        #expect(selected == expected, "filter: \(filter)")
    }

    @Test func emptyFilterCompilesToEverything() throws {
        #expect(FilterSQLCompiler.compile(.everything, now: FilterSQLFixture.base) == .everything)
    }

    @Test func fullTextFlagFollowsFreeText() throws {
        let now = FilterSQLFixture.base
        #expect(FilterSQLCompiler.compile(try Filter.parse("timeout"), now: now).usesFullText)
        #expect(FilterSQLCompiler.compile(try Filter.parse("service:x OR -\"a b\""), now: now).usesFullText)
        #expect(!FilterSQLCompiler.compile(try Filter.parse("service:x sev>=error since:1h"), now: now).usesFullText)
    }

    @Test func mergesAndedFreeTextIntoOneMatch() throws {
        let sql = FilterSQLCompiler.compile(try Filter.parse("payment service:checkout gateway -slow time*"), now: FilterSQLFixture.base)
        #expect(sql.whereClause.components(separatedBy: "MATCH").count == 2)
        let searched = "{message attributes} : "
        #expect(sql.arguments.contains(.text(
            #"((\#(searched)"payment"*) AND (\#(searched)"gateway"*) AND (\#(searched)"time"*)) NOT (\#(searched)"slow"*)"#)))
        #expect(try FilterSQLFixture().ids(sql) == [3])
    }

    @Test func severityAndTimeCompareIntegerColumns() throws {
        let sql = FilterSQLCompiler.compile(try Filter.parse("sev>=warning since:1h"), now: FilterSQLFixture.base)
        #expect(sql.whereClause == "(event.severity >= ? AND event.ts >= ?)")
        #expect(sql.arguments == [.integer(2), .integer(FilterSQLFixture.base.nanoseconds - 3_600_000_000_000)])
    }

    @Test func timeBoundsUseTheTimeIndex() throws {
        let fixture = try FilterSQLFixture()
        let sql = FilterSQLCompiler.compile(try Filter.parse("since:5m service:checkout -status:200"), now: FilterSQLFixture.lastEventTime)
        let rows = try fixture.database.read { db in
            try Row.fetchAll(
                db,
                sql: "EXPLAIN QUERY PLAN SELECT id FROM event WHERE \(sql.whereClause) ORDER BY ts, id",
                arguments: FilterSQLFixture.arguments(sql)
            )
        }
        let plan = rows.map { $0["detail"] as String? ?? "" }.joined(separator: "\n")
        #expect(plan.contains("event_by_time (ts>?)"), "plan: \(plan)")
    }
}

import GRDB
import InquestCore
import InquestStore
import Testing

/// User text must only ever be searched: never SQL, never FTS5 syntax.
@Suite struct FilterSQLInjectionTests {
    static let hostileFilters = [
        "\"'); DROP TABLE event; --\"",
        "service:\"x'); DROP TABLE event; --\"",
        "attr.\"a') OR 1=1; --\":x",
        "DROP; \"TABLE event\"",
        "\"NEAR(timeout retry)\"",
        "message:timeout",
        "\"a\\\"b\" OR \"^caret\"",
        "service:100%*",
        "tag:'*",
    ]

    @Test(arguments: hostileFilters)
    func userTextNeverReachesTheSQL(filter: String) throws {
        let sql = FilterSQLCompiler.compile(try Filter.parse(filter), now: FilterSQLFixture.base)
        for forbidden in ["DROP", "--", "1=1", "100", "weird", "NEAR", "caret", "'x", "TABLE event"] {
            #expect(!sql.whereClause.contains(forbidden), "\(forbidden) in \(sql.whereClause)")
        }
        let fixture = try FilterSQLFixture()
        _ = try fixture.ids(sql)
        let count = try fixture.database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM event") }
        #expect(count == 20)
    }

    @Test func sqlInjectionTextIsSearchedAsText() throws {
        let fixture = try FilterSQLFixture()
        #expect(try fixture.ids("\"'); DROP TABLE event; --\"") == [20])
        #expect(try fixture.ids("service:\"x'); DROP TABLE event; --\"") == [])
        #expect(try fixture.ids("attr.\"a') OR 1=1; --\":x") == [])
    }

    @Test func ftsColumnFilterSyntaxIsNotInterpreted() throws {
        // Unquoted `message:timeout` is an attribute lookup; as free text it is the phrase "message timeout".
        let fixture = try FilterSQLFixture()
        #expect(try fixture.ids("message:timeout") == [])
        #expect(try fixture.ids(Self.text(.phrase("message:timeout"))) == [])
        #expect(try fixture.ids(Self.text(.word("event_fts:timeout"))) == [])
    }

    /// Words built in code (not via the parser) may contain anything FTS5 would otherwise parse.
    static let ftsOperators: [(FilterText, [Int64])] = [
        (.word("NEAR(timeout"), [17]),
        (.word("NEAR(timeout quoted, 5)"), []),
        (.word("NEAR(timeout) quoted"), [17]),
        (.word("\"quoted\""), [17]),
        (.word("\""), []),
        (.word("^caret"), [17]),
        // `*star` is the token `star`, and a bare word finds the words it starts: *started* too.
        (.word("*star"), [1, 17]),
        (.word("*"), []),
        (.word("timeout OR cafe"), []),
        (.word("timeout AND NOT retry"), []),
        (.word("{message}: timeout"), []),
        (.word("100%"), [17]),
        (.prefix("\"quo"), [17]),
        (.phrase("payment\" OR \"disk"), []),
        (.phrase("') DROP TABLE event_fts --"), []),
    ]

    @Test(arguments: ftsOperators)
    func ftsOperatorsAreSearchedLiterally(text: FilterText, expected: [Int64]) throws {
        let fixture = try FilterSQLFixture()
        #expect(try fixture.ids(Self.text(text)) == expected)
    }

    @Test func ftsArgumentIsOneQuotedString() throws {
        let sql = FilterSQLCompiler.compile(Filter(text: "", expression: .term(.text(.word("a\"b NEAR(")))), now: FilterSQLFixture.base)
        // A bare word is a token prefix (`"…"*`); the text stays one quoted string.
        #expect(sql.arguments == [.text(#"{message attributes} : "a""b NEAR("*"#)])
    }

    static func text(_ text: FilterText) -> FilterSQL {
        FilterSQLCompiler.compile(Filter(text: "", expression: .term(.text(text))), now: FilterSQLFixture.base)
    }
}

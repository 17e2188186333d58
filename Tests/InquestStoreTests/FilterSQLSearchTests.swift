import Foundation
import GRDB
import InquestCore
@testable import InquestStore
import Testing

/// Regular expressions, text inside words, word prefixes and `!`, run against the fixture.
@Suite struct FilterSQLSearchTests {
    let fixture: FilterSQLFixture
    init() throws { fixture = try FilterSQLFixture() }

    @Test func aWordFindsTheWordsItStarts() throws {
        #expect(try fixture.ids("timeo") == [3, 4, 11, 17, 18])
        #expect(try fixture.ids("timeout") == [3, 4, 11, 17, 18])
        #expect(try fixture.ids("\"timeo\"") == [])
    }

    @Test func aLeadingStarFindsTextInsideWords() throws {
        #expect(try fixture.ids("*eout") == [3, 4, 11, 17, 18])
        #expect(try fixture.ids("*ecti") == [14, 15])
        #expect(try fixture.ids("*100%") == [17])
        #expect(try fixture.ids("*_") == [9], "`_` is a plain character, not LIKE's wildcard")
    }

    @Test func regularExpressionsMatchTheMessage() throws {
        #expect(try fixture.ids("/timeout (after|retry)/") == [3, 4])
        #expect(try fixture.ids("re:\"^c\"") == [1, 10, 12, 14, 15, 16, 19])
        #expect(try fixture.ids("/^C/") == [10, 14, 16])
        #expect(try fixture.ids("/\\d{4}ms$/") == [3])
        #expect(try fixture.ids("service:checkout /slow|reset/") == [2, 14])
    }

    @Test func bangInvertsLikeMinus() throws {
        #expect(try fixture.ids("!timeout") == FilterSQLFixture.allExcept([3, 4, 11, 17, 18]))
        #expect(try fixture.ids("!/^c/") == FilterSQLFixture.allExcept([1, 10, 12, 14, 15, 16, 19]))
        #expect(try fixture.ids("sev>=error !*eout") == [7, 9, 10, 13])
    }

    @Test func aRegexWithARequiredLiteralIsPrecheckedWithLike() throws {
        let sql = FilterSQLCompiler.compile(try Filter.parse("/timeout (after|retry)/"), now: FilterSQLFixture.lastEventTime)
        #expect(sql.whereClause.contains("LIKE ? ESCAPE '\\' AND event.message REGEXP ?"))
    }

    @Test func aCatastrophicPatternOverLongMessagesFinishes() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            db.add(function: FilterSQLRegex.function)
            let long = String(repeating: "a", count: 20_000)
            let matches = try Bool.fetchOne(db, sql: "SELECT ? REGEXP '(a*)*b'", arguments: [long])
            #expect(matches == false)
            let bad = Result { try Bool.fetchOne(db, sql: "SELECT 'x' REGEXP '(x'") }
            #expect((try? bad.get()) == nil, "a pattern that does not compile is an SQL error")
        }
    }
}

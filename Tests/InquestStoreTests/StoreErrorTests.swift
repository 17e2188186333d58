import GRDB
import Testing
@testable import InquestStore

@Suite("Store error messages")
struct StoreErrorTests {
    @Test func messagesSayWhatWhereAndWhatToDo() {
        let open = StoreError.cannotOpen(path: "/data/inquest.db", reason: "permission denied").description
        #expect(open.contains("/data/inquest.db") && open.contains("permission denied") && open.contains("--db"))
        let missing = StoreError.notFound(what: "investigation", id: 42).description
        #expect(missing.contains("investigation") && missing.contains("42"))
        let corrupt = StoreError.corruptRow(table: "event", id: 7, column: "source_kind", value: "bogus").description
        #expect(corrupt.contains("event row 7") && corrupt.contains("source_kind") && corrupt.contains("bogus"))
    }

    @Test func wrapsSQLiteFailuresWithTheOperationAndPath() throws {
        let store = try InquestStore.inMemory()
        try store.writer.write { db in try db.execute(sql: "UPDATE event SET source_kind = 'bogus'") }
        let id = try #require(try store.append(EventBatch(events: [StoreFixtures.event(1, ts: 1)])).firstID)
        try store.writer.write { db in try db.execute(sql: "UPDATE event SET source_kind = 'bogus' WHERE id = ?", arguments: [id]) }

        #expect(throws: StoreError.corruptRow(table: "event", id: id, column: "source_kind", value: "bogus")) {
            try store.event(id: id)
        }
        #expect {
            return try store.wrap("reading a missing table") {
                try store.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM missing_table") }
            }
        } throws: { error in
            guard case .database(let operation, let path, let reason)? = error as? StoreError else { return false }
            return operation == "reading a missing table" && path == ":memory:" && reason.contains("missing_table")
        }
    }
}

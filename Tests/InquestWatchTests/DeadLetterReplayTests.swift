import Foundation
import InquestCore
import InquestIngest
import InquestParsers
import InquestStore
import Testing

@Suite struct DeadLetterReplayTests {
    /// A store with one dead letter whose bytes parse now (kept by an older parser, say) and one
    /// that still does not.
    func storeWithLetters() throws -> InquestStore {
        let store = try InquestStore.inMemory()
        try store.append(EventBatch(deadLetters: [
            DeadLetter(source: "/gone/app.json", location: "/gone/app.json:1", reason: "old parser refused it",
                       raw: Array(#"{"time":"2026-11-20T10:00:00Z","level":"error","msg":"disk full"}"#.utf8)),
            DeadLetter(source: "/gone/app.json", location: "/gone/app.json:2", reason: "invalid JSON",
                       raw: Array(#"{"time":"2026-11-20T10:00:01Z","msg": nope}"#.utf8)),
        ]))
        return store
    }

    @Test func recordsThatParseAreStoredAndRemovedTheRestCountAnAttempt() throws {
        let store = try storeWithLetters()
        let summary = try DeadLetterReplayer(store: store).replay()

        #expect(summary.resolved == 1)
        #expect(summary.stored == 1)
        #expect(summary.stillFailing == 1)
        let left = try store.deadLetters()
        #expect(left.map(\.location) == ["/gone/app.json:2"])
        #expect(left.first?.attempts == 2)
        let events = try store.events(ids: try store.window(.everything, anchor: .oldest, limit: 10).map(\.id))
        #expect(events.map(\.message) == ["disk full"])
        #expect(events.first?.severity == .error)
    }

    /// A piece of a line too long to parse is not a record: replaying it alone would store 16 MiB
    /// of the middle of a line as if it were one, so it stays.
    @Test func aPieceOfATooLongLineStaysADeadLetter() throws {
        let store = try InquestStore.inMemory()
        try store.append(EventBatch(deadLetters: [
            DeadLetter(source: "/var/log/app.log", location: "/var/log/app.log:7 piece 2",
                       reason: "line longer than 16 MiB, not parsed: kept in pieces of 16 MiB (this is piece 2)",
                       raw: Array("time=2026-11-20T10:00:00Z msg=looks-like-a-record".utf8)),
        ]))
        let summary = try DeadLetterReplayer(store: store).replay()
        #expect(summary.resolved == 0)
        #expect(summary.stillFailing == 1)
        #expect(summary.failures.first?.reason.contains("a piece of a line too long to parse") == true)
        #expect(try store.stats().totalEvents == 0)
        #expect(RecordFailure.isPiece(location: "/var/log/app.log:7 piece 2"))
        #expect(!RecordFailure.isPiece(location: "/var/log/app piece 3.log:7"))
    }

    @Test func replayingAgainStoresNothingTwice() throws {
        let store = try storeWithLetters()
        _ = try DeadLetterReplayer(store: store).replay()
        let second = try DeadLetterReplayer(store: store).replay()
        #expect(second.resolved == 0)
        #expect(second.stillFailing == 1)
        #expect(try store.stats().totalEvents == 1)
        #expect(try store.deadLetters().first?.attempts == 3)
    }

    @Test func replayOfOneIdOrOneSourceTouchesOnlyThose() throws {
        let store = try storeWithLetters()
        #expect(try DeadLetterReplayer(store: store).replay(source: "/elsewhere.log") == DeadLetterReplayer.Summary())
        let ids = try store.deadLetters().compactMap(\.id)
        let summary = try DeadLetterReplayer(store: store).replay(id: ids[1])
        #expect(summary.stillFailing == 1 && summary.resolved == 0)
        #expect(try store.deadLetters().map(\.attempts) == [1, 2])
    }
}

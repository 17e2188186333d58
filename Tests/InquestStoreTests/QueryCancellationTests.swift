import Foundation
import InquestCore
import InquestStore
import Synchronization
import Testing

/// A read given a ``QueryCancellation`` stops with ``StoreError/interrupted(operation:)`` once it
/// is cancelled, before or while its statement runs, and the connection reads normally after.
@Suite struct QueryCancellationTests {
    /// A regular expression with no literal to narrow it: every message goes through the regex.
    static let slowFilter = "/[a-z]+ [0-9]+[0-9]$/"

    static func store(events: Int) throws -> InquestStore {
        let store = try InquestStore.inMemory()
        let start: Int64 = 1_795_000_000_000_000_000
        _ = try store.append(EventBatch(events: (1...events).map { n in
            StoreFixtures.event(n, ts: start + Int64(n) * 1_000_000_000, severity: n % 5 == 0 ? .error : .info)
        }))
        return store
    }

    /// The reader thread's result.
    final class Outcome: Sendable {
        let value = Mutex<Result<FilterExtent, any Error>?>(nil)
    }

    static func sql(_ text: String) throws -> FilterSQL {
        FilterSQLCompiler.compile(try Filter.parse(text), now: Timestamp(seconds: 1_900_000_000))
    }

    static func isInterrupted<T>(_ body: () throws -> T) -> Bool {
        do {
            _ = try body()
            return false
        } catch StoreError.interrupted {
            return true
        } catch {
            return false
        }
    }

    @Test func everyCancellableReadStopsWhenCancelledBeforeItStarts() throws {
        // Given a store and a cancelled flag
        let store = try Self.store(events: 200)
        let filter = try Self.sql(Self.slowFilter)
        let cancelled = QueryCancellation()
        cancelled.cancel()
        let range = Timestamp(seconds: 1_795_000_000)..<Timestamp(seconds: 1_795_001_000)

        // Then every read it is given stops without an answer
        #expect(Self.isInterrupted { try store.window(filter, anchor: .newest, limit: 50, cancellation: cancelled) })
        #expect(Self.isInterrupted { try store.extent(filter, cancellation: cancelled) })
        #expect(Self.isInterrupted {
            try store.histogram(filter, from: range.lowerBound, to: range.upperBound, buckets: 10, cancellation: cancelled)
        })
        #expect(Self.isInterrupted { try store.breakdown(filter, by: [.severity], in: range, cancellation: cancelled) })
        #expect(Self.isInterrupted { try store.comparison(filter, by: [.severity], in: range, cancellation: cancelled) })

        // And the connections answer in full afterwards, with a fresh flag or none
        let matching = 200 - 9  // "message 1" … "message 9" have one digit
        #expect(try store.extent(filter, cancellation: QueryCancellation()).count == matching)
        #expect(try store.extent(filter).count == matching)
        #expect(try store.window(filter, anchor: .newest, limit: 50).count == 50)
    }

    @Test func cancellingARunningScanCutsItShort() throws {
        // Given a count over a store big enough that the regex scan takes many progress checks
        let store = try Self.store(events: 50_000)
        let filter = try Self.sql(Self.slowFilter)
        let cancellation = QueryCancellation()
        let outcome = Outcome()
        let finished = DispatchSemaphore(value: 0)
        let reader = Thread {
            let result = Result { try store.extent(filter, cancellation: cancellation) }
            outcome.value.withLock { $0 = result }
            finished.signal()
        }
        reader.start()

        // When it is cancelled once its statement is running
        let deadline = Date().addingTimeInterval(60)
        while cancellation.checks == 0 && outcome.value.withLock({ $0 == nil }) && Date() < deadline { usleep(1_000) }
        #expect(cancellation.checks > 0, "the scan ran under the progress handler")
        cancellation.cancel()
        finished.wait()

        // Then it ended interrupted, not with a count
        let result = try #require(outcome.value.withLock { $0 })
        #expect(Self.isInterrupted { try result.get() }, "\(result)")
    }
}

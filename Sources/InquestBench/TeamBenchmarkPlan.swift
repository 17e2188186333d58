import Foundation
import InquestCore
import InquestTeam
import Synchronization

/// What the team benchmark's investigators write: change `n` of writer `w` is a note, a link or a
/// star (in turn), each naming something only it names (the note's body, the event's dedupe
/// key), so a reader can tell which changes a reload shows and the database's rows can be
/// counted for losses and duplicates.
struct TeamBenchmarkPlan: Sendable {
    let runID: String
    let investigation: Int64
    /// What each change shows as (a note's body or an event's key) → the writer that made it.
    let writerOfItem: [String: Int]
    let starKeys: Set<String>

    init(runID: String, investigation: Int64, writers: Int, changes: Int) {
        self.runID = runID
        self.investigation = investigation
        var writerOfItem: [String: Int] = [:]
        var starKeys: Set<String> = []
        for writer in 0..<writers {
            for n in 0..<changes {
                let item = Self.item(runID: runID, writer: writer, n: n)
                writerOfItem[item] = writer
                if n % 3 == 2 { starKeys.insert(item) }
            }
        }
        self.writerOfItem = writerOfItem
        self.starKeys = starKeys
    }

    var allItems: Set<String> { Set(writerOfItem.keys) }

    func kind(writer: Int, n: Int) -> TeamChange.Kind {
        switch n % 3 {
        case 0: .addNote(.id(investigation), event: nil, body: Self.noteBody(runID: runID, writer: writer, n: n))
        case 1: .link(.id(investigation), event: Self.event(runID: runID, writer: writer, n: n), reason: nil)
        default: .star(Self.event(runID: runID, writer: writer, n: n))
        }
    }

    /// How change `n` of `writer` shows: the note's body, or the linked or starred event's key.
    func item(writer: Int, n: Int) -> String { Self.item(runID: runID, writer: writer, n: n) }

    private static func item(runID: String, writer: Int, n: Int) -> String {
        n % 3 == 0 ? noteBody(runID: runID, writer: writer, n: n) : event(runID: runID, writer: writer, n: n).dedupeKey
    }

    private static func noteBody(runID: String, writer: Int, n: Int) -> String {
        "bench \(runID) writer \(writer) change \(n)"
    }

    /// One event per link and per star, keyed apart by the run id.
    private static func event(runID: String, writer: Int, n: Int) -> EventRecord {
        let raw = Array("bench \(runID) writer \(writer) change \(n)".utf8)
        let item = Event(
            timestamp: .now(), timestampText: "now", sourceKind: .log, sourceName: "bench-\(runID)", severity: .info,
            message: "writer \(writer) change \(n)", raw: raw, dedupeKey: DedupeKey(source: "bench-\(runID)-\(writer)", raw: raw, offset: Int64(n)))
        return EventRecord(item, eventID: Int64(n))
    }
}

/// When each change of the team benchmark was made (just before its writer sent it).
final class TeamBenchmarkClock: Sendable {
    private let times = Mutex<[String: Int64]>([:])

    func record(_ item: String, at time: Timestamp) {
        times.withLock { $0[item] = time.nanoseconds }
    }

    func time(of item: String) -> Int64? {
        times.withLock { $0[item] }
    }
}

import Foundation
import InquestCore
import InquestTeam
import Synchronization

/// `inquest-bench team --team URL [--writers 3] [--changes 1000]`: investigators writing to one
/// team database at once. Each writer has its own connection and sends `changes` changes (a
/// note, a link and a star in turn) to one new investigation; each investigator also has a
/// listener (what their canvas would hear). Prints, from the database's rows, how many changes
/// were lost or duplicated, and from the listeners how many announcements each missed and the
/// change-to-heard latency (the audit entry's time, written in the change's transaction, to the
/// listener receiving it; one machine, one clock), p50/p99/max.
struct TeamBenchmark {
    var url: TeamURL
    var writers = 3
    var changes = 1_000

    init(arguments: [String]) throws {
        var given: String? = ProcessInfo.processInfo.environment["INQUEST_TEAM"]
        var index = 0
        while index < arguments.count {
            let value = index + 1 < arguments.count ? arguments[index + 1] : ""
            switch arguments[index] {
            case "--team": given = value
            case "--writers": writers = max(1, Int(value) ?? writers)
            case "--changes": changes = max(1, Int(value) ?? changes)
            default: throw BenchSupport.Failure(description: "unknown argument \(arguments[index])")
            }
            index += 2
        }
        guard let given else { throw BenchSupport.Failure(description: "usage: inquest-bench team --team postgres://... [--writers 3] [--changes 1000]") }
        url = try TeamURL(parsing: given)
    }

    /// What one listener heard: audit id → when it arrived (ns, this machine's clock) minus the entry's time.
    final class Heard: Sendable {
        let latencies = Mutex<[Int64: Int64]>([:])
        let connected = Atomic<Bool>(false)
    }

    func run() throws {
        let writers = self.writers, changes = self.changes, url = self.url
        let outcome = Mutex<Result<String, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                outcome.withLock { $0 = .success("") }
                let report = try await Self.measure(url: url, writers: writers, changes: changes)
                outcome.withLock { $0 = .success(report) }
            } catch {
                outcome.withLock { $0 = .failure(error) }
            }
            done.signal()
        }
        done.wait()
        print(try outcome.withLock { $0 }?.get() ?? "")
    }

    static func measure(url: TeamURL, writers: Int, changes: Int) async throws -> String {
        let setup = try await TeamDatabase.open(url: url)
        let runID = UUID().uuidString.prefix(8)
        guard let investigation = try await setup.apply(TeamChange(kind: .createInvestigation(Investigation(title: "bench \(runID)")))) else {
            throw BenchSupport.Failure(description: "the investigation was not created")
        }
        // One event per link and per star, keyed apart by the run id.
        func event(_ writer: Int, _ n: Int) -> EventRecord {
            let raw = Array("bench \(runID) writer \(writer) change \(n)".utf8)
            let item = Event(
                timestamp: .now(), timestampText: "now", sourceKind: .log, sourceName: "bench-\(runID)", severity: .info,
                message: "writer \(writer) change \(n)", raw: raw, dedupeKey: DedupeKey(source: "bench-\(runID)-\(writer)", raw: raw, offset: Int64(n)))
            return EventRecord(item, eventID: Int64(n))
        }
        let keys = Set((0..<writers).flatMap { writer in (0..<changes).map { event(writer, $0).dedupeKey } })

        // Listeners first, one per investigator.
        let heard = (0..<writers).map { _ in Heard() }
        var listeners: [Task<Void, Never>] = []
        for listener in heard {
            listeners.append(Task {
                for await update in TeamListener.events(url: url) {
                    switch update {
                    case .connected: listener.connected.store(true, ordering: .relaxed)
                    case .disconnected: break
                    case .changed(let notice):
                        let arrived = Timestamp.now().nanoseconds
                        let ours = notice.investigationID == investigation || notice.eventKey.map(keys.contains) == true
                        guard ours, notice.action == .create, notice.entity != .investigation else { continue }
                        listener.latencies.withLock { $0[notice.auditID] = arrived - notice.at.nanoseconds }
                    }
                }
            })
        }
        while !heard.allSatisfy({ $0.connected.load(ordering: .relaxed) }) { try await Task.sleep(for: .milliseconds(10)) }

        let started = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<writers {
                group.addTask {
                    try await TeamDatabase.using(url: url) { database in
                        for n in 0..<changes {
                            let kind: TeamChange.Kind
                            switch n % 3 {
                            case 0: kind = .addNote(.id(investigation), event: nil, body: "writer \(writer) change \(n)")
                            case 1: kind = .link(.id(investigation), event: event(writer, n), reason: nil)
                            default: kind = .star(event(writer, n))
                            }
                            try await database.apply(TeamChange(kind: kind))
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        let wrote = ContinuousClock.now - started

        // Wait (up to 30 s) for every listener to hear every change.
        let expected = writers * changes
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline, !heard.allSatisfy({ $0.latencies.withLock { $0.count } >= expected }) {
            try await Task.sleep(for: .milliseconds(20))
        }
        for task in listeners { task.cancel() }

        // What the database holds.
        let notes = try await setup.notes(investigationID: investigation).map(\.note.body)
        let links = try await setup.evidence(investigationID: investigation).map(\.record.dedupeKey)
        let stars = try await setup.starredEventKeys().intersection(keys)
        await setup.close()
        let expectedNotes = (0..<writers).reduce(0) { total, _ in total + (0..<changes).filter { $0 % 3 == 0 }.count }
        let expectedLinks = (0..<writers).reduce(0) { total, _ in total + (0..<changes).filter { $0 % 3 == 1 }.count }
        let expectedStars = expected - expectedNotes - expectedLinks
        let stored = notes.count + links.count + stars.count
        let distinct = Set(notes).count + Set(links).count + stars.count
        let lost = (expectedNotes - Set(notes).count) + (expectedLinks - Set(links).count) + (expectedStars - stars.count)
        let duplicated = stored - distinct

        var lines = [
            "team: \(writers) writers × \(changes) changes (note/link/star) against \(url)",
            "  written in \(BenchSupport.format(Double(wrote.components.seconds) + Double(wrote.components.attoseconds) / 1e18)) s; "
                + "stored \(stored) of \(expected): lost \(lost), duplicated \(duplicated)",
        ]
        var all: [Double] = []
        for (index, listener) in heard.enumerated() {
            let latencies = listener.latencies.withLock { Array($0.values) }.map { Double($0) / 1e6 }
            all += latencies
            lines.append("  listener \(index + 1): heard \(latencies.count) of \(expected), p50 \(BenchSupport.format(BenchSupport.percentile(latencies, 0.5))) ms, "
                + "p99 \(BenchSupport.format(BenchSupport.percentile(latencies, 0.99))) ms, max \(BenchSupport.format(latencies.max() ?? 0)) ms")
        }
        lines.append("  all listeners: p99 change-to-heard \(BenchSupport.format(BenchSupport.percentile(all, 0.99))) ms")
        return lines.joined(separator: "\n")
    }
}

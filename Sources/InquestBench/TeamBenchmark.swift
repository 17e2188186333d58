import Foundation
import InquestCore
import InquestTeam

/// `inquest-bench team --team URL [--writers 3] [--changes 1000]`: investigators writing to one
/// team database at once. Each investigator has a writer (its own connection) that sends
/// `changes` changes (a note, a link and a star in turn) to one shared investigation, and a
/// canvas-like reader on another connection: it listens (LISTEN/NOTIFY) and, on a notice,
/// reloads the investigations list, the investigation's notes, links and the stars, one reload at a time (notices
/// that arrive during a reload make one more reload, as the canvas drops superseded loads).
///
/// Prints, from the database's rows, how many changes were lost or duplicated; for each reader,
/// how many of the other investigators' changes it saw and the change-to-visible latency (the
/// time the change was made, just before it was sent, to the end of the first reload that
/// returned it; one machine, one clock), p50/p99/max; and the change-to-heard latency (the
/// audit entry's commit-time clock to the notice's arrival).
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

    func run() throws {
        let writers = self.writers, changes = self.changes, url = self.url
        print(try BlockingAsync.run { try await Self.measure(url: url, writers: writers, changes: changes) })
    }

    static func measure(url: TeamURL, writers: Int, changes: Int) async throws -> String {
        let setup = try await TeamDatabase.open(url: url)
        let runID = String(UUID().uuidString.prefix(8))
        guard let investigation = try await setup.apply(TeamChange(kind: .createInvestigation(Investigation(title: "bench \(runID)")))) else {
            throw BenchSupport.Failure(description: "the investigation was not created")
        }
        let plan = TeamBenchmarkPlan(runID: runID, investigation: investigation, writers: writers, changes: changes)
        let made = TeamBenchmarkClock()

        // The readers first, one per investigator, each listening before anything is written.
        let readers = (0..<writers).map { TeamBenchmarkReader(investigator: $0, plan: plan, made: made) }
        let readerTasks = readers.map { reader in Task { await reader.run(url: url) } }
        while !readers.allSatisfy(\.isListening) { try await Task.sleep(for: .milliseconds(10)) }

        let started = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<writers {
                group.addTask {
                    try await TeamDatabase.using(url: url) { database in
                        for n in 0..<changes {
                            let change = TeamChange(kind: plan.kind(writer: writer, n: n))
                            made.record(plan.item(writer: writer, n: n), at: change.madeAt)
                            try await database.apply(change)
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        let wrote = ContinuousClock.now - started

        // Wait (up to 60 s) for every reader to see every other investigator's change.
        let othersChanges = (writers - 1) * changes
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline, !readers.allSatisfy({ $0.seenCount >= othersChanges }) {
            try await Task.sleep(for: .milliseconds(20))
        }
        for reader in readers { reader.stop() }
        for task in readerTasks { await task.value }

        // What the database holds.
        let notes = try await setup.notes(investigationID: investigation).map(\.note.body)
        let links = try await setup.evidence(investigationID: investigation).map(\.record.dedupeKey)
        let stars = try await setup.starredEventKeys().intersection(plan.starKeys)
        await setup.close()
        let stored = notes.count + links.count + stars.count
        let distinct = Set(notes).count + Set(links).count + stars.count
        let expectedItems = plan.allItems
        let found = Set(notes).union(links).union(stars)
        let lost = expectedItems.subtracting(found).count
        let duplicated = stored - distinct

        var lines = [
            "team: \(writers) investigators × \(changes) changes (note/link/star) at once against \(url)",
            "  written in \(BenchSupport.format(Double(wrote.components.seconds) + Double(wrote.components.attoseconds) / 1e18)) s; "
                + "stored \(stored) of \(expectedItems.count): lost \(lost), duplicated \(duplicated)",
        ]
        var visible: [Double] = []
        var heard: [Double] = []
        for reader in readers {
            let seen = reader.visibleLatencies()
            let notices = reader.heardLatencies()
            visible += seen
            heard += notices
            lines.append(
                "  investigator \(reader.investigator + 1)'s canvas: saw \(seen.count) of \(othersChanges) others' changes in \(reader.reloads) reloads; "
                    + "change-to-visible p50 \(BenchSupport.format(BenchSupport.percentile(seen, 0.5))) ms, "
                    + "p99 \(BenchSupport.format(BenchSupport.percentile(seen, 0.99))) ms, max \(BenchSupport.format(seen.max() ?? 0)) ms; "
                    + "heard \(notices.count) notices, p99 \(BenchSupport.format(BenchSupport.percentile(notices, 0.99))) ms")
        }
        lines.append(
            "  all canvases: change-to-visible p50 \(BenchSupport.format(BenchSupport.percentile(visible, 0.5))) ms, "
                + "p99 \(BenchSupport.format(BenchSupport.percentile(visible, 0.99))) ms, max \(BenchSupport.format(visible.max() ?? 0)) ms; "
                + "commit-to-heard p99 \(BenchSupport.format(BenchSupport.percentile(heard, 0.99))) ms")
        return lines.joined(separator: "\n")
    }
}

import Foundation
import InquestCore
import InquestTeam
import Synchronization

/// One investigator's canvas in the team benchmark: listens to the team database and, on each
/// notice, reloads what a canvas shows of the investigation (the list, notes, links, stars) on its own
/// connection, one reload at a time; notices that arrive meanwhile make one more reload (as the
/// canvas drops superseded loads). Records when each other investigator's change first shows.
final class TeamBenchmarkReader: Sendable {
    let investigator: Int
    private let plan: TeamBenchmarkPlan
    private let made: TeamBenchmarkClock
    private let listening = Atomic<Bool>(false)
    private let state = Mutex(Observed())
    /// Wakes the reload loop; holds at most one wake-up, so notices during a reload coalesce.
    private let wake: AsyncStream<Void>
    private let wakeContinuation: AsyncStream<Void>.Continuation

    private struct Observed {
        /// Item → change-to-visible latency (ns), for other investigators' changes.
        var visible: [String: Int64] = [:]
        /// Commit-to-heard latencies (ns) of the run's notices.
        var heard: [Int64] = []
        var reloads = 0
        var listenerTask: Task<Void, Never>?
    }

    init(investigator: Int, plan: TeamBenchmarkPlan, made: TeamBenchmarkClock) {
        self.investigator = investigator
        self.plan = plan
        self.made = made
        (wake, wakeContinuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    var isListening: Bool { listening.load(ordering: .acquiring) }
    var seenCount: Int { state.withLock { $0.visible.count } }
    var reloads: Int { state.withLock { $0.reloads } }

    func visibleLatencies() -> [Double] { state.withLock { $0.visible.values.map { Double($0) / 1e6 } } }
    func heardLatencies() -> [Double] { state.withLock { $0.heard.map { Double($0) / 1e6 } } }

    /// Listens and reloads until ``stop()``.
    func run(url: TeamURL) async {
        let listener = Task {
            for await event in TeamListener.events(url: url) {
                switch event {
                case .connected:
                    listening.store(true, ordering: .releasing)
                    wakeContinuation.yield()
                case .disconnected:
                    break
                case .changed(let notice):
                    let arrived = Timestamp.now().nanoseconds
                    let ours = notice.investigationID == plan.investigation || notice.eventKey.map(plan.starKeys.contains) == true
                    guard ours else { continue }
                    state.withLock { $0.heard.append(arrived - notice.at.nanoseconds) }
                    wakeContinuation.yield()
                }
            }
        }
        state.withLock { $0.listenerTask = listener }
        let database = TeamDatabase(url: url)
        for await _ in wake {
            do {
                try await reload(database)
            } catch {
                FileHandle.standardError.write(Data("investigator \(investigator + 1): reload failed: \(error)\n".utf8))
            }
        }
        await database.close()
    }

    func stop() {
        state.withLock { $0.listenerTask?.cancel() }
        wakeContinuation.finish()
    }

    /// What an open canvas reloads on a notice: the investigations list (with its counts) and
    /// the notes of the open investigation; and, to tell which links and stars show, their keys.
    private func reload(_ database: TeamDatabase) async throws {
        _ = try await database.investigations()
        let notes = try await database.notes(investigationID: plan.investigation).map(\.note.body)
        let links = try await database.linkedEventKeys(investigationID: plan.investigation)
        let stars = try await database.starredEventKeys().intersection(plan.starKeys)
        let shownAt = Timestamp.now().nanoseconds
        let shown = notes + Array(links) + Array(stars)
        state.withLock { observed in
            observed.reloads += 1
            for item in shown where observed.visible[item] == nil {
                guard let writer = plan.writerOfItem[item], writer != investigator, let madeAt = made.time(of: item) else { continue }
                observed.visible[item] = shownAt - madeAt
            }
        }
    }
}

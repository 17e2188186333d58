import Foundation
import InquestCore
import InquestStore
import Testing
@testable import InquestWatch

@Suite struct GitAndDocumentFeedTests {
    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("feeds-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func git(_ arguments: [String], in directory: URL) throws {
        _ = try GitFeed.git(["-c", "user.name=Ada", "-c", "user.email=ada@example.com"] + arguments, in: directory.path)
    }

    func messages(_ store: InquestStore) throws -> [String] {
        try store.window(.everything, anchor: .oldest, limit: 1000).map(\.message)
    }

    @Test func gitFeedStoresNewCommitsWhenHeadMovesAndNothingTwice() async throws {
        let repository = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: repository) }
        try git(["init", "-q"], in: repository)
        try Data("a\n".utf8).write(to: repository.appendingPathComponent("a.txt"))
        try git(["add", "a.txt"], in: repository)
        try git(["commit", "-q", "-m", "first commit"], in: repository)
        let store = try InquestStore.inMemory()
        let clock = ManualClock()
        let context = FeedContext(feedName: "repo", store: store, clock: clock)
        let task = Task { try await GitFeed(name: "repo", repository: repository.path, interval: .seconds(30)).run(context) }
        defer { task.cancel() }
        // Advance only once the feed sleeps: a sleep that starts after the advance waits 30 s from
        // the advanced time, and the test waited for it in vain (1 run in 4 before this).
        #expect(await eventually { (try? messages(store).count) == 1 && clock.sleeperCount == 1 })

        // A quiet interval stores nothing; a new commit is picked up after the next interval.
        clock.advance(by: .seconds(30))
        #expect(await eventually { clock.sleeperCount == 1 && context.progress.successes >= 2 })
        try Data("b\n".utf8).write(to: repository.appendingPathComponent("b.txt"))
        try git(["add", "b.txt"], in: repository)
        try git(["commit", "-q", "-m", "second commit"], in: repository)
        clock.advance(by: .seconds(30))
        #expect(await eventually { (try? messages(store).count) == 2 })
        #expect(try messages(store).contains { $0.contains("second commit") })
        // The feed counts a batch once its commit returns, just after the rows become visible.
        #expect(await eventually { context.progress.events == 2 })
    }

    @Test func gitFeedFailsWithTheCommandsMessageOutsideARepository() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let context = FeedContext(feedName: "repo", store: try InquestStore.inMemory(), clock: ManualClock())
        await #expect(throws: WatchError.self) {
            try await GitFeed(name: "repo", repository: directory.path).run(context)
        }
    }

    @Test func documentFeedReadsAChangedReportAgainAndSkipsAnUnchangedOne() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let report = directory.appendingPathComponent("TEST-pay.xml")
        let failing = #"<testsuite name="pay" tests="1" failures="1"><testcase classname="Pay" name="retries" time="0.1"><failure message="timeout after 3 retries">trace</failure></testcase></testsuite>"#
        try Data(failing.utf8).write(to: report)
        let store = try InquestStore.inMemory()
        let clock = ManualClock()
        let context = FeedContext(feedName: "junit", store: store, clock: clock)
        let feed = DocumentFileFeed(name: "junit", patterns: [directory.path + "/*.xml"], documentKind: nil, interval: .seconds(10))
        let task = Task { try await feed.run(context) }
        defer { task.cancel() }
        // Each advance waits for the feed to sleep (see the git feed test above).
        #expect(await eventually { (try? store.stats().totalEvents) ?? 0 >= 1 && clock.sleeperCount == 1 })
        let first = try store.stats().totalEvents
        #expect(try store.stats().bySourceKind[.ci] == first)

        // Unchanged: nothing more. Rewritten with a second failure: only the new one is added.
        clock.advance(by: .seconds(10))
        #expect(await eventually { context.progress.successes >= 2 && clock.sleeperCount == 1 })
        #expect(try store.stats().totalEvents == first)
        let twoFailures = #"<testsuite name="pay" tests="2" failures="2"><testcase classname="Pay" name="retries" time="0.1"><failure message="timeout after 3 retries">trace</failure></testcase><testcase classname="Pay" name="refunds" time="0.2"><failure message="refund rejected">trace</failure></testcase></testsuite>"#
        try Data(twoFailures.utf8).write(to: report)
        clock.advance(by: .seconds(10))
        #expect(await eventually { (try? store.stats().totalEvents) ?? 0 > first })
        #expect(try messages(store).contains { $0.contains("refund rejected") })
    }
}

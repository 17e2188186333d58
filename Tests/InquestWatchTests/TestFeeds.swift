import InquestCore
import InquestStore
import InquestWatch
import Synchronization

/// Fails its first `failures` runs, then stores one event per run step until cancelled.
struct FlakyFeed: Feed {
    let name: String
    let kind = FeedKind.document
    let failures: Int
    /// Written into each message, to tell which instance stored an event.
    var tag = ""
    let runs = RunCounter()

    init(name: String, failures: Int, tag: String = "") {
        self.name = name
        self.failures = failures
        self.tag = tag
    }

    struct Boom: Error, CustomStringConvertible { var description: String { "endpoint refused the connection" } }

    func run(_ context: FeedContext) async throws {
        let run = runs.count.withLock { value -> Int in
            value += 1
            return value
        }
        if run <= failures { throw Boom() }
        var step = 0
        while true {
            step += 1
            let raw = Array("\(tag) \(name) \(run) \(step)".utf8)
            let event = Event(
                timestamp: Timestamp(seconds: Int64(step)), sourceKind: .log, sourceName: name, severity: .info,
                message: String(decoding: raw, as: UTF8.self), raw: raw, dedupeKey: DedupeKey(source: name, raw: raw, offset: 0))
            try context.commit(EventBatch(events: [event], checkpoint: Checkpoint(key: "test:" + name, position: "\(step)")))
            try await context.sleep(for: .milliseconds(100))
        }
    }
}

/// Always fails.
struct DeadFeed: Feed {
    let name: String
    let kind = FeedKind.prometheusScrape

    func run(_ context: FeedContext) async throws {
        throw FlakyFeed.Boom()
    }
}

/// Counts runs of a feed across restarts (a class, so the feed value stays copyable).
final class RunCounter: Sendable {
    let count = Mutex(0)
}

/// Fails with a config error: retrying cannot help.
struct MisconfiguredFeed: Feed {
    let name: String
    let kind = FeedKind.prometheusQuery

    func run(_ context: FeedContext) async throws {
        throw WatchError.invalidConfig(path: "watch.yaml", line: 7, field: "feeds[1].query", reason: "empty PromQL")
    }
}

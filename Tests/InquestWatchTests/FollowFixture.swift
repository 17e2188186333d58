import Foundation
import InquestCore
import InquestParsers
import InquestStore
@testable import InquestWatch

/// A temporary directory with one followed file, an in-memory store and a context, for
/// driving ``FileFollower`` poll by poll.
final class FollowFixture {
    let directory: URL
    let path: String
    let store: InquestStore
    let clock = ManualClock()
    let context: FeedContext
    let settings: FollowSettings

    init(format: LogFormat? = .plain, file: String = "app.log") throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("follow-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent(file).path
        store = try InquestStore.inMemory()
        context = FeedContext(feedName: "logs", store: store, clock: clock)
        settings = FollowSettings(format: format, chunkBytes: 4096, idleFlush: .seconds(1))
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// A follower as a freshly started watcher would create it.
    func follower() throws -> FileFollower {
        let follower = FileFollower(path: path, settings: settings)
        try follower.start(context)
        return follower
    }

    func append(_ text: String, to file: String? = nil) throws {
        let target = file ?? path
        if !FileManager.default.fileExists(atPath: target) {
            _ = FileManager.default.createFile(atPath: target, contents: nil)
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: target))
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
    }

    func rename(to name: String) throws {
        try FileManager.default.moveItem(atPath: path, toPath: directory.appendingPathComponent(name).path)
    }

    func truncate() throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: 0)
        try handle.close()
    }

    /// Every stored event's raw text, in insertion order.
    func storedLines() throws -> [String] {
        let ids = try store.window(.everything, anchor: .oldest, limit: 100_000).map(\.id).sorted()
        return try store.events(ids: ids).sorted { ($0.id ?? 0) < ($1.id ?? 0) }.map { String(decoding: $0.raw, as: UTF8.self) }
    }

    func position(_ follower: FileFollower) throws -> FollowPosition? {
        try store.checkpoint(key: follower.checkpointKey).flatMap { FollowPosition(encoded: $0.position) }
    }
}

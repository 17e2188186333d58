import InquestStore

/// Follows log files and globs like `tail -F`: new complete lines are stored within a poll
/// interval; a file rotated by rename is read to its end and then the new file from its start;
/// a truncated file is read again from 0; after a restart each file resumes from its checkpoint
/// (device, inode, generation, end of the last complete record), so nothing is read twice or skipped.
///
/// Records are parsed by ``LogStreamParser`` exactly as `inquest ingest` parses them; records
/// that do not parse go to the dead-letter table with `path:line` and the reason.
///
/// Globs are expanded every few polls; they should match live names only (`/var/log/app/*.log`,
/// not `app.log*`, which would also match the rotated `app.log.1` and follow it as a new file).
public struct FollowedFileFeed: Feed {
    public let name: String
    public var kind: FeedKind { .file }
    /// Paths and globs to follow.
    public let patterns: [String]
    public let settings: FollowSettings

    public init(name: String, patterns: [String], settings: FollowSettings = FollowSettings()) {
        self.name = name
        self.patterns = patterns
        self.settings = settings
    }

    public func run(_ context: FeedContext) async throws {
        var followers: [(path: String, follower: FileFollower)] = []
        defer { for entry in followers { entry.follower.close() } }
        var polls = 0
        while true {
            try Task.checkCancellation()
            if polls % settings.rescanEvery == 0 {
                for path in PathPatterns.expand(patterns) where !followers.contains(where: { $0.path == path }) {
                    let follower = FileFollower(path: path, settings: settings)
                    try follower.start(context)
                    followers.append((path, follower))
                    followers.sort { $0.path < $1.path }
                }
            }
            polls += 1
            var read: Int64 = 0
            var lag: Int64 = 0
            for entry in followers {
                read += try entry.follower.poll(context)
                lag += entry.follower.lag
            }
            context.reportLag(.bytes(lag))
            if read == 0 {
                context.markHealthy()
                try await context.sleep(for: settings.pollInterval)
            } else {
                await Task.yield()
            }
        }
    }
}

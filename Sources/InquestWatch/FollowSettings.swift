import Foundation
import InquestParsers

/// How a ``FollowedFileFeed`` reads its files.
public struct FollowSettings: Sendable, Hashable {
    /// The log format; nil detects it from the head of each file.
    public var format: LogFormat?
    /// The service given to records that name none.
    public var service: String?
    /// The zone of times written without one.
    public var timeZone: TimeZone
    /// How often files are checked for new bytes when idle.
    public var pollInterval: Duration
    /// A batch (one transaction) is committed after this many records, and at the end of what is there.
    public var batchRecords: Int
    /// Bytes read per `pread`.
    public var chunkBytes: Int
    /// A record held for continuation lines (log4j, open JSON) is stored once its file stayed
    /// quiet this long; later lines then start new records.
    public var idleFlush: Duration
    /// Globs are re-expanded (new files picked up) every this many polls.
    public var rescanEvery: Int

    public init(
        format: LogFormat? = nil, service: String? = nil,
        timeZone: TimeZone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? .current,
        pollInterval: Duration = .milliseconds(200), batchRecords: Int = 20_000, chunkBytes: Int = 1 << 20,
        idleFlush: Duration = .seconds(1), rescanEvery: Int = 5
    ) {
        self.format = format
        self.service = service
        self.timeZone = timeZone
        self.pollInterval = pollInterval
        self.batchRecords = max(1, batchRecords)
        self.chunkBytes = max(4096, chunkBytes)
        self.idleFlush = idleFlush
        self.rescanEvery = max(1, rescanEvery)
    }
}

import Foundation
import InquestCore
import InquestIngest
import InquestStore

/// Watches documents that are rewritten rather than appended to (CSV metric series, JUnit
/// reports, trace JSON, GitHub Actions payloads): each file whose size or modification time
/// changed is read whole and stored as `inquest ingest` stores it (same identity, so records
/// already stored are skipped by their dedupe keys). The checkpoint is the version last stored.
public struct DocumentFileFeed: Feed {
    public let name: String
    public var kind: FeedKind { .document }
    public let patterns: [String]
    /// Forces the document kind; nil detects it from the content.
    public let documentKind: DocumentKind?
    public let interval: Duration

    /// Larger documents are refused (they are read into memory at once).
    public static let maximumBytes = 512 << 20

    public init(name: String, patterns: [String], documentKind: DocumentKind? = nil, interval: Duration = .seconds(10)) {
        self.name = name
        self.patterns = patterns
        self.documentKind = documentKind
        self.interval = interval
    }

    public func run(_ context: FeedContext) async throws {
        while true {
            try Task.checkCancellation()
            for path in PathPatterns.expand(patterns) {
                try ingestIfChanged(path, context)
            }
            context.markHealthy()
            try await context.sleep(for: interval)
        }
    }

    private func ingestIfChanged(_ path: String, _ context: FeedContext) throws {
        var info = stat()
        guard stat(path, &info) == 0 else { return }  // not there (yet)
        let version = "\(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        let key = "document:" + absolute
        guard try context.checkpoint(key: key)?.position != version else { return }
        guard Int(info.st_size) <= Self.maximumBytes else {
            throw WatchError.unreadableFile(path: path, reason: "over \(Self.maximumBytes >> 20) MiB; documents are read whole")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw WatchError.unreadableFile(path: path, reason: String(cString: strerror(errno)))
        }
        let checkpoint = Checkpoint(key: key, position: version)
        guard let kind = documentKind ?? DocumentKind.detect(data) else {
            let letter = DeadLetter(
                source: path, location: path,
                reason: "not a document this feed reads (CSV metrics, JUnit XML, trace JSON, GitHub Actions JSON, git log); follow log files with a `file` feed or set `format:`",
                raw: Array(data.prefix(4096)))
            try context.commit(EventBatch(deadLetters: [letter], checkpoint: checkpoint))
            return
        }
        let batch = DocumentIngestor.batch(
            data, kind: kind, path: path, identity: absolute, sourceName: URL(fileURLWithPath: path).lastPathComponent,
            modified: Date(timeIntervalSince1970: Double(info.st_mtim.tv_sec)), checkpoint: checkpoint)
        let result = try context.commit(batch)
        context.logger.info("document read", metadata: ["path": "\(path)", "kind": "\(kind.rawValue)", "new": "\(result.inserted)"])
    }
}

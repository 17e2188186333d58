import Foundation
import InquestIngest
import InquestStore

/// Re-reads a git repository's history every ``interval`` when its HEAD moved: `git log` is
/// parsed as `inquest ingest --git` parses it (same source identity), so commits already stored
/// (by an earlier run or a one-off ingest) are skipped by their dedupe keys. The checkpoint is
/// the HEAD commit last stored.
public struct GitFeed: Feed {
    public let name: String
    public var kind: FeedKind { .git }
    public let repository: String
    public let interval: Duration

    public init(name: String, repository: String, interval: Duration = .seconds(30)) {
        self.name = name
        self.repository = repository
        self.interval = interval
    }

    public func run(_ context: FeedContext) async throws {
        let directory = URL(fileURLWithPath: repository).standardizedFileURL
        let identity = "git:" + directory.path
        let key = "git-feed:" + directory.path
        while true {
            try Task.checkCancellation()
            let head = String(decoding: try Self.git(["rev-parse", "HEAD"], in: directory.path), as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            if try context.checkpoint(key: key)?.position != head {
                let log = try Self.git(GitCommand.logArguments, in: directory.path)
                let batch = DocumentIngestor.batch(
                    log, kind: .gitlog, path: repository, identity: identity, sourceName: directory.lastPathComponent,
                    modified: nil, checkpoint: Checkpoint(key: key, position: head))
                let result = try context.commit(batch)
                context.logger.info("git history read", metadata: ["head": "\(head)", "new": "\(result.inserted)"])
            } else {
                context.markHealthy()
            }
            try await context.sleep(for: interval)
        }
    }

    /// Runs `git -C directory arguments...`; its standard output, or a thrown ``WatchError``.
    static func git(_ arguments: [String], in directory: String) throws -> Data {
        let run: GitCommand.Outcome
        do {
            run = try GitCommand.run(arguments, in: directory)
        } catch {
            throw WatchError.commandFailed(command: "git \(arguments.first ?? "")", status: -1, message: "cannot start git: \(error)")
        }
        guard run.status == 0 else {
            throw WatchError.commandFailed(
                command: "git -C \(directory) \(arguments.first ?? "")", status: run.status, message: run.errors)
        }
        return run.output
    }
}

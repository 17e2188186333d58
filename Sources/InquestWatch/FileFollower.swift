import Foundation
import InquestCore
import InquestIngest
import InquestParsers
import InquestStore

/// Follows one path for a ``FollowedFileFeed``: owns the open descriptor, the parser and the
/// read position, and commits each batch with its ``FollowPosition`` checkpoint.
///
/// Used by one task only (the feed's), so it is a plain class.
final class FileFollower {
    let path: String
    let checkpointKey: String
    private let settings: FollowSettings
    private var descriptor: Int32 = -1
    /// The file being read: device, inode, generation; `offset`/`line` are what was last committed.
    private var position: FollowPosition?
    /// The next byte to read.
    private var readOffset: Int64 = 0
    private var parser: LogStreamParser?
    private var output = ParseOutput()
    private var size: Int64 = 0
    private var lastGrowth: Int64 = 0
    /// Polls in a row that found this file at its end while the path names another file.
    private var rotationPolls = 0
    private let buffer: UnsafeMutableRawBufferPointer
    private let committer = BackgroundCommitter()
    static let maximumBytesPerPoll: Int64 = 64 << 20

    init(path: String, settings: FollowSettings) {
        self.path = path
        self.settings = settings
        checkpointKey = "follow:" + URL(fileURLWithPath: path).standardizedFileURL.path
        buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: settings.chunkBytes, alignment: 16)
    }

    deinit {
        close()
        buffer.deallocate()
    }

    /// Bytes between the end of the last committed record and the end of the file.
    var lag: Int64 { max(0, size - (position?.offset ?? 0)) }

    /// Opens the file to resume from: the checkpointed one (found again after a rename if need
    /// be), else the file at `path` from its start. Without any file it waits for one to appear.
    func start(_ context: FeedContext) throws {
        lastGrowth = context.clock.monotonicNanoseconds()
        let saved = try context.checkpoint(key: checkpointKey).flatMap { FollowPosition(encoded: $0.position) }
        guard let saved else {
            try open(path, resumingAt: nil, context)
            return
        }
        if let current = FileIdentity.of(path: path), saved.isSameFile(device: current.device, inode: current.inode) {
            try open(path, resumingAt: saved, context)
        } else if let renamed = FileIdentity(device: saved.device, inode: saved.inode, size: 0).findRenamed(near: path) {
            context.logger.info("resuming a rotated file before the new one", metadata: ["path": "\(renamed)"])
            try open(renamed, resumingAt: saved, context)
        } else {
            context.logger.warning("the checkpointed file is gone; following the current file from its start", metadata: ["path": "\(path)"])
            try open(path, resumingAt: nil, context)
        }
    }

    func close() {
        // A batch still being written completes (or rolls back) before the follower goes away.
        try? committer.wait()
        if descriptor >= 0 { Glibc.close(descriptor) }
        descriptor = -1
    }

    /// Reads what was appended since the last poll, stores it in batches, and handles
    /// truncation and rotation. Returns the number of bytes read.
    func poll(_ context: FeedContext) throws -> Int64 {
        if descriptor < 0 {
            try open(path, resumingAt: position, context)
            if descriptor < 0 { return 0 }
        }
        guard var current = FileIdentity.of(descriptor: descriptor), var position else {
            throw WatchError.unreadableFile(path: path, reason: String(cString: strerror(errno)))
        }
        if current.size < readOffset {
            context.logger.info("file truncated; reading it again from the start", metadata: ["path": "\(path)"])
            position = FollowPosition(device: position.device, inode: position.inode, generation: position.generation + 1)
            self.position = position
            startParsing(at: position, context)
        }
        var bytesRead: Int64 = 0
        // Bounded per poll so one busy file does not starve the others of its feed.
        while readOffset < current.size, bytesRead < Self.maximumBytesPerPoll {
            try Task.checkCancellation()
            ensureParser(context)  // before reading: format detection uses the buffer too
            guard parser != nil else { break }
            let wanted = Int(min(Int64(buffer.count), current.size - readOffset))
            let count = pread(descriptor, buffer.baseAddress, wanted, off_t(readOffset))
            if count < 0 { throw WatchError.unreadableFile(path: path, reason: String(cString: strerror(errno))) }
            if count == 0 { break }
            parser?.feed(UnsafeRawBufferPointer(rebasing: buffer[0..<count]), into: &output)
            readOffset += Int64(count)
            bytesRead += Int64(count)
            if output.isFull(records: settings.batchRecords) {
                try commit(context, switchingTo: nil, inBackground: true)
            }
            if readOffset >= current.size, let again = FileIdentity.of(descriptor: descriptor) { current = again }
        }
        size = current.size
        // Records are stored as they arrive: the layout is learned from what this read held.
        parser?.endLayoutLearning(into: &output)
        let now = context.clock.monotonicNanoseconds()
        if bytesRead > 0 {
            lastGrowth = now
            rotationPolls = 0
        } else if let held = parser?.isHoldingRecord, held, now - lastGrowth >= settings.idleFlush.nanoseconds {
            parser?.flushHeldRecord(into: &output)
        }
        if bytesRead == 0, let atPath = FileIdentity.of(path: path), !position.isSameFile(device: atPath.device, inode: atPath.inode) {
            // Rotated: give the writer one more quiet poll on the old file, then finish it and
            // switch, storing its last records and the new file's start in one transaction.
            rotationPolls += 1
            if rotationPolls >= 2 {
                parser?.finish(into: &output)
                let next = FollowPosition(device: atPath.device, inode: atPath.inode)
                try commit(context, switchingTo: next)
                close()
                try open(path, resumingAt: next, context)
                return bytesRead
            }
        }
        try commit(context, switchingTo: nil, inBackground: true)
        try committer.wait()
        return bytesRead
    }

    // MARK: - Opening and parsing

    private func open(_ file: String, resumingAt saved: FollowPosition?, _ context: FeedContext) throws {
        let opened = Glibc.open(file, O_RDONLY | O_CLOEXEC)
        if opened < 0 {
            if errno == ENOENT { return }  // not there (yet): wait for it
            throw WatchError.unreadableFile(path: file, reason: String(cString: strerror(errno)))
        }
        guard let identity = FileIdentity.of(descriptor: opened) else {
            Glibc.close(opened)
            throw WatchError.unreadableFile(path: file, reason: String(cString: strerror(errno)))
        }
        descriptor = opened
        size = identity.size
        rotationPolls = 0
        var start = FollowPosition(device: identity.device, inode: identity.inode)
        if let saved, saved.isSameFile(device: identity.device, inode: identity.inode) {
            start = saved
            if identity.size < saved.offset {
                context.logger.info("file shorter than its checkpoint (truncated); reading it from the start", metadata: ["path": "\(file)"])
                start = FollowPosition(device: saved.device, inode: saved.inode, generation: saved.generation + 1)
            }
        }
        position = start
        startParsing(at: start, context)
    }

    private func startParsing(at start: FollowPosition, _ context: FeedContext) {
        readOffset = start.offset
        parser = nil
        output = ParseOutput()
        ensureParser(context)
    }

    /// Creates the parser once the format is known (detected from the file's head, which needs bytes).
    private func ensureParser(_ context: FeedContext) {
        guard parser == nil, let position, descriptor >= 0 else { return }
        let format: LogFormat
        if let configured = settings.format {
            format = configured
        } else {
            let count = pread(descriptor, buffer.baseAddress, min(buffer.count, 64 * 1024), 0)
            guard count > 0 else { return }
            format = LogFormatDetector.detect(sample: UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        }
        let identity = "\(checkpointKey)#\(position.device):\(position.inode):\(position.generation)"
        let options = LogParseOptions(
            sourceName: URL(fileURLWithPath: path).lastPathComponent, sourceIdentity: identity, timeZone: settings.timeZone,
            assumedYear: nil, reference: Date())
        parser = LogStreamParser(format: format, options: options, startOffset: position.offset, startLine: position.line)
        context.logger.debug("following", metadata: ["path": "\(path)", "format": "\(format.rawValue)", "offset": "\(position.offset)"])
    }

    // MARK: - Committing

    /// Stores the parsed records with the checkpoint at the parser's resume point (or, when a
    /// rotation finishes, at the start of the `next` file), in one transaction; in the
    /// background (overlapping the next batch's parsing) when asked, else before returning.
    private func commit(_ context: FeedContext, switchingTo next: FollowPosition?, inBackground: Bool = false) throws {
        guard var position else { return }
        if let parser {
            let resume = parser.resumePoint
            position.offset = resume.offset
            position.line = resume.line
        }
        let target = next ?? position
        let moved = target != self.position
        guard moved || !output.events.isEmpty || !output.failures.isEmpty else { return }
        // Flattened (and its raw records compressed) here, on the follower's thread, so that work
        // stays out of the store's write transaction and overlaps a background commit.
        let batch = EventBatch(
            taking: &output, defaultService: settings.service, path: path,
            checkpoint: Checkpoint(key: checkpointKey, position: target.encoded))
        self.position = target
        let followedPath = path
        let work: @Sendable () throws -> (any Sendable)? = {
            let result = try context.commit(batch)
            if result.duplicates > 0 {
                // Resuming at the checkpoint never re-reads a record; this means the store already had
                // these (e.g. the same file ingested by `inquest ingest` under the same identity).
                context.logger.warning("records already stored were read again", metadata: ["path": "\(followedPath)", "count": "\(result.duplicates)"])
            }
            return batch
        }
        if inBackground {
            try committer.submit(work)
        } else {
            try committer.wait()
            _ = try work()
        }
    }
}

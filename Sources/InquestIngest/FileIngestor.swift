import Foundation
import InquestCore
import InquestParsers
import InquestStore
import Logging

/// Streams log files into the store: read in chunks, parse on one thread, write batches on
/// another, so parsing and SQLite work overlap on two cores and memory stays flat.
///
/// Every record ends up either as an event (new or a duplicate of one already stored) or as a
/// dead letter with its file:line and reason; nothing is dropped, and one bad line never stops a file.
public struct FileIngestor: Sendable {
    public typealias ProgressHandler = @Sendable (IngestProgress) -> Void

    let store: InquestStore
    let options: IngestOptions
    private let logger: Logger

    public init(store: InquestStore, options: IngestOptions = IngestOptions(), logger: Logger = Logger(label: "inquest.ingest")) {
        self.store = store
        self.options = options
        self.logger = logger
    }

    /// Ingests each path (`-` is standard input) in order. Opening problems are thrown before
    /// anything is stored for that file.
    public func ingest(paths: [String], progress: ProgressHandler? = nil) throws -> IngestSummary {
        var summary = IngestSummary()
        let clock = ContinuousClock()
        let start = clock.now
        let inputWaits = InputWaits()
        let indexer = options.indexFullText ? BackgroundFullTextIndexer(store: store, inputWaits: inputWaits) : nil
        indexer?.start()
        do {
            try store.deferWALCheckpoints()
            // One template miner for the whole run, seeded once with the store's templates so
            // ids carry on; log files and documents (tables' log rows) both mine into it.
            var miner = try templateMiner()
            for path in try InputPaths.expand(paths) {
                if options.cancellation?.isCancelled == true { throw IngestError.cancelled }
                let input = try InputFile(path: path, standardInput: options.standardInput)
                let result = try ingest(input, progress: progress, inputWaits: inputWaits, miner: &miner, cpu: &summary.cpuSeconds)
                summary.files.append(result)
            }
        } catch IngestError.cancelled {
            // Asked to stop (the canvas quits): what was committed stays, with its checkpoints;
            // the index and the WAL are caught up by the next writer instead of holding the exit.
            indexer?.abandon()
            throw IngestError.cancelled
        } catch {
            // What was stored stays stored; its index is finished before the error is reported.
            try? store.checkpointWAL()
            try? indexer?.finish()
            throw error
        }
        summary.storeSeconds = seconds(clock.now - start)
        // The deferred WAL checkpoint copies pages into the database file here while the indexer
        // completes the index on its own thread.
        indexer?.storingEnded()
        let checkpointed = Result { try store.checkpointWAL() }
        try indexer?.finish()
        try checkpointed.get()
        summary.fullTextSeconds = seconds((indexer?.completionTime ?? clock.now) - start)
        summary.cpuSeconds.fullText = indexer?.cpuSeconds ?? 0
        return summary
    }

    /// Stores a repository's history as change events: runs
    /// `git log --date=iso-strict --pretty=fuller --parents --numstat` in `repository`.
    public func ingestGitRepository(_ repository: String) throws -> IngestSummary {
        let clock = ContinuousClock()
        let start = clock.now
        let directory = URL(fileURLWithPath: repository).standardizedFileURL
        let run: GitCommand.Outcome
        do {
            run = try GitCommand.run(GitCommand.logArguments, in: directory.path)
        } catch {
            throw IngestError.unreadable(path: repository, reason: "cannot run git: \(error)")
        }
        guard run.status == 0 else {
            throw IngestError.unreadable(path: repository, reason: "git log failed: \(run.errors)")
        }
        let log = run.output
        var summary = IngestSummary()
        var noMiner: TemplateMiner? = nil  // commits are no log events: nothing to mine
        summary.files.append(try DocumentIngestor(store: store, defaultService: options.defaultService).ingest(
            log, kind: .gitlog, path: repository, identity: "git:" + directory.path,
            sourceName: directory.lastPathComponent, modified: nil, miner: &noMiner
        ))
        summary.storeSeconds = seconds(clock.now - start)
        if options.indexFullText { _ = try store.indexFullText() }
        summary.fullTextSeconds = seconds(clock.now - start)
        return summary
    }

    /// The source name the events of `path` get (what a `source:` filter matches): the file's
    /// name, `stdin` for `-`.
    public static func sourceName(of path: String) -> String {
        InputFile.sourceName(of: path)
    }

    private func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// Reads go through `inputWaits`, which tells the full-text indexer when the input keeps it waiting.
    /// `cpu` gains the parsing threads' and this (the storing) thread's CPU seconds for a log file.
    /// The run's template miner, seeded with the store's templates; nil when templates are not
    /// mined (``IngestOptions/mineTemplates``).
    private func templateMiner() throws -> TemplateMiner? {
        guard options.mineTemplates else { return nil }
        var miner = TemplateMiner()
        miner.restore(Array(try store.templates().values))
        return miner
    }

    /// `miner` (nil: no templates) gives log events their templates and carries on to the next file.
    private func ingest(
        _ input: InputFile, progress: ProgressHandler?, inputWaits: InputWaits, miner: inout TemplateMiner?,
        cpu: inout IngestSummary.StageCPUSeconds
    ) throws -> IngestSummary.FileResult {
        let chunkSize = max(4096, options.chunkSize)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }

        // A file read before goes on where the last ingest stopped (see FileResumePoint).
        let checkpointKey = "file:" + input.identity
        let resume = try resumePoint(of: input, key: checkpointKey)
        if let resume { try input.seek(to: resume.offset) }
        let start = (offset: resume?.offset ?? 0, line: resume?.line ?? 0)

        // Detect the format on the first chunk, then keep parsing from it.
        let firstCount = try inputWaits.reading { () throws(IngestError) in try input.readSample(into: buffer) }
        let firstChunk = Data(UnsafeRawBufferPointer(rebasing: buffer[0..<firstCount]))
        if resume == nil, let kind = options.documentKind ?? (options.format == nil ? DocumentKind.detect(firstChunk) : nil) {
            var document = firstChunk
            while true {
                let count = try inputWaits.reading { () throws(IngestError) in try input.read(into: buffer) }
                if count == 0 { break }
                document.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
                if document.count > DocumentIngestor.maximumBytes {
                    throw IngestError.unreadable(path: input.displayPath, reason: "a \(kind.rawValue) document over \(DocumentIngestor.maximumBytes >> 20) MiB is too large to read at once")
                }
            }
            var documents = DocumentIngestor(store: store, defaultService: options.defaultService)
            documents.columns = options.columns
            documents.timeZone = options.timeZone
            return try documents.ingest(
                document, kind: kind, path: input.displayPath, identity: input.identity,
                sourceName: input.sourceName, modified: input.modificationDate, miner: &miner
            )
        }
        let handoff = ProducerHandoff(input: input, buffer: buffer, inputWaits: inputWaits)
        let format = resume?.format ?? options.format ?? LogFormatDetector.detect(sample: UnsafeRawBufferPointer(rebasing: buffer[0..<firstCount]))
        // A first record with no time at all gets the file's modification time (now for stdin).
        let parseOptions = LogParseOptions(
            sourceName: input.sourceName, sourceIdentity: input.identity, timeZone: options.timeZone,
            assumedYear: options.assumedYear, reference: input.modificationDate ?? Date())

        let displayPath = input.displayPath
        let producer: any ParsedBatchSource
        if let segments = FileSegments(input: input, format: format, threads: options.parsingThreads, segmentBytes: options.segmentBytes, start: start.offset) {
            producer = SegmentedParsingProducer(
                input: input, segments: segments, format: format, options: parseOptions, chunkSize: chunkSize,
                batchSize: max(1, options.batchSize), defaultService: options.defaultService, startLine: start.line,
                maskMessages: options.mineTemplates)
        } else {
            producer = ParsingProducer(
                handoff: handoff, firstCount: firstCount, format: format, options: parseOptions,
                batchSize: max(1, options.batchSize), defaultService: options.defaultService, start: start,
                maskMessages: options.mineTemplates)
        }
        producer.start()
        let storingCPUStart = ThreadCPUTime.now()

        var result = IngestSummary.FileResult(
            path: displayPath, format: format.rawValue, bytes: 0, physicalLines: 0,
            stored: 0, duplicates: 0, deadLettered: 0, failureReasons: []
        )
        result.resumedAfterLines = start.line
        var reasonIndex: [String: Int] = [:]
        do {
            var resumeAt = start
            var previousTime = resume?.previousTime
            // Records with no time just after a resume point take the time of the record before it.
            var inheritsTime = previousTime != nil
            while var batch = producer.receive() {
                if options.cancellation?.isCancelled == true { throw IngestError.cancelled }
                if inheritsTime, let previousTime { inheritsTime = !batch.events.inheritLeadingMissingTimes(from: previousTime) }
                previousTime = batch.events.lastTimestamp ?? previousTime
                if let point = batch.resumePoint { resumeAt = point }
                var templates: [LogTemplate] = []
                if var active = miner.take() {
                    batch.events.assignTemplates(active.mine(batch.maskedMessages))
                    templates = active.takeChanges()
                    miner = active
                }
                let position = input.fileIdentity.map {
                    FileResumePoint(
                        offset: resumeAt.offset, line: resumeAt.line, device: $0.device, inode: $0.inode, format: format,
                        previousTime: previousTime
                    ).encoded(bytesRead: batch.endOffset)
                } ?? String(batch.endOffset)
                var stored = EventBatch(
                    parsed: batch.events, failures: batch.failures, path: displayPath,
                    checkpoint: Checkpoint(key: checkpointKey, position: position))
                stored.templates = templates
                let appended = try store.append(stored)
                result.stored += appended.inserted
                result.duplicates += appended.duplicates
                result.deadLettered += batch.failures.count
                result.physicalLines = batch.totalLines - start.line
                result.blankLines += batch.blankLines
                result.continuationLines += batch.continuationLines
                result.bytes = batch.endOffset - start.offset
                for failure in batch.failures {
                    let key = Self.reasonKey(failure.reason)
                    if let index = reasonIndex[key] {
                        result.failureReasons[index].count += 1
                    } else {
                        reasonIndex[key] = result.failureReasons.count
                        result.failureReasons.append(.init(reason: key, count: 1, firstLocation: failure.location(in: displayPath)))
                    }
                }
                progress?(IngestProgress(path: displayPath, bytesRead: batch.endOffset, totalBytes: input.size, lines: batch.totalLines, stored: result.stored))
            }
        } catch {
            producer.cancel()
            producer.waitUntilFinished()
            throw error
        }
        producer.waitUntilFinished()
        cpu.parsing += producer.cpuSeconds
        cpu.storing += ThreadCPUTime.now() - storingCPUStart
        if let failure = producer.readFailure { throw failure }
        logger.info("ingested file", metadata: [
            "path": "\(displayPath)", "format": "\(format.rawValue)", "stored": "\(result.stored)",
            "duplicates": "\(result.duplicates)", "deadLettered": "\(result.deadLettered)",
        ])
        return result
    }

    /// Groups reasons that differ only in positions ("column 17") for the summary.
    static func reasonKey(_ reason: String) -> String {
        var key = ""
        var lastWasDigit = false
        for character in reason {
            if character.isNumber {
                if !lastWasDigit { key.append("N") }
                lastWasDigit = true
            } else {
                key.append(character)
                lastWasDigit = false
            }
        }
        return key
    }
}

/// The input and its read buffer, handed to the parsing thread, which alone uses them
/// until it finishes (the caller waits for that before freeing the buffer).
struct ProducerHandoff: @unchecked Sendable {
    let input: InputFile
    let buffer: UnsafeMutableRawBufferPointer
    let inputWaits: InputWaits
}

import Foundation
import InquestCore
import InquestParsers
import InquestStore

/// Parses a large regular file on several threads, and hands its batches to the store's writer
/// in file order, exactly as one ``ParsingProducer`` would.
///
/// The file is cut at record starts into segments (``FileSegments``); thread `t` of `n` parses
/// segments `t`, `t + n`, `t + 2n`… each with a parser that starts there (offsets, and with them
/// dedupe keys, are those of a parser over the whole file). Each thread sends into its own
/// bounded channel; ``receive()`` takes segment 0's batches from thread 0's channel, then
/// segment 1's from thread 1's, and so on, so memory stays flat and events are stored in the
/// order of the file. It then fixes what a segment's parser could not know:
/// - line numbers (a dead letter's file:line), counted from the segment's start;
/// - the time of a segment's first records that have none: a parser gives such records the
///   previous record's time, which for a segment's first records is in the segment before.
///
/// Why: parsing (and flattening, and compressing the raw records) is the larger half of an
/// ingest's CPU. On two cores, one parsing thread beside the writer left the writer waiting; two
/// let the three threads share both cores (figures in the commit and the README).
final class SegmentedParsingProducer: ParsedBatchSource, @unchecked Sendable {
    private let input: InputFile
    private let segments: FileSegments
    private let format: LogFormat
    private let options: LogParseOptions
    private let chunkSize: Int
    private let batchSize: Int
    private let defaultService: String?
    /// Mask each message for the template miner (``PendingBatch/maskedMessages``).
    private let maskMessages: Bool
    private let channels: [BatchChannel<PendingBatch>]
    private let finished = DispatchGroup()
    private let lock = NSLock()
    private var failure: (any Error)?
    private var threadCPUSeconds: Double = 0

    // The consumer's position; only ``receive()`` touches these.
    private var segment = 0
    private var linesBefore = 0
    private var linesInSegment = 0
    private var lastTimestamp: Timestamp?
    private var segmentHasTime = false

    init(
        input: InputFile, segments: FileSegments, format: LogFormat, options: LogParseOptions,
        chunkSize: Int, batchSize: Int, defaultService: String?, startLine: Int = 0, maskMessages: Bool = true
    ) {
        linesBefore = startLine
        self.input = input
        self.segments = segments
        self.format = format
        self.options = options
        self.chunkSize = chunkSize
        self.batchSize = batchSize
        self.defaultService = defaultService
        self.maskMessages = maskMessages
        // Two batches per thread: with the writer's one, about as many events in memory as one
        // ParsingProducer's four.
        channels = (0..<segments.threads).map { _ in BatchChannel<PendingBatch>(capacity: 2) }
    }

    func start() {
        for worker in 0..<segments.threads {
            finished.enter()
            let thread = Thread { [self] in
                run(worker: worker)
                let cpu = ThreadCPUTime.now()
                lock.lock()
                threadCPUSeconds += cpu
                lock.unlock()
                finished.leave()
            }
            thread.name = "inquest.ingest.parse.\(worker)"
            thread.stackSize = 1 << 22
            thread.start()
        }
    }

    func receive() -> PendingBatch? {
        while segment < segments.count {
            guard var batch = channels[segment % segments.threads].receive() else { return nil }
            for index in batch.failures.indices { batch.failures[index].line += linesBefore }
            if let point = batch.resumePoint { batch.resumePoint = (point.offset, point.line + linesBefore) }
            linesInSegment += batch.physicalLines
            batch.totalLines = linesBefore + linesInSegment
            if !segmentHasTime, segment > 0, let lastTimestamp {
                segmentHasTime = batch.events.inheritLeadingMissingTimes(from: lastTimestamp)
            }
            lastTimestamp = batch.events.lastTimestamp ?? lastTimestamp
            if batch.endsSegment {
                segment += 1
                linesBefore += linesInSegment
                linesInSegment = 0
                segmentHasTime = false
            }
            // An empty batch ends a segment whose last full batch took all its records; only the
            // file's last one goes on, as a single parser's final batch does (its end offset).
            if batch.isEmpty && segment < segments.count { continue }
            return batch
        }
        return nil
    }

    func cancel() {
        for channel in channels { channel.cancel() }
    }

    func waitUntilFinished() {
        finished.wait()
    }

    var readFailure: (any Error)? {
        lock.lock()
        defer { lock.unlock() }
        return failure
    }

    var cpuSeconds: Double {
        lock.lock()
        defer { lock.unlock() }
        return threadCPUSeconds
    }

    /// Parses this worker's segments in order; a read error ends every worker (the consumer then
    /// stops at the first segment that did not end, as a single parser would stop there).
    private func run(worker: Int) {
        let channel = channels[worker]
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer {
            buffer.deallocate()
            channel.close()
        }
        var index = worker
        while index < segments.count {
            do {
                guard try parse(segment: index, buffer: buffer, into: channel) else { return }
            } catch {
                lock.lock()
                if failure == nil { failure = error }
                lock.unlock()
                cancel()  // the other threads may wait to send batches that will never be taken
                return
            }
            index += segments.threads
        }
    }

    /// Parses one segment into `channel`; false when the consumer gave up.
    private func parse(segment index: Int, buffer: UnsafeMutableRawBufferPointer, into channel: BatchChannel<PendingBatch>) throws(IngestError) -> Bool {
        let start = segments.starts[index]
        let end = segments.end(of: index)
        var parser = LogStreamParser(format: format, options: options, startOffset: start, startLine: 0)
        var output = ParseOutput()
        var offset = start
        while end.map({ offset < $0 }) ?? true {
            let wanted = end.map { Int(min(Int64(buffer.count), $0 - offset)) } ?? buffer.count
            let count = try input.read(at: offset, into: UnsafeMutableRawBufferPointer(rebasing: buffer[0..<wanted]))
            if count == 0 { break }
            parser.feed(UnsafeRawBufferPointer(rebasing: buffer[0..<count]), into: &output)
            offset += Int64(count)
            if output.isFull(records: batchSize) {
                var batch = PendingBatch(taking: &output, defaultService: defaultService, maskMessages: maskMessages, endOffset: offset, totalLines: 0)
                batch.resumePoint = parser.resumePoint
                guard channel.send(batch) else { return false }
            }
        }
        parser.finish(into: &output)
        var last = PendingBatch(taking: &output, defaultService: defaultService, maskMessages: maskMessages, endOffset: offset, totalLines: 0)
        last.resumePoint = parser.resumePoint
        last.endsSegment = true
        return channel.send(last)
    }
}

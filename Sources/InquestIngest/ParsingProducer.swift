import Foundation
import InquestCore
import InquestParsers
import InquestStore

/// The parsing side of a file ingest: a thread that reads the input chunk by chunk, parses
/// it and sends batches of events and failures into a bounded channel, so parsing overlaps
/// with the store's writes on the other core. A large regular file is parsed by
/// ``SegmentedParsingProducer`` instead; this one reads any input, streams included.
///
/// It owns the input and the buffer from `start()` until it finishes; the caller waits for
/// that (``waitUntilFinished()``) before freeing the buffer.
final class ParsingProducer: ParsedBatchSource, @unchecked Sendable {
    private let handoff: ProducerHandoff
    private let firstCount: Int
    private let format: LogFormat
    private let options: LogParseOptions
    private let batchSize: Int
    private let defaultService: String?
    /// Mask each message for the template miner (``PendingBatch/maskedMessages``).
    private let maskMessages: Bool
    /// Where the input's read position is (a resumed ingest seeks there first), and the lines before it.
    private let startPosition: (offset: Int64, line: Int)
    /// Bounded so memory stays flat: the thread waits when this many batches wait to be stored.
    private let channel = BatchChannel<PendingBatch>(capacity: 4)
    private let finished = DispatchSemaphore(value: 0)
    /// A read error that ended the file early; read it after ``waitUntilFinished()``.
    private(set) var readFailure: (any Error)?
    /// The parsing thread's CPU seconds; read it after ``waitUntilFinished()``.
    private(set) var cpuSeconds: Double = 0

    init(
        handoff: ProducerHandoff, firstCount: Int, format: LogFormat, options: LogParseOptions,
        batchSize: Int, defaultService: String?, start: (offset: Int64, line: Int) = (0, 0), maskMessages: Bool = true
    ) {
        startPosition = start
        self.handoff = handoff
        self.firstCount = firstCount
        self.format = format
        self.options = options
        self.batchSize = batchSize
        self.defaultService = defaultService
        self.maskMessages = maskMessages
    }

    func start() {
        let thread = Thread { [self] in
            run()
            finished.signal()
        }
        thread.name = "inquest.ingest.parse"
        thread.stackSize = 1 << 22
        thread.start()
    }

    /// How long a stream may pause before what was parsed from it is stored.
    static let streamPauseMilliseconds: Int32 = 100
    /// How long a stream must stay quiet before a record held for continuation lines is stored
    /// (the default `idleFlush` of `inquest watch`).
    static let heldRecordQuietMilliseconds: Int32 = 1_000

    func receive() -> PendingBatch? { channel.receive() }

    func cancel() { channel.cancel() }

    func waitUntilFinished() {
        finished.wait()
        finished.signal()  // later waits return at once
    }

    private func run() {
        defer { cpuSeconds = ThreadCPUTime.now() }
        var parser = LogStreamParser(format: format, options: options, startOffset: startPosition.offset, startLine: startPosition.line)
        var output = ParseOutput()
        var offset = startPosition.offset
        var lines = startPosition.line
        var count = firstCount
        while count > 0 {
            parser.feed(UnsafeRawBufferPointer(rebasing: handoff.buffer[0..<count]), into: &output)
            offset += Int64(count)
            // A full batch goes at once; from a stream that pauses (a live pipe), whatever was
            // parsed goes before the read that would wait, so records are stored as they come.
            let parsed = output.events.count + output.failures.count
            if output.isFull(records: batchSize) || (parsed > 0 && !handoff.input.hasData(withinMilliseconds: Self.streamPauseMilliseconds)) {
                if !send(&output, offset: offset, lines: &lines, resume: parser.resumePoint, final: false) { break }
            }
            // A record that may still get continuation lines (a log4j stack trace, an open JSON
            // object) is stored once the stream stays quiet, as `inquest watch` does: later
            // lines then start new records. A regular file always has data, so it never waits.
            if parser.isHoldingRecord && !handoff.input.hasData(withinMilliseconds: Self.heldRecordQuietMilliseconds) {
                parser.flushHeldRecord(into: &output)
                if !send(&output, offset: offset, lines: &lines, resume: parser.resumePoint, final: false) { break }
            }
            do {
                count = try handoff.inputWaits.reading { () throws(IngestError) in try handoff.input.read(into: handoff.buffer) }
            } catch {
                readFailure = error
                break
            }
        }
        if !channel.isCancelled {
            parser.finish(into: &output)
            _ = send(&output, offset: offset, lines: &lines, resume: parser.resumePoint, final: true)
        }
        channel.close()
    }

    /// Sends what was parsed so far; false when the consumer gave up.
    private func send(_ output: inout ParseOutput, offset: Int64, lines: inout Int, resume: (offset: Int64, line: Int), final: Bool) -> Bool {
        lines += output.physicalLines
        var batch = PendingBatch(taking: &output, defaultService: defaultService, maskMessages: maskMessages, endOffset: offset, totalLines: lines)
        batch.resumePoint = resume
        if batch.isEmpty && !final { return true }
        return channel.send(batch)
    }
}

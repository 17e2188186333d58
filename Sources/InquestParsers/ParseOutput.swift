import InquestCore

/// What a ``LogStreamParser`` produced so far: events, located failures and the number of
/// physical lines consumed (blank lines included).
public struct ParseOutput: Sendable {
    /// Parsed records, in input order.
    public var events: [Event]
    /// Records that could not be parsed, in input order.
    public var failures: [RecordFailure]
    /// Physical lines consumed, including blank lines and continuation lines.
    public var physicalLines: Int
    /// Of ``physicalLines``, the blank lines skipped between records (blank lines inside a
    /// multi-line record count as its continuation lines).
    public var blankLines = 0
    /// Of ``physicalLines``, the lines joined to the record before them (the later lines of a
    /// multi-line JSON object, a log4j record's stack trace), so every line is accounted for.
    public var continuationLines = 0
    /// Lines that describe the file rather than record anything (W3C `#Fields:` directives); no events.
    public var headerLines = 0
    /// Bytes of the raw records in ``events`` and ``failures``: with the record count, what tells
    /// a caller to hand a batch on (a few huge records weigh as much as many small ones).
    public var rawBytes: Int

    /// Whether a batch should be handed on: `records` records, or ``maximumBatchRawBytes`` of raw records.
    public func isFull(records: Int) -> Bool {
        events.count + failures.count >= records || rawBytes >= Self.maximumBatchRawBytes
    }

    /// Raw bytes after which a batch is full whatever its record count: one piece of a line too
    /// long to parse (``LogStreamParser/maxLineBytes``). Ordinary batches of 8,192 records hold
    /// 1–2 MiB; with the batches waiting in an ingest's channel, a file of huge lines peaks at
    /// about 200 MiB of resident memory instead of holding each line whole.
    public static let maximumBatchRawBytes = 16 << 20

    /// Takes the event (moved in, not copied: a copy would retain and release each of its strings).
    mutating func append(_ event: consuming Event) {
        rawBytes += event.raw.count
        events.append(event)
    }

    mutating func append(_ failure: consuming RecordFailure) {
        rawBytes += failure.raw.count
        failures.append(failure)
    }

    /// An empty output to feed into.
    public init() {
        events = []
        failures = []
        physicalLines = 0
        rawBytes = 0
    }
}

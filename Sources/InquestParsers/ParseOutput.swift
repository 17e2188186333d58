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

    public init() {
        events = []
        failures = []
        physicalLines = 0
    }
}

/// A record that could not be parsed, with where it was and why.
public struct RecordFailure: Sendable, Hashable {
    /// 1-based number of the record's first physical line.
    public var line: Int
    /// Byte offset of the record's first byte in the stream.
    public var offset: Int64
    /// What went wrong, where in the record, and what to do (``LogParseError/message``).
    public var reason: String
    /// The record's bytes without line terminators.
    public var raw: [UInt8]
    /// The error behind ``reason``.
    public var error: LogParseError

    public init(line: Int, offset: Int64, error: LogParseError, raw: [UInt8]) {
        self.line = line
        self.offset = offset
        self.reason = error.message
        self.raw = raw
        self.error = error
    }
}

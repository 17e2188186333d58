/// A record that could not be parsed, with where it was and why.
public struct RecordFailure: Sendable, Hashable {
    /// 1-based number of the record's first physical line.
    public var line: Int
    /// Byte offset of the record's first byte in the stream.
    public var offset: Int64
    /// What went wrong, where in the record, and what to do (``ParseError/description``).
    public var reason: String
    /// The record's bytes without line terminators.
    public var raw: [UInt8]
    /// The error behind ``reason``.
    public var error: ParseError

    /// A failure whose ``reason`` is the error's message.
    public init(line: Int, offset: Int64, error: ParseError, raw: [UInt8]) {
        self.line = line
        self.offset = offset
        self.reason = error.description
        self.raw = raw
        self.error = error
    }
}
